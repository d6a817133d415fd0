import { createRule } from '../src/create-rule.js';
import type { CallFact } from '../src/engine/facts.js';
import { createReporter, describeValue, isDecryption, onAnalysis } from '../src/engine/rule-kit.js';
import type { LitValue } from '../src/engine/values.js';

type Options = [{ allowDecrypt: boolean }];
type MessageIds = 'pkcs1Encrypt' | 'pkcs1Decrypt' | 'pkcs1Default' | 'pkcs1Configured' | 'noPadding';

type Scheme = 'pkcs1' | 'none';

/** `crypto.constants.RSA_PKCS1_PADDING` (1), `RSA_SSLV23_PADDING` (2, PKCS#1 v1.5 with an SSLv2 rollback marker), `RSA_NO_PADDING` (3). */
const NUMERIC: Readonly<Record<number, Scheme>> = { 1: 'pkcs1', 2: 'pkcs1', 3: 'none' };

/** Scheme names: node-rsa `pkcs1`, node-forge `RSAES-PKCS1-V1_5` / `RAW` / `NONE`, JOSE `RSA1_5`. */
function schemeOf(value: LitValue): Scheme | undefined {
  if (typeof value.value === 'number') return NUMERIC[value.value];
  if (typeof value.value !== 'string') return undefined;
  const name = value.value.trim().toLowerCase().replace(/[\s_]/g, '-');
  if (/^(pkcs1|pkcs-?1-?v1-5|rsaes-pkcs1-v1-5|rsaes-pkcs-?1-v-?1-5|rsa1-5|pkcs1-padding)$/.test(name)) return 'pkcs1';
  if (/^(raw|none|null|no-padding|rsa-no-padding)$/.test(name)) return 'none';
  return undefined;
}

/** A `padding` role on a symmetric cipher call (crypto-js `padding: CryptoJS.pad.NoPadding`) is block padding, not RSA. */
function isSymmetric(fact: CallFact): boolean {
  return fact.bindings.some((binding) => binding.role === 'cipher' || binding.role === 'cipherMode');
}

export default createRule<Options, MessageIds>({
  name: 'no-insecure-rsa-padding',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow RSA encryption with PKCS#1 v1.5 padding or without padding',
      recommended: 'recommended',
      cwe: ['CWE-780', 'CWE-327'],
      mechanisms: [12],
      securitySeverity: 7.4,
      precision: 'very-high',
    },
    messages: {
      pkcs1Encrypt:
        '{{value}} encrypts with RSA PKCS#1 v1.5 padding: whoever decrypts it becomes a padding oracle (Bleichenbacher 1998, ROBOT, Marvin), and an attacker who can submit ciphertexts recovers plaintexts. Use OAEP (RSA_PKCS1_OAEP_PADDING with oaepHash sha256, RSA-OAEP-256).',
      pkcs1Decrypt:
        '{{value}} decrypts RSA PKCS#1 v1.5: this code is a padding oracle (Bleichenbacher, Marvin; current Node refuses it since the CVE-2023-46809 fix unless the fix is reverted). Migrate senders to OAEP and remove this path.',
      pkcs1Default:
        '{{api}} without a scheme encrypts with RSA PKCS#1 v1.5 padding ({{value}}): the receiver becomes a padding oracle (Bleichenbacher, ROBOT, Marvin). Pass the OAEP scheme explicitly (node-forge: \'RSA-OAEP\' with a SHA-256 md).',
      pkcs1Configured:
        '{{value}} configures this RSA key for PKCS#1 v1.5 encryption: every encrypt or decrypt with it is exposed to padding-oracle attacks (Bleichenbacher, Marvin). Use the OAEP scheme (node-rsa: pkcs1_oaep).',
      noPadding:
        '{{value}} uses raw RSA without padding ("textbook RSA"): deterministic and malleable, it leaks equal plaintexts and lets an attacker transform ciphertexts. Use OAEP.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowDecrypt: {
            type: 'boolean',
            description: 'Accept PKCS#1 v1.5 decryption (reading messages from legacy senders that cannot change); encryption is always reported.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowDecrypt: false }],
  },
  create(context, [{ allowDecrypt }]) {
    const report = createReporter(context);
    return onAnalysis(context, (analysis) => {
      for (const binding of analysis.bindings('padding')) {
        const fact = binding.fact;
        if (isSymmetric(fact)) continue;
        // Signature padding (privateEncrypt/publicDecrypt, signingScheme) is not this rule's business.
        if (fact.operation === 'sign' || fact.operation === 'verify') continue;
        for (const value of binding.values) {
          if (value.kind !== 'lit') continue;
          const scheme = schemeOf(value);
          if (!scheme) continue;
          const where = describeValue(value, binding.node);
          let messageId: MessageIds;
          if (scheme === 'none') messageId = 'noPadding';
          else if (isDecryption(fact.operation)) {
            if (allowDecrypt) continue;
            messageId = 'pkcs1Decrypt';
          }
          else if (value.implied === 'default') messageId = 'pkcs1Default';
          else if (fact.operation === 'encrypt') messageId = 'pkcs1Encrypt';
          else messageId = 'pkcs1Configured';
          report({ node: binding.node, messageId, data: { value: where, api: fact.api } }, scheme);
        }
      }
    });
  },
});
