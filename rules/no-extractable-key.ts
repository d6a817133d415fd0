import { createRule } from '../src/create-rule.js';
import { createReporter, onAnalysis } from '../src/engine/rule-kit.js';

type Options = [{ formats: string[] }];
type MessageIds = 'extractableExported';

export default createRule<Options, MessageIds>({
  name: 'no-extractable-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Web Crypto private and secret keys created extractable and then exported in clear',
      recommended: 'strict',
      cwe: ['CWE-320', 'CWE-522'],
      mechanisms: [3],
      securitySeverity: 6.5,
      precision: 'high',
    },
    messages: {
      extractableExported:
        '{{source}} is created with extractable: true and exported in clear by {{api}} (line {{line}}): any script running in the page can then read the raw key. Create it with extractable: false, or export it only wrapped (wrapKey) under a key the user controls.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          formats: {
            type: 'array',
            items: { type: 'string', enum: ['raw', 'pkcs8', 'jwk', 'spki'] },
            uniqueItems: true,
            description: 'Export formats to report (default: raw, pkcs8, jwk); an export whose format is not known is always reported.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ formats: ['raw', 'pkcs8', 'jwk'] }],
  },
  create(context, [{ formats }]) {
    const reported = new Set(formats);
    const report = createReporter(context);
    return onAnalysis(context, (analysis) => {
      const exports = analysis.facts.filter((fact) => fact.library === 'webcrypto' && fact.api.endsWith('.exportKey'));
      if (!exports.length || !analysis.dataflow.hasKeySources) return;
      for (const fact of exports) {
        const call = fact.node;
        if (call.type !== 'CallExpression') continue;
        const key = call.arguments[1];
        if (!key || key.type === 'SpreadElement') continue;
        const format = call.arguments[0];
        if (format && format.type !== 'SpreadElement') {
          const values = analysis.evaluator.evaluate(format);
          if (values.every((value) => value.kind === 'lit' && !reported.has(String(value.value)))) continue;
        }
        for (const label of analysis.dataflow.labelsAt(key, 'key-material')) {
          const source = label.source;
          if (source.kind !== 'key-material' || !source.extractable) continue;
          report(
            {
              node: source.extractable,
              messageId: 'extractableExported',
              data: {
                source: source.description.charAt(0).toUpperCase() + source.description.slice(1),
                api: fact.api,
                line: String(call.loc.start.line),
              },
            },
            String(source.id),
          );
        }
      }
    });
  },
});
