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

// --- hashes and HMACs (issue 3: no-weak-hash): `CryptoJS.MD5(message)`, `CryptoJS.HmacSHA1(message, key)` ---
/** The hash functions and the digest each implies. */
const HASHES: Readonly<Record<string, string>> = {
  MD5: 'md5',
  SHA1: 'sha1',
  SHA224: 'sha224',
  SHA256: 'sha256',
  SHA384: 'sha384',
  SHA512: 'sha512',
  SHA3: 'sha3-512',
  RIPEMD160: 'ripemd160',
};
const HASH_MEMBERS = Object.keys(HASHES).flatMap((name) => [name, `Hmac${name}`]);

function hashTypes(): Record<string, TypeSpec> {
  const out: Record<string, TypeSpec> = {};
  for (const [name, digest] of Object.entries(HASHES)) {
    out[`crypto-js.${name}`] = {
      display: `CryptoJS.${name}`,
      call: fn({ args: ['message'], fixed: { digest }, operation: 'hash' }),
    };
    out[`crypto-js.Hmac${name}`] = {
      display: `CryptoJS.Hmac${name}`,
      call: fn({ args: ['message', 'key'], fixed: { digest }, operation: 'mac' }),
    };
  }
  return out;
}

/** `require('crypto-js/md5')`, `require('crypto-js/hmac-sha1')` */
function hashModules(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(HASHES)) {
    out[`crypto-js/${name.toLowerCase()}`] = `crypto-js.${name}`;
    out[`crypto-js/hmac-${name.toLowerCase()}`] = `crypto-js.Hmac${name}`;
  }
  return out;
}
// --- end hashes ---

const MODES = ['CBC', 'CFB', 'CTR', 'CTRGladman', 'OFB', 'ECB'] as const;
const PADDINGS = ['Pkcs7', 'AnsiX923', 'Iso10126', 'Iso97971', 'ZeroPadding', 'NoPadding'] as const;

function cipherType(name: string, cipher: string): TypeSpec {
  return {
    display: `CryptoJS.${name}`,
    members: {
      encrypt: fn({ args: ['plaintext', 'key', CIPHER_CFG], fixed: { cipher }, operation: 'encrypt', stringKeyIsPassphrase: true }),
      decrypt: fn({ args: [null, 'key', CIPHER_CFG], fixed: { cipher }, operation: 'decrypt', stringKeyIsPassphrase: true }),
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
      lib: ref('crypto-js.lib'),
      // --- hashes (issue 3) ---
      ...Object.fromEntries(HASH_MEMBERS.map((name) => [name, ref(`crypto-js.${name}`)])),
      // --- hardcoded keys (issue 5): `CryptoJS.enc.Hex.parse('...')` makes bytes from a literal ---
      enc: ref('crypto-js.enc'),
    },
  },
  // --- hardcoded keys (issue 5): encoders ---
  'crypto-js.enc': {
    display: 'CryptoJS.enc',
    members: {
      Hex: ref('crypto-js.enc.Hex'),
      Base64: ref('crypto-js.enc.Base64'),
      Base64url: ref('crypto-js.enc.Base64url'),
      Utf8: ref('crypto-js.enc.Utf8'),
      Latin1: ref('crypto-js.enc.Latin1'),
    },
  },
  'crypto-js.enc.Hex': { display: 'CryptoJS.enc.Hex', members: { parse: fn({ decodes: 'hex' }) } },
  'crypto-js.enc.Base64': { display: 'CryptoJS.enc.Base64', members: { parse: fn({ decodes: 'base64' }) } },
  'crypto-js.enc.Base64url': { display: 'CryptoJS.enc.Base64url', members: { parse: fn({ decodes: 'base64url' }) } },
  'crypto-js.enc.Utf8': { display: 'CryptoJS.enc.Utf8', members: { parse: fn({ decodes: 'utf8' }) } },
  'crypto-js.enc.Latin1': { display: 'CryptoJS.enc.Latin1', members: { parse: fn({ decodes: 'latin1' }) } },
  'crypto-js.algo': {
    display: 'CryptoJS.algo',
    members: {
      ...Object.fromEntries(Object.keys(CIPHERS).map((name) => [name, ref(`crypto-js.${name}`)])),
      // --- hashes (issue 3): `hasher: CryptoJS.algo.SHA256` names the digest ---
      ...Object.fromEntries(Object.entries(HASHES).map(([name, digest]) => [name, constant(digest)])),
    },
  },
  'crypto-js.mode': {
    display: 'CryptoJS.mode',
    members: Object.fromEntries(MODES.map((mode) => [mode, constant(mode)])),
  },
  'crypto-js.pad': {
    display: 'CryptoJS.pad',
    members: Object.fromEntries(PADDINGS.map((pad) => [pad, constant(pad)])),
  },
  // issue 3 (no-weak-kdf): before 4.2, PBKDF2 defaulted to SHA-1 with 1 iteration (4.2: SHA-256, 250,000,
  // still below OWASP's 600,000); the older, weaker defaults are the ones judged. EvpKDF: MD5, 1 iteration.
  'crypto-js.PBKDF2': {
    display: 'CryptoJS.PBKDF2',
    call: fn({
      args: ['password', 'salt', KDF_CFG],
      fixed: { kdf: 'pbkdf2' },
      defaults: { iterations: 1, digest: 'sha1' },
      operation: 'derive',
      result: 'key-material',
    }),
  },
  'crypto-js.EvpKDF': {
    display: 'CryptoJS.EvpKDF',
    call: fn({
      args: ['password', 'salt', KDF_CFG],
      fixed: { kdf: 'evp-bytestokey' },
      defaults: { iterations: 1, digest: 'md5' },
      operation: 'derive',
      result: 'key-material',
    }),
  },
  // --- randomness (issue 3): `CryptoJS.lib.WordArray.random(n)` uses the platform CSPRNG since 4.0 ---
  'crypto-js.lib': { display: 'CryptoJS.lib', members: { WordArray: ref('crypto-js.lib.WordArray') } },
  'crypto-js.lib.WordArray': {
    display: 'CryptoJS.lib.WordArray',
    members: { random: fn({ args: [null], operation: 'random', result: 'random' }) },
  },
};
for (const [name, cipher] of Object.entries(CIPHERS)) types[`crypto-js.${name}`] = cipherType(name, cipher);
Object.assign(types, hashTypes());

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
    ...hashModules(),
    'crypto-js/enc-hex': 'crypto-js.enc.Hex',
    'crypto-js/enc-base64': 'crypto-js.enc.Base64',
    'crypto-js/enc-utf8': 'crypto-js.enc.Utf8',
    ...Object.fromEntries(MODES.map((mode) => [`crypto-js/mode-${mode.toLowerCase()}`, constant(mode)])),
  },
  globals: { CryptoJS: 'crypto-js' },
  types,
};
