import rule from '../../rules/no-weak-cipher.js';
import { createRuleTester, STRICT } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-weak-cipher', rule, {
  valid: [
    { name: 'AES-256-GCM with a random IV', code: "import crypto from 'node:crypto'; crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));" },
    { name: 'ChaCha20-Poly1305', code: "const c = require('crypto'); c.createCipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 });" },
    { name: 'a look-alike function that is not node:crypto', code: "function createCipheriv(a) {} createCipheriv('des-cbc');" },
    { name: 'a local object with the same method name', code: "const crypto = { createCipheriv() {} }; crypto.createCipheriv('des-cbc', k, iv);" },
    { name: 'a module that is not crypto', code: "import { createCipheriv } from './my-crypto'; createCipheriv('rc4', k, iv);" },
    { name: 'decryption of legacy data under recommended', code: "const crypto = require('crypto'); crypto.createDecipheriv('des-ede3-cbc', key, iv);" },
    { name: 'crypto-js AES', code: "import CryptoJS from 'crypto-js'; CryptoJS.AES.encrypt(msg, key, { iv });" },
    { name: 'crypto-js DES decrypt under recommended', code: "import CryptoJS from 'crypto-js'; CryptoJS.DES.decrypt(ct, key);" },
    { name: 'an unknown algorithm stays unknown', code: "import { createCipheriv } from 'crypto'; createCipheriv(process.env.ALG, key, iv);" },
    { name: 'a string that only mentions des', code: "const crypto = require('crypto'); crypto.createHash('sha256').update('des-cbc');" },
    { name: 'allow option', code: "const crypto = require('crypto'); crypto.createCipheriv('bf-cbc', key, iv);", options: [{ allow: ['BF-CBC'] }] },
    { name: 'forge AES-GCM', code: "const forge = require('node-forge'); forge.cipher.createCipher('AES-GCM', key);" },
    { name: 'des inside a longer non-cipher name', code: "const crypto = require('crypto'); crypto.createCipheriv('designer', key, iv);" },
  ],
  invalid: [
    {
      name: 'DES through a require alias',
      code: "const crypto = require('crypto');\ncrypto.createCipheriv('des-cbc', key, iv);",
      errors: [{ messageId: 'weakCipher', line: 2, column: 23 }],
    },
    {
      name: 'node: prefix, namespace import',
      code: "import * as c from 'node:crypto'; c.createCipheriv('des-ede3-cbc', key, iv);",
      errors: [{ messageId: 'weakCipher', line: 1, column: 52 }],
    },
    {
      name: 'default import, RC4',
      code: "import c from 'crypto'; c.createCipheriv('rc4', key, null);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'named import with rename',
      code: "import { createCipheriv as enc } from 'crypto'; enc('RC2-40-CBC', key, iv);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'destructured require',
      code: "const { createCipheriv } = require('node:crypto'); createCipheriv('bf-cbc', key, iv);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'computed member with a string key',
      code: "const crypto = require('crypto'); const fn = crypto['createCipheriv']; fn('cast5-cbc', key, iv);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'dynamic import',
      code: "const { createCipheriv } = await import('node:crypto'); createCipheriv('idea-cbc', key, iv);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 're-assignment to a local',
      code: "import crypto from 'crypto'; let make; make = crypto.createCipheriv; make('seed-cbc', key, iv);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'process.getBuiltinModule',
      code: "const c = process.getBuiltinModule('node:crypto'); c.createCipheriv('des-ecb', key, iv);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'createCipher (deprecated, password-based) with DES',
      code: "const crypto = require('crypto'); crypto.createCipher('des', password);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'a const two hops away',
      code: "const crypto = require('crypto');\nconst LEGACY = 'des-ede3-cbc';\nconst algorithm = LEGACY;\ncrypto.createCipheriv(algorithm, key, iv);",
      errors: [{ messageId: 'weakCipher', line: 4, data: { value: "'des-ede3-cbc' (LEGACY, line 2)", cipher: 'Triple DES', reason: 'a 64-bit block (Sweet32), and NIST SP 800-131A disallows it for encryption after 2023' } }],
    },
    {
      name: 'a weak branch behind a flag',
      code: "const crypto = require('crypto'); crypto.createCipheriv(legacy ? 'des-cbc' : 'aes-256-gcm', key, iv);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'a let re-assigned in a branch',
      code: "const crypto = require('crypto'); let alg = 'aes-256-gcm'; if (compat) alg = 'rc4'; crypto.createCipheriv(alg, key, iv);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'a TypeScript enum',
      code: "import { createCipheriv } from 'crypto'; enum Alg { Modern = 'aes-256-gcm', Legacy = 'des-ede3-cbc' } createCipheriv(Alg.Legacy, key, iv);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'an object property with as const',
      code: "import { createCipheriv } from 'crypto'; const CONFIG = { cipher: 'bf-cbc' } as const; createCipheriv(CONFIG.cipher, key, iv);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'destructured config with satisfies',
      code: "import { createCipheriv } from 'crypto'; const { cipher } = { cipher: 'rc4' } satisfies { cipher: string }; createCipheriv(cipher, key, iv);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'a template literal over a union of sizes',
      code: "import { createCipheriv } from 'crypto'; const variant = fast ? 'ede3' : 'ede'; createCipheriv(`des-${variant}-cbc`, key, iv);",
      errors: [{ messageId: 'weakCipher' }, { messageId: 'weakCipher' }],
    },
    {
      name: 'concatenation and join',
      code: "import { createCipheriv } from 'crypto'; createCipheriv('de' + 's-cbc', key, iv); createCipheriv(['rc2', 'cbc'].join('-'), key, iv);",
      errors: [{ messageId: 'weakCipher' }, { messageId: 'weakCipher' }],
    },
    {
      name: 'toLowerCase on a constant',
      code: "import { createCipheriv } from 'crypto'; const NAME = 'DES-CBC'; createCipheriv(NAME.toLowerCase(), key, iv);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'nullish fallback',
      code: "import { createCipheriv } from 'crypto'; createCipheriv(process.env.CIPHER ?? 'des-cbc', key, iv);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'a local helper function parameter',
      code: "import crypto from 'crypto'; function encrypt(alg, data) { return crypto.createCipheriv(alg, key, iv).update(data); } encrypt('bf-cbc', 'x');",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'a default parameter',
      code: "import crypto from 'crypto'; const encrypt = (data, alg = 'des-cbc') => crypto.createCipheriv(alg, key, iv); encrypt('x');",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'a destructured options parameter',
      code: "import crypto from 'crypto'; function encrypt({ cipher = 'aes-256-gcm' }) { return crypto.createCipheriv(cipher, key, iv); } encrypt({ cipher: 'rc4' });",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'a class field',
      code: "import crypto from 'crypto'; class Box { algorithm = 'des-ede3-cbc'; seal(d) { return crypto.createCipheriv(this.algorithm, key, iv); } }",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'a sequence-expression callee, as transpilers emit',
      code: "import crypto from 'crypto'; (0, crypto.createCipheriv)('des-cbc', key, iv);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'a callee returned by a local helper',
      code: "import crypto from 'crypto'; const pick = (fn) => fn; pick(crypto.createCipheriv)('rc4', key, null);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'a field of a local class instance',
      code: "import crypto from 'crypto'; class Suite { cipher = 'des-cbc'; } crypto.createCipheriv(new Suite().cipher, key, iv);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'a constructor parameter stored on this',
      code: "import crypto from 'crypto'; class Vault { constructor(opts) { this.alg = opts.cipher; } seal() { return crypto.createCipheriv(this.alg, key, iv); } } new Vault({ cipher: 'rc4' });",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'crypto-js DES, TripleDES, RC4 and RC4Drop',
      code: "import CryptoJS from 'crypto-js';\nCryptoJS.DES.encrypt(m, k);\nCryptoJS.TripleDES.encrypt(m, k);\nCryptoJS.RC4.encrypt(m, k);\nCryptoJS.RC4Drop.encrypt(m, k, { drop: 3072 / 4 });",
      errors: [
        { messageId: 'weakCipher', line: 2 },
        { messageId: 'weakCipher', line: 3 },
        { messageId: 'weakCipher', line: 4 },
        { messageId: 'weakCipher', line: 5 },
      ],
    },
    {
      name: 'crypto-js per-algorithm module',
      code: "const TripleDES = require('crypto-js/tripledes'); TripleDES.encrypt(m, k);",
      errors: [{ messageId: 'weakCipher' }],
    },
    {
      name: 'node-forge DES, 3DES and RC2',
      code: "import forge from 'node-forge';\nforge.cipher.createCipher('DES-CBC', key);\nforge.cipher.createCipher('3DES-ECB', key);\nforge.rc2.createEncryptionCipher(key, 128);",
      errors: [
        { messageId: 'weakCipher', line: 2 },
        { messageId: 'weakCipher', line: 3 },
        { messageId: 'weakCipher', line: 4 },
      ],
    },
    {
      name: 'decryption is reported under the strict profile, with its own message',
      code: "const crypto = require('crypto'); crypto.createDecipheriv('des-ede3-cbc', key, iv);",
      settings: STRICT,
      errors: [{ messageId: 'weakCipherDecrypt' }],
    },
    {
      name: 'NULL cipher and export-grade RC4-40',
      code: "const crypto = require('crypto'); crypto.createCipheriv('rc4-40', key, null); crypto.createCipheriv('null', key, null);",
      errors: [{ messageId: 'weakCipher' }, { messageId: 'weakCipher' }],
    },
    {
      name: 'an encrypted KeyObject export with DES',
      code: "const crypto = require('crypto'); const { privateKey } = crypto.generateKeyPairSync('ed25519'); privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'des-cbc', passphrase: pw });",
      errors: [{ messageId: 'weakCipher' }],
    },
  ],
});
