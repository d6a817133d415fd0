import { constant, fn, ref, type ArgSpec, type LibraryModel } from './types.js';

/** `{ key, padding, oaepHash }` or a bare key, as taken by publicEncrypt and friends. */
const RSA_KEY_ARG: ArgSpec = {
  role: 'recipientKey',
  options: { key: 'recipientKey', padding: 'padding', oaepHash: 'digest' },
};
const PRIVATE_RSA_KEY_ARG: ArgSpec = {
  role: 'key',
  options: { key: 'key', padding: 'padding', oaepHash: 'digest', passphrase: 'password' },
};

/** The public key of a signature check: a key, or `{ key, dsaEncoding, padding }` (issue 5: never a recipient). */
const VERIFY_KEY_ARG: ArgSpec = { role: 'publicKey', options: { key: 'publicKey' } };

/** Options of generateKeyPair(Sync) (and the key-size parts of generateKey). */
const KEY_PAIR_OPTIONS: ArgSpec = {
  options: {
    modulusLength: 'modulusBits',
    namedCurve: 'curve',
    primeLength: 'primeBits',
    group: 'dhGroup',
    divisorLength: null,
    hashAlgorithm: 'digest',
    mgf1HashAlgorithm: 'digest',
    hash: 'digest',
    mgf1Hash: 'digest',
  },
};

const SCRYPT_OPTIONS: ArgSpec = {
  options: {
    N: 'cost',
    cost: 'cost',
    r: 'blockSize',
    blockSize: 'blockSize',
    p: 'parallelism',
    parallelization: 'parallelism',
  },
};

/** Node's scrypt defaults (N = 16384 is below OWASP's N = 2^17), whichever alias would have set them (issue 3). */
const SCRYPT_DEFAULTS = { cost: 16384, blockSize: 8, parallelism: 1 } as const;

const CIPHER_OPTIONS: ArgSpec = { options: { authTagLength: { role: 'tagLengthBits', scale: 8 } } };

/**
 * node:crypto. Units: key and derived lengths in bytes (scaled to bits),
 * `authTagLength` in bytes, `modulusLength`/`primeLength` in bits.
 */
