import { fn, property, ref, type ArgSpec, type LibraryModel, type TypeSpec } from './types.js';

// --- weakened configuration (issue 3: no-weak-auth-tag) ---
/** Config flags that release plaintext whose integrity was never checked (v5+ names, and v4's `ignore_mdc_error`). */
const UNAUTHENTICATED_FLAGS = ['allowUnauthenticatedMessages', 'allowUnauthenticatedStream', 'ignoreMdcError', 'ignore_mdc_error'];
const CONFIG: ArgSpec = { options: Object.fromEntries(UNAUTHENTICATED_FLAGS.map((flag) => [flag, 'allowUnauthenticated'])) };

const WEAKENED_CONFIGURATION_TYPES: Record<string, TypeSpec> = {
  // `openpgp.config.allowUnauthenticatedMessages = true` changes every later decryption.
  'openpgp.config': {
    display: 'openpgp.config',
    members: Object.fromEntries(UNAUTHENTICATED_FLAGS.map((flag) => [flag, property('allowUnauthenticated', 'configure')])),
  },
};
// --- end weakened configuration ---

/**
 * OpenPGP.js. Members are added by the rules that need them (weakened
 * configuration, hardcoded keys and escrow recipients, data flow): keep each
 * addition small and in its own block.
 */
export const OPENPGP: LibraryModel = {
  id: 'openpgp',
  modules: { openpgp: 'openpgp' },
  types: {
    'openpgp': {
      display: 'openpgp',
      members: {
        // --- hardcoded keys and escrow recipients (issue 5); `publicKeys`/`privateKeys` are the v4 names ---
        readKey: fn({ args: [{ options: { armoredKey: 'keyData', binaryKey: 'keyData' } }], operation: 'import' }),
        readKeys: fn({ args: [{ options: { armoredKeys: 'keyData', binaryKeys: 'keyData' } }], operation: 'import' }),
        readPrivateKey: fn({ args: [{ options: { armoredKey: 'keyData', binaryKey: 'keyData' } }], operation: 'import' }),
        readPrivateKeys: fn({ args: [{ options: { armoredKeys: 'keyData', binaryKeys: 'keyData' } }], operation: 'import' }),
        createMessage: fn({ args: [{ options: { text: 'plaintext', binary: 'plaintext' } }] }),
        encrypt: fn({
          args: [{ options: { message: 'plaintext', encryptionKeys: 'recipientKey', publicKeys: 'recipientKey', sessionKey: 'key' } }],
          operation: 'encrypt',
        }),
        encryptSessionKey: fn({
          args: [{ options: { data: 'plaintext', encryptionKeys: 'recipientKey', publicKeys: 'recipientKey' } }],
          operation: 'wrap',
        }),
        // (issue 3 adds `config`: flags that accept unauthenticated plaintext)
        decrypt: fn({
          args: [{ options: { verificationKeys: 'publicKey', publicKeys: 'publicKey', config: CONFIG } }],
          operation: 'decrypt',
        }),
        verify: fn({ args: [{ options: { verificationKeys: 'publicKey', publicKeys: 'publicKey' } }], operation: 'verify' }),
        // --- weakened configuration (issue 3) ---
        config: ref('openpgp.config'),
      },
    },
    ...WEAKENED_CONFIGURATION_TYPES,
  },
};
