import { fn, ref, type ArgSpec, type LibraryModel, type TypeSpec } from './types.js';

/** `cipher.start({ iv, tagLength, additionalData })`; forge's tagLength is in bits. */
const START_OPTIONS: ArgSpec = { options: { iv: 'iv', tagLength: 'tagLengthBits', additionalData: null } };

/** `generateKeyPair(bits, e, cb)` or `generateKeyPair({ bits, e, workers }, cb)` */
const RSA_BITS: ArgSpec = { role: 'modulusBits', options: { bits: 'modulusBits' } };

/** Legacy per-algorithm helpers: `forge.des.createEncryptionCipher(key, mode)` and friends. */
function legacyCipher(cipher: string) {
  return {
    display: `forge.${cipher}`,
    members: {
      createEncryptionCipher: fn({ args: ['key', 'cipherMode'], fixed: { cipher }, operation: 'encrypt', returns: 'node-forge.BlockCipher' }),
      createDecryptionCipher: fn({ args: ['key', 'cipherMode'], fixed: { cipher }, operation: 'decrypt', returns: 'node-forge.BlockCipher' }),
      startEncrypting: fn({ args: ['key', 'iv', null, 'cipherMode'], fixed: { cipher }, operation: 'encrypt', returns: 'node-forge.BlockCipher' }),
      startDecrypting: fn({ args: ['key', 'iv', null, 'cipherMode'], fixed: { cipher }, operation: 'decrypt', returns: 'node-forge.BlockCipher' }),
    },
  };
}

// --- hashes, RSA keys and padding (issue 3: no-weak-hash, no-insecure-rsa-padding) ---
/** `forge.md.<name>.create()` and the digest it implies. */
const FORGE_DIGESTS: Readonly<Record<string, string>> = {
  md5: 'md5',
  sha1: 'sha1',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
};

function digestFactory(name: string, digest: string): TypeSpec {
  return {
    display: `forge.md.${name}`,
    members: { create: fn({ fixed: { digest }, operation: 'hash', returns: 'node-forge.MessageDigest' }) },
  };
}

/** `key.encrypt(data, scheme)` / `key.decrypt(data, scheme)`: forge defaults to PKCS#1 v1.5 (RSAES-PKCS1-V1_5). */
const FORGE_RSA_SCHEME: ArgSpec = { role: 'padding', default: 'RSAES-PKCS1-V1_5' };

const FORGE_KEY_TYPES: Record<string, TypeSpec> = {
  'node-forge.md': {
    display: 'forge.md',
    members: Object.fromEntries(Object.keys(FORGE_DIGESTS).map((name) => [name, ref(`node-forge.md.${name}`)])),
  },
  ...Object.fromEntries(
    Object.entries(FORGE_DIGESTS).map(([name, digest]) => [`node-forge.md.${name}`, digestFactory(name, digest)]),
  ),
  'node-forge.MessageDigest': {
    display: 'forge message digest',
    members: {
      update: fn({ args: ['message'], operation: 'inherit', returns: 'node-forge.MessageDigest' }),
      digest: fn({ operation: 'inherit' }),
    },
  },
  'node-forge.hmac': {
    display: 'forge.hmac',
    members: { create: fn({ operation: 'mac', returns: 'node-forge.Hmac' }) },
  },
  'node-forge.Hmac': {
    display: 'forge HMAC',
    members: {
      start: fn({ args: ['digest', 'key'], operation: 'mac' }),
      update: fn({ args: ['message'], operation: 'mac' }),
      digest: fn({ operation: 'mac' }),
    },
  },
  'node-forge.KeyPair': {
    display: 'forge key pair',
    members: { publicKey: ref('node-forge.PublicKey'), privateKey: ref('node-forge.PrivateKey') },
  },
  'node-forge.PublicKey': {
    display: 'forge public key',
    members: {
      encrypt: fn({ args: ['plaintext', FORGE_RSA_SCHEME], operation: 'encrypt' }),
      verify: fn({ operation: 'verify' }),
    },
  },
  'node-forge.PrivateKey': {
    display: 'forge private key',
    members: {
      decrypt: fn({ args: [null, FORGE_RSA_SCHEME], operation: 'decrypt' }),
      // `sign(md)`: the digest comes from the message-digest object (its `create()` call).
      sign: fn({ args: ['digest'], operation: 'sign' }),
    },
  },
  'node-forge.Certificate': {
    display: 'forge certificate',
    members: {
      publicKey: ref('node-forge.PublicKey'),
      // `cert.sign(key, md)` signs with SHA-1 when no digest is given.
      sign: fn({ args: [null, { role: 'digest', default: 'sha1' }], operation: 'sign' }),
    },
  },
};
// --- end hashes, RSA keys and padding ---

/**
 * `forge.pkcs5.pbkdf2(password, salt, iterations, keyLength, md?)` (issue 3): `md` is a message-digest
 * object (`forge.md.sha256.create()`) or a name, and defaults to SHA-1.
 */
const FORGE_PBKDF2 = fn({
  args: ['password', 'salt', 'iterations', { role: 'symmetricKeyBits', scale: 8 }, 'digest'],
  fixed: { kdf: 'pbkdf2' },
  defaults: { digest: 'sha1' },
  operation: 'derive',
  result: 'key-material',
});