export const NODE_CRYPTO: LibraryModel = {
  id: 'node:crypto',
  modules: { crypto: 'node:crypto' },
  types: {
    'node:crypto': {
      display: 'crypto',
      members: {
        createCipheriv: fn({
          args: ['cipher', 'key', 'iv', CIPHER_OPTIONS],
          operation: 'encrypt',
          returns: 'node:crypto.Cipher',
        }),
        createDecipheriv: fn({
          args: ['cipher', 'key', 'iv', CIPHER_OPTIONS],
          operation: 'decrypt',
          returns: 'node:crypto.Decipher',
        }),
        createCipher: fn({
          args: ['cipher', 'password', CIPHER_OPTIONS],
          // issue 3: key and IV come from the password through EVP_BytesToKey (one MD5 round, no salt)
          fixed: { kdf: 'evp-bytestokey' },
          operation: 'encrypt',
          returns: 'node:crypto.Cipher',
        }),
        createDecipher: fn({
          args: ['cipher', 'password', CIPHER_OPTIONS],
          // issue 3: key and IV come from the password through EVP_BytesToKey (one MD5 round, no salt)
          fixed: { kdf: 'evp-bytestokey' },
          operation: 'decrypt',
          returns: 'node:crypto.Decipher',
        }),
        generateKeyPair: fn({
          args: ['keyType', KEY_PAIR_OPTIONS],
          operation: 'generate',
          callbackResults: [null, 'public-key', 'key-material'],
          resultLabel: 'private key',
        }),
        generateKeyPairSync: fn({
          args: ['keyType', KEY_PAIR_OPTIONS],
          operation: 'generate',
          returns: 'node:crypto.KeyPair',
          resultLabel: 'private key',
        }),
        generateKey: fn({
          args: ['keyType', { options: { length: 'symmetricKeyBits' } }],
          operation: 'generate',
          callbackResults: [null, 'key-material'],
          resultLabel: 'secret key',
        }),
        generateKeySync: fn({
          args: ['keyType', { options: { length: 'symmetricKeyBits' } }],
          operation: 'generate',
          returns: 'node:crypto.KeyObject',
          result: 'key-material',
          resultLabel: 'secret key',
        }),
        createECDH: fn({ args: ['curve'], operation: 'agree', returns: 'node:crypto.ECDH' }),
        getDiffieHellman: fn({ args: ['dhGroup'], operation: 'agree', returns: 'node:crypto.DiffieHellman' }),
        createDiffieHellmanGroup: fn({
          args: ['dhGroup'],
          operation: 'agree',
          returns: 'node:crypto.DiffieHellman',
        }),
        createDiffieHellman: fn({
          args: [{ role: 'primeBits' }],
          operation: 'agree',
          returns: 'node:crypto.DiffieHellman',
        }),
        diffieHellman: fn({
          args: [{ options: { privateKey: 'key', publicKey: 'recipientKey' } }],
          operation: 'agree',
          result: 'key-material',
        }),
        publicEncrypt: fn({ args: [RSA_KEY_ARG, 'plaintext'], operation: 'encrypt' }),
        privateDecrypt: fn({ args: [PRIVATE_RSA_KEY_ARG, null], operation: 'decrypt' }),
        privateEncrypt: fn({ args: [PRIVATE_RSA_KEY_ARG, null], operation: 'sign' }),
        publicDecrypt: fn({ args: [RSA_KEY_ARG, null], operation: 'verify' }),
        createSign: fn({ args: ['digest'], operation: 'sign', returns: 'node:crypto.Sign' }),
        createVerify: fn({ args: ['digest'], operation: 'verify', returns: 'node:crypto.Verify' }),
        sign: fn({ args: ['digest', null, PRIVATE_RSA_KEY_ARG], operation: 'sign' }),
        verify: fn({ args: ['digest', null, VERIFY_KEY_ARG, null], operation: 'verify' }),
        createHash: fn({ args: ['digest'], operation: 'hash', returns: 'node:crypto.Hash' }),
        hash: fn({ args: ['digest', 'message'], operation: 'hash' }),
        createHmac: fn({ args: ['digest', 'key'], operation: 'mac', returns: 'node:crypto.Hash' }),
        pbkdf2: fn({
          args: ['password', 'salt', 'iterations', { role: 'symmetricKeyBits', scale: 8 }, 'digest'],
          fixed: { kdf: 'pbkdf2' },
          operation: 'derive',
          callbackResults: [null, 'key-material'],
        }),
        pbkdf2Sync: fn({
          args: ['password', 'salt', 'iterations', { role: 'symmetricKeyBits', scale: 8 }, 'digest'],
          fixed: { kdf: 'pbkdf2' },
          operation: 'derive',
          result: 'key-material',
        }),
        scrypt: fn({
          args: ['password', 'salt', { role: 'symmetricKeyBits', scale: 8 }, SCRYPT_OPTIONS],
          fixed: { kdf: 'scrypt' },
          defaults: SCRYPT_DEFAULTS,
          operation: 'derive',
          callbackResults: [null, 'key-material'],
        }),
        scryptSync: fn({
          args: ['password', 'salt', { role: 'symmetricKeyBits', scale: 8 }, SCRYPT_OPTIONS],
          fixed: { kdf: 'scrypt' },
          defaults: SCRYPT_DEFAULTS,
          operation: 'derive',
          result: 'key-material',
        }),
        hkdf: fn({
          args: ['digest', 'key', 'salt', null, { role: 'symmetricKeyBits', scale: 8 }],
          operation: 'derive',
          callbackResults: [null, 'key-material'],
        }),
        hkdfSync: fn({
          args: ['digest', 'key', 'salt', null, { role: 'symmetricKeyBits', scale: 8 }],
          operation: 'derive',
          result: 'key-material',
        }),
        createSecretKey: fn({
          args: ['key'],
          operation: 'import',
          returns: 'node:crypto.KeyObject',
          result: 'key-material',
          resultLabel: 'secret key',
        }),
        createPrivateKey: fn({
          args: [{ role: 'key', options: { key: 'key', passphrase: 'password', format: 'keyFormat' } }],
          operation: 'import',
          returns: 'node:crypto.KeyObject',
          result: 'key-material',
          resultLabel: 'private key',
        }),
        createPublicKey: fn({
          args: [{ role: 'publicKey', options: { key: 'publicKey', format: 'keyFormat' } }],
          operation: 'import',
          returns: 'node:crypto.KeyObject',
        }),
        randomBytes: fn({ args: [null], operation: 'random', result: 'random' }),
        randomFillSync: fn({ args: [null], operation: 'random', result: 'random' }),
        randomFill: fn({ args: [null], operation: 'random' }),
        getRandomValues: fn({ args: [null], operation: 'random', result: 'random' }),
        randomUUID: fn({ operation: 'random' }),
        randomInt: fn({ operation: 'random' }),
        constants: ref('node:crypto.constants'),
        webcrypto: ref('webcrypto.Crypto'),
        subtle: ref('webcrypto.SubtleCrypto'),
        KeyObject: ref('node:crypto.KeyObjectClass'),
      },
    },
    'node:crypto.constants': {
      display: 'crypto.constants',
      members: {
        RSA_PKCS1_PADDING: constant(1),
        RSA_SSLV23_PADDING: constant(2),
        RSA_NO_PADDING: constant(3),
        RSA_PKCS1_OAEP_PADDING: constant(4),
        RSA_X931_PADDING: constant(5),
        RSA_PKCS1_PSS_PADDING: constant(6),
      },
    },
    'node:crypto.Cipher': {
      display: 'Cipher',
      members: {
        update: fn({ args: ['plaintext'], operation: 'inherit' }),
        final: fn({ operation: 'inherit' }),
        setAAD: fn({ operation: 'inherit' }),
        getAuthTag: fn({ operation: 'inherit', result: 'auth-tag' }),
        setAutoPadding: fn({ operation: 'inherit' }),
      },
    },
    'node:crypto.Decipher': {
      display: 'Decipher',
      members: {
        // (issue 3) update() releases plaintext before the tag is checked; final() checks it.
        update: fn({ operation: 'inherit', result: 'plaintext' }),
        final: fn({ operation: 'inherit', authenticates: true }),
        setAAD: fn({ operation: 'inherit' }),
        setAuthTag: fn({ args: ['authTag'], operation: 'inherit' }),
        setAutoPadding: fn({ operation: 'inherit' }),
      },
    },
    'node:crypto.Hash': {
      display: 'Hash',
      members: {
        update: fn({ args: ['message'], operation: 'inherit', returns: 'node:crypto.Hash' }),
        digest: fn({ operation: 'inherit' }),
        copy: fn({ operation: 'inherit', returns: 'node:crypto.Hash' }),
      },
    },
    'node:crypto.Sign': {
      display: 'Sign',
      members: {
        update: fn({ operation: 'inherit' }),
        sign: fn({ args: [PRIVATE_RSA_KEY_ARG], operation: 'inherit' }),
      },
    },
    'node:crypto.Verify': {
      display: 'Verify',
      members: { update: fn({ operation: 'inherit' }), verify: fn({ args: [VERIFY_KEY_ARG], operation: 'inherit' }) },
    },
    'node:crypto.ECDH': {
      display: 'ECDH',
      members: {
        generateKeys: fn({ operation: 'inherit' }),
        computeSecret: fn({ args: ['recipientKey'], operation: 'agree', result: 'key-material' }),
        getPrivateKey: fn({ operation: 'export', result: 'key-material', resultLabel: 'private key' }),
        getPublicKey: fn({ operation: 'export' }),
        setPrivateKey: fn({ args: ['key'], operation: 'import' }),
      },
    },
    'node:crypto.DiffieHellman': {
      display: 'DiffieHellman',
      members: {
        generateKeys: fn({ operation: 'inherit' }),
        computeSecret: fn({ args: ['recipientKey'], operation: 'agree', result: 'key-material' }),
        getPrivateKey: fn({ operation: 'export', result: 'key-material', resultLabel: 'private key' }),
        getPublicKey: fn({ operation: 'export' }),
        setPrivateKey: fn({ args: ['key'], operation: 'import' }),
      },
    },
    'node:crypto.KeyPair': {
      display: 'key pair',
      members: { publicKey: ref('node:crypto.KeyObject'), privateKey: ref('node:crypto.KeyObject') },
      memberResults: { privateKey: 'key-material', publicKey: 'public-key' },
    },
    'node:crypto.KeyObjectClass': {
      display: 'KeyObject',
      members: { from: fn({ args: [null], operation: 'import', returns: 'node:crypto.KeyObject' }) },
    },
    'node:crypto.KeyObject': {
      display: 'KeyObject',
      members: {
        export: fn({
          args: [{ options: { cipher: 'cipher', passphrase: 'password' } }],
          operation: 'export',
        }),
      },
    },
  },
};
