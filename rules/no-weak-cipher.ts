import { parseCipherName } from '../src/catalogue/algorithms.js';
import { allowListOption, createRule } from '../src/create-rule.js';
import { createReporter, describeValue, isDecryption, onAnalysis } from '../src/engine/rule-kit.js';
import { stringLits } from '../src/engine/values.js';
import { isStrict } from '../src/policy.js';

type Options = [{ allow: string[] }];
type MessageIds = 'weakCipher' | 'weakCipherDecrypt';

export default createRule<Options, MessageIds>({
  name: 'no-weak-cipher',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow broken, export-grade and 64-bit-block ciphers (DES, 3DES, RC4, RC2, Blowfish, CAST5, IDEA, SEED, NULL)',
      recommended: 'recommended',
      cwe: ['CWE-327'],
      mechanisms: [5],
      securitySeverity: 7.5,
      precision: 'very-high',
    },
    messages: {
      weakCipher:
        '{{value}} selects {{cipher}}, which has {{reason}}: data encrypted with it can be recovered. Encrypt with AES-256-GCM or ChaCha20-Poly1305 instead.',
      weakCipherDecrypt:
        '{{value}} decrypts with {{cipher}} ({{reason}}). Reading legacy data is reported under the strict profile only: migrate the data to AES-256-GCM and remove this path once it is re-encrypted.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: allowListOption('Cipher names to accept (case-insensitive), for documented legacy interoperability.'),
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
      for (const binding of analysis.bindings('cipher')) {
        const decrypting = isDecryption(binding.fact.operation);
        if (decrypting && !isStrict(policy)) continue;
        for (const value of stringLits(binding.values)) {
          const name = String(value.value);
          const info = parseCipherName(name);
          if (!info?.weakness || allowed.has(name.toLowerCase())) continue;
          report(
            {
              node: binding.node,
              messageId: decrypting ? 'weakCipherDecrypt' : 'weakCipher',
              data: { value: describeValue(value, binding.node), cipher: info.display, reason: info.reason ?? 'known weaknesses' },
            },
            name.toLowerCase(),
          );
        }
      }
    });
  },
});
