import noAlgorithmDowngrade from '../rules/no-algorithm-downgrade.js';
import noDisabledTlsVerification from '../rules/no-disabled-tls-verification.js';
import noEcbMode from '../rules/no-ecb-mode.js';
import noEscrowRecipient from '../rules/no-escrow-recipient.js';
import noExtractableKey from '../rules/no-extractable-key.js';
import noHardcodedKey from '../rules/no-hardcoded-key.js';
import noInjectedTrustAnchor from '../rules/no-injected-trust-anchor.js';
import noInsecureJwt from '../rules/no-insecure-jwt.js';
import noInsecureRandomness from '../rules/no-insecure-randomness.js';
import noInsecureRsaPadding from '../rules/no-insecure-rsa-padding.js';
import noKeyExfiltration from '../rules/no-key-exfiltration.js';
import noPlaintextExfiltration from '../rules/no-plaintext-exfiltration.js';
import noStaticIv from '../rules/no-static-iv.js';
import noWeakAuthTag from '../rules/no-weak-auth-tag.js';
import noWeakCipher from '../rules/no-weak-cipher.js';
import noWeakHash from '../rules/no-weak-hash.js';
import noWeakKdf from '../rules/no-weak-kdf.js';
import noWeakKeySize from '../rules/no-weak-key-size.js';
import noWeakTls from '../rules/no-weak-tls.js';

/** Every keyguard rule, by name, sorted. A test checks this matches the rules/ directory. */
export const rules = {
  'no-algorithm-downgrade': noAlgorithmDowngrade,
  'no-disabled-tls-verification': noDisabledTlsVerification,
  'no-ecb-mode': noEcbMode,
  'no-escrow-recipient': noEscrowRecipient,
  'no-extractable-key': noExtractableKey,
  'no-hardcoded-key': noHardcodedKey,
  'no-injected-trust-anchor': noInjectedTrustAnchor,
  'no-insecure-jwt': noInsecureJwt,
  'no-insecure-randomness': noInsecureRandomness,
  'no-insecure-rsa-padding': noInsecureRsaPadding,
  'no-key-exfiltration': noKeyExfiltration,
  'no-plaintext-exfiltration': noPlaintextExfiltration,
  'no-static-iv': noStaticIv,
  'no-weak-auth-tag': noWeakAuthTag,
  'no-weak-cipher': noWeakCipher,
  'no-weak-hash': noWeakHash,
  'no-weak-kdf': noWeakKdf,
  'no-weak-key-size': noWeakKeySize,
  'no-weak-tls': noWeakTls,
};

export type RuleName = keyof typeof rules;
