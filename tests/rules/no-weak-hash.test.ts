import rule from '../../rules/no-weak-hash.js';
import { createRuleTester, STRICT } from '../rule-tester.js';

const ruleTester = createRuleTester();

// Corpus look-alikes (issue 7): the purpose of a password hash is where its output goes.
const LEGACY_PEM = [
  "const { createHash, createDecipheriv, createCipheriv, randomBytes } = require('crypto');",
  'function combineBuffers(a, b) { return Buffer.concat([a, b]); }',
  'function decryptLegacyPem(body, passphrase, iv) {',
  "  let cipherKey = createHash('md5').update(passphrase).update(iv.subarray(0, 8)).digest();",
  "  while (cipherKey.length < 32) cipherKey = combineBuffers(cipherKey, createHash('md5').update(cipherKey).update(passphrase).update(iv.subarray(0, 8)).digest());",
  "  const decipher = createDecipheriv('aes-256-cbc', cipherKey.subarray(0, 32), iv);",
  '  return combineBuffers(decipher.update(body), decipher.final());',
  '}',
  "function sealRecord(k1, k2, data) { return createCipheriv('aes-256-gcm', combineBuffers(k1, k2), randomBytes(12)).update(data); }",
].join('\n');
const PPK_MAC = [
  "const { createHash, createHmac } = require('crypto');",
  'function checkPpk(macData, storedMac, passphrase) {',
  "  const calcMAC = createHmac('sha1', createHash('sha1').update('putty-private-key-file-mac-key').update(passphrase).digest()).update(macData).digest('hex');",
  "  if (calcMAC !== storedMac) throw new Error('PPK private key integrity check failed');",
  '}',
].join('\n');
const SCRAM = [
  "import nodeCrypto from 'crypto';",
  'function passwordDigest(username, password) {',
  "  const md5 = nodeCrypto.createHash('md5');",
  "  md5.update(`${username}:mongo:${password}`, 'utf8');",
  "  return md5.digest('hex');",
  '}',
  'async function HI(data, salt, iterations) {',
  "  const keyMaterial = await crypto.subtle.importKey('raw', new TextEncoder().encode(data), { name: 'PBKDF2' }, false, ['deriveBits']);",
  "  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, keyMaterial, 256));",
  '}',
  'export const saltedPassword = (username, password, salt) => HI(passwordDigest(username, password), salt, 15000);',
].join('\n');
const strictTester = createRuleTester(STRICT);

