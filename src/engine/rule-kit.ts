import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Operation } from '../catalogue/index.js';
import { getPolicy, type Policy } from '../policy.js';
import { getAnalysis, mayAnalyse, type FileAnalysis } from './analysis.js';
import type { LitValue } from './values.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

let reportedInternalError = false;

/**
 * The listener every analysis rule returns: on Program:exit it takes the
 * shared analysis (computed once per file) and runs the rule's predicate.
 * Configuration errors throw from `create` (clear, naming the bad key); an
 * internal error while checking a file never breaks the user's lint: the file
 * gets no keyguard findings, and one line on stderr says what happened.
 * Tests set KEYGUARD_THROW=1 so such errors fail loudly instead.
 */
export function onAnalysis(
  context: AnyContext,
  check: (analysis: FileAnalysis, policy: Policy) => void,
): TSESLint.RuleListener {
  const policy = getPolicy(context.settings as Record<string, unknown>);
  // No trigger in the file: no listener at all, so a file with no crypto costs one text scan in total.
  if (!mayAnalyse(context)) return {};
  return {
    'Program:exit'() {
      try {
        const analysis = getAnalysis(context);
        if (analysis) check(analysis, policy);
      } catch (error) {
        if (process.env.KEYGUARD_THROW === '1') throw error;
        if (!reportedInternalError) {
          reportedInternalError = true;
          const message = error instanceof Error ? error.message : String(error);
          process.stderr.write(
            `keyguard: internal error in ${context.id} on ${context.filename}: ${message} (file skipped; please report this)\n`,
          );
        }
      }
    },
  };
}

/** Decryption and unwrapping read existing data; everything else produces new protected data. */
export function isDecryption(operation: Operation | undefined): boolean {
  return operation === 'decrypt' || operation === 'unwrap';
}

/**
 * Describes where a literal came from, for messages: `'des-cbc' (LEGACY_CIPHER, line 4)`.
 * Only algorithm names and parameters go through here: never key material.
 */
export function describeValue(value: LitValue, reportedAt: TSESTree.Node): string {
  // A value implied by an API or an API constant is named by it: `CryptoJS.mode.ECB`.
  if (!value.node && value.label) return value.label;
  const shown = typeof value.value === 'string' ? `'${value.value}'` : String(value.raw ?? value.value);
  const parts: string[] = [];
  if (value.label) parts.push(value.label);
  if (value.node && value.node.loc.start.line !== reportedAt.loc.start.line) parts.push(`line ${value.node.loc.start.line}`);
  return parts.length ? `${shown} (${parts.join(', ')})` : shown;
}

/**
 * Where a number or name came from, as a parenthesised suffix for messages
 * that already show the value: ` (MIN_BITS, line 4)`, ` (written as 2)`, or ''.
 */
export function describeOrigin(value: LitValue, reportedAt: TSESTree.Node): string {
  const parts: string[] = [];
  if (value.raw !== undefined) parts.push(`written as ${String(value.raw)}`);
  if (value.label) parts.push(value.node ? value.label : `implied by ${value.label}`);
  if (value.node && value.node.loc.start.line !== reportedAt.loc.start.line) parts.push(`line ${value.node.loc.start.line}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** Reports each (node, messageId, detail) once, however many paths lead to it. */
export function createReporter<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>,
): (descriptor: TSESLint.ReportDescriptor<MessageIds> & { node: TSESTree.Node }, key?: string) => void {
  const seen = new Set<string>();
  return (descriptor, key = '') => {
    const id = `${descriptor.node.range[0]}:${descriptor.node.range[1]}:${descriptor.messageId}:${key}`;
    if (seen.has(id)) return;
    seen.add(id);
    context.report(descriptor);
  };
}
