import { SINK_KINDS, type SinkKind } from '../src/catalogue/sinks.js';
import { createRule } from '../src/create-rule.js';
import { allowedDestination, describeFlow } from '../src/engine/dataflow-report.js';
import { createReporter, onAnalysis } from '../src/engine/rule-kit.js';

type Options = [{ sinkKinds: SinkKind[]; allowedDestinations: string[] }];
type MessageIds = 'plaintextExfiltration' | 'plaintextExfiltrationViaHelper' | 'hashExfiltration' | 'hashExfiltrationViaHelper';

const WHY =
  'Copying the content of an encrypted message anywhere but to its recipients defeats the encryption (a ghost copy, or client-side scanning when it is a hash): send only the ciphertext.';

export default createRule<Options, MessageIds>({
  name: 'no-plaintext-exfiltration',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending data that is being encrypted, or a hash of it, out in clear',
      recommended: 'recommended',
      cwe: ['CWE-319', 'CWE-359'],
      mechanisms: [10, 2],
      securitySeverity: 8.1,
      precision: 'high',
    },
    messages: {
      plaintextExfiltration: `{{source}} (line {{line}}) also reaches {{sink}}{{part}} unencrypted, a {{kind}} sink. ${WHY}`,
      plaintextExfiltrationViaHelper: `{{source}} (line {{line}}) is passed unencrypted to {{helper}}, which sends it to {{sink}}{{part}} (line {{sinkLine}}), a {{kind}} sink. ${WHY}`,
      hashExfiltration: `A hash of {{source}} (line {{line}}) reaches {{sink}}{{part}}, a {{kind}} sink: a server can match it against a list of known content. ${WHY}`,
      hashExfiltrationViaHelper: `A hash of {{source}} (line {{line}}) is passed to {{helper}}, which sends it to {{sink}}{{part}} (line {{sinkLine}}), a {{kind}} sink: a server can match it against a list of known content. ${WHY}`,
    },
    schema: [
      {
        type: 'object',
        properties: {
          sinkKinds: {
            type: 'array',
            items: { type: 'string', enum: [...SINK_KINDS] },
            uniqueItems: true,
            description: 'Which kinds of sink to check: network (default), log, storage, process.',
          },
          allowedDestinations: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'URL prefixes or host names the plaintext may go to (the recipient itself, for a transport that is already end-to-end); skipped only when every URL a sink may be given is allowed.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ sinkKinds: ['network'], allowedDestinations: [] }],
  },
  create(context, [{ sinkKinds, allowedDestinations }]) {
    const kinds = new Set(sinkKinds);
    const report = createReporter(context);
    return onAnalysis(context, (analysis) => {
      if (!analysis.bindings('plaintext').some((binding) => binding.fact.operation === 'encrypt')) return;
      for (const flow of analysis.dataflow.flows('plaintext')) {
        const sink = flow.sink;
        if (!kinds.has(sink.kind) || sink.strictOnly) continue;
        if (allowedDestination(analysis, sink, allowedDestinations)) continue;
        const data = describeFlow(flow, context.sourceCode);
        if (flow.hashed) data.source = data.source!.charAt(0).toLowerCase() + data.source!.slice(1);
        const messageId = flow.hashed
          ? flow.via
            ? 'hashExfiltrationViaHelper'
            : 'hashExfiltration'
          : flow.via
            ? 'plaintextExfiltrationViaHelper'
            : 'plaintextExfiltration';
        report({ node: flow.node, messageId, data }, `${flow.source.id}:${sink.id}`);
      }
    });
  },
});
