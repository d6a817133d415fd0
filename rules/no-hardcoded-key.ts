import type { TSESTree } from '@typescript-eslint/utils';
import type { Role } from '../src/catalogue/index.js';
import { createRule, IGNORE_TEST_FILES_SCHEMA } from '../src/create-rule.js';
import { describeKey, expectationOf, isSecretKind, keyLiterals, privateKeysInSource } from '../src/engine/key-literals.js';
import { createReporter, onAnalysis } from '../src/engine/rule-kit.js';
import { isTestFile } from '../src/engine/test-files.js';

type Options = [{ ignoreTestFiles: boolean }];
type MessageIds = 'hardcodedKey' | 'privateKeyInSource';

/** Roles whose constants are reported: where a secret or private key goes, and where any key is loaded. */
const ROLES: readonly Role[] = ['key', 'keyData', 'publicKey', 'recipientKey'];

/**
 * A key imported only to learn whether the platform supports an algorithm
 * (`importKey('raw', new Uint8Array(16), 'AES-CBC', false, ['encrypt']).then(() => true, () => false)`):
 * the key object is thrown away, so the constant protects nothing.
 */
function isDiscardedImport(call: TSESTree.Node): boolean {
  const node = call.parent?.type === 'ChainExpression' ? call.parent : call;
  const parent = node.parent;
  if (parent?.type !== 'MemberExpression' || parent.object !== node || parent.computed || parent.property.type !== 'Identifier') return false;
  if (!['then', 'catch', 'finally'].includes(parent.property.name)) return false;
  const handler = parent.parent;
  if (handler?.type !== 'CallExpression' || handler.callee !== parent) return false;
  return handler.arguments.every(
    (arg) => (arg.type === 'ArrowFunctionExpression' || arg.type === 'FunctionExpression') && arg.params.length === 0,
  );
}

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow secret and private keys written in the source code',
      recommended: 'recommended',
      cwe: ['CWE-321', 'CWE-798'],
      mechanisms: [1, 2, 4],
      securitySeverity: 8.8,
      precision: 'high',
    },
    messages: {
      hardcodedKey:
        'A hardcoded key ({{material}}) is used by {{api}}: anyone who can read the code, the bundle or the repository history has it, so whatever it protects is not protected. Load it at runtime from a secret store or the environment (or generate it), and rotate this one.',
      privateKeyInSource:
        'Private key material ({{material}}) is written in the source: anyone who can read the code, the bundle or the repository history can use it, so it must be considered compromised. Revoke and rotate it, and load private keys at runtime from a secret store.',
    },
    schema: [...IGNORE_TEST_FILES_SCHEMA],
    defaultOptions: [{ ignoreTestFiles: false }],
  },
  create(context, [{ ignoreTestFiles }]) {
    if (ignoreTestFiles && isTestFile(context.filename)) return {};
    const report = createReporter(context);
    return onAnalysis(context, (analysis) => {
      const keys = keyLiterals(analysis);
      /** each literal is reported once, where it is first reported */
      const done = new Set<TSESTree.Node>();
      for (const found of privateKeysInSource(analysis)) {
        if (!found.node || done.has(found.node)) continue;
        done.add(found.node);
        report({ node: found.node, messageId: 'privateKeyInSource', data: { material: found.description } });
      }
      for (const role of ROLES) {
        for (const binding of analysis.bindings(role)) {
          if (binding.fact.operation === 'import' && isDiscardedImport(binding.fact.node)) continue;
          const expect = expectationOf(binding);
          for (const value of binding.values) {
            // Key objects are reported where their material is imported, not at every use.
            if (value.kind !== 'lit' && value.kind !== 'bytes' && value.kind !== 'object') continue;
            for (const found of keys.ofValue(value, expect)) {
              if (!isSecretKind(found.kind)) continue;
              // Outside a secret-key role only a self-describing key (a private PEM, a JWK) is certain.
              if (role !== 'key' && !found.selfDescribing) continue;
              const where = found.node ?? binding.node;
              if (done.has(where)) continue;
              done.add(where);
              report(
                { node: binding.node, messageId: 'hardcodedKey', data: { material: describeKey(found, binding.node), api: binding.fact.api } },
                String(where.range[0]),
              );
            }
          }
        }
      }
    });
  },
});
