import { fn, ref, type ArgSpec, type LibraryModel } from './types.js';

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
        aes: ref('node-forge.aes'),
        des: ref('node-forge.des'),
        rc2: ref('node-forge.rc2'),
        rsa: ref('node-forge.rsa'),
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
    'node-forge.pki': { display: 'forge.pki', members: { rsa: ref('node-forge.rsa') } },
    'node-forge.rsa': {
      display: 'forge.pki.rsa',
      members: {
        generateKeyPair: fn({ args: [RSA_BITS], fixed: { keyType: 'rsa' }, operation: 'generate' }),
        createKeyPairGenerationState: fn({ args: [RSA_BITS], fixed: { keyType: 'rsa' }, operation: 'generate' }),
      },
    },
    'node-forge.pkcs5': {
      display: 'forge.pkcs5',
      members: {
        pbkdf2: fn({
          args: ['password', 'salt', 'iterations', { role: 'symmetricKeyBits', scale: 8 }, 'digest'],
          operation: 'derive',
        }),
      },
    },
    'node-forge.aes': legacyCipher('aes'),
    'node-forge.des': legacyCipher('des'),
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
