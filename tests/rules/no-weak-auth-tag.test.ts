import rule from '../../rules/no-weak-auth-tag.js';
import { createRuleTester, STRICT } from '../rule-tester.js';

const ruleTester = createRuleTester();
const strictTester = createRuleTester(STRICT);

const decryptOk = `import crypto from 'node:crypto';
function open(key, iv, tag, ct) {
  const d = crypto.createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  d.setAuthTag(tag);
  const out = Buffer.concat([d.update(ct), d.final()]);
  return out;
}`;

ruleTester.run('no-weak-auth-tag', rule, {
  valid: [
    { name: 'update and final in one expression', code: decryptOk },
    { name: 'Node authTagLength 16 bytes', code: "import crypto from 'crypto'; crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });" },
    { name: 'Web Crypto tagLength 128', code: "await crypto.subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 128 }, key, data);" },
    { name: 'full tag from getAuthTag', code: "import crypto from 'crypto'; const c = crypto.createCipheriv('aes-256-gcm', k, iv); const tag = c.getAuthTag(); send(tag.subarray(0, 16));" },
    { name: 'a non-tag buffer sliced', code: "import crypto from 'crypto'; const c = crypto.createCipheriv('aes-256-gcm', k, iv); const ct = c.update(pt); send(ct.subarray(0, 8));" },
    {
      name: 'final in a try that rethrows',
      code: "import crypto from 'crypto'; function open(ct, tag) { const d = crypto.createDecipheriv('aes-256-gcm', k, iv); d.setAuthTag(tag); const pt = d.update(ct); try { d.final(); } catch (e) { throw new Error('bad tag'); } return pt; }",
    },
    {
      name: 'final in a try that returns null',
      code: "import crypto from 'crypto'; function open(ct, tag) { const d = crypto.createDecipheriv('aes-256-gcm', k, iv); d.setAuthTag(tag); const pt = d.update(ct); try { d.final(); } catch { return null; } return pt; }",
    },
    {
      name: 'everything inside one try with an empty catch: plaintext never leaves',
      code: "import crypto from 'crypto'; function open(ct, tag) { try { const d = crypto.createDecipheriv('aes-256-gcm', k, iv); d.setAuthTag(tag); const pt = d.update(ct); d.final(); send(pt); } catch {} }",
    },
    {
      name: 'a catch that hands the error to a callback',
      code: "import crypto from 'crypto'; function open(ct, tag, cb) { const d = crypto.createDecipheriv('aes-256-gcm', k, iv); d.setAuthTag(tag); const pt = d.update(ct); try { d.final(); } catch (err) { cb(err); } }",
    },
    { name: 'CBC decipher without final is not an AEAD question', code: "import crypto from 'crypto'; const d = crypto.createDecipheriv('aes-256-cbc', k, iv); return d.update(ct);" },
    { name: 'a decipher used as a stream', code: "import crypto from 'crypto'; const d = crypto.createDecipheriv('aes-256-gcm', k, iv); d.setAuthTag(tag); input.pipe(d).pipe(output);" },
    { name: 'a decipher returned to the caller', code: "import crypto from 'crypto'; function make() { const d = crypto.createDecipheriv('aes-256-gcm', k, iv); d.update(x); return d; }" },
    { name: 'update result discarded', code: "import crypto from 'crypto'; const d = crypto.createDecipheriv('aes-256-gcm', k, iv); d.update(aadOnly);" },
    { name: 'openpgp allowUnauthenticatedMessages false', code: "import * as openpgp from 'openpgp'; await openpgp.decrypt({ message, decryptionKeys, config: { allowUnauthenticatedMessages: false } });" },
    {
      name: 'allowUnauthenticatedStream option',
      code: "import * as openpgp from 'openpgp'; await openpgp.decrypt({ message, decryptionKeys, config: { allowUnauthenticatedStream: true } });",
      options: [{ allowUnauthenticatedStream: true }],
    },
    { name: 'GCM without authTagLength under recommended', code: "import crypto from 'crypto'; const d = crypto.createDecipheriv('aes-256-gcm', k, iv); d.setAuthTag(tag); const pt = Buffer.concat([d.update(ct), d.final()]);" },
    { name: 'minAuthTagBits lowered to 96', code: "import crypto from 'crypto'; crypto.createCipheriv('aes-256-ccm', key, iv, { authTagLength: 12 });", settings: { keyguard: { minAuthTagBits: 96 } } },
  ],
  invalid: [
    {
      name: 'authTagLength 8 bytes on a cipher',
      code: "import crypto from 'crypto';\ncrypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: 8 });",
      errors: [{ messageId: 'shortTag', line: 2, column: 64, data: { bits: 64, min: 128, value: '8' } }],
    },
    {
      name: 'authTagLength on a CCM decipher through options in a variable',
      code: "const { createDecipheriv } = require('node:crypto');\nconst OPTS = { authTagLength: 12 };\ncreateDecipheriv('aes-128-ccm', key, nonce, OPTS);",
      errors: [{ messageId: 'shortTag', line: 3, data: { bits: 96, min: 128, value: '12 (line 2)' } }],
    },
    {
      name: 'tag length behind a flag',
      code: "import * as c from 'crypto'; c.createCipheriv('chacha20-poly1305', k, n, { authTagLength: compact ? 4 : 16 });",
      errors: [{ messageId: 'shortTag', data: { bits: 32, min: 128, value: '4' } }],
    },
    {
      name: 'Web Crypto AES-GCM tagLength 96',
      code: "await crypto.subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 96 }, key, data);",
      errors: [{ messageId: 'shortTag', data: { bits: 96, min: 128, value: '96' } }],
    },
    {
      name: 'forge GCM start with tagLength 64',
      code: "const forge = require('node-forge'); const c = forge.cipher.createCipher('AES-GCM', key); c.start({ iv, tagLength: 64 });",
      errors: [{ messageId: 'shortTag' }],
    },
    {
      name: 'tag sliced after getAuthTag',
      code: "import crypto from 'crypto';\nconst c = crypto.createCipheriv('aes-256-gcm', k, iv);\nconst tag = c.getAuthTag();\nsend(tag.subarray(0, 8));",
      errors: [{ messageId: 'truncatedTag', line: 4, data: { bytes: 8, bits: 64, min: 128 } }],
    },
    {
      name: 'tag sliced inline',
      code: "import crypto from 'crypto'; const c = crypto.createCipheriv('aes-256-gcm', k, iv); const short = c.getAuthTag().slice(0, 4);",
      errors: [{ messageId: 'truncatedTag', data: { bytes: 4, bits: 32, min: 128 } }],
    },
    {
      name: 'tag truncated before setAuthTag',
      code: "import crypto from 'crypto'; const d = crypto.createDecipheriv('aes-256-gcm', k, iv); d.setAuthTag(tag.subarray(0, 12)); const pt = Buffer.concat([d.update(ct), d.final()]);",
      errors: [{ messageId: 'truncatedTag', data: { bytes: 12, bits: 96, min: 128 } }],
    },
    {
      name: 'GCM update plaintext returned without final',
      code: "import crypto from 'crypto';\nfunction open(ct, tag) {\n  const d = crypto.createDecipheriv('aes-256-gcm', k, iv);\n  d.setAuthTag(tag);\n  return d.update(ct, 'base64', 'utf8');\n}",
      errors: [{ messageId: 'finalNeverCalled', line: 5, column: 10, data: { api: 'Decipher.update', mode: 'GCM' } }],
    },
    {
      name: 'chained createDecipheriv(...).update() with no final',
      code: "import { createDecipheriv } from 'crypto'; const plain = createDecipheriv('chacha20-poly1305', k, n, { authTagLength: 16 }).update(ct);",
      errors: [{ messageId: 'finalNeverCalled', data: { api: 'Decipher.update', mode: 'CHACHA20-POLY1305' } }],
    },
    {
      name: 'cipher name from a constant behind a flag',
      code: "import crypto from 'crypto'; const ALG = fast ? 'aes-128-ocb' : 'aes-256-gcm'; const d = crypto.createDecipheriv(ALG, k, iv); store(d.update(ct));",
      errors: [{ messageId: 'finalNeverCalled' }],
    },
    {
      name: 'final error swallowed by an empty catch',
      code: "import crypto from 'crypto';\nfunction open(ct, tag) {\n  const d = crypto.createDecipheriv('aes-256-gcm', k, iv);\n  d.setAuthTag(tag);\n  const pt = d.update(ct);\n  try { d.final(); } catch {}\n  return pt;\n}",
      errors: [{ messageId: 'finalErrorSwallowed', line: 6, column: 9, data: { mode: 'GCM' } }],
    },
    {
      name: 'final error only logged',
      code: "import crypto from 'crypto'; function open(ct, tag) { const d = crypto.createDecipheriv('aes-256-gcm', k, iv); d.setAuthTag(tag); let pt; try { pt = d.update(ct); d.final(); } catch (e) { console.warn('tag mismatch', e); } return pt; }",
      errors: [{ messageId: 'finalErrorSwallowed' }],
    },
    {
      name: 'final in a promise with a no-op catch',
      code: "import crypto from 'crypto'; async function open(ct, tag) { const d = crypto.createDecipheriv('aes-256-gcm', k, iv); d.setAuthTag(tag); const pt = d.update(ct); await Promise.resolve().then(() => d.final()).catch(() => {}); return pt; }",
      errors: [{ messageId: 'finalErrorSwallowed' }],
    },
    {
      name: 'openpgp allowUnauthenticatedMessages in decrypt config',
      code: "import * as openpgp from 'openpgp'; await openpgp.decrypt({ message, decryptionKeys, config: { allowUnauthenticatedMessages: true } });",
      errors: [{ messageId: 'unauthenticatedAllowed' }],
    },
    {
      name: 'allowUnauthenticatedStream option does not accept allowUnauthenticatedMessages',
      code: "import * as openpgp from 'openpgp'; await openpgp.decrypt({ message, decryptionKeys, config: { allowUnauthenticatedMessages: true } });",
      options: [{ allowUnauthenticatedStream: true }],
      errors: [{ messageId: 'unauthenticatedAllowed' }],
    },
    {
      name: 'openpgp global config written',
      code: "import { config } from 'openpgp'; config.allowUnauthenticatedStream = true;",
      errors: [{ messageId: 'unauthenticatedAllowed' }],
    },
    {
      name: 'openpgp v4 ignore_mdc_error through a namespace',
      code: "const openpgp = require('openpgp'); openpgp.config.ignore_mdc_error = true;",
      errors: [{ messageId: 'unauthenticatedAllowed' }],
    },
  ],
});