/** node-forge (npm `node-forge`, browser global `forge`). */
export const NODE_FORGE: LibraryModel = {
  id: 'node-forge',
  modules: { 'node-forge': 'node-forge' },
  globals: { forge: 'node-forge' },
  types: {
    'node-forge': {
      display: 'forge',
      members: {
        cipher: ref('node-forge.cipher'),
        pki: ref('node-forge.pki'),
        pkcs5: ref('node-forge.pkcs5'),
        // --- key derivation and randomness (issue 3) ---
        pbkdf2: FORGE_PBKDF2,
        random: ref('node-forge.random'),
        aes: ref('node-forge.aes'),
        des: ref('node-forge.des'),
        rc2: ref('node-forge.rc2'),
        rsa: ref('node-forge.rsa'),
        // --- hashes (issue 3) ---
        md: ref('node-forge.md'),
        md5: ref('node-forge.md.md5'),
        sha1: ref('node-forge.md.sha1'),
        sha256: ref('node-forge.md.sha256'),
        sha512: ref('node-forge.md.sha512'),
        hmac: ref('node-forge.hmac'),
      },
    },
    'node-forge.cipher': {
      display: 'forge.cipher',
      members: {
        createCipher: fn({ args: ['cipher', 'key'], operation: 'encrypt', returns: 'node-forge.BlockCipher' }),
        createDecipher: fn({ args: ['cipher', 'key'], operation: 'decrypt', returns: 'node-forge.BlockCipher' }),
      },
    },
    'node-forge.BlockCipher': {
      display: 'forge cipher',
      members: {
        start: fn({ args: [START_OPTIONS], operation: 'inherit' }),
        update: fn({ args: ['plaintext'], operation: 'inherit' }),
        finish: fn({ operation: 'inherit' }),
      },
    },
    'node-forge.pki': {
      display: 'forge.pki',
      members: {
        rsa: ref('node-forge.rsa'),
        // --- RSA keys and certificates (issue 3) ---
        publicKeyFromPem: fn({ args: ['publicKey'], operation: 'import', returns: 'node-forge.PublicKey' }),
        publicKeyFromAsn1: fn({ operation: 'import', returns: 'node-forge.PublicKey' }),
        privateKeyFromPem: fn({ args: ['key'], operation: 'import', returns: 'node-forge.PrivateKey' }),
        privateKeyFromAsn1: fn({ operation: 'import', returns: 'node-forge.PrivateKey' }),
        decryptRsaPrivateKey: fn({ args: ['key', 'password'], operation: 'import', returns: 'node-forge.PrivateKey' }),
        setRsaPublicKey: fn({ operation: 'import', returns: 'node-forge.PublicKey' }),
        setRsaPrivateKey: fn({ operation: 'import', returns: 'node-forge.PrivateKey' }),
        createCertificate: fn({ operation: 'generate', returns: 'node-forge.Certificate' }),
        certificateFromPem: fn({ args: ['publicKey'], operation: 'import', returns: 'node-forge.Certificate' }),
        createCertificationRequest: fn({ operation: 'generate', returns: 'node-forge.Certificate' }),
      },
    },
    'node-forge.rsa': {
      display: 'forge.pki.rsa',
      members: {
        generateKeyPair: fn({ args: [RSA_BITS], fixed: { keyType: 'rsa' }, operation: 'generate', returns: 'node-forge.KeyPair' }),
        setPublicKey: fn({ operation: 'import', returns: 'node-forge.PublicKey' }),
        setPrivateKey: fn({ operation: 'import', returns: 'node-forge.PrivateKey' }),
        createKeyPairGenerationState: fn({ args: [RSA_BITS], fixed: { keyType: 'rsa' }, operation: 'generate' }),
      },
    },
    'node-forge.pkcs5': {
      display: 'forge.pkcs5',
      members: { pbkdf2: FORGE_PBKDF2 },
    },
    // --- randomness (issue 3): forge's Fortuna PRNG, seeded from the platform CSPRNG ---
    'node-forge.random': {
      display: 'forge.random',
      members: {
        getBytesSync: fn({ args: [null], operation: 'random', result: 'random' }),
        getBytes: fn({ args: [null], operation: 'random', result: 'random' }),
      },
    },
    'node-forge.aes': legacyCipher('aes'),
    'node-forge.des': legacyCipher('des'),
    ...FORGE_KEY_TYPES,
    'node-forge.rc2': {
      display: 'forge.rc2',
      members: {
        createEncryptionCipher: fn({ args: ['key', null], fixed: { cipher: 'rc2' }, operation: 'encrypt', returns: 'node-forge.BlockCipher' }),
        createDecryptionCipher: fn({ args: ['key', null], fixed: { cipher: 'rc2' }, operation: 'decrypt', returns: 'node-forge.BlockCipher' }),
        startEncrypting: fn({ args: ['key', 'iv'], fixed: { cipher: 'rc2' }, operation: 'encrypt', returns: 'node-forge.BlockCipher' }),
        startDecrypting: fn({ args: ['key', 'iv'], fixed: { cipher: 'rc2' }, operation: 'decrypt', returns: 'node-forge.BlockCipher' }),
      },
    },
  },
};
