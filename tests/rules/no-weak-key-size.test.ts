import rule from '../../rules/no-weak-key-size.js';
import { createRuleTester, STRICT } from '../rule-tester.js';

const ruleTester = createRuleTester();

// Corpus look-alike (ssh2 kex): a protocol's negotiation table lists the legacy group the protocol mandates.
const KEX_TABLE = [
  "const { createDiffieHellmanGroup } = require('crypto');",
  'class DHExchange { constructor(groupName, hash) { this.groupName = groupName; this.hash = hash; } generateKeys() { this._dh = createDiffieHellmanGroup(this.groupName); return this._dh.generateKeys(); } }',
  'function createKeyExchange(kexType) {',
  '  switch (kexType) {',
  "    case 'diffie-hellman-group1-sha1': return new DHExchange('modp2', 'sha1');",
  "    case 'diffie-hellman-group14-sha1': return new DHExchange('modp14', 'sha1');",
  "    case 'diffie-hellman-group14-sha256': return new DHExchange('modp14', 'sha256');",
  "    case 'diffie-hellman-group16-sha512': return new DHExchange('modp16', 'sha512');",
  '  }',
  "  throw new Error('Unsupported key exchange algorithm');",
  '}',
].join('\n');

ruleTester.run('no-weak-key-size', rule, {
  valid: [
    { name: 'corpus (ssh2): modp2 chosen in one case of a key-exchange negotiation table (protocol-mandated, strict only)', code: KEX_TABLE },
    { name: 'RSA 3072', code: "const crypto = require('crypto'); crypto.generateKeyPairSync('rsa', { modulusLength: 3072 });" },
    { name: 'RSA 2048 under recommended', code: "const crypto = require('crypto'); crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });" },
    { name: 'P-256 in node', code: "const crypto = require('crypto'); crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });" },
    { name: 'X25519', code: "const crypto = require('crypto'); crypto.generateKeyPairSync('x25519');" },
    { name: 'secp256k1 ECDH', code: "const crypto = require('crypto'); crypto.createECDH('secp256k1');" },
    { name: 'modp14', code: "const crypto = require('crypto'); crypto.getDiffieHellman('modp14');" },
    { name: 'createDiffieHellman with a prime buffer', code: "const crypto = require('crypto'); crypto.createDiffieHellman(primeBuffer);" },
    { name: 'Web Crypto RSA-OAEP 4096', code: "crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 4096, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['encrypt']);" },
    { name: 'Web Crypto AES-CTR counter length is not a key size', code: "crypto.subtle.encrypt({ name: 'AES-CTR', counter, length: 64 }, key, data);" },
    { name: 'Web Crypto rejects small curves itself', code: "crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-192' }, true, ['sign']);" },
    { name: 'AES generateKey lengths are validated by Node', code: "const crypto = require('crypto'); crypto.generateKeySync('aes', { length: 64 });" },
    { name: 'HMAC 256', code: "const crypto = require('crypto'); crypto.generateKeySync('hmac', { length: 256 });" },
    { name: 'pbkdf2 with a 32-byte key', code: "const crypto = require('crypto'); crypto.pbkdf2Sync(pw, salt, 600000, 32, 'sha256');" },
    { name: 'crypto-js 256-bit PBKDF2 key', code: "import CryptoJS from 'crypto-js'; CryptoJS.PBKDF2(pw, salt, { keySize: 256 / 32, iterations: 600000 });" },
    { name: 'a modulusLength on an unrelated object', code: "const settings = { modulusLength: 512 }; save(settings);" },
    { name: 'node-rsa 2048', code: "const NodeRSA = require('node-rsa'); new NodeRSA({ b: 2048 });" },
    { name: 'allowed curve', code: "const crypto = require('crypto'); crypto.createECDH('secp192k1');", options: [{ allow: ['secp192k1'] }] },
    { name: 'minimum lowered in settings', code: "const crypto = require('crypto'); crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });", settings: { keyguard: { minRsaBits: 1024 } } },
  ],
  invalid: [
    {
      name: 'strict: modp2 in a negotiation table (and modp14, below the strict minimum)',
      code: KEX_TABLE,
      settings: STRICT,
      errors: [
        { messageId: 'weakGroup', line: 2, data: { value: "'modp2' (groupName, line 5)", bits: '1024', min: '3072' }, suggestions: [] },
        { messageId: 'weakGroup', line: 2, data: { value: "'modp14' (groupName, line 6)", bits: '2048', min: '3072' }, suggestions: [] },
      ],
    },
    {
      name: 'a weak group behind a two-way switch is a flag, not a negotiation table',
      code: "const crypto = require('crypto'); function group(mode) { switch (mode) { case 'legacy': return crypto.createDiffieHellmanGroup('modp2'); case 'modern': return crypto.createDiffieHellmanGroup('modp14'); } }",
      errors: [{ messageId: 'weakGroup', suggestions: [{ messageId: 'useSize', data: { replacement: "'modp14'" }, output: "const crypto = require('crypto'); function group(mode) { switch (mode) { case 'legacy': return crypto.createDiffieHellmanGroup('modp14'); case 'modern': return crypto.createDiffieHellmanGroup('modp14'); } }" }] }],
    },
    {
      name: 'RSA 1024 inline, with a suggestion',
      code: "const crypto = require('crypto');\ncrypto.generateKeyPairSync('rsa', { modulusLength: 1024 });",
      errors: [
        {
          messageId: 'smallKey',
          line: 2,
          column: 52,
          suggestions: [{ messageId: 'useSize', data: { replacement: '2048' }, output: "const crypto = require('crypto');\ncrypto.generateKeyPairSync('rsa', { modulusLength: 2048 });" }],
        },
      ],
    },
    {
      name: 'RSA 2048 under the strict profile',
      code: "const crypto = require('crypto'); crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });",
      settings: STRICT,
      errors: [{ messageId: 'smallKey', suggestions: [{ messageId: 'useSize', data: { replacement: '3072' }, output: "const crypto = require('crypto'); crypto.generateKeyPairSync('rsa', { modulusLength: 3072 });" }] }],
    },
    {
      name: 'options in a variable: no suggestion away from the literal',
      code: "const crypto = require('crypto'); const opts = { modulusLength: 512 }; crypto.generateKeyPair('rsa-pss', opts, cb);",
      errors: [{ messageId: 'smallKey', suggestions: [] }],
    },
    {
      name: 'DSA 1024',
      code: "const crypto = require('crypto'); crypto.generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 });",
      errors: [{ messageId: 'smallKey', data: { what: 'DSA modulus', bits: 1024, min: 2048, origin: '' }, suggestions: [{ messageId: 'useSize', data: { replacement: '2048' }, output: "const crypto = require('crypto'); crypto.generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 160 });" }] }],
    },
    {
      name: 'DH prime length through generateKeyPair and createDiffieHellman',
      code: "const crypto = require('crypto'); crypto.generateKeyPairSync('dh', { primeLength: 1024 }); crypto.createDiffieHellman(512);",
      errors: [
        { messageId: 'smallKey', suggestions: [{ messageId: 'useSize', data: { replacement: '2048' }, output: "const crypto = require('crypto'); crypto.generateKeyPairSync('dh', { primeLength: 2048 }); crypto.createDiffieHellman(512);" }] },
        { messageId: 'smallKey', suggestions: [{ messageId: 'useSize', data: { replacement: '2048' }, output: "const crypto = require('crypto'); crypto.generateKeyPairSync('dh', { primeLength: 1024 }); crypto.createDiffieHellman(2048);" }] },
      ],
    },
    {
      name: 'weak MODP groups',
      code: "const crypto = require('crypto'); crypto.getDiffieHellman('modp1'); crypto.createDiffieHellmanGroup('modp5');",
      errors: [
        { messageId: 'weakGroup', suggestions: [{ messageId: 'useSize', data: { replacement: "'modp14'" }, output: "const crypto = require('crypto'); crypto.getDiffieHellman('modp14'); crypto.createDiffieHellmanGroup('modp5');" }] },
        { messageId: 'weakGroup', suggestions: [{ messageId: 'useSize', data: { replacement: "'modp14'" }, output: "const crypto = require('crypto'); crypto.getDiffieHellman('modp1'); crypto.createDiffieHellmanGroup('modp14');" }] },
      ],
    },
    {
      name: 'small curves in node',
      code: "const crypto = require('crypto'); crypto.createECDH('secp160r1'); crypto.generateKeyPairSync('ec', { namedCurve: 'prime192v1' });",
      errors: [
        { messageId: 'weakCurve', suggestions: [{ messageId: 'useSize', data: { replacement: "'prime256v1'" }, output: "const crypto = require('crypto'); crypto.createECDH('prime256v1'); crypto.generateKeyPairSync('ec', { namedCurve: 'prime192v1' });" }] },
        { messageId: 'weakCurve', suggestions: [{ messageId: 'useSize', data: { replacement: "'prime256v1'" }, output: "const crypto = require('crypto'); crypto.createECDH('secp160r1'); crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });" }] },
      ],
    },
    {
      name: 'a curve behind a flag',
      code: "const crypto = require('crypto'); const CURVES = { modern: 'prime256v1', legacy: 'sect163k1' }; crypto.createECDH(CURVES[level]);",
      errors: [{ messageId: 'weakCurve', suggestions: [] }],
    },
    {
      name: 'Web Crypto RSA 1024 through globalThis',
      code: "globalThis.crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, hash: 'SHA-256' }, false, ['sign']);",
      errors: [{ messageId: 'smallKey', suggestions: [{ messageId: 'useSize', data: { replacement: '2048' }, output: "globalThis.crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, hash: 'SHA-256' }, false, ['sign']);" }] }],
    },
    {
      name: 'Web Crypto through require(crypto).webcrypto',
      code: "const { subtle } = require('crypto').webcrypto; subtle.generateKey({ name: 'RSA-PSS', modulusLength: 1536 }, false, ['sign']);",
      errors: [{ messageId: 'smallKey', suggestions: [{ messageId: 'useSize', data: { replacement: '2048' }, output: "const { subtle } = require('crypto').webcrypto; subtle.generateKey({ name: 'RSA-PSS', modulusLength: 2048 }, false, ['sign']);" }] }],
    },
    {
      name: 'Web Crypto HMAC with a 64-bit key',
      code: "window.crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 64 }, false, ['sign']);",
      errors: [{ messageId: 'smallKey', suggestions: [{ messageId: 'useSize', data: { replacement: '128' }, output: "window.crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 128 }, false, ['sign']);" }] }],
    },
    {
      name: 'node HMAC key of 64 bits',
      code: "const crypto = require('crypto'); crypto.generateKeySync('hmac', { length: 64 });",
      errors: [{ messageId: 'smallKey', suggestions: [{ messageId: 'useSize', data: { replacement: '128' }, output: "const crypto = require('crypto'); crypto.generateKeySync('hmac', { length: 128 });" }] }],
    },
    {
      name: 'crypto-js keySize counts 32-bit words: 64/32 is 64 bits',
      code: "import CryptoJS from 'crypto-js'; CryptoJS.PBKDF2(pw, salt, { keySize: 64 / 32, iterations: 600000 });",
      errors: [{ messageId: 'smallKey', data: { what: 'symmetric key', bits: 64, min: 128, origin: ' (written as 2)' }, suggestions: [] }],
    },
    {
      name: 'node-forge 1024-bit RSA, options and positional',
      code: "const forge = require('node-forge'); forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 }); forge.pki.rsa.generateKeyPair(512, 0x10001, cb);",
      errors: [
        { messageId: 'smallKey', suggestions: [{ messageId: 'useSize', data: { replacement: '2048' }, output: "const forge = require('node-forge'); forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 }); forge.pki.rsa.generateKeyPair(512, 0x10001, cb);" }] },
        { messageId: 'smallKey', suggestions: [{ messageId: 'useSize', data: { replacement: '2048' }, output: "const forge = require('node-forge'); forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 }); forge.pki.rsa.generateKeyPair(2048, 0x10001, cb);" }] },
      ],
    },
    {
      name: 'node-rsa constructor and generateKeyPair',
      code: "import NodeRSA from 'node-rsa'; const key = new NodeRSA({ b: 512 }); new NodeRSA().generateKeyPair(1024);",
      errors: [
        { messageId: 'smallKey', suggestions: [{ messageId: 'useSize', data: { replacement: '2048' }, output: "import NodeRSA from 'node-rsa'; const key = new NodeRSA({ b: 2048 }); new NodeRSA().generateKeyPair(1024);" }] },
        { messageId: 'smallKey', suggestions: [{ messageId: 'useSize', data: { replacement: '2048' }, output: "import NodeRSA from 'node-rsa'; const key = new NodeRSA({ b: 512 }); new NodeRSA().generateKeyPair(2048);" }] },
      ],
    },
    {
      name: 'a size behind a ternary',
      code: "const crypto = require('crypto'); crypto.generateKeyPairSync('rsa', { modulusLength: fast ? 1024 : 4096 });",
      errors: [{ messageId: 'smallKey', suggestions: [] }],
    },
  ],
});