ruleTester.run('no-weak-hash', rule, {
  valid: [
    { name: 'corpus (ssh2): MD5 of a passphrase that only decrypts a legacy encrypted PEM (the format fixes it: strict only)', code: LEGACY_PEM },
    { name: 'corpus (ssh2): SHA-1 MAC key of a PuTTY PPK file, the MAC only compared with the stored one', code: PPK_MAC },
    { name: 'corpus (mongodb): SCRAM-SHA-1 pre-hash of the password, then stretched by PBKDF2', code: SCRAM },
    {
      name: 'corpus (openpgp): an RSA key pair generated with hash SHA-1 only to be exported as a JWK',
      code: "async function generate(bits, e) { const keyPair = await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: e, hash: { name: 'SHA-1' } }, true, ['sign', 'verify']); const jwk = await crypto.subtle.exportKey('jwk', keyPair.privateKey); return jwkToPrivate(jwk); }",
    },
    {
      name: 'a password pre-hashed before bcrypt (the KDF sets the cost)',
      code: "import bcrypt from 'bcrypt'; import crypto from 'crypto'; export const hashPassword = (password) => bcrypt.hash(crypto.createHash('md5').update(password).digest('base64'), 12);",
    },
    { name: 'MD5 ETag of a response body', code: "import crypto from 'node:crypto'; const etag = crypto.createHash('md5').update(body).digest('hex');" },
    { name: 'SHA-1 cache key', code: "const { createHash } = require('crypto'); function cacheKey(url) { return createHash('sha1').update(url).digest('hex'); }" },
    { name: 'MD5 checksum of a file', code: "import { createHash } from 'crypto'; const sum = createHash('md5'); sum.update(fileBuffer); console.log(sum.digest('hex'));" },
    { name: 'RSA-SHA256 signature', code: "const crypto = require('crypto'); crypto.createSign('RSA-SHA256').update(doc).sign(privateKey);" },
    { name: 'sha256 one-shot sign', code: "import crypto from 'crypto'; crypto.sign('sha256', data, privateKey);" },
    { name: 'Ed25519 sign with a null digest', code: "import crypto from 'crypto'; crypto.sign(null, data, privateKey);" },
    { name: 'Web Crypto RSASSA key with SHA-256', code: "await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 3072, publicExponent: e, hash: 'SHA-256' }, false, ['sign']);" },
    { name: 'Web Crypto RSA-OAEP with SHA-1 is not a signature', code: "await crypto.subtle.importKey('spki', der, { name: 'RSA-OAEP', hash: 'SHA-1' }, false, ['encrypt']);" },
    { name: 'Web Crypto HMAC with SHA-1 is not reported', code: "await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: { name: 'SHA-1' } }, false, ['sign']);" },
    { name: 'HMAC-SHA1 under recommended (TOTP)', code: "import { createHmac } from 'crypto'; createHmac('sha1', secret).update(counter).digest();" },
    { name: 'HMAC-MD5 under recommended', code: "import { createHmac } from 'crypto'; createHmac('md5', key).update(msg).digest();" },
    { name: 'SHA-256 of a password is not this rule (no-weak-kdf)', code: "import { createHash } from 'crypto'; createHash('sha256').update(password).digest('hex');" },
    { name: 'MD5 of a password hash field', code: "import { createHash } from 'crypto'; createHash('md5').update(user.passwordHash).digest('hex');" },
    { name: 'MD5 of a password-length value', code: "import { createHash } from 'crypto'; createHash('md5').update(String(passwordLength)).digest('hex');" },
    { name: 'MD5 on a spinner id (pin is a whole word only)', code: "import { createHash } from 'crypto'; createHash('md5').update(spinnerId).digest('hex');" },
    { name: 'RIPEMD-160 signature under recommended', code: "import crypto from 'crypto'; crypto.createSign('RSA-RIPEMD160');" },
    { name: 'PBKDF2 with SHA-1 is no-weak-kdf business', code: "import crypto from 'crypto'; crypto.pbkdf2Sync(password, salt, 1300000, 32, 'sha1');" },
    { name: 'OAEP hash SHA-1 is not a signature', code: "import crypto from 'crypto'; crypto.publicEncrypt({ key: pub, oaepHash: 'sha1' }, data);" },
    { name: 'allow option', code: "import crypto from 'crypto'; crypto.createVerify('sha1');", options: [{ allow: ['SHA1'] }] },
    { name: 'a local createHash', code: "function createHash(a) {} createHash('md5').update(password);" },
    { name: 'unknown digest', code: "import crypto from 'crypto'; crypto.createSign(process.env.DIGEST);" },
    { name: 'crypto-js SHA256 of a password is not this rule', code: "import CryptoJS from 'crypto-js'; CryptoJS.SHA256(password).toString();" },
    { name: 'crypto-js MD5 of a file name', code: "import CryptoJS from 'crypto-js'; const id = CryptoJS.MD5(fileName).toString();" },
    { name: 'forge SHA-256 signature', code: "const forge = require('node-forge'); const md = forge.md.sha256.create(); md.update(data); forge.pki.privateKeyFromPem(pem).sign(md);" },
    { name: 'forge certificate signed with SHA-256', code: "const forge = require('node-forge'); const cert = forge.pki.createCertificate(); cert.sign(keys.privateKey, forge.md.sha256.create());" },
    { name: 'MySQL native password scramble under recommended', code: "import { createHash } from 'crypto';\nfunction scramble411(password, scramble) {\n  const stage1 = createHash('sha1').update(password).digest();\n  return stage1;\n}" },
    { name: 'HTTP Digest HA1 under recommended', code: "import crypto from 'crypto'; const ha1 = crypto.createHash('md5').update(`${user}:${realm}:${password}`).digest('hex');" },
  ],
  invalid: [
    {
      name: 'a SHA-1 key pair that is exported and also used to sign is reported',
      code: "const keyPair = await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 3072, publicExponent, hash: 'SHA-1' }, true, ['sign', 'verify']);\nawait crypto.subtle.exportKey('jwk', keyPair.publicKey);\nawait crypto.subtle.sign('RSASSA-PKCS1-v1_5', keyPair.privateKey, data);",
      errors: [{ messageId: 'weakSignatureHash', line: 1 }],
    },
    {
      name: 'an MD5 password key that encrypts new data as well as decrypting old data is reported',
      code: "const { createHash, createCipheriv, createDecipheriv } = require('crypto'); function keyFor(password) { return createHash('md5').update(password).digest(); }\nexport const seal = (password, iv, data) => createCipheriv('aes-128-cbc', keyFor(password), iv).update(data);\nexport const open = (password, iv, data) => createDecipheriv('aes-128-cbc', keyFor(password), iv).update(data);",
      errors: [{ messageId: 'weakPasswordHash', line: 1 }],
    },
    {
      name: 'an HMAC keyed by MD5 of a password whose tag is sent, not compared, is reported',
      code: "const { createHash, createHmac } = require('crypto'); const tag = createHmac('sha256', createHash('md5').update(password).digest()).update(body).digest('hex'); res.send(tag);",
      errors: [{ messageId: 'weakPasswordHash' }],
    },
    {
      name: 'createSign with RSA-SHA1',
      code: "const crypto = require('crypto');\nconst signer = crypto.createSign('RSA-SHA1');",
      errors: [{ messageId: 'weakSignatureHash', line: 2, column: 34, data: { value: "'RSA-SHA1'", digest: 'SHA-1' } }],
    },
    {
      name: 'createVerify with sha1WithRSAEncryption (node: prefix, namespace import)',
      code: "import * as c from 'node:crypto'; c.createVerify('sha1WithRSAEncryption').update(d).verify(pub, sig);",
      errors: [{ messageId: 'weakSignatureHash' }],
    },
    {
      name: 'one-shot sign with md5 through a renamed import',
      code: "import { sign as rsaSign } from 'crypto'; rsaSign('md5', data, key);",
      errors: [{ messageId: 'weakSignatureHash', data: { value: "'md5'", digest: 'MD5' } }],
    },
    {
      name: 'verify with sha1 through a destructured require',
      code: "const { verify } = require('node:crypto'); verify('sha1', data, pub, sig);",
      errors: [{ messageId: 'weakSignatureHash' }],
    },
    {
      name: 'ecdsa-with-SHA1 through a dynamic import',
      code: "const { createSign } = await import('crypto'); createSign('ecdsa-with-SHA1');",
      errors: [{ messageId: 'weakSignatureHash' }],
    },
    {
      name: 'a signature digest behind a flag',
      code: "import crypto from 'crypto'; const LEGACY = 'sha1'; crypto.createSign(compat ? LEGACY : 'sha256');",
      errors: [{ messageId: 'weakSignatureHash', data: { value: "'sha1' (LEGACY)", digest: 'SHA-1' } }],
    },
    {
      name: 'a TypeScript enum',
      code: "import crypto from 'crypto'; enum Digest { Old = 'MD5', New = 'SHA256' } crypto.createSign(Digest.Old);",
      errors: [{ messageId: 'weakSignatureHash' }],
    },
    {
      name: 'a helper parameter',
      code: "import crypto from 'crypto'; function signWith(alg, data) { return crypto.createSign(alg).update(data).sign(key); } signWith('sha1', 'x');",
      errors: [{ messageId: 'weakSignatureHash' }],
    },
    {
      name: 'Web Crypto RSASSA key generated with SHA-1',
      code: "await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: e, hash: 'SHA-1' }, false, ['sign']);",
      errors: [{ messageId: 'weakSignatureHash', column: 108 }],
    },
    {
      name: 'Web Crypto RSA-PSS key imported with { name: SHA-1 }, options in a variable',
      code: "const params = { name: 'RSA-PSS', hash: { name: 'SHA-1' } };\nawait window.crypto.subtle.importKey('spki', der, params, false, ['verify']);",
      errors: [{ messageId: 'weakSignatureHash', line: 2 }],
    },
    {
      name: 'Web Crypto ECDSA sign with SHA-1',
      code: "await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-1' }, key, data);",
      errors: [{ messageId: 'weakSignatureHash' }],
    },
    {
      name: 'Node rsa-pss key pair restricted to SHA-1',
      code: "import crypto from 'crypto'; crypto.generateKeyPairSync('rsa-pss', { modulusLength: 3072, hashAlgorithm: 'sha1' });",
      errors: [{ messageId: 'weakSignatureHash' }],
    },
    {
      name: 'forge key signs a SHA-1 message digest',
      code: "const forge = require('node-forge');\nconst md = forge.md.sha1.create();\nmd.update(data, 'utf8');\nconst key = forge.pki.privateKeyFromPem(pem);\nconst sig = key.sign(md);",
      errors: [{ messageId: 'weakSignatureHash', line: 5, data: { value: 'forge.md.sha1.create', digest: 'SHA-1' } }],
    },
    {
      name: 'forge certificate signed without a digest (forge defaults to SHA-1)',
      code: "import forge from 'node-forge'; const cert = forge.pki.createCertificate(); cert.sign(keys.privateKey);",
      errors: [{ messageId: 'weakSignatureHash', data: { value: 'forge certificate.sign default', digest: 'SHA-1' } }],
    },
    {
      name: 'MD5 of a password',
      code: "import crypto from 'crypto';\nconst stored = crypto.createHash('md5').update(password).digest('hex');",
      errors: [{ messageId: 'weakPasswordHash', line: 2, column: 34, data: { value: "'md5'", digest: 'MD5', source: 'password' } }],
    },
    {
      name: 'SHA-1 of a salted password from the request body',
      code: "import { createHash } from 'crypto'; const hash = createHash('sha1'); hash.update(salt + req.body.password); save(hash.digest('hex'));",
      errors: [{ messageId: 'weakPasswordHash' }],
    },
    {
      name: 'password flowing through a local and Buffer.from',
      code: "import { createHash } from 'crypto'; const { passphrase } = opts; const input = Buffer.from(passphrase, 'utf8'); createHash('md5').update(input).digest();",
      errors: [{ messageId: 'weakPasswordHash', data: { value: "'md5'", digest: 'MD5', source: 'passphrase' } }],
    },
    {
      name: 'a PIN hashed with SHA-1 in a template',
      code: "import crypto from 'crypto'; crypto.createHash('sha1').update(`${userId}:${pinCode}`).digest('hex');",
      errors: [{ messageId: 'weakPasswordHash' }],
    },
    {
      name: 'a parameter of hashPassword',
      code: "import crypto from 'crypto'; export function hashPassword(plain) { return crypto.createHash('md5').update(plain).digest('hex'); }",
      errors: [{ messageId: 'weakPasswordHash', data: { value: "'md5'", digest: 'MD5', source: 'hashPassword' } }],
    },
    {
      name: 'one-shot crypto.hash of a password',
      code: "import crypto from 'node:crypto'; crypto.hash('sha1', password);",
      errors: [{ messageId: 'weakPasswordHash' }],
    },
    {
      name: 'Web Crypto digest of an encoded password',
      code: "const bytes = new TextEncoder().encode(password); await crypto.subtle.digest('SHA-1', bytes);",
      errors: [{ messageId: 'weakPasswordHash' }],
    },
    {
      name: 'crypto-js MD5 of a password (global, module and per-file module)',
      code: "import CryptoJS from 'crypto-js';\nimport md5 from 'crypto-js/md5';\nCryptoJS.MD5(password).toString();\nmd5(userPassword).toString();\nCryptoJS.SHA1(secret);",
      errors: [
        { messageId: 'weakPasswordHash', line: 3 },
        { messageId: 'weakPasswordHash', line: 4 },
        { messageId: 'weakPasswordHash', line: 5 },
      ],
    },
    {
      name: 'HMAC-MD5 over a password',
      code: "import crypto from 'crypto'; crypto.createHmac('md5', salt).update(password).digest('hex');",
      errors: [{ messageId: 'weakPasswordHash' }],
    },
    {
      name: 'forge MD5 of a password',
      code: "const forge = require('node-forge'); const md = forge.md.md5.create(); md.update(password); md.digest().toHex();",
      errors: [{ messageId: 'weakPasswordHash' }],
    },
    {
      name: 'MD4 of a password outside any protocol',
      code: "import crypto from 'crypto'; crypto.createHash('md4').update(password).digest();",
      errors: [{ messageId: 'weakPasswordHash' }],
    },
  ],
});

