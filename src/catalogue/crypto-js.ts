import { constant, fn, ref, type ArgSpec, type LibraryModel, type TypeSpec } from './types.js';

/** `{ mode, padding, iv }` of `CryptoJS.<Cipher>.encrypt(message, key, cfg)`. */
const CIPHER_CFG: ArgSpec = { options: { mode: 'cipherMode', padding: 'padding', iv: 'iv' } };

/** crypto-js `keySize` counts 32-bit words. */
const KDF_CFG: ArgSpec = {
  options: { keySize: { role: 'symmetricKeyBits', scale: 32 }, iterations: 'iterations', hasher: 'digest' },
};

/** The cipher objects and the cipher name they imply (reported through the `cipher` role). */
const CIPHERS: Readonly<Record<string, string>> = {
  AES: 'aes',
  DES: 'des',
  TripleDES: 'des-ede3',
  RC4: 'rc4',
  RC4Drop: 'rc4',
  Rabbit: 'rabbit',
  RabbitLegacy: 'rabbit',
  Blowfish: 'bf',
};

const MODES = ['CBC', 'CFB', 'CTR', 'CTRGladman', 'OFB', 'ECB'] as const;
const PADDINGS = ['Pkcs7', 'AnsiX923', 'Iso10126', 'Iso97971', 'ZeroPadding', 'NoPadding'] as const;

function cipherType(name: string, cipher: string): TypeSpec {
  return {
    display: `CryptoJS.${name}`,
    members: {
      encrypt: fn({ args: ['plaintext', 'key', CIPHER_CFG], fixed: { cipher }, operation: 'encrypt' }),
      decrypt: fn({ args: [null, 'key', CIPHER_CFG], fixed: { cipher }, operation: 'decrypt' }),
      createEncryptor: fn({ args: ['key', CIPHER_CFG], fixed: { cipher }, operation: 'encrypt' }),
      createDecryptor: fn({ args: ['key', CIPHER_CFG], fixed: { cipher }, operation: 'decrypt' }),
    },
  };
}

const types: Record<string, TypeSpec> = {
  'crypto-js': {
    display: 'CryptoJS',
    members: {
      ...Object.fromEntries(Object.keys(CIPHERS).map((name) => [name, ref(`crypto-js.${name}`)])),
      algo: ref('crypto-js.algo'),
      mode: ref('crypto-js.mode'),
      pad: ref('crypto-js.pad'),
      PBKDF2: ref('crypto-js.PBKDF2'),
      EvpKDF: ref('crypto-js.EvpKDF'),
    },
  },
  'crypto-js.algo': {
    display: 'CryptoJS.algo',
    members: Object.fromEntries(Object.keys(CIPHERS).map((name) => [name, ref(`crypto-js.${name}`)])),
  },
  'crypto-js.mode': {
    display: 'CryptoJS.mode',
    members: Object.fromEntries(MODES.map((mode) => [mode, constant(mode)])),
  },
  'crypto-js.pad': {
    display: 'CryptoJS.pad',
    members: Object.fromEntries(PADDINGS.map((pad) => [pad, constant(pad)])),
  },
  'crypto-js.PBKDF2': {
    display: 'CryptoJS.PBKDF2',
    call: fn({ args: ['password', 'salt', KDF_CFG], operation: 'derive' }),
  },
  'crypto-js.EvpKDF': {
    display: 'CryptoJS.EvpKDF',
    call: fn({ args: ['password', 'salt', KDF_CFG], operation: 'derive' }),
  },
};
for (const [name, cipher] of Object.entries(CIPHERS)) types[`crypto-js.${name}`] = cipherType(name, cipher);

/** crypto-js, through the package root and its per-algorithm entry points. */
export const CRYPTO_JS: LibraryModel = {
  id: 'crypto-js',
  modules: {
    'crypto-js': 'crypto-js',
    'crypto-js/aes': 'crypto-js.AES',
    'crypto-js/tripledes': 'crypto-js.TripleDES',
    'crypto-js/rc4': 'crypto-js.RC4',
    'crypto-js/rabbit': 'crypto-js.Rabbit',
    'crypto-js/rabbit-legacy': 'crypto-js.RabbitLegacy',
    'crypto-js/blowfish': 'crypto-js.Blowfish',
    'crypto-js/pbkdf2': 'crypto-js.PBKDF2',
    'crypto-js/evpkdf': 'crypto-js.EvpKDF',
    ...Object.fromEntries(MODES.map((mode) => [`crypto-js/mode-${mode.toLowerCase()}`, constant(mode)])),
  },
  globals: { CryptoJS: 'crypto-js' },
  types,
};