strictTester.run('no-weak-auth-tag (strict)', rule, {
  valid: [
    { name: 'strict: GCM with authTagLength', code: decryptOk },
    {
      name: 'strict: tag length checked before setAuthTag',
      code: "import crypto from 'crypto'; function open(tag, ct) { if (tag.length !== 16) throw new Error('bad tag'); const d = crypto.createDecipheriv('aes-256-gcm', k, iv); d.setAuthTag(tag); return Buffer.concat([d.update(ct), d.final()]); }",
    },
    {
      name: 'strict: tag sliced to 16 bytes from the message end',
      code: "import crypto from 'crypto'; function open(data) { const tag = data.subarray(data.length - 16); const d = crypto.createDecipheriv('aes-256-gcm', k, iv); d.setAuthTag(tag); return Buffer.concat([d.update(data.subarray(12, -16)), d.final()]); }",
    },
    {
      name: 'strict: tag sliced inline with slice(-16)',
      code: "import crypto from 'crypto'; const d = crypto.createDecipheriv('aes-256-gcm', k, iv); d.setAuthTag(msg.slice(-16)); const pt = Buffer.concat([d.update(body), d.final()]);",
    },
    { name: 'strict: chacha20-poly1305 defaults to 16-byte tags', code: "import crypto from 'crypto'; const d = crypto.createDecipheriv('chacha20-poly1305', k, n); d.setAuthTag(tag); const pt = Buffer.concat([d.update(ct), d.final()]);" },
  ],
  invalid: [
    {
      name: 'strict: GCM without authTagLength and an unchecked tag',
      code: "import crypto from 'crypto';\nfunction open(tag, ct) {\n  const d = crypto.createDecipheriv('aes-256-gcm', k, iv);\n  d.setAuthTag(tag);\n  return Buffer.concat([d.update(ct), d.final()]);\n}",
      errors: [{ messageId: 'uncheckedTagLength', line: 4, column: 16 }],
    },
    {
      name: 'strict: tag from a request body',
      code: "import crypto from 'crypto'; const d = crypto.createDecipheriv('aes-128-gcm', k, iv); d.setAuthTag(Buffer.from(req.body.tag, 'base64')); const pt = Buffer.concat([d.update(ct), d.final()]);",
      errors: [{ messageId: 'uncheckedTagLength' }],
    },
  ],
});
