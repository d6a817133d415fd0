import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FileAnalysis } from './analysis.js';
import type { Flow, SinkSite } from './dataflow.js';

/**
 * Message data for a flow. Names the source, its line, the sink and the part
 * of it the value reaches; never the value itself.
 */
export function describeFlow(flow: Flow, sourceCode: TSESLint.SourceCode): Record<string, string> {
  const source = flow.source;
  const description = source.nameOnly ? `a value named ${source.description}` : source.description;
  const helper = flow.via ? `${calleeText(flow.via, sourceCode)}()` : '';
  return {
    source: capitalise(description),
    line: String(source.node.loc.start.line),
    sink: flow.sink.display,
    part: flow.parts.length ? ` ${flow.parts.join(' and ')}` : '',
    kind: flow.sink.kind,
    note: source.nameOnly ? ' (the source is recognised by its name only: lower confidence)' : '',
    helper,
    sinkLine: String(flow.sink.node.loc.start.line),
  };
}

function calleeText(call: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: TSESLint.SourceCode): string {
  const text = sourceCode.getText(call.callee).replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function capitalise(text: string): string {
  return text.startsWith("'") ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * True when every destination a sink may be given is allowed: a URL starting
 * with an allowed prefix, or whose host is an allowed host name. Unknown
 * destinations are never allowed.
 */
export function allowedDestination(analysis: FileAnalysis, sink: SinkSite, allowed: readonly string[]): boolean {
  if (!allowed.length) return false;
  let values;
  if (sink.destination) {
    values = analysis.evaluator.evaluate(sink.destination);
  } else if (sink.destinationOption) {
    values = analysis.evaluator.evaluate(sink.destinationOption.node).flatMap((value) =>
      value.kind === 'object' ? analysis.evaluator.objectProperty(value, sink.destinationOption!.key, sink.destinationOption!.node).values : [value],
    );
  } else {
    return false;
  }
  if (!values.length) return false;
  return values.every((value) => {
    if (value.kind !== 'lit' || typeof value.value !== 'string') return false;
    const url = value.value;
    return allowed.some((entry) => url.startsWith(entry) || hostOf(url) === entry.toLowerCase());
  });
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}
