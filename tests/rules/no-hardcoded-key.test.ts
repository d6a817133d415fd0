import rule from '../../rules/no-hardcoded-key.js';
import {
  EC_POINT_HEX,
  EC_PRIVATE_JWK,
  EC_PRIVATE_PEM,
  EC_PUBLIC_JWK,
  OCT_JWK,
  OPENSSH_PRIVATE,
  RSA_PKCS1_PRIVATE_PEM,
  RSA_PRIVATE_PEM,
  RSA_PUBLIC_PEM,
  RSA_SPKI_BASE64,
  SECRET_BASE64_32,
  SECRET_HEX_16,
  SECRET_HEX_32,
  X25519_PUBLIC_HEX,
  js,
} from '../keys.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const pemLines = RSA_PRIVATE_PEM.trim().split('\n');

ruleTester.run('no-hardcoded-key', rule, {
  valid: [
    { name: 'key from the environment', code: "import crypto from 'node:crypto'; crypto.createCipheriv('aes-256-gcm', Buffer.from(process.env.KEY, 'hex'), iv);" },
    { name: 'key read from a file', code: "const fs = require('fs'); const crypto = require('crypto'); crypto.createPrivateKey(fs.readFileSync('key.pem'));" },
    { name: 'key from a KMS call', code: "import jwt from 'jsonwebtoken'; const secret = await kms.decrypt(blob); jwt.sign(claims, secret);" },
    { name: 'random key', code: "import crypto from 'crypto'; crypto.createCipheriv('aes-256-gcm', crypto.randomBytes(32), crypto.randomBytes(12));" },
    { name: 'public key PEM imported (never reported by this rule)', code: `import crypto from 'crypto'; const PUB = ${js(RSA_PUBLIC_PEM)}; crypto.createPublicKey(PUB);` },
    { name: 'pinned public key used with jwt.verify', code: `import jwt from 'jsonwebtoken'; const PUB = ${js(RSA_PUBLIC_PEM)}; jwt.verify(token, PUB, { algorithms: ['RS256'] });` },
    { name: 'public key given to crypto.verify', code: `const crypto = require('crypto'); crypto.verify('sha256', data, ${js(RSA_PUBLIC_PEM)}, sig);` },
    { name: 'SPKI DER imported into Web Crypto', code: `const der = Buffer.from(${js(RSA_SPKI_BASE64)}, 'base64'); await crypto.subtle.importKey('spki', der, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['encrypt']);` },
    { name: 'raw EC public point imported for ECDH', code: `await crypto.subtle.importKey('raw', Buffer.from(${js(EC_POINT_HEX)}, 'hex'), { name: 'ECDH', namedCurve: 'P-256' }, false, []);` },
    { name: 'public JWK imported', code: `await crypto.subtle.importKey('jwk', ${js(EC_PUBLIC_JWK)}, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);` },
    { name: 'JWKS document of public keys', code: `const jwks = { keys: [${js({ ...EC_PUBLIC_JWK, kid: 'a' })}] }; export default jwks;` },
    { name: 'nacl box to a constant public key (an escrow question, not a hardcoded secret)', code: `import nacl from 'tweetnacl'; nacl.box(msg, nonce, Buffer.from(${js(X25519_PUBLIC_HEX)}, 'hex'), mySecretKey);` },
    { name: 'a SHA-256 hash constant that is not a key', code: `import crypto from 'crypto'; const EXPECTED = ${js(SECRET_HEX_32)}; if (crypto.createHash('sha256').update(body).digest('hex') !== EXPECTED) throw new Error('tampered');` },
    { name: 'a parser that only names the PEM header', code: "import crypto from 'crypto'; export const isPem = (s) => s.startsWith('-----BEGIN PRIVATE KEY-----') && s.includes('-----END PRIVATE KEY-----');" },
    { name: 'a certificate used as ca', code: "import https from 'https'; const CA = '-----BEGIN CERTIFICATE-----\\nMIIBszCCAVmgAwIBAgIUQ2FmZWJhYmVjYWZlYmFiZWNhZmViYWJlMAoGCCqGSM49\\n-----END CERTIFICATE-----'; https.request({ ca: CA });" },
    { name: 'ignoreTestFiles skips a test file', code: "import crypto from 'crypto'; crypto.createHmac('sha256', 'test-secret');", filename: 'src/__tests__/mac.test.js', options: [{ ignoreTestFiles: true }] },
    { name: 'ignoreTestFiles skips fixtures', code: `const k = ${js(RSA_PRIVATE_PEM)};`, filename: 'fixtures/keys/k.js', options: [{ ignoreTestFiles: true }] },
    { name: 'a JWT secret from the environment without fallback', code: "import jwt from 'jsonwebtoken'; jwt.sign(payload, process.env.JWT_SECRET);" },
    {
      name: 'corpus (@solana/web3.js): a secret key buffer allocated, then filled with a random seed, then sliced',
      code: [
        "import { ed25519 } from '@noble/curves/ed25519';",
        'const generateKeypair = () => {',
        '  const privateScalar = ed25519.utils.randomPrivateKey();',
        '  const publicKey = ed25519.getPublicKey(privateScalar);',
        '  const secretKey = new Uint8Array(64);',
        '  secretKey.set(privateScalar);',
        '  secretKey.set(publicKey, 32);',
        '  return { publicKey, secretKey };',
        '};',
        'const sign = (message, secretKey) => ed25519.sign(message, secretKey.slice(0, 32));',
        'const keypair = generateKeypair();',
        'sign(data, keypair.secretKey);',
      ].join('\n'),
    },
    {
      name: 'corpus (ethers): a 65-byte buffer written element by element and with set() is an output, not a constant key',
      code: [
        "import { secp256k1 } from '@noble/curves/secp256k1';",
        'function computePublicKey(key, compressed) {',
        '  let bytes = getBytes(key);',
        '  if (bytes.length === 32) return secp256k1.getPublicKey(bytes, !!compressed);',
        '  if (bytes.length === 64) {',
        '    const pub = new Uint8Array(65);',
        '    pub[0] = 0x04;',
        '    pub.set(bytes, 1);',
        '    bytes = pub;',
        '  }',
        '  return secp256k1.ProjectivePoint.fromHex(bytes).toRawBytes(compressed);',
        '}',
      ].join('\n'),
    },
    {
      name: 'corpus (openpgp): a zero key imported only to probe algorithm support, the key object thrown away',
      code: "const keySize = 16; const isSupported = () => crypto.subtle.importKey('raw', new Uint8Array(keySize), 'AES-CBC', false, ['encrypt']).then(() => true, () => false);",
    },
    {
      name: 'corpus (jose): a symmetric JWK built from a key held elsewhere is not key material in the source',
      code: "import { encode as b64u } from './base64url.js'; export async function exportJWK(key) { if (key instanceof Uint8Array) return { kty: 'oct', k: b64u(key) }; return crypto.subtle.exportKey('jwk', key); }",
    },
    {
      name: 'corpus (node-rsa): a string accumulated in a loop is not its empty initial value',
      code: [
        "import { privateEncrypt } from 'node:crypto';",
        "function toBase64(bytes) { let binary = ''; for (let i = 0; i < bytes.length; i += 32768) binary += String.fromCharCode(...bytes.subarray(i, i + 32768)); return btoa(binary); }",
        "function exportSsh(buf, comment = '') { return `ssh-rsa ${toBase64(buf)} ${comment}\\n`; }",
        'export function encrypt(key, chunk) { const keyPem = exportSsh(key.raw); return privateEncrypt({ key: keyPem }, chunk); }',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'createCipheriv with a hex key constant',
      code: `import crypto from 'node:crypto';\nconst KEY = Buffer.from(${js(SECRET_HEX_32)}, 'hex');\ncrypto.createCipheriv('aes-256-gcm', KEY, iv);`,
      errors: [{ messageId: 'hardcodedKey', line: 3, column: 38, data: { material: 'secret (32 bytes, hex), written on line 2', api: 'crypto.createCipheriv' } }],
    },
    {
      name: 'createHmac with a string secret, require + destructuring',
      code: "const { createHmac } = require('node:crypto'); createHmac('sha256', 'webhook-signing-secret');",
      errors: [{ messageId: 'hardcodedKey', data: { material: 'secret (22-character string)', api: 'crypto.createHmac' } }],
    },
    {
      name: 'createSecretKey from base64',
      code: `import { createSecretKey } from 'crypto'; createSecretKey(Buffer.from(${js(SECRET_BASE64_32)}, 'base64'));`,
      errors: [{ messageId: 'hardcodedKey', data: { material: 'secret (32 bytes, base64)', api: 'crypto.createSecretKey' } }],
    },
    {
      name: 'private key PEM in a template literal, used by createPrivateKey (reported once, where written)',
      code: `import crypto from 'crypto';\nconst SIGNING_KEY = \`${RSA_PRIVATE_PEM}\`;\ncrypto.createPrivateKey(SIGNING_KEY);`,
      errors: [{ messageId: 'privateKeyInSource', line: 2 }],
    },
    {
      name: 'private key PEM concatenated line by line, unused',
      code: `import crypto from 'crypto';\nconst K =\n${pemLines.map((line) => js(`${line}\n`)).join(' +\n')};`,
      errors: [{ messageId: 'privateKeyInSource', line: 3, column: 1 }],
    },
    {
      name: 'private key PEM joined from an array',
      code: `const K = ${js(pemLines)}.join('\\n');`,
      errors: [{ messageId: 'privateKeyInSource' }],
    },
    {
      name: 'PKCS#1 RSA private key with escaped newlines (from a JSON config)',
      code: `export const config = { privateKey: ${js(RSA_PKCS1_PRIVATE_PEM.replace(/\n/g, '\\n'))} };`,
      errors: [{ messageId: 'privateKeyInSource' }],
    },
    {
      name: 'EC private key through Buffer.from',
      code: `import crypto from 'crypto'; const key = crypto.createPrivateKey(Buffer.from(${js(EC_PRIVATE_PEM)}));`,
      errors: [{ messageId: 'privateKeyInSource' }],
    },
    {
      name: 'OpenSSH private key',
      code: `export const deployKey = ${js(OPENSSH_PRIVATE)};`,
      errors: [{ messageId: 'privateKeyInSource', data: { material: 'OpenSSH private key (OpenSSH, 180 bytes)' } }],
    },
    {
      name: 'private JWK, unused',
      code: `export const jwk = ${js(EC_PRIVATE_JWK)};`,
      errors: [{ messageId: 'privateKeyInSource', data: { material: 'JWK EC P-256 private key' } }],
    },
    {
      name: 'symmetric JWK imported into Web Crypto',
      code: `const key = await crypto.subtle.importKey('jwk', ${js(OCT_JWK)}, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);`,
      errors: [{ messageId: 'privateKeyInSource', data: { material: 'JWK secret (32 bytes)' } }],
    },
    {
      name: 'Web Crypto raw AES key from TextEncoder',
      code: "const raw = new TextEncoder().encode('0123456789abcdef0123456789abcdef');\nawait crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);",
      errors: [{ messageId: 'hardcodedKey', line: 2, data: { material: 'secret (32 bytes of text), written on line 1', api: 'crypto.subtle.importKey' } }],
    },
    {
      name: 'Web Crypto raw key from a byte array literal',
      code: 'const raw = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);\nawait window.crypto.subtle.importKey("raw", raw, { name: "AES-GCM" }, false, ["encrypt"]);',
      errors: [{ messageId: 'hardcodedKey', data: { material: 'secret (16 bytes, byte array), written on line 1', api: 'crypto.subtle.importKey' } }],
    },
    {
      name: 'jsonwebtoken secret with a development fallback',
      code: "import jwt from 'jsonwebtoken'; jwt.sign(payload, process.env.JWT_SECRET || 'dev-secret', { expiresIn: '1h' });",
      errors: [{ messageId: 'hardcodedKey', data: { material: 'secret (10-character string)', api: 'jwt.sign' } }],
    },
    {
      name: 'jsonwebtoken verify with a constant HMAC secret',
      code: "const jwt = require('jsonwebtoken'); const SECRET = 'shhhhh'; jwt.verify(token, SECRET);",
      errors: [{ messageId: 'hardcodedKey', data: { material: 'secret (6-character string)', api: 'jwt.verify' } }],
    },
    {
      name: 'jose SignJWT with an encoded secret',
      code: "import * as jose from 'jose';\nconst secret = new TextEncoder().encode('cc7e0d44fd473002f1c42167459001140ec6389b7353f8088f4d9a95f2f596f2');\nawait new jose.SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(secret);",
      errors: [{ messageId: 'hardcodedKey', line: 3, data: { material: 'secret (64 bytes of text), written on line 2', api: 'SignJWT.sign' } }],
    },
    {
      name: 'jose jwtVerify with a constant secret, named import with rename',
      code: "import { jwtVerify as check } from 'jose'; await check(token, new TextEncoder().encode('my-hs256-secret'));",
      errors: [{ messageId: 'hardcodedKey', data: { material: 'secret (15 bytes of text)', api: 'jose.jwtVerify' } }],
    },
    {
      name: 'crypto-js passphrase',
      code: "import CryptoJS from 'crypto-js'; CryptoJS.AES.encrypt(message, 'correct horse battery staple');",
      errors: [{ messageId: 'hardcodedKey', data: { material: 'secret (28-character string)', api: 'CryptoJS.AES.encrypt' } }],
    },
    {
      name: 'crypto-js enc.Hex.parse key',
      code: `import CryptoJS from 'crypto-js'; const key = CryptoJS.enc.Hex.parse(${js(SECRET_HEX_16)}); CryptoJS.AES.encrypt(message, key, { iv });`,
      errors: [{ messageId: 'hardcodedKey', data: { material: 'secret (16 bytes, hex)', api: 'CryptoJS.AES.encrypt' } }],
    },
    {
      name: 'node-forge cipher key',
      code: "const forge = require('node-forge'); forge.cipher.createCipher('AES-GCM', 'sixteen byte key');",
      errors: [{ messageId: 'hardcodedKey', data: { material: 'secret (16-character string)', api: 'forge.cipher.createCipher' } }],
    },
    {
      name: 'node-forge private key from a PEM constant',
      code: `const forge = require('node-forge'); const PEM = ${js(RSA_PRIVATE_PEM)}; forge.pki.privateKeyFromPem(PEM);`,
      errors: [{ messageId: 'privateKeyInSource' }],
    },
    {
      name: 'node-rsa loading a private key',
      code: `import NodeRSA from 'node-rsa'; const key = new NodeRSA(${js(RSA_PKCS1_PRIVATE_PEM)});`,
      errors: [{ messageId: 'privateKeyInSource' }],
    },
    {
      name: 'a zero key imported and then used for encryption is reported (the probe exemption needs the key thrown away)',
      code: "const key = await crypto.subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', false, ['encrypt']); await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);",
      errors: [{ messageId: 'hardcodedKey', data: { material: 'secret (16 zero-filled bytes)', api: 'crypto.subtle.importKey' } }],
    },
    {
      name: 'a constant key imported whose result handler takes the key is reported',
      code: "crypto.subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', false, ['encrypt']).then((key) => { sessionKey = key; });",
      errors: [{ messageId: 'hardcodedKey', data: { material: 'secret (16 zero-filled bytes)', api: 'crypto.subtle.importKey' } }],
    },
    {
      name: 'a zero-filled key that is only read (sliced) is still a constant',
      code: 'import nacl from "tweetnacl"; const SEED = new Uint8Array(64); const KEY = SEED.slice(0, 32); nacl.secretbox(msg, nonce, KEY);',
      errors: [{ messageId: 'hardcodedKey', data: { material: 'secret (32 zero-filled bytes)', api: 'nacl.secretbox' } }],
    },
    {
      name: 'a symmetric JWK with a literal k is key material',
      code: "await crypto.subtle.importKey('jwk', { kty: 'oct', k: 'c2VjcmV0LWtleS1tYXRlcmlhbC0zMi1ieXRlcyEhISE', alg: 'A256GCM' }, 'AES-GCM', false, ['encrypt']);",
      errors: [{ messageId: 'privateKeyInSource' }],
    },
    {
      name: 'tweetnacl secretbox with a zero-filled key',
      code: 'import nacl from "tweetnacl"; const KEY = new Uint8Array(32); nacl.secretbox(msg, nonce, KEY);',
      errors: [{ messageId: 'hardcodedKey', data: { material: 'secret (32 zero-filled bytes)', api: 'nacl.secretbox' } }],
    },
    {
      name: 'tweetnacl signing key from a constant seed',
      code: `import nacl from 'tweetnacl'; nacl.sign.keyPair.fromSeed(Buffer.from(${js(SECRET_HEX_32)}, 'hex'));`,
      errors: [{ messageId: 'hardcodedKey', data: { material: 'secret (32 bytes, hex)', api: 'nacl.sign.keyPair.fromSeed' } }],
    },
    {
      name: 'libsodium secretbox key from from_hex',
      code: `import sodium from 'libsodium-wrappers'; await sodium.ready; sodium.crypto_secretbox_easy(msg, nonce, sodium.from_hex(${js(SECRET_HEX_32)}));`,
      errors: [{ messageId: 'hardcodedKey', data: { material: 'secret (32 bytes, hex)', api: 'sodium.crypto_secretbox_easy' } }],
    },
    {
      name: 'libsodium box with a constant own secret key',
      code: `import sodium from 'libsodium-wrappers'; const MY_SK = sodium.from_hex(${js(SECRET_HEX_32)}); sodium.crypto_box_easy(msg, nonce, theirPk, MY_SK);`,
      errors: [{ messageId: 'hardcodedKey', data: { material: 'secret (32 bytes, hex)', api: 'sodium.crypto_box_easy' } }],
    },
    {
      name: 'a helper function parameter (every call site)',
      code: `import crypto from 'crypto';\nfunction encrypt(key, data) { return crypto.createCipheriv('aes-256-gcm', key, iv).update(data); }\nencrypt(Buffer.from(${js(SECRET_HEX_32)}, 'hex'), 'x');`,
      errors: [{ messageId: 'hardcodedKey', line: 2 }],
    },
    {
      name: 'a constant behind a flag',
      code: "import crypto from 'crypto'; crypto.createHmac('sha256', process.env.DEBUG ? 'debug-mac-key' : process.env.MAC_KEY);",
      errors: [{ messageId: 'hardcodedKey' }],
    },
    {
      name: 'a class field read through this',
      code: "import crypto from 'crypto';\nclass Signer { secret = 'class-field-secret'; mac(d) { return crypto.createHmac('sha256', this.secret).update(d).digest(); } }",
      errors: [{ messageId: 'hardcodedKey', line: 2 }],
    },
    {
      name: 'an enum member',
      code: "import crypto from 'crypto'; enum Keys { Mac = 'enum-mac-secret' } crypto.createHmac('sha256', Keys.Mac);",
      errors: [{ messageId: 'hardcodedKey' }],
    },
    {
      name: 'elliptic keyFromPrivate',
      code: `const EC = require('elliptic').ec; const ec = new EC('secp256k1'); ec.keyFromPrivate(${js(SECRET_HEX_32)}, 'hex');`,
      errors: [{ messageId: 'hardcodedKey', data: { material: 'secret (32 bytes, hex)', api: 'elliptic EC.keyFromPrivate' } }],
    },
    {
      name: 'noble x25519 shared secret with a constant private key',
      code: `import { x25519 } from '@noble/curves/ed25519'; x25519.getSharedSecret(${js(SECRET_HEX_32)}, peerPublicKey);`,
      errors: [{ messageId: 'hardcodedKey', data: { material: 'secret (32 bytes, hex)', api: 'noble X25519/X448.getSharedSecret' } }],
    },
    {
      name: 'noble ciphers gcm with a constant key (v2 .js entry point)',
      code: `import { gcm } from '@noble/ciphers/aes.js'; gcm(Buffer.from(${js(SECRET_HEX_32)}, 'hex'), nonce).encrypt(data);`,
      errors: [{ messageId: 'hardcodedKey' }],
    },
    {
      name: 'test files are reported by default',
      code: "import crypto from 'crypto'; crypto.createHmac('sha256', 'test-secret');",
      filename: 'src/__tests__/mac.test.js',
      errors: [{ messageId: 'hardcodedKey' }],
    },
    {
      name: 'dynamic import',
      code: "const { createHmac } = await import('node:crypto'); createHmac('sha256', 'dynamic-import-secret');",
      errors: [{ messageId: 'hardcodedKey' }],
    },
  ],
});
