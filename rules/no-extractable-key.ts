import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { createReporter, onAnalysis } from '../src/engine/rule-kit.js';

/** JWK members that are public or metadata (RFC 7517, 7518): a private key's `d`, `p`, `q`... and a secret key's `k` are not. */
const PUBLIC_JWK_MEMBERS = new Set(['kty', 'crv', 'x', 'y', 'n', 'e', 'alg', 'use', 'key_ops', 'ext', 'kid']);

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
          // `const { x, y, crv, kty } = await exportKey('jwk', epk)`: only the public half is ever read.
          if (values.every((value) => value.kind === 'lit' && value.value === 'jwk') && onlyPublicMembersRead(call)) continue;
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

/** The export's result is destructured at once into public JWK members only (no rest element, no private member). */
function onlyPublicMembersRead(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  while (node.parent && (node.parent.type === 'AwaitExpression' || node.parent.type === 'TSAsExpression' || node.parent.type === 'TSNonNullExpression')) {
    node = node.parent;
  }
  const parent = node.parent;
  const pattern =
    parent?.type === 'VariableDeclarator' && parent.init === node
      ? parent.id
      : parent?.type === 'AssignmentExpression' && parent.right === node
        ? parent.left
        : null;
  if (pattern?.type !== 'ObjectPattern' || !pattern.properties.length) return false;
  return pattern.properties.every((prop) => {
    if (prop.type !== 'Property') return false;
    const key = prop.computed ? (prop.key.type === 'Literal' ? prop.key.value : null) : prop.key.type === 'Identifier' ? prop.key.name : prop.key.value;
    return typeof key === 'string' && PUBLIC_JWK_MEMBERS.has(key);
  });
}
