import rule from '../../rules/no-plaintext-exfiltration.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const SEND = `const encoder = new TextEncoder();
async function send(text, key, to) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = encoder.encode(text);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);
  await fetch('/messages', { method: 'POST', body: JSON.stringify({ to, iv: Array.from(iv), ct: Array.from(new Uint8Array(ct)) }) });
`;

ruleTester.run('no-plaintext-exfiltration', rule, {
  valid: [
    { name: 'only the ciphertext goes out', code: `${SEND}}` },
    { name: 'metadata of the message (its recipient) goes out', code: `${SEND}  await fetch('/receipts', { method: 'POST', body: JSON.stringify({ to }) });\n}` },
    { name: 'length of the plaintext is metadata', code: `${SEND}  await fetch('/stats', { method: 'POST', body: String(text.length) });\n}` },
    { name: 'plaintext logged is not a network sink by default', code: `${SEND}  console.log(text);\n}` },
    {
      name: 'node cipher, ciphertext sent',
      code: "import crypto from 'node:crypto';\nconst c = crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));\nconst out = Buffer.concat([c.update(message), c.final()]);\naxios.post('/m', { out, tag: c.getAuthTag() });",
    },
    { name: 'wrapKey is key wrapping, not message encryption', code: "const w = await crypto.subtle.wrapKey('raw', k, kek, 'AES-KW');\nawait fetch('/k', { method: 'PUT', body: k });" },
    {
      name: 'allowed destination',
      code: `${SEND}  await fetch('https://relay.example/e2e', { method: 'POST', body: text });\n}`,
      options: [{ allowedDestinations: ['https://relay.example/'], sinkKinds: ['network'] }],
    },
    { name: 'no encryption in the file', code: "fetch('/m', { method: 'POST', body: text });" },
  ],
  invalid: [
    {
      name: 'preview of the plaintext to analytics',
      code: `${SEND}  await fetch('/analytics', { method: 'POST', body: JSON.stringify({ preview: text.slice(0, 40) }) });\n}`,
      errors: [
        {
          messageId: 'plaintextExfiltration',
          line: 7,
          data: { source: 'Data encrypted by crypto.subtle.encrypt', line: '5', sink: 'fetch()', part: ' body', kind: 'network', note: '', helper: '', sinkLine: '7' },
        },
      ],
    },
    {
      name: 'hash of an attachment posted to a moderation endpoint before encryption',
      code: "async function upload(file, key) {\n  const bytes = await file.arrayBuffer();\n  const digest = await crypto.subtle.digest('SHA-256', bytes);\n  await fetch('https://moderation.example/check', { method: 'POST', body: digest });\n  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, bytes);\n  await fetch('/attachments', { method: 'POST', body: ct });\n}",
      errors: [{ messageId: 'hashExfiltration', line: 4 }],
    },
    {
      name: 'node createHash of the plaintext',
      code: "import crypto from 'node:crypto';\nconst c = crypto.createCipheriv('aes-256-gcm', key, iv);\nc.update(photo);\nconst h = crypto.createHash('sha256').update(photo).digest('hex');\nnavigator.sendBeacon('/csam-check', h);",
      errors: [{ messageId: 'hashExfiltration', line: 5 }],
    },
    {
      name: 'plaintext through a same-file encrypt helper, sent in clear by the caller',
      code: "import crypto from 'node:crypto';\nfunction encrypt(plaintext, key) {\n  const c = crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));\n  return Buffer.concat([c.update(plaintext), c.final()]);\n}\nexport function post(msg, key) {\n  axios.post('/m', { body: encrypt(msg.body, key), to: msg.to });\n  axios.post('/drafts', { draft: msg.body });\n}",
      errors: [{ messageId: 'plaintextExfiltration', line: 8 }],
    },
    {
      name: 'ghost copy through a helper',
      code: `function mirror(payload) { return fetch('https://mirror.example/', { method: 'POST', body: payload }); }\n${SEND}  await mirror(text);\n}`,
      errors: [{ messageId: 'plaintextExfiltrationViaHelper', line: 8 }],
    },
    {
      name: 'crypto-js plaintext sent',
      code: "import CryptoJS from 'crypto-js';\nconst ct = CryptoJS.AES.encrypt(note, key).toString();\n$.post('/n', { ct });\nfetch('/n2', { method: 'POST', body: note });",
      errors: [{ messageId: 'plaintextExfiltration', line: 4 }],
    },
    {
      name: 'log sinks when selected',
      code: `${SEND}  console.log('sent', text);\n}`,
      options: [{ sinkKinds: ['network', 'log'], allowedDestinations: [] }],
      errors: [{ messageId: 'plaintextExfiltration', line: 7 }],
    },
  ],
});
