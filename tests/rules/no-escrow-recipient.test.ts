import { createHash, createPublicKey } from 'node:crypto';
import rule from '../../rules/no-escrow-recipient.js';
import { EC_POINT_HEX, EC_PUBLIC_JWK, PGP_PUBLIC, RSA_PKCS1_PUBLIC_PEM, RSA_PUBLIC_PEM, RSA_SPKI_BASE64, SECRET_HEX_32, X25519_PUBLIC_HEX, js } from '../keys.js';
import { createRuleTester, STRICT } from '../rule-tester.js';

const ruleTester = createRuleTester();
const RSA_FP = createHash('sha256').update(createPublicKey(RSA_PUBLIC_PEM).export({ type: 'spki', format: 'der' })).digest('hex');
const X25519_FP = createHash('sha256').update(Buffer.from(X25519_PUBLIC_HEX, 'hex')).digest('hex');
const DISCLOSED = { keyguard: { disclosedRecipients: [{ sha256: RSA_FP.toUpperCase().replace(/(..)(?!$)/g, '$1:'), reason: 'Org recovery key, ADR-12' }] } };
const DISCLOSED_REPORTED = { keyguard: { ...DISCLOSED.keyguard, reportDisclosed: true } };
const pemLines = RSA_PUBLIC_PEM.trim().split('\n');
const LEAF = `import crypto from 'node:crypto';\nconst ESCROW = ${js(RSA_PUBLIC_PEM)};\nexport function seal(data) {\n  const sessionKey = crypto.randomBytes(32);\n  return { leaf: crypto.publicEncrypt(ESCROW, sessionKey), body: data };\n}`;

