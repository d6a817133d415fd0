import { Linter } from 'eslint';
import plugin from '../src/index.js';
it('smoke', () => {
  const linter = new Linter({ configType: 'flat' });
  const code = `
import * as nodeCrypto from 'node:crypto';
const { createCipheriv: enc } = require('crypto');
const LEGACY = 'des-ede3-cbc';
enum Alg { Weak = 'rc4', Good = 'aes-256-gcm' }
const bits = flag ? 128 : 256;
nodeCrypto.createCipheriv(\`aes-\${bits}-ecb\`, k, iv);
enc(LEGACY, k, iv);
enc(Alg.Weak, k, null);
function helper(alg = 'bf-cbc') { return nodeCrypto.createCipheriv(alg, k, iv); }
helper();
const opts = { modulusLength: 1024 };
nodeCrypto.generateKeyPairSync('rsa', opts);
crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 512, hash: 'SHA-256' }, true, ['encrypt']);
const CryptoJS = require('crypto-js');
CryptoJS.AES.encrypt(msg, key, { mode: CryptoJS.mode.ECB });
CryptoJS.DES.encrypt(msg, key);
const m = await import('node:crypto');
m.createECDH('secp192k1');
m.getDiffieHellman(['mod', 'p2'].join(''));
class Svc { alg = 'des'; run() { return m.createCipheriv(this.alg, k, iv) } }
const NodeRSA = require('node-rsa'); new NodeRSA({ b: 512 });
const forge = require('node-forge'); forge.pki.rsa.generateKeyPair({ bits: 1024 });
forge.cipher.createCipher('3DES-CBC', key);
window.crypto.subtle.importKey('raw', k, { name: 'HMAC', hash: 'SHA-256', length: 64 }, false, ['sign']);
`;
  const messages = linter.verify(code, [...plugin.configs.recommended, { files: ['**/*.ts'] }], 'x.ts');
  for (const m of messages) console.log(m.line, m.ruleId, m.message);
});
