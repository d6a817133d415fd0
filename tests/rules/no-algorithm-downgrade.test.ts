import rule from '../../rules/no-algorithm-downgrade.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const NODE = "import crypto from 'node:crypto';\n";
const HANDLER = `${NODE}app.post('/enc', async (req, res) => {\n`;

ruleTester.run('no-algorithm-downgrade', rule, {
  valid: [
    { name: 'algorithm chosen in code', code: `${HANDLER}  crypto.createCipheriv('aes-256-gcm', key, iv).update(req.body.text);\n});` },
    { name: 'input mapped through a lookup table of strong values', code: `${HANDLER}  const ALGS = { fast: 'chacha20-poly1305', std: 'aes-256-gcm' };\n  crypto.createCipheriv(ALGS[req.query.mode], key, iv);\n});` },
    { name: 'request data used as the plaintext, not a parameter', code: `${HANDLER}  crypto.createHash('sha256').update(req.body.payload).digest('hex');\n});` },
    { name: 'environment is not untrusted by default', code: `${NODE}crypto.createHash(process.env.HASH_ALG);` },
    { name: 'config file is not untrusted by default', code: `${NODE}const cfg = require('./config.json');\ncrypto.pbkdf2Sync(pw, salt, cfg.iterations, 32, 'sha256');` },
    { name: 'a member call named like a request method on a local map', code: `${NODE}const algs = new Map([['default', 'sha256']]);\ncrypto.createHash(algs.get('default'));\nconst store = { post: () => 'sha512' };\ncrypto.createHash(store.post());` },
    { name: 'req that is not a handler parameter', code: `${NODE}const req = { query: { alg: 'sha256' } };\ncrypto.createHash(req.query.alg);` },
    { name: 'untrusted value under a different option', code: `${HANDLER}  const opts = { modulusLength: 4096, publicExponent: req.body.e };\n  crypto.generateKeyPairSync('rsa', opts);\n});` },
    { name: 'a hash of the response is not a parameter', code: `${NODE}const res = await fetch('/x');\ncrypto.createHash('sha256').update(await res.text());` },
  ],
  invalid: [
    {
      name: 'cipher from the request body',
      code: `${HANDLER}  const alg = req.body.algorithm;\n  crypto.createCipheriv(alg, key, iv);\n});`,
      errors: [{ messageId: 'remoteDowngrade', line: 4, column: 25, data: { role: 'cipher', api: 'crypto.createCipheriv', source: 'request data (req.body)', line: '3' } }],
    },
    {
      name: 'key size from the query string, through parseInt and an options variable',
      code: `${HANDLER}  const bits = parseInt(req.query.bits, 10);\n  const opts = { modulusLength: bits };\n  crypto.generateKeyPairSync('rsa', opts);\n});`,
      errors: [{ messageId: 'remoteDowngrade', line: 5 }],
    },
    {
      name: 'iterations from a header',
      code: `${HANDLER}  crypto.pbkdf2Sync(pw, salt, Number(req.headers['x-iterations']), 32, 'sha256');\n});`,
      errors: [{ messageId: 'remoteDowngrade', line: 3 }],
    },
    {
      name: 'Koa ctx.request.body',
      code: `${NODE}router.post('/k', (ctx) => {\n  crypto.createHash(ctx.request.body.hash);\n});`,
      errors: [{ messageId: 'remoteDowngrade', line: 3 }],
    },
    {
      name: 'Next.js route handler request.json()',
      code: `${NODE}export async function POST(request) {\n  const { curve } = await request.json();\n  crypto.createECDH(curve);\n}`,
      errors: [{ messageId: 'remoteDowngrade', line: 4 }],
    },
    {
      name: 'hash from a remote config fetched at start-up',
      code: `${NODE}const cfg = await (await fetch('https://config.example/crypto')).json();\ncrypto.createHash(cfg.hash);`,
      errors: [{ messageId: 'remoteDowngrade', line: 3, data: { role: 'hash algorithm', api: 'crypto.createHash', source: 'a network response (fetch())', line: '2' } }],
    },
    {
      name: 'axios response data',
      code: `${NODE}import axios from 'axios';\nconst { data } = await axios.get('/policy');\ncrypto.scryptSync(pw, salt, 32, { N: data.cost });`,
      errors: [{ messageId: 'remoteDowngrade', line: 4 }],
    },
    {
      // Member calls are matched on their own name first (the path of `x.name` ends in `name`): one case per
      // kind of untrusted call, each reached through a member call.
      name: 'responses and files reached through member calls',
      code: `${NODE}import https from 'node:https';\nimport fs from 'node:fs';\nimport axios from 'axios';\nconst api = axios.create({ baseURL: 'https://x.example' });\nconst { data } = await api.post('/policy');\ncrypto.createHash(data.hash);\nconst r = await window.fetch('/policy');\ncrypto.createHash((await r.json()).hash);\nhttps.get('https://x.example/policy', (res) => crypto.createHash(res.headers['x-hash']));\nconst cfg = JSON.parse(await fs.promises.readFile('crypto.json', 'utf8'));\ncrypto.createHash(cfg.hash);`,
      options: [{ includeEnvironment: false, includeConfigFiles: true }],
      errors: [
        { messageId: 'remoteDowngrade', line: 7, data: { role: 'hash algorithm', api: 'crypto.createHash', source: 'a network response (axios.create().post())', line: '6' } },
        { messageId: 'remoteDowngrade', line: 9 },
        { messageId: 'remoteDowngrade', line: 10 },
        { messageId: 'remoteDowngrade', line: 12 },
      ],
    },
    {
      name: 'fetch then callback',
      code: `${NODE}fetch('/policy').then((r) => r.json()).then((p) => crypto.createCipheriv(p.cipher, key, iv));`,
      errors: [{ messageId: 'remoteDowngrade', line: 2 }],
    },
    {
      name: 'Web Crypto modulus length from a WebSocket message',
      code: "const ws = new WebSocket('wss://x.example');\nws.onmessage = (event) => {\n  crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: JSON.parse(event.data).size, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['encrypt']);\n};",
      errors: [{ messageId: 'remoteDowngrade', line: 3 }],
    },
    {
      name: 'postMessage listener',
      code: "window.addEventListener('message', (e) => {\n  crypto.subtle.digest(e.data.hash, bytes);\n});",
      errors: [{ messageId: 'remoteDowngrade', line: 2 }],
    },
    {
      name: 'URL search parameters',
      code: `${NODE}const params = new URLSearchParams(location.search);\ncrypto.createHash(params.get('h'));`,
      errors: [{ messageId: 'remoteDowngrade', line: 3 }],
    },
    {
      name: 'branch behind an untrusted flag',
      code: `${HANDLER}  crypto.createCipheriv(req.query.legacy ? req.query.alg : 'aes-256-gcm', key, iv);\n});`,
      errors: [{ messageId: 'remoteDowngrade', line: 3 }],
    },
    {
      name: 'environment when the option includes it',
      code: `${NODE}crypto.createHash(process.env.HASH_ALG);`,
      options: [{ includeEnvironment: true, includeConfigFiles: false }],
      errors: [{ messageId: 'remoteDowngrade', line: 2 }],
    },
    {
      name: 'config file when the option includes it',
      code: `${NODE}const cfg = require('./config.json');\ncrypto.pbkdf2Sync(pw, salt, cfg.iterations, 32, 'sha256');`,
      options: [{ includeEnvironment: false, includeConfigFiles: true }],
      errors: [{ messageId: 'remoteDowngrade', line: 3 }],
    },
    {
      name: 'request data read through a quoted key',
      code: `${HANDLER}  crypto.createHash(req['body'].hash);\n});`,
      errors: [{ messageId: 'remoteDowngrade', line: 3, data: { role: 'hash algorithm', api: 'crypto.createHash', source: "request data (req['body'])", line: '3' } }],
    },
    {
      name: 'request data under keys spelled with escapes',
      code: `${HANDLER}  crypto.createHash(req['bo\\x64y'].hash);\n  crypto.createHash(req['\\u{71}uery'].h);\n  crypto.createHash(req['he\\u0061ders'].h);\n});`,
      errors: [
        { messageId: 'remoteDowngrade', line: 3, data: { role: 'hash algorithm', api: 'crypto.createHash', source: "request data (req['bo\\x64y'])", line: '3' } },
        { messageId: 'remoteDowngrade', line: 4 },
        { messageId: 'remoteDowngrade', line: 5 },
      ],
    },
    {
      name: 'the whole environment object, and import.meta.env under a quoted key',
      code: `${NODE}const env = process.env;\ncrypto.createHash(env.HASH_ALG);\ncrypto.createCipheriv(import.meta.env['VITE_CIPHER'], key, iv);`,
      options: [{ includeEnvironment: true, includeConfigFiles: false }],
      errors: [
        { messageId: 'remoteDowngrade', line: 3, data: { role: 'hash algorithm', api: 'crypto.createHash', source: 'the environment (process.env)', line: '2' } },
        { messageId: 'remoteDowngrade', line: 4 },
      ],
    },
    {
      name: 'a JSON module imported at the top of the file',
      code: `${NODE}import policy from './policy.json';\ncrypto.createHash(policy.hash);`,
      options: [{ includeEnvironment: false, includeConfigFiles: true }],
      errors: [{ messageId: 'remoteDowngrade', line: 3, data: { role: 'hash algorithm', api: 'crypto.createHash', source: 'a config file (./policy.json)', line: '2' } }],
    },
    {
      name: 'through a same-file helper parameter',
      code: `${NODE}function makeCipher(name) { return crypto.createCipheriv(name, key, iv); }\napp.get('/x', (req) => makeCipher(req.query.c));`,
      errors: [{ messageId: 'remoteDowngrade', line: 2 }],
    },
  ],
});
