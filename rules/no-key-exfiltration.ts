import { SINK_KINDS, type SinkKind } from '../src/catalogue/sinks.js';
import { createRule } from '../src/create-rule.js';
import { allowedDestination, describeFlow } from '../src/engine/dataflow-report.js';
import { createReporter, onAnalysis } from '../src/engine/rule-kit.js';
import { isStrict } from '../src/policy.js';

type Options = [{ sinkKinds: SinkKind[]; allowedDestinations: string[] }];
type MessageIds = 'keyExfiltration' | 'keyExfiltrationViaHelper';

export default createRule<Options, MessageIds>({
  name: 'no-key-exfiltration',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow private keys, secret keys, derived keys and wallet secrets reaching the network, logs, storage or child processes',
      recommended: 'recommended',
      cwe: ['CWE-200', 'CWE-312', 'CWE-532'],
      mechanisms: [3],
      securitySeverity: 9.3,
      precision: 'high',
    },
    messages: {
      keyExfiltration:
        '{{source}} (line {{line}}) reaches {{sink}}{{part}}, a {{kind}} sink{{note}}. Whoever receives a key can decrypt or sign as its owner: keep it in this process, or wrap it under a key the user controls (wrapKey, KeyObject.export with cipher and passphrase) before it leaves.',
      keyExfiltrationViaHelper:
        '{{source}} (line {{line}}) is passed to {{helper}}, which sends it to {{sink}}{{part}} (line {{sinkLine}}), a {{kind}} sink{{note}}. Whoever receives a key can decrypt or sign as its owner: keep it in this process, or wrap it under a key the user controls before it leaves.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          sinkKinds: {
            type: 'array',
            items: { type: 'string', enum: [...SINK_KINDS] },
            uniqueItems: true,
            description: 'Which kinds of sink to check: network, log, storage, process (default: all).',
          },
          allowedDestinations: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'URL prefixes (`https://kms.example.com/`) or host names keys may be sent to, such as your own key-management service; a sink is skipped only when every URL it may be given is allowed.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ sinkKinds: [...SINK_KINDS], allowedDestinations: [] }],
  },
  create(context, [{ sinkKinds, allowedDestinations }]) {
    const kinds = new Set(sinkKinds);
    const report = createReporter(context);
    return onAnalysis(context, (analysis, policy) => {
      const dataflow = analysis.dataflow;
      if (!dataflow.hasKeySources) return;
      for (const flow of dataflow.flows('key-material')) {
        const sink = flow.sink;
        if (!kinds.has(sink.kind)) continue;
        if (sink.strictOnly && !isStrict(policy)) continue;
        if (allowedDestination(analysis, sink, allowedDestinations)) continue;
        const data = describeFlow(flow, context.sourceCode);
        report(
          { node: flow.node, messageId: flow.via ? 'keyExfiltrationViaHelper' : 'keyExfiltration', data },
          `${flow.source.id}:${sink.id}`,
        );
      }
    });
  },
});
