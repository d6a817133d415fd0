import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule, IGNORE_TEST_FILES_SCHEMA } from '../src/create-rule.js';
import { publicKeyFingerprint } from '../src/engine/fingerprint.js';
import { describeKey } from '../src/engine/key-literals.js';
import { constantRecipients, type RecipientCandidate, type RecipientCategory } from '../src/engine/recipients.js';
import { createReporter, onAnalysis } from '../src/engine/rule-kit.js';
import { isTestFile } from '../src/engine/test-files.js';
import { isStrict, type Policy } from '../src/policy.js';

type Node = TSESTree.Node;
type Options = [{ ignoreTestFiles: boolean }];
type MessageIds = 'escrowKey' | 'escrowAgreement' | 'ghostRecipient' | 'fixedThirdParty' | 'disclosed';

export default createRule<Options, MessageIds>({
  name: 'no-escrow-recipient',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow encrypting or agreeing keys to a constant public key, and ghost recipients added to recipient lists',
      recommended: 'recommended',
      cwe: ['CWE-321', 'CWE-506'],
      mechanisms: [1, 2, 4],
      securitySeverity: 9.1,
      precision: 'high',
    },
    messages: {
      escrowKey:
        'Key material ({{material}}) is encrypted by {{api}} to a constant public key, {{recipient}}: whoever holds its private key can recover the key and everything it protects (a key escrow field, like the Clipper LEAF). Encrypt keys only to recipients the user chose; if this is a documented recovery key, add its fingerprint to settings.keyguard.disclosedRecipients with the reason.',
      escrowAgreement:
        '{{api}} agrees a key with a constant public key, {{recipient}}: whoever holds its private key derives the same secret and can read what it protects (escrowed key agreement). Agree with the peer key of the session; if this is a documented pinned server key, add its fingerprint to settings.keyguard.disclosedRecipients with the reason.',
      ghostRecipient:
        'A constant public key, {{recipient}}, is added to recipients that are otherwise chosen at runtime ({{api}}): every message is also encrypted to it, a ghost recipient the participants never chose. Remove it; if it is a documented organisation key, add its fingerprint to settings.keyguard.disclosedRecipients with the reason.',
      fixedThirdParty:
        'Data encrypted to a fixed third party (strict): {{api}} encrypts to a constant public key, {{recipient}}, whose private-key holder can read it. This is expected when that party must read the data (a payment processor); document it by adding the fingerprint to settings.keyguard.disclosedRecipients with the reason.',
      disclosed: '{{api}} encrypts to a disclosed recipient, {{recipient}}. Disclosed as: {{reason}}',
    },
    schema: [...IGNORE_TEST_FILES_SCHEMA],
    defaultOptions: [{ ignoreTestFiles: false }],
  },
  create(context, [{ ignoreTestFiles }]) {
    if (ignoreTestFiles && isTestFile(context.filename)) return {};
    const report = createReporter(context);
    return onAnalysis(context, (analysis, policy) => {
      for (const { candidate, category } of constantRecipients(analysis)) emitFinding(report, policy, candidate, category);
    });
  },
});

function emitFinding(
  report: (descriptor: TSESLint.ReportDescriptor<MessageIds> & { node: Node }, key?: string) => void,
  policy: Policy,
  candidate: RecipientCandidate,
  category: RecipientCategory,
): void {
  const fingerprint = publicKeyFingerprint(candidate.found);
  const recipient = `${describeKey(candidate.found, candidate.at)}${fingerprint ? `, SHA-256 ${fingerprint}` : ''}`;
  const api = candidate.fact.api;
  const reported = category !== 'data' || isStrict(policy);
  const disclosed = fingerprint ? policy.disclosedRecipients.find((entry) => entry.sha256 === fingerprint) : undefined;
  const key = `${fingerprint ?? candidate.found.description}`;
  if (disclosed) {
    if (reported && policy.reportDisclosed) {
      report({ node: candidate.at, messageId: 'disclosed', data: { api, recipient, reason: disclosed.reason } }, key);
    }
    return;
  }
  if (!reported) return;
  const messageId: MessageIds =
    category === 'key' ? 'escrowKey' : category === 'agreement' ? 'escrowAgreement' : category === 'ghost' ? 'ghostRecipient' : 'fixedThirdParty';
  report({ node: candidate.at, messageId, data: { api, recipient, material: 'a session or content key' } }, key);
}
