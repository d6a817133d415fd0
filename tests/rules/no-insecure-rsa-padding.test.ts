import rule from '../../rules/no-insecure-rsa-padding.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-insecure-rsa-padding', rule, {
  valid: [
    { name: 'publicEncrypt with a bare key (Node defaults to OAEP)', code: "import crypto from 'crypto'; crypto.publicEncrypt(publicKey, data);" },
    {
      name: 'publicEncrypt with OAEP and SHA-256',
      code: "import crypto from 'crypto'; crypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, data);",
    },
    { name: 'privateDecrypt with OAEP', code: "const { privateDecrypt, constants } = require('node:crypto'); privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING }, ct);" },
    { name: 'privateEncrypt with PKCS#1 (signature padding, not this rule)', code: "import crypto from 'crypto'; crypto.privateEncrypt({ key, padding: crypto.constants.RSA_PKCS1_PADDING }, digest);" },
    { name: 'publicDecrypt with PKCS#1 (signature check)', code: "import crypto from 'crypto'; crypto.publicDecrypt({ key, padding: crypto.constants.RSA_PKCS1_PADDING }, sig);" },
    { name: 'PSS padding for a signature', code: "import crypto from 'crypto'; crypto.sign('sha256', data, { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING });" },
    { name: 'crypto-js NoPadding is block-cipher padding', code: "import CryptoJS from 'crypto-js'; CryptoJS.AES.encrypt(m, k, { iv, padding: CryptoJS.pad.NoPadding });" },
    { name: 'forge RSA-OAEP', code: "const forge = require('node-forge'); const pub = forge.pki.publicKeyFromPem(pem); pub.encrypt(bytes, 'RSA-OAEP', { md: forge.md.sha256.create() });" },
    { name: 'forge decrypt with OAEP', code: "import forge from 'node-forge'; forge.pki.privateKeyFromPem(pem).decrypt(ct, 'RSA-OAEP');" },
    { name: 'node-rsa default scheme (OAEP)', code: "import NodeRSA from 'node-rsa'; const key = new NodeRSA({ b: 2048 }); key.encrypt(data, 'base64');" },
    { name: 'node-rsa explicit OAEP', code: "const NodeRSA = require('node-rsa'); const key = new NodeRSA(pem, 'pkcs8-public', { encryptionScheme: 'pkcs1_oaep' });" },
    { name: 'node-rsa PKCS#1 signing scheme is not encryption', code: "const NodeRSA = require('node-rsa'); const key = new NodeRSA(pem, { signingScheme: 'pkcs1-sha256' });" },
    { name: 'an unknown padding value', code: "import crypto from 'crypto'; crypto.publicEncrypt({ key: pub, padding: config.padding }, data);" },
    {
      name: 'allowDecrypt accepts PKCS#1 v1.5 decryption',
      code: "import { privateDecrypt, constants } from 'crypto'; privateDecrypt({ key: priv, padding: constants.RSA_PKCS1_PADDING }, ct);",
      options: [{ allowDecrypt: true }],
    },
    { name: 'a local publicEncrypt', code: "function publicEncrypt(o, d) {} publicEncrypt({ key, padding: 1 }, data);" },
  ],
  invalid: [
    {
      name: 'allowDecrypt does not accept PKCS#1 v1.5 encryption',
      code: "import { publicEncrypt, constants } from 'crypto'; publicEncrypt({ key: pub, padding: constants.RSA_PKCS1_PADDING }, data);",
      options: [{ allowDecrypt: true }],
      errors: [{ messageId: 'pkcs1Encrypt' }],
    },
    {
      name: 'publicEncrypt with RSA_PKCS1_PADDING',
      code: "import crypto from 'crypto';\ncrypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_PKCS1_PADDING }, data);",
      errors: [{ messageId: 'pkcs1Encrypt', line: 2, column: 43, data: { value: 'crypto.constants.RSA_PKCS1_PADDING', api: 'crypto.publicEncrypt' } }],
    },
    {
      name: 'publicEncrypt with RSA_NO_PADDING through a destructured constant',
      code: "const { publicEncrypt, constants: { RSA_NO_PADDING } } = require('node:crypto'); publicEncrypt({ key: pub, padding: RSA_NO_PADDING }, data);",
      errors: [{ messageId: 'noPadding' }],
    },
    {
      name: 'privateDecrypt with PKCS#1 (Marvin, CVE-2023-46809)',
      code: "import { privateDecrypt, constants } from 'crypto'; privateDecrypt({ key: priv, padding: constants.RSA_PKCS1_PADDING }, ct);",
      errors: [{ messageId: 'pkcs1Decrypt' }],
    },
    {
      name: 'a literal padding number in options built in a variable',
      code: "import * as c from 'node:crypto';\nconst opts = { key: pub, padding: 1 };\nc.publicEncrypt(opts, data);",
      errors: [{ messageId: 'pkcs1Encrypt', line: 3, data: { value: '1 (line 2)', api: 'crypto.publicEncrypt' } }],
    },
    {
      name: 'padding chosen behind a flag',
      code: "import crypto from 'crypto'; const padding = legacy ? crypto.constants.RSA_PKCS1_PADDING : crypto.constants.RSA_PKCS1_OAEP_PADDING; crypto.publicEncrypt({ key: pub, padding }, data);",
      errors: [{ messageId: 'pkcs1Encrypt' }],
    },
    {
      name: 'padding through a spread of defaults',
      code: "import crypto from 'crypto'; const DEFAULTS = { padding: crypto.constants.RSA_SSLV23_PADDING }; crypto.publicEncrypt({ ...DEFAULTS, key: pub }, data);",
      errors: [{ messageId: 'pkcs1Encrypt' }],
    },
    {
      name: 'padding in a helper parameter',
      code: "import crypto from 'crypto'; function seal(data, padding) { return crypto.publicEncrypt({ key: pub, padding }, data); } seal(buf, crypto.constants.RSA_PKCS1_PADDING);",
      errors: [{ messageId: 'pkcs1Encrypt' }],
    },
    {
      name: 'a TypeScript enum of paddings',
      code: "import crypto from 'crypto'; enum Pad { Pkcs1 = 1, Oaep = 4 } crypto.publicEncrypt({ key: pub, padding: Pad.Pkcs1 }, data);",
      errors: [{ messageId: 'pkcs1Encrypt' }],
    },
    {
      name: 'forge public key encrypt without a scheme (defaults to PKCS#1 v1.5)',
      code: "const forge = require('node-forge');\nconst pub = forge.pki.publicKeyFromPem(pem);\npub.encrypt(secret);",
      errors: [{ messageId: 'pkcs1Default', line: 3, column: 1, data: { api: 'forge public key.encrypt', value: 'forge public key.encrypt default' } }],
    },
    {
      name: 'forge explicit RSAES-PKCS1-V1_5',
      code: "import forge from 'node-forge'; forge.pki.publicKeyFromPem(pem).encrypt(bytes, 'RSAES-PKCS1-V1_5');",
      errors: [{ messageId: 'pkcs1Encrypt' }],
    },
    {
      name: 'forge generated key pair, RAW scheme',
      code: "import forge from 'node-forge'; const keys = forge.pki.rsa.generateKeyPair({ bits: 3072 }); keys.publicKey.encrypt(bytes, 'RAW');",
      errors: [{ messageId: 'noPadding' }],
    },
    {
      name: 'forge private key decrypt without a scheme',
      code: "const forge = require('node-forge'); const { privateKey } = forge.pki.rsa.generateKeyPair(2048); privateKey.decrypt(ct);",
      errors: [{ messageId: 'pkcs1Decrypt' }],
    },
    {
      name: 'forge certificate public key, scheme undefined',
      code: "import forge from 'node-forge'; const cert = forge.pki.certificateFromPem(pem); cert.publicKey.encrypt(bytes, undefined);",
      errors: [{ messageId: 'pkcs1Default' }],
    },
    {
      name: 'node-rsa encryptionScheme pkcs1 in the constructor',
      code: "import NodeRSA from 'node-rsa'; const key = new NodeRSA(pem, 'pkcs8-public', { encryptionScheme: 'pkcs1' });",
      errors: [{ messageId: 'pkcs1Configured' }],
    },
    {
      name: 'node-rsa setOptions with a scheme object',
      code: "const NodeRSA = require('node-rsa'); const key = new NodeRSA(); key.setOptions({ encryptionScheme: { scheme: 'pkcs1' } });",
      errors: [{ messageId: 'pkcs1Configured' }],
    },
    {
      name: 'node-rsa options as the second argument',
      code: "const NodeRSA = require('node-rsa'); new NodeRSA({ b: 2048 }, { encryptionScheme: 'pkcs1' });",
      errors: [{ messageId: 'pkcs1Configured' }],
    },
  ],
});
