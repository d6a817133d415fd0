import type { Role } from '../src/catalogue/index.js';
import { isEcbModeName, parseCipherName } from '../src/catalogue/algorithms.js';
import { allowListOption, createRule } from '../src/create-rule.js';
import type { CallFact } from '../src/engine/facts.js';
import { createReporter, describeValue, isDecryption, onAnalysis } from '../src/engine/rule-kit.js';
import { stringLits } from '../src/engine/values.js';
import { isStrict } from '../src/policy.js';

type Options = [{ allow: string[] }];
type MessageIds = 'ecbMode' | 'ecbModeDecrypt';

/** Does this call also select a weak cipher? Then no-weak-cipher reports it, and ECB is not a second finding. */
function usesWeakCipher(fact: CallFact): boolean {
  return fact.bindings.some(
    (binding) => binding.role === 'cipher' && stringLits(binding.values).some((v) => parseCipherName(String(v.value))?.weakness),
  );
}

const ECB_ROLES: readonly Role[] = ['cipher', 'cipherMode'];

export default createRule<Options, MessageIds>({
  name: 'no-ecb-mode',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow ECB mode, which encrypts equal blocks to equal ciphertext',
      recommended: 'recommended',
      cwe: ['CWE-327'],
      mechanisms: [5],
      securitySeverity: 7.5,
      precision: 'very-high',
    },
    messages: {
      ecbMode:
        '{{value}} uses ECB mode: equal plaintext blocks encrypt to equal ciphertext blocks, so patterns in the data show through and blocks can be reordered. Use an authenticated mode (AES-256-GCM) with a fresh random IV for every message.',
      ecbModeDecrypt:
        '{{value}} decrypts ECB-mode data. Reading legacy data is reported under the strict profile only: re-encrypt it with AES-256-GCM and remove this path.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: allowListOption('Cipher names to accept in ECB mode (case-insensitive), e.g. for single-block key wrapping in a legacy format.'),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [] }],
  },
  create(context, [{ allow }]) {
    const allowed = new Set(allow.map((name) => name.toLowerCase()));
    const report = createReporter(context);
    return onAnalysis(context, (analysis, policy) => {
      for (const role of ECB_ROLES) {
        for (const binding of analysis.bindings(role)) {
          const decrypting = isDecryption(binding.fact.operation);
          if ((decrypting && !isStrict(policy)) || usesWeakCipher(binding.fact)) continue;
          for (const value of stringLits(binding.values)) {
            const name = String(value.value);
            const ecb = role === 'cipher' ? parseCipherName(name)?.mode === 'ecb' : isEcbModeName(name);
            if (!ecb || allowed.has(name.toLowerCase())) continue;
            report(
              {
                node: binding.node,
                messageId: decrypting ? 'ecbModeDecrypt' : 'ecbMode',
                data: { value: describeValue(value, binding.node) },
              },
              name.toLowerCase(),
            );
          }
        }
      }
    });
  },
});