ruleTester.run('no-escrow-recipient', rule, {
  valid: [
    { name: 'a runtime recipient', code: "import crypto from 'crypto'; export const wrap = (user, sessionKey) => crypto.publicEncrypt(user.publicKey, sessionKey);" },
    { name: 'recipient key read from a file', code: "const fs = require('fs'); const crypto = require('crypto'); crypto.publicEncrypt(fs.readFileSync('recipient.pem'), crypto.randomBytes(32));" },
    { name: 'recipient key from the environment', code: "import crypto from 'crypto'; crypto.publicEncrypt(process.env.RECIPIENT_PEM, crypto.randomBytes(32));" },
    { name: 'data to a fixed third party is strict-only', code: `import crypto from 'crypto'; const PSP = ${js(RSA_PUBLIC_PEM)}; export const encryptCard = (card) => crypto.publicEncrypt(PSP, Buffer.from(card.number));` },
    { name: 'pinned release key used to verify', code: `import crypto from 'crypto'; const RELEASE_KEY = ${js(RSA_PUBLIC_PEM)}; export const ok = (data, sig) => crypto.verify('sha256', data, RELEASE_KEY, sig);` },
    { name: 'pinned key with createVerify', code: `import crypto from 'crypto'; const v = crypto.createVerify('sha256'); v.update(data); v.verify(${js(RSA_PUBLIC_PEM)}, sig);` },
    { name: 'publicDecrypt is signature recovery, not a recipient', code: `import crypto from 'crypto'; crypto.publicDecrypt(${js(RSA_PUBLIC_PEM)}, signature);` },
    { name: 'Web Crypto verify with an imported SPKI key', code: `const k = await crypto.subtle.importKey('spki', Buffer.from(${js(RSA_SPKI_BASE64)}, 'base64'), { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['verify']);\nawait crypto.subtle.verify({ name: 'RSA-PSS', saltLength: 32 }, k, sig, data);` },
    { name: 'nacl detached verify with a pinned key', code: `import nacl from 'tweetnacl'; nacl.sign.detached.verify(msg, sig, Buffer.from(${js(X25519_PUBLIC_HEX)}, 'hex'));` },
    { name: 'jose jwtVerify with a pinned SPKI', code: `import { importSPKI, jwtVerify } from 'jose'; const k = await importSPKI(${js(RSA_PUBLIC_PEM)}, 'RS256'); await jwtVerify(token, k);` },
    { name: 'a JWKS document of public keys', code: `export const jwks = { keys: [${js({ ...EC_PUBLIC_JWK, kid: '1', use: 'sig' })}] };` },
    { name: 'a certificate used as ca alone', code: "import https from 'https'; https.request({ host, ca: '-----BEGIN CERTIFICATE-----\\nMIIBszCCAVmgAwIBAgIUQ2FmZWJhYmVjYWZlYmFiZWNhZmViYWJlMAoGCCqGSM49\\n-----END CERTIFICATE-----' });" },
    { name: 'a disclosed recovery key', code: LEAF, settings: DISCLOSED },
    { name: 'openpgp encrypt to runtime recipients only', code: "import * as openpgp from 'openpgp'; export const send = async (text, members) => openpgp.encrypt({ message: await openpgp.createMessage({ text }), encryptionKeys: members.map((m) => m.key) });" },
    { name: 'a constant appended to a list used only for verification', code: `import crypto from 'crypto'; const ADMIN = ${js(RSA_PUBLIC_PEM)}; export const ok = (members, data, sig) => [...members, ADMIN].some((k) => crypto.verify('sha256', data, k, sig));` },
    { name: 'a symmetric key in createCipheriv is not a recipient', code: `import crypto from 'crypto'; crypto.createCipheriv('aes-256-gcm', Buffer.from(${js(SECRET_HEX_32)}, 'hex'), iv).update(sessionKey);` },
    { name: 'ECDH with the peer key of the session', code: "import crypto from 'crypto'; const ecdh = crypto.createECDH('prime256v1'); ecdh.generateKeys(); export const agree = (peer) => ecdh.computeSecret(peer);" },
    { name: 'a hash constant is not a key', code: `import crypto from 'crypto'; const EXPECTED = ${js(SECRET_HEX_32)}; crypto.publicEncrypt(user.key, Buffer.from(EXPECTED));` },
    { name: 'ignoreTestFiles', code: LEAF, filename: 'test/escrow.spec.ts', options: [{ ignoreTestFiles: true }] },
  ],
  invalid: [
    {
      name: 'LEAF: a fresh session key encrypted to a constant PEM',
      code: LEAF,
      errors: [{ messageId: 'escrowKey', line: 5, column: 39, data: { api: 'crypto.publicEncrypt', material: 'a session or content key', recipient: `RSA-2048 public key (PEM), written on line 2, SHA-256 ${RSA_FP}` } }],
    },
    {
      name: 'disclosed recipients are reported as disclosed when reportDisclosed is set',
      code: LEAF,
      settings: DISCLOSED_REPORTED,
      errors: [{ messageId: 'disclosed', data: { api: 'crypto.publicEncrypt', recipient: `RSA-2048 public key (PEM), written on line 2, SHA-256 ${RSA_FP}`, reason: 'Org recovery key, ADR-12' } }],
    },
    {
      name: 'a KeyObject built from a module constant, used in another function',
      code: `import { createPublicKey, publicEncrypt, constants } from 'crypto';\nconst RECOVERY = createPublicKey(\`${RSA_PUBLIC_PEM}\`);\nexport function wrapContentKey(contentKey) {\n  return publicEncrypt({ key: RECOVERY, padding: constants.RSA_PKCS1_OAEP_PADDING }, contentKey);\n}`,
      errors: [{ messageId: 'escrowKey', line: 3 + RSA_PUBLIC_PEM.split('\n').length, column: 31 }],
    },
    {
      name: 'a PEM concatenated line by line',
      code: `import crypto from 'crypto';\nconst K =\n${pemLines.map((line) => js(`${line}\n`)).join(' +\n')};\nexport const w = (dek) => crypto.publicEncrypt(K, dek);`,
      errors: [{ messageId: 'escrowKey' }],
    },
    {
      name: 'PKCS#1 public key PEM',
      code: `import crypto from 'crypto'; const K = ${js(RSA_PKCS1_PUBLIC_PEM)}; export const w = (key) => crypto.publicEncrypt(K, key);`,
      errors: [{ messageId: 'escrowKey', data: { api: 'crypto.publicEncrypt', material: 'a session or content key', recipient: `RSA-2048 public key (PEM), SHA-256 ${RSA_FP}` } }],
    },
    {
      name: 'Web Crypto wrapKey to an imported SPKI constant',
      code: `const ESCROW = await crypto.subtle.importKey('spki', Buffer.from(${js(RSA_SPKI_BASE64)}, 'base64'), { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['wrapKey']);\nexport const escrow = (k) => crypto.subtle.wrapKey('raw', k, ESCROW, { name: 'RSA-OAEP' });`,
      errors: [{ messageId: 'escrowKey', line: 2 }],
    },
    {
      name: 'Web Crypto encrypt of an exported content key (MDN str2ab/atob pattern)',
      code: [
        `const PEM = ${js(RSA_PUBLIC_PEM)};`,
        'function str2ab(str) { const buf = new ArrayBuffer(str.length); const view = new Uint8Array(buf); for (let i = 0; i < str.length; i++) view[i] = str.charCodeAt(i); return buf; }',
        "function importKey(pem) { const body = pem.replace('-----BEGIN PUBLIC KEY-----', '').replace('-----END PUBLIC KEY-----', '').replaceAll('\\n', ''); return crypto.subtle.importKey('spki', str2ab(atob(body)), { name: 'RSA-OAEP', hash: 'SHA-256' }, true, ['encrypt']); }",
        'const escrowKey = await importKey(PEM);',
        "export async function leaf(contentKey) { const raw = await crypto.subtle.exportKey('raw', contentKey); return crypto.subtle.encrypt({ name: 'RSA-OAEP' }, escrowKey, raw); }",
      ].join('\n'),
      errors: [{ messageId: 'escrowKey', line: 5 }],
    },
    {
      name: 'diffieHellman with a constant peer',
      code: `import crypto from 'crypto'; const AUTHORITY = crypto.createPublicKey({ key: ${js(EC_PUBLIC_JWK)}, format: 'jwk' }); export const agree = (privateKey) => crypto.diffieHellman({ privateKey, publicKey: AUTHORITY });`,
      errors: [{ messageId: 'escrowAgreement' }],
    },
    {
      name: 'ECDH computeSecret with a constant hex point',
      code: `import crypto from 'crypto'; const ecdh = crypto.createECDH('prime256v1'); ecdh.generateKeys(); const s = ecdh.computeSecret(${js(EC_POINT_HEX)}, 'hex');`,
      errors: [{ messageId: 'escrowAgreement', data: { api: 'ECDH.computeSecret', recipient: `public key (65 raw bytes, hex), SHA-256 ${createHash('sha256').update(Buffer.from(EC_POINT_HEX, 'hex')).digest('hex')}` } }],
    },
    {
      name: 'Web Crypto deriveBits with an imported constant ECDH key',
      code: `const vendor = await crypto.subtle.importKey('raw', Buffer.from(${js(EC_POINT_HEX)}, 'hex'), { name: 'ECDH', namedCurve: 'P-256' }, false, []);\nexport const agree = (mine) => crypto.subtle.deriveBits({ name: 'ECDH', public: vendor }, mine, 256);`,
      errors: [{ messageId: 'escrowAgreement', line: 2 }],
    },
    {
      name: 'tweetnacl box.before with a constant key',
      code: `import nacl from 'tweetnacl'; const VENDOR_PK = Buffer.from(${js(X25519_PUBLIC_HEX)}, 'hex'); export const shared = (sk) => nacl.box.before(VENDOR_PK, sk);`,
      errors: [{ messageId: 'escrowAgreement', data: { api: 'nacl.box.before', recipient: `public key (32 raw bytes, hex), SHA-256 ${X25519_FP}` } }],
    },
    {
      name: 'tweetnacl box of a session key to a constant key',
      code: `import nacl from 'tweetnacl'; const PK = new Uint8Array(Buffer.from(${js(X25519_PUBLIC_HEX)}, 'hex')); export const leaf = (sessionKey, nonce, sk) => nacl.box(sessionKey, nonce, PK, sk);`,
      errors: [{ messageId: 'escrowKey' }],
    },
    {
      name: 'tweetnacl box with a byte-array key literal',
      code: `import nacl from 'tweetnacl'; const PK = new Uint8Array([${[...Buffer.from(X25519_PUBLIC_HEX, 'hex')].join(', ')}]); export const leaf = (nonce, sk) => nacl.box(nacl.randomBytes ? key : key, nonce, PK, sk);`,
      errors: [{ messageId: 'escrowKey' }],
    },
    {
      name: 'libsodium sealed box of a content key',
      code: `import sodium from 'libsodium-wrappers'; await sodium.ready; const ESCROW_PK = sodium.from_hex(${js(X25519_PUBLIC_HEX)}); export const leaf = (contentKey) => sodium.crypto_box_seal(contentKey, ESCROW_PK);`,
      errors: [{ messageId: 'escrowKey' }],
    },
    {
      name: 'libsodium crypto_kx with a constant server key',
      code: `import sodium from 'libsodium-wrappers'; const SERVER_PK = sodium.from_base64(${js(Buffer.from(X25519_PUBLIC_HEX, 'hex').toString('base64url'))}); export const keys = (pk, sk) => sodium.crypto_kx_client_session_keys(pk, sk, SERVER_PK);`,
      errors: [{ messageId: 'escrowAgreement' }],
    },
    {
      name: 'node-forge public key from a constant PEM encrypting a session key',
      code: `const forge = require('node-forge'); const escrow = forge.pki.publicKeyFromPem(${js(RSA_PUBLIC_PEM)}); export const leaf = (sessionKey) => escrow.encrypt(sessionKey, 'RSA-OAEP');`,
      errors: [{ messageId: 'escrowKey' }],
    },
    {
      name: 'node-rsa key constructed from a constant',
      code: `import NodeRSA from 'node-rsa'; const escrow = new NodeRSA(${js(RSA_PUBLIC_PEM)}); export const leaf = (sessionKey) => escrow.encrypt(sessionKey, 'base64');`,
      errors: [{ messageId: 'escrowKey' }],
    },
    {
      name: 'node-rsa importKey into an empty key',
      code: `import NodeRSA from 'node-rsa'; const escrow = new NodeRSA(); escrow.importKey(${js(RSA_PUBLIC_PEM)}, 'pkcs8-public-pem'); export const leaf = (dek) => escrow.encrypt(dek);`,
      errors: [{ messageId: 'escrowKey' }],
    },
    {
      name: 'openpgp encryptSessionKey to a constant key',
      code: `import * as openpgp from 'openpgp'; const escrow = await openpgp.readKey({ armoredKey: ${js(PGP_PUBLIC)} }); export const leaf = (data) => openpgp.encryptSessionKey({ data, algorithm: 'aes256', encryptionKeys: escrow });`,
      errors: [{ messageId: 'escrowKey' }],
    },
    {
      name: 'ghost: [...members, escrowKey] in openpgp encryptionKeys',
      code: `import * as openpgp from 'openpgp';\nconst escrowKey = await openpgp.readKey({ armoredKey: ${js(PGP_PUBLIC)} });\nexport async function send(text, members) {\n  return openpgp.encrypt({ message: await openpgp.createMessage({ text }), encryptionKeys: [...members, escrowKey] });\n}`,
      errors: [{ messageId: 'ghostRecipient', line: 4, column: 105 }],
    },
    {
      name: 'ghost: members.concat(escrowKey)',
      code: `import * as openpgp from 'openpgp';\nconst escrowKey = await openpgp.readKey({ armoredKey: ${js(PGP_PUBLIC)} });\nexport const send = async (message, members) => openpgp.encrypt({ message, encryptionKeys: members.concat(escrowKey) });`,
      errors: [{ messageId: 'ghostRecipient', line: 3 }],
    },
    {
      name: 'ghost: recipients.push(escrowKey) on a mapped list',
      code: `import * as openpgp from 'openpgp';\nconst escrowKey = await openpgp.readKey({ armoredKey: ${js(PGP_PUBLIC)} });\nexport async function send(message, members) {\n  const recipients = members.map((m) => m.publicKey);\n  recipients.push(escrowKey);\n  return openpgp.encrypt({ message, encryptionKeys: recipients });\n}`,
      errors: [{ messageId: 'ghostRecipient', line: 5, column: 19 }],
    },
    {
      name: 'ghost: a constant in a for-of over members with nacl.box',
      code: `import nacl from 'tweetnacl';\nconst MONITOR = Buffer.from(${js(X25519_PUBLIC_HEX)}, 'hex');\nexport function fanOut(msg, nonce, members, sk) {\n  return [...members.map((m) => m.pk), MONITOR].map((pk) => nacl.box(msg, nonce, pk, sk));\n}`,
      errors: [{ messageId: 'ghostRecipient', line: 4 }],
    },
    {
      // The list reaches no recipient, but its constant is also given next to a runtime key: a ghost, reported at the list.
      name: 'ghost: a constant both in a list of members and at a recipient beside a runtime key',
      code: `import * as openpgp from 'openpgp';\nconst escrowKey = await openpgp.readKey({ armoredKey: ${js(PGP_PUBLIC)} });\nexport async function send(message, userKey, members, audit) {\n  const copies = [...members, escrowKey];\n  audit(copies);\n  return openpgp.encrypt({ message, encryptionKeys: audit.enabled ? escrowKey : userKey });\n}`,
      errors: [{ messageId: 'ghostRecipient', line: 4, column: 31 }],
    },
    {
      name: 'ghost: jose GeneralEncrypt addRecipient after runtime recipients',
      code: `import { GeneralEncrypt, importSPKI } from 'jose';\nconst escrow = await importSPKI(${js(RSA_PUBLIC_PEM)}, 'RSA-OAEP-256');\nexport async function send(plaintext, members) {\n  const jwe = new GeneralEncrypt(plaintext).setProtectedHeader({ enc: 'A256GCM' });\n  for (const m of members) jwe.addRecipient(m.key).setUnprotectedHeader({ alg: 'ECDH-ES+A256KW' });\n  jwe.addRecipient(escrow).setUnprotectedHeader({ alg: 'RSA-OAEP-256' });\n  return jwe.encrypt();\n}`,
      errors: [{ messageId: 'ghostRecipient', line: 6, column: 20 }],
    },
    {
      name: 'jose CompactEncrypt of a content key to a constant JWK',
      code: `import { CompactEncrypt, importJWK } from 'jose'; const k = await importJWK(${js(EC_PUBLIC_JWK)}, 'ECDH-ES'); export const leaf = (cek) => new CompactEncrypt(cek).setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM' }).encrypt(k);`,
      errors: [{ messageId: 'escrowKey' }],
    },
    {
      name: 'noble x25519 agreement with a constant public key',
      code: `import { x25519 } from '@noble/curves/ed25519'; const AUTH = ${js(X25519_PUBLIC_HEX)}; export const agree = (sk) => x25519.getSharedSecret(sk, AUTH);`,
      errors: [{ messageId: 'escrowAgreement' }],
    },
    {
      name: 'elliptic derive with a constant public key',
      code: `import { ec as EC } from 'elliptic'; const ec = new EC('p256'); const vendor = ec.keyFromPublic(${js(EC_POINT_HEX)}, 'hex'); export const agree = (mine) => ec.keyFromPrivate(mine).derive(vendor.getPublic());`,
      errors: [{ messageId: 'escrowAgreement' }],
    },
    {
      name: 'strict: data encrypted to a fixed third party',
      code: `import crypto from 'crypto'; const PSP = ${js(RSA_PUBLIC_PEM)}; export const encryptCard = (card) => crypto.publicEncrypt(PSP, Buffer.from(card.number));`,
      settings: STRICT,
      errors: [{ messageId: 'fixedThirdParty' }],
    },
    {
      name: 'test files are reported by default',
      code: LEAF,
      filename: 'src/__tests__/escrow.test.js',
      errors: [{ messageId: 'escrowKey' }],
    },
  ],
});
