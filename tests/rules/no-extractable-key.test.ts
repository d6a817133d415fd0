import rule from '../../rules/no-extractable-key.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-extractable-key', rule, {
  valid: [
    { name: 'non-extractable key', code: "const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);" },
    { name: 'extractable but never exported', code: "const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);\nawait crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);" },
    { name: 'extractable and wrapped, not exported in clear', code: "const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);\nconst w = await crypto.subtle.wrapKey('raw', key, kek, 'AES-KW');" },
    { name: 'public key of an extractable pair exported', code: "const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);\nconst spki = await crypto.subtle.exportKey('spki', pair.publicKey);" },
    { name: 'public key imported extractable and exported', code: "const pub = await crypto.subtle.importKey('spki', der, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);\nawait crypto.subtle.exportKey('jwk', pub);" },
    {
      name: 'format not selected',
      code: "const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);\nawait crypto.subtle.exportKey('raw', key);",
      options: [{ formats: ['pkcs8', 'jwk'] }],
    },
    { name: 'exported key of unknown origin', code: "export async function dump(key) { return crypto.subtle.exportKey('jwk', key); }" },
    {
      // jose ECDH-ES: the ephemeral key is generated extractable and only its public coordinates are read from the JWK
      name: 'only public JWK members destructured from an extractable private key',
      code: "const { privateKey } = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);\nconst { x, y, crv, kty } = await crypto.subtle.exportKey('jwk', privateKey);\nsend({ epk: { x, y, crv, kty } });",
    },
  ],
  invalid: [
    {
      name: 'private JWK member destructured from an extractable private key',
      code: "const { privateKey } = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);\nconst { x, y, d } = await crypto.subtle.exportKey('jwk', privateKey);",
      errors: [{ messageId: 'extractableExported', line: 1 }],
    },
    {
      name: 'rest of a JWK destructured from an extractable private key',
      code: "const { privateKey } = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);\nconst { x, y, ...rest } = await crypto.subtle.exportKey('jwk', privateKey);",
      errors: [{ messageId: 'extractableExported', line: 1 }],
    },
    {
      name: 'AES key generated extractable and exported as JWK',
      code: "const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);\nconst jwk = await crypto.subtle.exportKey('jwk', key);",
      errors: [{ messageId: 'extractableExported', line: 1, column: 79, data: { source: 'Secret key from crypto.subtle.generateKey', api: 'crypto.subtle.exportKey', line: '2' } }],
    },
    {
      name: 'private key of a pair exported as pkcs8',
      code: "const EXTRACTABLE = true;\nconst { privateKey } = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, EXTRACTABLE, ['deriveBits']);\nawait crypto.subtle.exportKey('pkcs8', privateKey);",
      errors: [{ messageId: 'extractableExported', line: 2, data: { source: 'Private key from crypto.subtle.generateKey', api: 'crypto.subtle.exportKey', line: '3' } }],
    },
    {
      name: 'imported pkcs8 private key kept extractable and re-exported',
      code: "const k = await crypto.subtle.importKey('pkcs8', der, { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['sign']);\nawait crypto.subtle.exportKey('jwk', k);",
      errors: [{ messageId: 'extractableExported', line: 1 }],
    },
    {
      name: 'raw AES key imported extractable and exported',
      code: "const k = await crypto.subtle.importKey('raw', bytes, 'AES-GCM', true, ['encrypt']);\nawait crypto.subtle.exportKey('raw', k);",
      errors: [{ messageId: 'extractableExported', line: 1 }],
    },
    {
      name: 'derived key extractable and exported, through a class field',
      code: "class Store {\n  async init(pw) {\n    this.key = await crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: 600000, hash: 'SHA-256' }, pw, { name: 'AES-GCM', length: 256 }, true, ['encrypt']);\n  }\n  async backup() { return crypto.subtle.exportKey('raw', this.key); }\n}",
      errors: [{ messageId: 'extractableExported', line: 3 }],
    },
    {
      name: 'one report per key, however many exports',
      code: "const key = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);\nawait crypto.subtle.exportKey('jwk', key);\nawait crypto.subtle.exportKey('raw', key);",
      errors: [{ messageId: 'extractableExported', line: 1 }],
    },
  ],
});
