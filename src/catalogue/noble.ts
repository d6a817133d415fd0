import { fn, ref, type LibraryModel, type TypeSpec } from './types.js';

/**
 * Short-Weierstrass curves (`secp256k1`, `p256`, `p384`, `p521`): ECDSA and
 * ECDH. `getSharedSecret(mySecretKey, theirPublicKey)` agrees a key with a peer.
 */
const WEIERSTRASS: TypeSpec = {
  display: 'noble curve',
  members: {
    getSharedSecret: fn({ args: ['key', 'recipientKey'], operation: 'agree', result: 'key-material' }),
    getPublicKey: fn({ args: ['key'], operation: 'derive' }),
    sign: fn({ args: [null, 'key'], operation: 'sign' }),
    verify: fn({ args: [null, null, 'publicKey'], operation: 'verify' }),
    utils: ref('noble.utils'),
  },
};

/** Edwards curves (`ed25519`, `ed448`): signatures only. */
const EDWARDS: TypeSpec = {
  display: 'noble EdDSA',
  members: {
    getPublicKey: fn({ args: ['key'], operation: 'derive' }),
    sign: fn({ args: [null, 'key'], operation: 'sign' }),
    verify: fn({ args: [null, null, 'publicKey'], operation: 'verify' }),
    utils: ref('noble.utils'),
  },
};

/** Montgomery curves (`x25519`, `x448`): key agreement only. */
const MONTGOMERY: TypeSpec = {
  display: 'noble X25519/X448',
  members: {
    getSharedSecret: fn({ args: ['key', 'recipientKey'], operation: 'agree', result: 'key-material' }),
    scalarMult: fn({ args: ['key', 'recipientKey'], operation: 'agree', result: 'key-material' }),
    getPublicKey: fn({ args: ['key'], operation: 'derive' }),
    scalarMultBase: fn({ args: ['key'], operation: 'derive' }),
    utils: ref('noble.utils'),
  },
};

/** `@noble/ciphers` constructors: `gcm(key, nonce, aad?)` returns `{ encrypt, decrypt }`. */
const CIPHER = fn({ args: ['key', 'iv', null], returns: 'noble.Cipher' });

const CURVE_MODULES = {
  'noble.curves.ed25519': { display: '@noble/curves/ed25519', members: { ed25519: ref('noble.Edwards'), ed25519ctx: ref('noble.Edwards'), ed25519ph: ref('noble.Edwards'), x25519: ref('noble.Montgomery') } },
  'noble.curves.ed448': { display: '@noble/curves/ed448', members: { ed448: ref('noble.Edwards'), ed448ph: ref('noble.Edwards'), x448: ref('noble.Montgomery') } },
  'noble.curves.secp256k1': { display: '@noble/curves/secp256k1', members: { secp256k1: ref('noble.Weierstrass') } },
  'noble.curves.nist': {
    display: '@noble/curves/nist',
    members: {
      p256: ref('noble.Weierstrass'),
      p384: ref('noble.Weierstrass'),
      p521: ref('noble.Weierstrass'),
      secp256r1: ref('noble.Weierstrass'),
      secp384r1: ref('noble.Weierstrass'),
      secp521r1: ref('noble.Weierstrass'),
    },
  },
} satisfies Record<string, TypeSpec>;

/** Entry points of v1 (`@noble/curves/ed25519`) and v2 (`@noble/curves/ed25519.js`). */
function entries(base: string, type: string): Record<string, string> {
  return { [base]: type, [`${base}.js`]: type };
}

/**
 * @noble/curves and @noble/ciphers (paulmillr). Secret keys, the peer public
 * key of `getSharedSecret`, and cipher keys are mapped to roles; curve sizes
 * are all at or above the policy minimum, so curves are not catalogued as roles.
 */
export const NOBLE: LibraryModel = {
  id: 'noble',
  modules: {
    ...entries('@noble/curves/ed25519', 'noble.curves.ed25519'),
    ...entries('@noble/curves/ed448', 'noble.curves.ed448'),
    ...entries('@noble/curves/secp256k1', 'noble.curves.secp256k1'),
    ...entries('@noble/curves/nist', 'noble.curves.nist'),
    ...entries('@noble/curves/p256', 'noble.curves.nist'),
    ...entries('@noble/curves/p384', 'noble.curves.nist'),
    ...entries('@noble/curves/p521', 'noble.curves.nist'),
    ...entries('@noble/ciphers/aes', 'noble.ciphers.aes'),
    ...entries('@noble/ciphers/chacha', 'noble.ciphers.chacha'),
    ...entries('@noble/ciphers/salsa', 'noble.ciphers.salsa'),
  },
  types: {
    ...CURVE_MODULES,
    'noble.Weierstrass': WEIERSTRASS,
    'noble.Edwards': EDWARDS,
    'noble.Montgomery': MONTGOMERY,
    'noble.utils': {
      display: 'noble utils',
      members: {
        randomPrivateKey: fn({ operation: 'random', result: 'random' }),
        randomSecretKey: fn({ operation: 'random', result: 'random' }),
      },
    },
    'noble.ciphers.aes': {
      display: '@noble/ciphers/aes',
      members: {
        gcm: CIPHER,
        gcmsiv: CIPHER,
        siv: CIPHER,
        cbc: CIPHER,
        ctr: CIPHER,
        cfb: CIPHER,
        ecb: fn({ args: ['key'], fixed: { cipherMode: 'ECB' }, returns: 'noble.Cipher' }),
        aeskw: fn({ args: ['key'], returns: 'noble.Cipher' }),
        aeskwp: fn({ args: ['key'], returns: 'noble.Cipher' }),
      },
    },
    'noble.ciphers.chacha': {
      display: '@noble/ciphers/chacha',
      members: {
        chacha20poly1305: CIPHER,
        xchacha20poly1305: CIPHER,
        chacha20: CIPHER,
        xchacha20: CIPHER,
      },
    },
    'noble.ciphers.salsa': {
      display: '@noble/ciphers/salsa',
      members: {
        xsalsa20poly1305: CIPHER,
        secretbox: CIPHER,
        salsa20: CIPHER,
        xsalsa20: CIPHER,
      },
    },
    'noble.Cipher': {
      display: 'noble cipher',
      members: {
        encrypt: fn({ args: ['plaintext'], operation: 'encrypt' }),
        decrypt: fn({ operation: 'decrypt' }),
        seal: fn({ args: ['plaintext'], operation: 'encrypt' }),
        open: fn({ operation: 'decrypt' }),
      },
    },
  },
};