strictTester.run('no-weak-hash (strict)', rule, {
  valid: [
    { name: 'strict: ETag stays quiet', code: "import crypto from 'crypto'; res.setHeader('ETag', crypto.createHash('md5').update(body).digest('hex'));" },
    { name: 'strict: cache key stays quiet', code: "import crypto from 'crypto'; const cacheKey = crypto.createHash('sha1').update(url).digest('hex');" },
    { name: 'strict: checksum through a variable', code: "import crypto from 'crypto'; const h = crypto.createHash('md5'); h.update(buf); const checksum = h.digest('hex');" },
    { name: 'strict: HMAC-SHA1', code: "import { createHmac } from 'crypto'; createHmac('sha1', key).update(msg).digest();" },
    { name: 'strict: SHA-256', code: "import { createHash } from 'crypto'; createHash('sha256').update(data).digest();" },
    { name: 'strict: RIPEMD-160 of ordinary data', code: "import { createHash } from 'crypto'; createHash('ripemd160').update(data).digest();" },
  ],
  invalid: [
    {
      name: 'strict: legacy PEM decryption key derived with MD5 is reported as format-mandated',
      code: LEGACY_PEM,
      errors: [
        { messageId: 'legacyFormatPasswordHash', line: 4, data: { value: "'md5'", digest: 'MD5', source: 'passphrase' } },
        { messageId: 'legacyFormatPasswordHash', line: 5, data: { value: "'md5'", digest: 'MD5', source: 'passphrase' } },
      ],
    },
    {
      name: 'strict: PuTTY PPK MAC key reported as format-mandated',
      code: PPK_MAC,
      errors: [{ messageId: 'legacyFormatPasswordHash', line: 3, data: { value: "'sha1'", digest: 'SHA-1', source: 'passphrase' } }],
    },
    {
      name: 'strict: a pre-hash before PBKDF2 is reported as such',
      code: SCRAM,
      errors: [{ messageId: 'preHashedPassword', line: 3, data: { value: "'md5'", digest: 'MD5', source: 'password' } }],
    },
    {
      name: 'strict: MySQL scramble reported as protocol-mandated',
      code: "import { createHash } from 'crypto';\nfunction scramble411(password, scramble) {\n  const stage1 = createHash('sha1').update(password).digest();\n  return stage1;\n}",
      errors: [{ messageId: 'protocolPasswordHash', line: 3, data: { value: "'sha1'", digest: 'SHA-1', source: 'password', hint: 'scramble411' } }],
    },
    {
      name: 'strict: HTTP Digest HA1 with the realm',
      code: "import crypto from 'crypto'; const ha1 = crypto.createHash('md5').update(`${user}:${realm}:${password}`).digest('hex');",
      errors: [{ messageId: 'protocolPasswordHash' }],
    },
    {
      name: 'strict: HMAC-MD5',
      code: "import { createHmac } from 'crypto'; createHmac('md5', key).update(msg).digest();",
      errors: [{ messageId: 'weakHmac', data: { value: "'md5'", digest: 'MD5' } }],
    },
    {
      name: 'strict: crypto-js HmacMD5',
      code: "import HmacMD5 from 'crypto-js/hmac-md5'; HmacMD5(message, key).toString();",
      errors: [{ messageId: 'weakHmac', data: { value: 'CryptoJS.HmacMD5', digest: 'MD5' } }],
    },
    {
      name: 'strict: MD5 of data with no recognisable purpose',
      code: "import crypto from 'crypto'; const id = crypto.createHash('md5').update(payload).digest('hex');",
      errors: [{ messageId: 'weakHashUnknownPurpose' }],
    },
    {
      name: 'strict: RIPEMD-160 signature',
      code: "import crypto from 'crypto'; crypto.createSign('RSA-RIPEMD160');",
      errors: [{ messageId: 'weakSignatureHash', data: { value: "'RSA-RIPEMD160'", digest: 'RIPEMD-160' } }],
    },
    {
      name: 'strict: forge SHA-1 used to sign is reported once, as a signature',
      code: "const forge = require('node-forge'); const md = forge.md.sha1.create(); md.update(data); key.sign(md); forge.pki.privateKeyFromPem(pem).sign(md);",
      errors: [{ messageId: 'weakSignatureHash' }],
    },
  ],
});
