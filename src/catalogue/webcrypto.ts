import { fn, ref, type ArgSpec, type LibraryModel } from './types.js';

/** `hash: 'SHA-256'` or `hash: { name: 'SHA-256' }` */
const HASH: ArgSpec = { role: 'digest', options: { name: 'digest' } };

/** Parameters of encrypt/decrypt/wrapKey/unwrapKey: AES-GCM/CBC/CTR, RSA-OAEP. Units are bits. */
const CIPHER_PARAMS: ArgSpec = {
  role: 'algorithm',
  options: {
    name: 'algorithm',
    iv: 'iv',
    counter: 'iv',
    tagLength: 'tagLengthBits',
    // AES-CTR `length` is the counter size, not a key size: deliberately unmapped.
    length: null,
    label: null,
    additionalData: null,
  },
};

/** Parameters of generateKey/importKey and deriveKey's derived-key algorithm. */
const KEY_PARAMS: ArgSpec = {
  role: 'algorithm',
  options: {
    name: 'algorithm',
    modulusLength: 'modulusBits',
    namedCurve: 'curve',
    length: 'symmetricKeyBits',
    hash: HASH,
  },
};

/** Parameters of sign/verify: RSASSA-PKCS1-v1_5, RSA-PSS, ECDSA, HMAC, Ed25519. */
const SIGN_PARAMS: ArgSpec = { role: 'algorithm', options: { name: 'algorithm', hash: HASH, saltLength: null } };

/** Parameters of deriveBits/deriveKey's first argument: PBKDF2, HKDF, ECDH, X25519. */
const DERIVE_PARAMS: ArgSpec = {
  role: 'algorithm',
  options: {
    name: 'algorithm',
    hash: HASH,
    salt: 'salt',
    iterations: 'iterations',
    public: 'recipientKey',
    info: null,
  },
};

/**
 * Web Crypto, reached through the `crypto` global (and globalThis/window/self/
 * global), `require('crypto').webcrypto` and `require('crypto').subtle`.
 */
export const WEBCRYPTO: LibraryModel = {
  id: 'webcrypto',
  globals: { crypto: 'webcrypto.Crypto', msCrypto: 'webcrypto.Crypto' },
  triggers: ['subtle'],
  types: {
    'webcrypto.Crypto': {
      display: 'crypto',
      members: {
        subtle: ref('webcrypto.SubtleCrypto'),
        webkitSubtle: ref('webcrypto.SubtleCrypto'),
        getRandomValues: fn({ args: [null], operation: 'random', result: 'random' }),
        randomUUID: fn({ operation: 'random' }),
      },
    },
    'webcrypto.SubtleCrypto': {
      display: 'crypto.subtle',
      members: {
        encrypt: fn({ args: [CIPHER_PARAMS, 'key', 'plaintext'], operation: 'encrypt' }),
        decrypt: fn({ args: [CIPHER_PARAMS, 'key', null], operation: 'decrypt' }),
        sign: fn({ args: [SIGN_PARAMS, 'key', null], operation: 'sign' }),
        verify: fn({ args: [SIGN_PARAMS, 'publicKey', null, null], operation: 'verify' }),
        digest: fn({ args: [HASH, 'message'], operation: 'hash' }),
        generateKey: fn({ args: [KEY_PARAMS, null, null], operation: 'generate', result: 'key-material' }),
        deriveKey: fn({ args: [DERIVE_PARAMS, 'key', KEY_PARAMS, null, null], operation: 'derive', result: 'key-material' }),
        deriveBits: fn({
          args: [DERIVE_PARAMS, 'key', 'symmetricKeyBits'],
          operation: 'derive',
          result: 'key-material',
        }),
        importKey: fn({ args: ['keyFormat', 'key', KEY_PARAMS, null, null], operation: 'import' }),
        exportKey: fn({ args: ['keyFormat', null], operation: 'export' }),
        wrapKey: fn({ args: [null, 'plaintext', 'recipientKey', CIPHER_PARAMS], operation: 'wrap' }),
        unwrapKey: fn({
          args: [null, null, null, CIPHER_PARAMS, KEY_PARAMS, null, null],
          operation: 'unwrap',
          result: 'key-material',
          resultLabel: 'unwrapped key',
        }),
      },
    },
  },
};
