import rule from '../../rules/no-static-iv.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const CONSEQUENCE = {
  keystream:
    'With a stream cipher or a CTR/GCM-style mode a repeated nonce repeats the keystream: two ciphertexts XOR to the XOR of their plaintexts, and with GCM the authentication key leaks, so messages can be forged.',
  block: 'Identical plaintexts then give identical ciphertexts, and with CBC an attacker who knows the IV in advance can confirm guesses of the plaintext.',
};
const CBC = { what: 'IV', consequence: CONSEQUENCE.block };
const GCM = { what: 'nonce', consequence: CONSEQUENCE.keystream };

ruleTester.run('no-static-iv', rule, {
  valid: [
    {
      name: 'corpus (ssh2): a ChaCha20 nonce buffer whose block counter and sequence number are rewritten in place before each use',
      code: [
        "const { createCipheriv } = require('crypto');",
        'const NONCE = Buffer.alloc(16);',
        'const ZEROS = Buffer.alloc(32);',
        'class ChaChaPolyCipher {',
        '  encrypt(packet) {',
        '    NONCE[0] = 0;',
        '    NONCE.writeUInt32BE(this.outSeqno, 12);',
        "    const polyKey = createCipheriv('chacha20', this.key, NONCE).update(ZEROS);",
        '    NONCE[0] = 1;',
        "    const payload = createCipheriv('chacha20', this.key, NONCE).update(packet);",
        '    return [polyKey, payload];',
        '  }',
        '  encryptAll(packets) {',
        '    for (const packet of packets) {',
        '      writeUInt32BE(NONCE, this.outSeqno++, 12);',
        "      this.out.push(createCipheriv('chacha20', this.key, NONCE).update(packet));",
        '    }',
        '  }',
        '}',
      ].join('\n'),
    },
    {
      name: 'a random IV per call',
      code: "import crypto from 'node:crypto'; export function seal(key, data) { const iv = crypto.randomBytes(12); return crypto.createCipheriv('aes-256-gcm', key, iv); }",
    },
    {
      name: 'getRandomValues inline for Web Crypto',
      code: "export async function seal(key, data) { return crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, key, data); }",
    },
    {
      name: 'a zero buffer filled by getRandomValues before use',
      code: "export async function seal(key, data) { const iv = new Uint8Array(12); crypto.getRandomValues(iv); return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data); }",
    },
    {
      name: 'a zero buffer filled by randomFillSync',
      code: "const crypto = require('crypto'); function seal(key) { const iv = Buffer.alloc(16); crypto.randomFillSync(iv); return crypto.createCipheriv('aes-256-cbc', key, iv); }",
    },
    {
      name: 'sodium-native fills the nonce in place',
      code: "const sodium = require('sodium-native'); function seal(c, m, key) { const nonce = Buffer.alloc(24); sodium.randombytes_buf(nonce); sodium.crypto_secretbox_easy(c, m, nonce, key); }",
    },
    {
      name: 'a counter nonce written in place',
      code: "const crypto = require('crypto'); function seal(key, seq) { const iv = Buffer.alloc(12); iv.writeUInt32BE(seq, 8); return crypto.createCipheriv('aes-256-gcm', key, iv); }",
    },
    {
      name: 'decryption with a constant IV is the sender\'s choice',
      code: "const crypto = require('crypto'); crypto.createDecipheriv('aes-256-cbc', key, Buffer.alloc(16));",
    },
    {
      name: 'forge decipher with a constant IV',
      code: "const forge = require('node-forge'); const d = forge.cipher.createDecipher('AES-CBC', key); d.start({ iv: '0123456789abcdef' });",
    },
    {
      name: 'ECB takes no IV (no-ecb-mode reports it)',
      code: "const crypto = require('crypto'); crypto.createCipheriv('aes-128-ecb', key, null); crypto.createCipheriv('aes-128-ecb', key, Buffer.alloc(0));",
    },
    {
      name: 'crypto-js with a random IV',
      code: "import CryptoJS from 'crypto-js'; const iv = CryptoJS.lib.WordArray.random(16); CryptoJS.AES.encrypt(msg, key, { iv });",
    },
    {
      name: 'tweetnacl with a random nonce',
      code: "import nacl from 'tweetnacl'; export function seal(m, k) { const nonce = nacl.randomBytes(24); return nacl.secretbox(m, nonce, k); }",
    },
    {
      name: 'libsodium with randombytes_buf',
      code: "import sodium from 'libsodium-wrappers'; export function seal(m, k) { const n = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES); return sodium.crypto_secretbox_easy(m, n, k); }",
    },
    {
      name: 'two encryptions, two IVs',
      code: "const crypto = require('crypto'); function f(key) { const a = crypto.randomBytes(12); crypto.createCipheriv('aes-256-gcm', key, a); const b = crypto.randomBytes(12); crypto.createCipheriv('aes-256-gcm', key, b); }",
    },
    {
      name: 'the same IV under two different keys',
      code: "const crypto = require('crypto'); function f(k1, k2) { const iv = crypto.randomBytes(12); crypto.createCipheriv('aes-256-gcm', k1, iv); crypto.createCipheriv('aes-256-gcm', k2, iv); }",
    },
    {
      name: 'an IV regenerated between two encryptions',
      code: "const crypto = require('crypto'); function f(key) { let iv = crypto.randomBytes(12); crypto.createCipheriv('aes-256-gcm', key, iv); iv = crypto.randomBytes(12); crypto.createCipheriv('aes-256-gcm', key, iv); }",
    },
    {
      name: 'a new IV inside the loop',
      code: "const crypto = require('crypto'); function f(key, items) { for (const item of items) { const iv = crypto.randomBytes(12); crypto.createCipheriv('aes-256-gcm', key, iv).update(item); } }",
    },
    {
      name: 'key and IV are disjoint slices of one KDF output',
      code: "const crypto = require('crypto'); function f(password, salt) { const derived = crypto.pbkdf2Sync(password, salt, 600000, 48, 'sha256'); const key = derived.subarray(0, 32); const iv = derived.subarray(32, 48); return crypto.createCipheriv('aes-256-cbc', key, iv); }",
    },
    {
      name: 'an IV from an HKDF',
      code: "const crypto = require('crypto'); function f(key, salt) { const iv = Buffer.from(crypto.hkdfSync('sha256', key, salt, 'iv', 12)); return crypto.createCipheriv('aes-256-gcm', key, iv); }",
    },
    {
      name: 'a local function with the same name',
      code: "function createCipheriv(a, b, c) {} createCipheriv('aes-256-cbc', key, Buffer.alloc(16));",
    },
    {
      name: 'an unknown IV stays silent',
      code: "const crypto = require('crypto'); crypto.createCipheriv('aes-256-gcm', key, getIv());",
    },
    {
      name: 'reuse is not checked when checkReuse is false',
      code: "const crypto = require('crypto'); function f(key) { const iv = crypto.randomBytes(12); crypto.createCipheriv('aes-256-gcm', key, iv); crypto.createCipheriv('aes-256-gcm', key, iv); }",
      options: [{ checkReuse: false }],
    },
    {
      name: 'an IV taken from the message being decrypted',
      code: "const crypto = require('crypto'); function open(key, blob) { const iv = blob.subarray(0, 12); return crypto.createDecipheriv('aes-256-gcm', key, iv); }",
    },
    {
      name: 'a random IV created at module level and used at module level once',
      code: "const crypto = require('crypto'); const iv = crypto.randomBytes(16); const c = crypto.createCipheriv('aes-256-cbc', key, iv);",
    },
    {
      name: 'a nonce bumped in place by a local helper between two encryptions is a new nonce',
      code: "const crypto = require('crypto');\nexport function f(key, a, b) {\n  const iv = crypto.randomBytes(12);\n  crypto.createCipheriv('aes-256-gcm', key, iv);\n  crypto.createCipheriv('aes-256-gcm', key, bump(iv));\n}\nfunction bump(nonce) { nonce[11]++; return nonce; }",
    },
    {
      name: 'a nonce bumped in place by a local helper on every iteration is a new nonce',
      code: "import nacl from 'tweetnacl'; export function sealAll(key, messages) { const nonce = nacl.randomBytes(24); return messages.map((m) => nacl.secretbox(m, next(nonce), key)); } function next(n) { n.writeUInt32BE(Date.now(), 0); return n; }",
    },
    {
      name: 'an array literal of two fresh IVs, each used once',
      code: "const crypto = require('crypto');\nexport function f(key) {\n  crypto.createCipheriv('aes-256-gcm', key, [crypto.randomBytes(12)][0]);\n  crypto.createCipheriv('aes-256-gcm', key, wrap(crypto.randomBytes(12)));\n}\nfunction wrap(value) { return value; }",
    },
  ],
  invalid: [
    {
      name: 'a string literal IV through require',
      code: "const crypto = require('crypto');\ncrypto.createCipheriv('aes-256-cbc', key, '1234567890abcdef');",
      errors: [{ messageId: 'staticIv', line: 2, column: 43, data: { ...CBC, how: 'a string literal' } }],
    },
    {
      name: 'a zero IV, node: prefix and namespace import',
      code: "import * as c from 'node:crypto'; c.createCipheriv('aes-256-gcm', key, Buffer.alloc(12));",
      errors: [{ messageId: 'staticIv', line: 1, column: 72, data: { ...GCM, how: 'all zeros' } }],
    },
    {
      name: 'a module-level hex constant used inside a function, named import with rename',
      code: "import { createCipheriv as enc } from 'crypto';\nconst IV = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');\nexport function seal(key) { return enc('aes-128-cbc', key, IV); }",
      errors: [{ messageId: 'staticIv', line: 3, data: { ...CBC, how: 'made from literal data (line 2)' } }],
    },
    {
      name: 'a constant-filled buffer, destructured require',
      code: "const { createCipheriv } = require('node:crypto'); createCipheriv('aes-256-ctr', key, Buffer.alloc(16, 7));",
      errors: [{ messageId: 'staticIv' }],
    },
    {
      name: 'dynamic import',
      code: "const { createCipheriv } = await import('node:crypto'); createCipheriv('aes-256-gcm', key, new Uint8Array(12));",
      errors: [{ messageId: 'staticIv' }],
    },
    {
      name: 'Web Crypto AES-GCM with a zero IV',
      code: "export async function seal(key, data) { return crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, data); }",
      errors: [{ messageId: 'staticIv', column: 93 }],
    },
    {
      name: 'Web Crypto AES-CTR counter from a constant, params built in a variable',
      code: "const COUNTER = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);\nconst params = { name: 'AES-CTR', counter: COUNTER, length: 64 };\nwindow.crypto.subtle.encrypt(params, key, data);",
      errors: [{ messageId: 'staticIv', line: 3 }],
    },
    {
      name: 'crypto-js with a hex-parsed constant IV',
      code: "import CryptoJS from 'crypto-js'; CryptoJS.AES.encrypt(msg, key, { iv: CryptoJS.enc.Hex.parse('00000000000000000000000000000000') });",
      errors: [{ messageId: 'staticIv' }],
    },
    {
      name: 'crypto-js IV from a Utf8-parsed string constant',
      code: "import CryptoJS from 'crypto-js';\nconst IV = CryptoJS.enc.Utf8.parse('abcdefghijklmnop');\nCryptoJS.AES.encrypt(msg, key, { iv: IV, mode: CryptoJS.mode.CBC });",
      errors: [{ messageId: 'staticIv', line: 3 }],
    },
    {
      name: 'node-forge start({ iv }) with a constant',
      code: "const forge = require('node-forge'); const cipher = forge.cipher.createCipher('AES-CBC', key); cipher.start({ iv: '0123456789abcdef' });",
      errors: [{ messageId: 'staticIv' }],
    },
    {
      name: 'tweetnacl secretbox with a zero nonce',
      code: "import nacl from 'tweetnacl'; nacl.secretbox(message, new Uint8Array(24), key);",
      errors: [{ messageId: 'staticIv', data: { ...GCM, how: 'all zeros' } }],
    },
    {
      name: 'tweetnacl box with a constant nonce held in a const',
      code: "import nacl from 'tweetnacl';\nconst NONCE = new Uint8Array(nacl.box.nonceLength);\nexport const seal = (m, pk, sk) => nacl.box(m, NONCE, pk, sk);",
      errors: [{ messageId: 'staticIv', line: 3 }],
    },
    {
      name: 'libsodium crypto_secretbox_easy with a zero nonce',
      code: "import sodium from 'libsodium-wrappers'; const nonce = new Uint8Array(24); sodium.crypto_secretbox_easy(msg, nonce, key);",
      errors: [{ messageId: 'staticIv' }],
    },
    {
      name: 'libsodium AEAD npub from a literal',
      code: "const sodium = require('libsodium-wrappers-sumo'); sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(msg, null, null, sodium.from_hex('000000000000000000000000000000000000000000000000'), key);",
      errors: [{ messageId: 'staticIv' }],
    },
    {
      name: 'libsodium detached box with a fixed nonce',
      code: "import sodium from 'libsodium-wrappers'; sodium.crypto_box_detached(msg, Buffer.alloc(24, 1), theirPk, mySk);",
      errors: [{ messageId: 'staticIv' }],
    },
    {
      name: 'sodium-native (output first) with a zero nonce',
      code: "const sodium = require('sodium-native'); sodium.crypto_secretbox_easy(out, msg, Buffer.alloc(24), key);",
      errors: [{ messageId: 'staticIv' }],
    },
    {
      name: 'the IV is a slice of the key',
      code: "const crypto = require('crypto'); function seal(key, data) { return crypto.createCipheriv('aes-256-cbc', key, key.subarray(0, 16)); }",
      errors: [{ messageId: 'derivedIv', data: { ...CBC, source: 'the encryption key itself' } }],
    },
    {
      name: 'the IV is the key',
      code: "const crypto = require('crypto'); function seal(key) { const iv = key; return crypto.createCipheriv('aes-128-cbc', key, iv); }",
      errors: [{ messageId: 'derivedIv' }],
    },
    {
      name: 'the IV is a hash of the password',
      code: "const crypto = require('crypto'); function seal(password, key) { const iv = crypto.createHash('md5').update(password).digest(); return crypto.createCipheriv('aes-256-cbc', key, iv); }",
      errors: [{ messageId: 'derivedIv', data: { ...CBC, source: 'a hash of `password`' } }],
    },
    {
      name: 'the IV is a hash of the key through a hash object',
      code: "const crypto = require('crypto'); function seal(key) { const h = crypto.createHash('sha256'); h.update(key); const iv = h.digest().subarray(0, 16); return crypto.createCipheriv('aes-256-cbc', key, iv); }",
      errors: [{ messageId: 'derivedIv', data: { ...CBC, source: 'a hash of the encryption key' } }],
    },
    {
      name: 'the IV is read from the environment',
      code: "const crypto = require('crypto'); const iv = Buffer.from(process.env.ENCRYPTION_IV, 'hex'); export function seal(key) { return crypto.createCipheriv('aes-256-cbc', key, iv); }",
      errors: [{ messageId: 'staticIv' }],
    },
    {
      name: 'a random IV generated once at module level',
      code: "const crypto = require('crypto');\nconst IV = crypto.randomBytes(16);\nexport function seal(key, data) { return crypto.createCipheriv('aes-256-cbc', key, IV); }",
      errors: [{ messageId: 'sharedIv', line: 3, data: { ...CBC, where: ' at line 2, outside the function that encrypts' } }],
    },
    {
      name: 'a random IV in a class field shared by every call',
      code: "import { createCipheriv, randomBytes } from 'crypto'; class Box { iv = randomBytes(12); seal(key) { return createCipheriv('aes-256-gcm', key, this.iv); } }",
      errors: [{ messageId: 'sharedIv' }],
    },
    {
      name: 'the same IV twice under one key in one function',
      code: "const crypto = require('crypto');\nfunction f(key, a, b) {\n  const iv = crypto.randomBytes(12);\n  const c1 = crypto.createCipheriv('aes-256-gcm', key, iv);\n  const c2 = crypto.createCipheriv('aes-256-gcm', key, iv);\n}",
      errors: [{ messageId: 'reusedIv', line: 5, data: { ...GCM, name: 'iv', line: '4' } }],
    },
    {
      name: 'reading the IV between two encryptions does not make it a new IV',
      code: "const crypto = require('crypto');\nfunction f(key, a, b) {\n  const iv = crypto.randomBytes(12);\n  const c1 = crypto.createCipheriv('aes-256-gcm', key, iv);\n  log(iv.toString('hex'));\n  const c2 = crypto.createCipheriv('aes-256-gcm', key, iv);\n}",
      errors: [{ messageId: 'reusedIv', line: 6, data: { ...GCM, name: 'iv', line: '4' } }],
    },
    {
      name: 'the same nonce for two Web Crypto encryptions',
      code: "async function f(key, a, b) { const iv = crypto.getRandomValues(new Uint8Array(12)); await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, a); await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, b); }",
      errors: [{ messageId: 'reusedIv' }],
    },
    {
      name: 'one IV for every iteration of a loop',
      code: "const crypto = require('crypto'); function f(key, items) { const iv = crypto.randomBytes(12); for (const item of items) { crypto.createCipheriv('aes-256-gcm', key, iv).update(item); } }",
      errors: [{ messageId: 'reusedIvInLoop', data: { ...GCM, name: 'iv' } }],
    },
    {
      name: 'one nonce for every element of a map callback',
      code: "import nacl from 'tweetnacl'; export function sealAll(key, messages) { const nonce = nacl.randomBytes(24); return messages.map((m) => nacl.secretbox(m, nonce, key)); }",
      errors: [{ messageId: 'reusedIvInLoop' }],
    },
    {
      name: 'a weak branch behind a flag',
      code: "const crypto = require('crypto'); function f(key, legacy) { return crypto.createCipheriv('aes-256-cbc', key, legacy ? Buffer.alloc(16) : crypto.randomBytes(16)); }",
      errors: [{ messageId: 'staticIv' }],
    },
    {
      name: 'a TypeScript enum member',
      code: "import { createCipheriv } from 'crypto'; enum Ivs { Legacy = 'abcdefghijklmnop' } createCipheriv('aes-128-cbc', key, Ivs.Legacy);",
      errors: [{ messageId: 'staticIv', data: { ...CBC, how: 'a string literal (Ivs.Legacy)' } }],
    },
    {
      name: 'a helper parameter receives a zero IV',
      code: "import { createCipheriv } from 'crypto'; function enc(key: Buffer, iv: Buffer) { return createCipheriv('aes-256-cbc', key, iv); } enc(k, Buffer.alloc(16));",
      errors: [{ messageId: 'staticIv' }],
    },
    {
      name: 'destructured options and a spread',
      code: "const crypto = require('crypto'); const base = { name: 'AES-GCM' }; const { iv } = { iv: new Uint8Array(12) }; crypto.subtle.encrypt({ ...base, iv }, key, data);",
      errors: [{ messageId: 'staticIv' }],
    },
    {
      name: 'mutation: a slice of the key passed through a local identity helper',
      code: "import * as crypto from 'node:crypto';\nexport class Store {\n  constructor(private readonly key: Buffer) {}\n  seal(entry: Buffer) { return crypto.createCipheriv('aes-256-cbc', this.key, wrap(this.key.subarray(0, 16))).update(entry); }\n}\nfunction wrap(value) { return value; }",
      errors: [{ messageId: 'derivedIv', line: 4, data: { ...CBC, source: 'the encryption key itself' } }],
    },
    {
      name: 'mutation: a slice of the key read back from an array and an object literal',
      code: "const crypto = require('crypto');\nexport function seal(key, a, b) {\n  crypto.createCipheriv('aes-256-cbc', key, [key.subarray(0, 16)][0]);\n  crypto.createCipheriv('aes-256-cbc', key, ({ value: key.subarray(0, 16) }).value);\n}",
      errors: [
        { messageId: 'derivedIv', line: 3, data: { ...CBC, source: 'the encryption key itself' } },
        { messageId: 'derivedIv', line: 4, data: { ...CBC, source: 'the encryption key itself' } },
      ],
    },
    {
      name: 'mutation: the same IV twice, the second time through a helper',
      code: "const crypto = require('crypto');\nexport function f(key, a, b) {\n  const iv = crypto.randomBytes(12);\n  const c1 = crypto.createCipheriv('aes-256-gcm', key, iv);\n  const c2 = crypto.createCipheriv('aes-256-gcm', key, wrap(iv));\n}\nfunction wrap(value) { return value; }",
      errors: [{ messageId: 'reusedIv', line: 5, data: { ...GCM, name: 'iv', line: '4' } }],
    },
    {
      name: 'mutation: the same IV twice, the second time read back from an array, an object and a ternary',
      code: "const crypto = require('crypto');\nexport function f(key, flag) {\n  const iv = crypto.randomBytes(12);\n  crypto.createCipheriv('aes-256-gcm', key, iv);\n  crypto.createCipheriv('aes-256-gcm', key, [iv][0]);\n  crypto.createCipheriv('aes-256-gcm', key, ({ value: iv }).value);\n  crypto.createCipheriv('aes-256-gcm', key, (flag ? iv : iv));\n}",
      errors: [
        { messageId: 'reusedIv', line: 5, data: { ...GCM, name: 'iv', line: '4' } },
        { messageId: 'reusedIv', line: 6, data: { ...GCM, name: 'iv', line: '4' } },
        { messageId: 'reusedIv', line: 7, data: { ...GCM, name: 'iv', line: '4' } },
      ],
    },
    {
      name: 'mutation: one nonce for every element of a map callback, through a helper',
      code: "import nacl from 'tweetnacl'; export function sealAll(key, messages) { const nonce = nacl.randomBytes(24); return messages.map((m) => nacl.secretbox(m, wrap(nonce), key)); } function wrap(value) { return value; }",
      errors: [{ messageId: 'reusedIvInLoop', data: { ...GCM, name: 'nonce' } }],
    },
    {
      name: 'mutation: a zero nonce read back from an array literal',
      code: "export async function seal(key, data) { return crypto.subtle.encrypt({ name: 'AES-GCM', iv: [new Uint8Array(12)][0] }, key, data); }",
      errors: [{ messageId: 'staticIv', data: { ...GCM, how: 'all zeros' } }],
    },
    {
      name: 'a let assigned a constant in one branch',
      code: "const crypto = require('crypto'); let iv = crypto.randomBytes(16); if (process.env.DETERMINISTIC) iv = Buffer.alloc(16); crypto.createCipheriv('aes-256-cbc', key, iv);",
      errors: [{ messageId: 'staticIv' }],
    },
  ],
});
