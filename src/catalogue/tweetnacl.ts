import { constant, fn, ref, type LibraryModel } from './types.js';

/**
 * tweetnacl (and tweetnacl-util is not crypto). Members are added by the rules that need them (weakened
 * configuration, hardcoded keys and escrow recipients, data flow): keep each
 * addition small and in its own block.
 */
export const TWEETNACL: LibraryModel = {
  id: 'tweetnacl',
  modules: { 'tweetnacl': 'tweetnacl' },
  types: {
    'tweetnacl': {
      display: 'nacl',
      members: {
        // --- hardcoded keys and escrow recipients (issue 5) ---
        box: ref('tweetnacl.box'),
        secretbox: ref('tweetnacl.secretbox'),
        scalarMult: ref('tweetnacl.scalarMult'),
        sign: ref('tweetnacl.sign'),
        // --- randomness (issue 3): the platform CSPRNG ---
        randomBytes: fn({ args: [null], operation: 'random', result: 'random' }),
      },
    },
    // --- hardcoded keys and escrow recipients (issue 5) ---
    /** `nacl.box(message, nonce, theirPublicKey, mySecretKey)`: X25519 + XSalsa20-Poly1305 to a recipient */
    'tweetnacl.box': {
      display: 'nacl.box',
      call: fn({ args: ['plaintext', 'iv', 'recipientKey', 'key'], operation: 'encrypt', result: 'ciphertext' }),
      members: {
        before: fn({ args: ['recipientKey', 'key'], operation: 'agree', result: 'key-material' }),
        after: fn({ args: ['plaintext', 'iv', 'key'], operation: 'encrypt', result: 'ciphertext' }),
        open: fn({ args: [null, 'iv', null, 'key'], operation: 'decrypt' }),
        keyPair: ref('tweetnacl.box.keyPair'),
        // --- sizes (issue 3): `new Uint8Array(nacl.box.nonceLength)` is a 24-byte zero nonce ---
        publicKeyLength: constant(32),
        secretKeyLength: constant(32),
        sharedKeyLength: constant(32),
        nonceLength: constant(24),
        overheadLength: constant(16),
      },
    },
    'tweetnacl.box.keyPair': {
      display: 'nacl.box.keyPair',
      call: fn({ operation: 'generate' }),
      members: { fromSecretKey: fn({ args: ['key'], operation: 'import' }) },
    },
    'tweetnacl.secretbox': {
      display: 'nacl.secretbox',
      call: fn({ args: ['plaintext', 'iv', 'key'], operation: 'encrypt', result: 'ciphertext' }),
      members: {
        open: fn({ args: [null, 'iv', 'key'], operation: 'decrypt' }),
        // --- sizes (issue 3) ---
        keyLength: constant(32),
        nonceLength: constant(24),
        overheadLength: constant(16),
      },
    },
    'tweetnacl.scalarMult': {
      display: 'nacl.scalarMult',
      call: fn({ args: ['key', 'recipientKey'], operation: 'agree', result: 'key-material' }),
      members: { base: fn({ args: ['key'], operation: 'derive' }) },
    },
    'tweetnacl.sign': {
      display: 'nacl.sign',
      call: fn({ args: [null, 'key'], operation: 'sign' }),
      members: {
        open: fn({ args: [null, 'publicKey'], operation: 'verify' }),
        detached: ref('tweetnacl.sign.detached'),
        keyPair: ref('tweetnacl.sign.keyPair'),
      },
    },
    'tweetnacl.sign.detached': {
      display: 'nacl.sign.detached',
      call: fn({ args: [null, 'key'], operation: 'sign' }),
      members: { verify: fn({ args: [null, null, 'publicKey'], operation: 'verify' }) },
    },
    'tweetnacl.sign.keyPair': {
      display: 'nacl.sign.keyPair',
      call: fn({ operation: 'generate' }),
      members: {
        fromSecretKey: fn({ args: ['key'], operation: 'import' }),
        fromSeed: fn({ args: ['key'], operation: 'import' }),
      },
    },
  },
};
