import rule from '../../rules/no-weak-kdf.js';
import { createRuleTester, STRICT } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-weak-kdf', rule, {
  valid: [
    {
      name: 'PBKDF2-HMAC-SHA256 at 600,000 iterations with a random salt',
      code: "const crypto = require('crypto'); function derive(pw) { const salt = crypto.randomBytes(16); return crypto.pbkdf2Sync(pw, salt, 600000, 32, 'sha256'); }",
    },
    {
      name: 'PBKDF2-HMAC-SHA512 at 210,000 iterations',
      code: "import { pbkdf2 } from 'node:crypto'; pbkdf2(pw, salt, 210_000, 64, 'sha512', cb);",
    },
    {
      name: 'Web Crypto PBKDF2 at 600,000 with SHA-256',
      code: "async function k(base, salt) { return crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600000 }, base, 256); }",
    },
    {
      name: 'Web Crypto HKDF with a constant salt is not a password KDF',
      code: "async function k(base) { return crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: new Uint8Array() }, base, 256); }",
    },
    {
      name: 'node hkdf with an empty salt',
      code: "const crypto = require('crypto'); crypto.hkdfSync('sha256', ikm, '', 'context', 32);",
    },
    {
      name: 'forge PBKDF2 with SHA-256 object and enough iterations',
      code: "const forge = require('node-forge'); forge.pkcs5.pbkdf2(pw, salt, 600000, 32, forge.md.sha256.create());",
    },
    {
      name: 'crypto-js PBKDF2 with explicit SHA-256 and iterations',
      code: "import CryptoJS from 'crypto-js'; CryptoJS.PBKDF2(pw, salt, { keySize: 8, iterations: 600000, hasher: CryptoJS.algo.SHA256 });",
    },
    {
      name: 'scrypt at N = 2^17',
      code: "const crypto = require('crypto'); crypto.scryptSync(pw, salt, 64, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });",
    },
    {
      name: 'scrypt at an equivalent set N = 2^16, p = 2',
      code: "const crypto = require('crypto'); crypto.scryptSync(pw, salt, 64, { cost: 65536, parallelization: 2, maxmem: 128 * 1024 * 1024 });",
    },
    {
      name: 'argon2 defaults (64 MiB, t = 3)',
      code: "import argon2 from 'argon2'; await argon2.hash(password);",
    },
    {
      name: 'argon2 at 46 MiB with one pass',
      code: "import argon2 from 'argon2'; await argon2.hash(password, { type: argon2.argon2id, memoryCost: 47104, timeCost: 1 });",
    },
    {
      name: '@node-rs/argon2 defaults',
      code: "import { hash } from '@node-rs/argon2'; await hash(password);",
    },
    {
      name: 'bcrypt cost 12',
      code: "const bcrypt = require('bcrypt'); bcrypt.hash(password, 12);",
    },
    {
      name: 'bcryptjs genSalt default',
      code: "import bcrypt from 'bcryptjs'; const salt = await bcrypt.genSalt(); await bcrypt.hash(password, salt);",
    },
    {
      name: 'libsodium pwhash at the moderate preset',
      code: "import sodium from 'libsodium-wrappers'; sodium.crypto_pwhash(32, pw, salt, sodium.crypto_pwhash_OPSLIMIT_MODERATE, sodium.crypto_pwhash_MEMLIMIT_MODERATE, sodium.crypto_pwhash_ALG_DEFAULT);",
    },
    {
      name: 'crypto-js AES with a WordArray key',
      code: "import CryptoJS from 'crypto-js'; const key = CryptoJS.PBKDF2(pw, salt, { keySize: 8, iterations: 600000, hasher: CryptoJS.algo.SHA256 }); CryptoJS.AES.encrypt(msg, key, { iv });",
    },
    {
      name: 'createDecipher reading legacy data under recommended',
      code: "const crypto = require('crypto'); crypto.createDecipher('aes-256-cbc', password);",
    },
    {
      name: 'crypto-js passphrase decryption under recommended',
      code: "import CryptoJS from 'crypto-js'; CryptoJS.AES.decrypt(ct, 'old passphrase');",
    },
    {
      name: 'BIP39 seed derivation under recommended',
      code: "const crypto = require('crypto'); crypto.pbkdf2Sync(mnemonic, 'mnemonic' + passphrase, 2048, 64, 'sha512');",
    },
    {
      name: 'a hash of data that is not a password used as a key',
      code: "const crypto = require('crypto'); const key = crypto.createHash('sha256').update(sharedSecret).digest(); crypto.createCipheriv('aes-256-gcm', key, iv);",
    },
    {
      name: 'unknown iterations stay silent',
      code: "const crypto = require('crypto'); crypto.pbkdf2Sync(pw, salt, config.iterations, 32, 'sha256');",
    },
    {
      name: 'a salt filled in place',
      code: "const crypto = require('crypto'); function d(pw) { const salt = Buffer.alloc(16); crypto.randomFillSync(salt); return crypto.scryptSync(pw, salt, 32, { N: 131072, maxmem: 268435456 }); }",
    },
    {
      name: 'salt checks off',
      code: "const crypto = require('crypto'); crypto.pbkdf2Sync(pw, 'static', 600000, 32, 'sha256');",
      options: [{ checkSalts: false }],
    },
    {
      name: 'a PBKDF2 key of the password passed through a local identity helper is not a fast hash',
      code: "const crypto = require('crypto'); function seal(password, salt, data) { const key = crypto.pbkdf2Sync(password, salt, 600000, 32, 'sha256'); return crypto.createCipheriv('aes-256-gcm', wrap(key), crypto.randomBytes(12)); } function wrap(value) { return value; }",
    },
  ],
  invalid: [
    {
      name: 'PBKDF2 with 1,000 iterations through require',
      code: "const crypto = require('crypto');\ncrypto.pbkdf2Sync(pw, salt, 1000, 32, 'sha256');",
      errors: [{ messageId: 'fewIterations', line: 2, column: 29, data: { digest: '-HMAC-SHA256', scope: 'for that digest', iterations: '1,000', origin: '', min: '600,000' } }],
    },
    {
      name: 'SHA-1 needs 1,300,000: named import with rename, a const two hops away',
      code: "import { pbkdf2 as derive } from 'node:crypto';\nconst ROUNDS = 600000;\nconst rounds = ROUNDS;\nderive(pw, salt, rounds, 20, 'sha1', cb);",
      errors: [{ messageId: 'fewIterations', line: 4, data: { digest: '-HMAC-SHA1', scope: 'for that digest', iterations: '600,000', origin: ' (ROUNDS, line 2)', min: '1,300,000' } }],
    },
    {
      name: 'a weak branch behind a flag',
      code: "const crypto = require('crypto'); crypto.pbkdf2Sync(pw, salt, fast ? 10000 : 600000, 32, 'sha256');",
      errors: [{ messageId: 'fewIterations' }],
    },
    {
      name: 'PBKDF2 with MD5',
      code: "const crypto = require('crypto'); crypto.pbkdf2Sync(pw, salt, 600000, 16, 'md5');",
      errors: [{ messageId: 'weakKdfDigest' }],
    },
    {
      name: 'Web Crypto PBKDF2 with 100,000 iterations, params built in a variable',
      code: "const params = { name: 'PBKDF2', hash: { name: 'SHA-256' }, salt, iterations: 100000 };\ncrypto.subtle.deriveKey(params, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);",
      errors: [{ messageId: 'fewIterations', line: 2, data: { digest: '-HMAC-SHA256', scope: 'for that digest', iterations: '100,000', origin: ' (line 1)', min: '600,000' } }],
    },
    {
      name: 'forge PBKDF2 defaults to SHA-1',
      code: "const forge = require('node-forge'); forge.pkcs5.pbkdf2(pw, salt, 600000, 32);",
      errors: [{ messageId: 'fewIterations', data: { digest: '-HMAC-SHA1', scope: 'for that digest', iterations: '600,000', origin: " with SHA1 as forge.pkcs5.pbkdf2's default digest", min: '1,300,000' } }],
    },
    {
      name: 'forge PBKDF2 with a SHA-1 message digest object',
      code: "import forge from 'node-forge'; forge.pkcs5.pbkdf2(pw, salt, 10000, 32, forge.md.sha1.create());",
      errors: [{ messageId: 'fewIterations' }],
    },
    {
      name: 'crypto-js PBKDF2 with no iterations',
      code: "import CryptoJS from 'crypto-js'; CryptoJS.PBKDF2(pw, salt, { keySize: 8 });",
      errors: [{ messageId: 'defaultIterations', column: 35, data: { api: 'CryptoJS.PBKDF2', iterations: '1', digest: 'SHA1', min: '1,300,000' } }],
    },
    {
      name: 'crypto-js PBKDF2 with 600,000 iterations but the default hasher',
      code: "const PBKDF2 = require('crypto-js/pbkdf2'); PBKDF2(pw, salt, { keySize: 8, iterations: 600000 });",
      errors: [{ messageId: 'fewIterations' }],
    },
    {
      name: 'crypto-js EvpKDF',
      code: "import CryptoJS from 'crypto-js'; CryptoJS.EvpKDF(pw, salt, { keySize: 8 });",
      errors: [{ messageId: 'legacyKdf', data: { api: 'CryptoJS.EvpKDF', iterations: '1', digest: 'MD5', origin: '' } }],
    },
    {
      name: 'a constant string salt',
      code: "const crypto = require('crypto');\nconst SALT = 'app-salt';\ncrypto.pbkdf2Sync(pw, SALT, 600000, 32, 'sha256');",
      errors: [{ messageId: 'constantSalt', line: 3, data: { how: 'a string literal (SALT, line 2)', min: '16' } }],
    },
    {
      name: 'a zero-filled salt in scrypt',
      code: "const crypto = require('crypto'); crypto.scryptSync(pw, Buffer.alloc(16), 32, { N: 131072, maxmem: 268435456 });",
      errors: [{ messageId: 'constantSalt' }],
    },
    {
      name: 'a short random salt',
      code: "const crypto = require('crypto'); crypto.pbkdf2Sync(pw, crypto.randomBytes(8), 600000, 32, 'sha256');",
      errors: [{ messageId: 'shortSalt', data: { length: '8', min: '16' } }],
    },
    {
      name: 'a salt generated once at module level',
      code: "const crypto = require('crypto');\nconst SALT = crypto.randomBytes(16);\nexport function hashPassword(pw) { return crypto.scryptSync(pw, SALT, 64, { N: 131072, maxmem: 268435456 }); }",
      errors: [{ messageId: 'sharedSalt', line: 3 }],
    },
    {
      name: 'a salt read from the environment',
      code: "const crypto = require('crypto'); crypto.pbkdf2Sync(pw, process.env.PASSWORD_SALT, 600000, 32, 'sha256');",
      errors: [{ messageId: 'constantSalt' }],
    },
    {
      name: 'a constant salt in argon2 options',
      code: "import argon2 from 'argon2'; await argon2.hash(pw, { salt: Buffer.from('0123456789abcdef') });",
      errors: [{ messageId: 'constantSalt' }],
    },
    {
      name: 'scrypt with Node defaults (N = 16384) gets a suggestion adding options and maxmem',
      code: "const crypto = require('crypto'); crypto.scryptSync(pw, salt, 64);",
      errors: [
        {
          messageId: 'weakScrypt',
          data: { N: '16,384', r: '8', p: '1', origin: ' (implied by crypto.scryptSync default)' },
          suggestions: [
            {
              messageId: 'raiseScryptCost',
              data: { maxmem: ' and maxmem = 256 * 1024 * 1024' },
              output: "const crypto = require('crypto'); crypto.scryptSync(pw, salt, 64, { N: 131072, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });",
            },
          ],
        },
      ],
    },
    {
      name: 'async scrypt with defaults: the options go before the callback',
      code: "import { scrypt } from 'node:crypto'; scrypt(pw, salt, 64, (err, key) => {});",
      errors: [
        {
          messageId: 'weakScrypt',
          suggestions: [
            {
              messageId: 'raiseScryptCost',
              data: { maxmem: ' and maxmem = 256 * 1024 * 1024' },
              output: "import { scrypt } from 'node:crypto'; scrypt(pw, salt, 64, { N: 131072, r: 8, p: 1, maxmem: 256 * 1024 * 1024 }, (err, key) => {});",
            },
          ],
        },
      ],
    },
    {
      name: 'scrypt with a low explicit N: the suggestion raises N and adds maxmem',
      code: "const crypto = require('crypto'); crypto.scryptSync(pw, salt, 64, { N: 16384, r: 8, p: 1 });",
      errors: [
        {
          messageId: 'weakScrypt',
          column: 72,
          suggestions: [
            {
              messageId: 'raiseScryptCost',
              data: { maxmem: ' and maxmem = 256 * 1024 * 1024' },
              output: "const crypto = require('crypto'); crypto.scryptSync(pw, salt, 64, { N: 131072, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });",
            },
          ],
        },
      ],
    },
    {
      name: 'scrypt with a low N and a computed maxmem: no single-edit suggestion',
      code: "const crypto = require('crypto'); crypto.scryptSync(pw, salt, 64, { cost: 32768, maxmem: 64 * 1024 * 1024 });",
      errors: [{ messageId: 'weakScrypt', suggestions: [] }],
    },
    {
      name: 'scrypt with a low N and a literal maxmem: both are raised',
      code: "const crypto = require('crypto'); crypto.scryptSync(pw, salt, 64, { cost: 32768, maxmem: 67108864 });",
      errors: [
        {
          messageId: 'weakScrypt',
          suggestions: [
            {
              messageId: 'raiseScryptCost',
              data: { maxmem: ' and maxmem = 256 * 1024 * 1024' },
              output: "const crypto = require('crypto'); crypto.scryptSync(pw, salt, 64, { cost: 131072, maxmem: 256 * 1024 * 1024 });",
            },
          ],
        },
      ],
    },
    {
      name: 'scrypt with p = 2 is not enough at N = 2^15',
      code: "const crypto = require('crypto'); crypto.scryptSync(pw, salt, 64, { N: 32768, p: 2, maxmem: 67108864 });",
      errors: [
        {
          messageId: 'weakScrypt',
          suggestions: [
            {
              messageId: 'raiseScryptCost',
              data: { maxmem: ' and maxmem = 256 * 1024 * 1024' },
              output: "const crypto = require('crypto'); crypto.scryptSync(pw, salt, 64, { N: 131072, p: 2, maxmem: 256 * 1024 * 1024 });",
            },
          ],
        },
      ],
    },
    {
      name: 'argon2 with 4 MiB',
      code: "import argon2 from 'argon2'; await argon2.hash(pw, { memoryCost: 4096, timeCost: 3 });",
      errors: [{ messageId: 'weakArgon2', data: { memory: '4,096', iterations: '3', origin: '' } }],
    },
    {
      name: 'argon2 with one pass and the default 64 MiB is fine, one pass and 19 MiB is not',
      code: "import * as argon2 from 'argon2'; await argon2.hash(pw, { timeCost: 1 }); await argon2.hash(pw, { timeCost: 1, memoryCost: 19456 });",
      errors: [{ messageId: 'weakArgon2' }],
    },
    {
      name: 'argon2-browser defaults',
      code: "import argon2 from 'argon2-browser'; await argon2.hash({ pass: pw, salt });",
      errors: [{ messageId: 'weakArgon2', data: { memory: '1,024', iterations: '1', origin: ' (implied by argon2.hash defaults)' } }],
    },
    {
      name: 'hash-wasm argon2id with low memory',
      code: "import { argon2id } from 'hash-wasm'; await argon2id({ password: pw, salt, iterations: 2, memorySize: 1024, parallelism: 1, hashLength: 32 });",
      errors: [{ messageId: 'weakArgon2' }],
    },
    {
      name: 'bcrypt cost 8 through destructuring',
      code: "const { hashSync } = require('bcryptjs'); hashSync(password, 8);",
      errors: [{ messageId: 'weakBcrypt', data: { cost: '8', origin: '', min: '10' } }],
    },
    {
      name: 'bcrypt genSalt with a low cost from a TypeScript enum',
      code: "import bcrypt from 'bcrypt'; enum Cost { Fast = 6, Safe = 12 } await bcrypt.genSalt(Cost.Fast);",
      errors: [{ messageId: 'weakBcrypt' }],
    },
    {
      name: 'bcrypt cost 10 passes recommended but not strict',
      code: "import bcrypt from 'bcrypt'; bcrypt.hash(password, 10);",
      settings: STRICT,
      errors: [{ messageId: 'weakBcrypt', data: { cost: '10', origin: '', min: '12' } }],
    },
    {
      name: 'bcrypt with a literal salt string',
      code: "import bcrypt from 'bcrypt'; bcrypt.hashSync(password, '$2b$08$abcdefghijklmnopqrstuu');",
      errors: [{ messageId: 'constantBcryptSalt' }, { messageId: 'weakBcrypt' }],
    },
    {
      name: 'libsodium pwhash at the interactive preset',
      code: "import sodium from 'libsodium-wrappers'; sodium.crypto_pwhash(32, pw, salt, sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE, sodium.crypto_pwhash_MEMLIMIT_INTERACTIVE, sodium.crypto_pwhash_ALG_DEFAULT);",
      errors: [{ messageId: 'weakPwhash', data: { ops: '2', mem: '67,108,864', origin: ' (implied by sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE)', minOps: '3', minMem: '268,435,456' } }],
    },
    {
      name: 'libsodium pwhash_str with a small memlimit',
      code: "const sodium = require('libsodium-wrappers-sumo'); sodium.crypto_pwhash_str(pw, 4, 8192);",
      errors: [{ messageId: 'weakPwhash' }],
    },
    {
      name: 'createCipher derives key and IV from a password',
      code: "const crypto = require('crypto'); crypto.createCipher('aes-256-cbc', password);",
      errors: [{ messageId: 'passwordCipher', data: { api: 'crypto.createCipher' } }],
    },
    {
      name: 'createDecipher under strict',
      code: "const crypto = require('crypto'); crypto.createDecipher('aes-256-cbc', password);",
      settings: STRICT,
      errors: [{ messageId: 'passwordCipherDecrypt' }],
    },
    {
      name: 'crypto-js AES with a string passphrase constant',
      code: "import CryptoJS from 'crypto-js';\nconst SECRET = 'correct horse';\nexport const seal = (m) => CryptoJS.AES.encrypt(m, SECRET).toString();",
      errors: [{ messageId: 'passphraseCipher', line: 3, data: { api: 'CryptoJS.AES.encrypt', origin: ' (SECRET, line 2)' } }],
    },
    {
      name: 'crypto-js passphrase from a template literal',
      code: "import AES from 'crypto-js/aes'; AES.encrypt(m, `${'app'}-key`);",
      errors: [{ messageId: 'passphraseCipher' }],
    },
    {
      name: 'crypto-js passphrase decryption under strict',
      code: "import CryptoJS from 'crypto-js'; CryptoJS.TripleDES.decrypt(ct, 'old passphrase');",
      settings: STRICT,
      errors: [{ messageId: 'passphraseCipherDecrypt' }],
    },
    {
      name: 'a SHA-256 of the password used as an AES key',
      code: "const crypto = require('crypto'); function seal(password, data) { const key = crypto.createHash('sha256').update(password).digest(); return crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12)); }",
      errors: [{ messageId: 'fastHashKey', data: { name: 'password' } }],
    },
    {
      name: 'mutation: a SHA-256 of the password passed through a local identity helper',
      code: "const crypto = require('crypto'); function seal(password, data) { const key = crypto.createHash('sha256').update(password).digest(); return crypto.createCipheriv('aes-256-gcm', wrap(key), crypto.randomBytes(12)); } function wrap(value) { return value; }",
      errors: [{ messageId: 'fastHashKey', data: { name: 'password' } }],
    },
    {
      name: 'mutation: a SHA-256 of the password read back from an array and an object literal',
      code: "const crypto = require('crypto');\nfunction seal(password, data) {\n  const key = crypto.createHash('sha256').update(password).digest();\n  crypto.createCipheriv('aes-256-gcm', [key][0], crypto.randomBytes(12));\n  crypto.createCipheriv('aes-256-gcm', ({ value: key }).value, crypto.randomBytes(12));\n}",
      errors: [
        { messageId: 'fastHashKey', line: 4, data: { name: 'password' } },
        { messageId: 'fastHashKey', line: 5, data: { name: 'password' } },
      ],
    },
    {
      name: 'Web Crypto: a digest of the passphrase imported as a key',
      code: "async function k(passphrase) { const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(passphrase)); return crypto.subtle.importKey('raw', hash, 'AES-GCM', false, ['encrypt']); }",
      errors: [{ messageId: 'fastHashKey', data: { name: 'passphrase' } }],
    },
    {
      name: 'crypto-js SHA256 of the password as the key',
      code: "import CryptoJS from 'crypto-js'; const key = CryptoJS.SHA256(userPassword); CryptoJS.AES.encrypt(msg, key, { iv });",
      errors: [{ messageId: 'fastHashKey', data: { name: 'userPassword' } }],
    },
    {
      name: 'BIP39 under strict says the protocol mandates it',
      code: "const crypto = require('crypto'); crypto.pbkdf2Sync(mnemonic, 'mnemonic' + passphrase, 2048, 64, 'sha512');",
      settings: STRICT,
      errors: [{ messageId: 'protocolKdf' }],
    },
    {
      name: 'a helper parameter receives the weak iteration count',
      code: "import { pbkdf2Sync } from 'crypto'; function derive(pw: string, salt: Buffer, rounds: number) { return pbkdf2Sync(pw, salt, rounds, 32, 'sha256'); } derive(a, s, 5000);",
      errors: [{ messageId: 'fewIterations' }],
    },
    {
      name: 'an unknown digest is judged against the lowest minimum',
      code: "async function k(base, salt, bits) { return crypto.subtle.deriveBits({ name: 'PBKDF2', hash: `SHA-${bits}`, salt, iterations: 2048 }, base, 256); }",
      errors: [{ messageId: 'fewIterations', data: { digest: '', scope: 'for any digest', iterations: '2,048', origin: '', min: '210,000' } }],
    },
    {
      name: 'settings raise the PBKDF2 minimum',
      code: "const crypto = require('crypto'); crypto.pbkdf2Sync(pw, salt, 700000, 32, 'sha256');",
      settings: { keyguard: { minPbkdf2Iterations: { 'SHA-256': 1000000 } } },
      errors: [{ messageId: 'fewIterations', data: { digest: '-HMAC-SHA256', scope: 'for that digest', iterations: '700,000', origin: '', min: '1,000,000' } }],
    },
  ],
});
