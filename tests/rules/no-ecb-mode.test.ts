import rule from '../../rules/no-ecb-mode.js';
import { createRuleTester, STRICT } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-ecb-mode', rule, {
  valid: [
    { name: 'AES-GCM', code: "const crypto = require('crypto'); crypto.createCipheriv('aes-256-gcm', key, iv);" },
    { name: 'AES-CBC', code: "const crypto = require('crypto'); crypto.createCipheriv('aes-128-cbc', key, iv);" },
    { name: 'DES-ECB is no-weak-cipher business only', code: "const crypto = require('crypto'); crypto.createCipheriv('des-ecb', key, null);" },
    { name: 'crypto-js DES in ECB is reported once, by no-weak-cipher', code: "import CryptoJS from 'crypto-js'; CryptoJS.DES.encrypt(m, k, { mode: CryptoJS.mode.ECB });" },
    { name: 'crypto-js CBC', code: "import CryptoJS from 'crypto-js'; CryptoJS.AES.encrypt(m, k, { mode: CryptoJS.mode.CBC, iv });" },
    { name: 'an ECB string not used as a cipher', code: "const crypto = require('crypto'); const label = 'aes-128-ecb'; crypto.createHash('sha256').update(label);" },
    { name: 'ECB decryption under recommended', code: "const crypto = require('crypto'); crypto.createDecipheriv('aes-128-ecb', key, null);" },
    { name: 'allow option', code: "const crypto = require('crypto'); crypto.createCipheriv('aes-128-ecb', kek, null);", options: [{ allow: ['aes-128-ecb'] }] },
    { name: 'a local mode object', code: "const mode = { ECB: 'ECB' }; const CryptoJS = { AES: { encrypt() {} } }; CryptoJS.AES.encrypt(m, k, { mode: mode.ECB });" },
  ],
  invalid: [
    {
      name: 'aes-128-ecb in node:crypto',
      code: "const crypto = require('crypto');\ncrypto.createCipheriv('aes-128-ecb', key, null);",
      errors: [{ messageId: 'ecbMode', line: 2, column: 23 }],
    },
    {
      name: 'upper case',
      code: "import { createCipheriv } from 'node:crypto'; createCipheriv('AES-256-ECB', key, null);",
      errors: [{ messageId: 'ecbMode' }],
    },
    {
      name: 'a template literal choosing the mode',
      code: "import { createCipheriv } from 'node:crypto'; const mode = compat ? 'ecb' : 'gcm'; createCipheriv(`aes-256-${mode}`, key, iv);",
      errors: [{ messageId: 'ecbMode' }],
    },
    {
      name: 'crypto-js mode.ECB inline',
      code: "import CryptoJS from 'crypto-js';\nCryptoJS.AES.encrypt(m, k, { mode: CryptoJS.mode.ECB, padding: CryptoJS.pad.Pkcs7 });",
      errors: [{ messageId: 'ecbMode', line: 2, column: 36, data: { value: 'CryptoJS.mode.ECB' } }],
    },
    {
      name: 'crypto-js options built in a variable and mutated',
      code: "import CryptoJS from 'crypto-js'; const cfg = {}; cfg.mode = CryptoJS.mode.ECB; CryptoJS.AES.encrypt(m, k, cfg);",
      errors: [{ messageId: 'ecbMode' }],
    },
    {
      name: 'crypto-js spread options',
      code: "import CryptoJS from 'crypto-js'; const base = { mode: CryptoJS.mode.ECB }; CryptoJS.AES.encrypt(m, k, { ...base, padding: CryptoJS.pad.Pkcs7 });",
      errors: [{ messageId: 'ecbMode' }],
    },
    {
      name: 'crypto-js mode module',
      code: "import AES from 'crypto-js/aes'; import ECB from 'crypto-js/mode-ecb'; AES.encrypt(m, k, { mode: ECB });",
      errors: [{ messageId: 'ecbMode' }],
    },
    {
      name: 'node-forge AES-ECB',
      code: "const forge = require('node-forge'); forge.cipher.createCipher('AES-ECB', key);",
      errors: [{ messageId: 'ecbMode' }],
    },
    {
      name: 'node-forge legacy API with an ECB mode argument',
      code: "const forge = require('node-forge'); forge.aes.createEncryptionCipher(key, 'ECB');",
      errors: [{ messageId: 'ecbMode' }],
    },
    {
      name: 'ECB decryption under the strict profile',
      code: "const crypto = require('crypto'); crypto.createDecipheriv('aes-128-ecb', key, null);",
      settings: STRICT,
      errors: [{ messageId: 'ecbModeDecrypt' }],
    },
    {
      name: 'camellia in ECB',
      code: "const crypto = require('crypto'); crypto.createCipheriv('camellia-256-ecb', key, null);",
      errors: [{ messageId: 'ecbMode' }],
    },
  ],
});
