import rule from '../../rules/no-insecure-randomness.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-insecure-randomness', rule, {
  valid: [
    { name: 'jitter for a retry delay', code: 'const delay = base * 2 ** attempt + Math.random() * 100; setTimeout(retry, delay);' },
    { name: 'animation', code: 'element.style.left = `${Math.random() * 100}%`; const hue = Math.floor(Math.random() * 360);' },
    { name: 'shuffling a deck for the UI', code: 'const shuffled = cards.map((card) => ({ card, sort: Math.random() })).sort((a, b) => a.sort - b.sort);' },
    { name: 'sampling telemetry', code: 'if (Math.random() < 0.01) sendTelemetry(event);' },
    { name: 'a React list key is not a secret key', code: 'const key = Math.random(); const item = { key: Math.random(), label };' },
    { name: 'a cache key', code: 'const cacheKey = `user-${id}-${Date.now()}`;' },
    { name: 'token expiry is a timestamp', code: 'const tokenExpiry = Date.now() + 3600 * 1000; const session = { createdAt: new Date(), expiresAt: Date.now() + ttl };' },
    { name: 'otp length and attempts are metadata', code: 'const otpLength = Math.floor(Math.random() * 2) + 6; const otpAttempts = 0;' },
    {
      name: 'a token from crypto.randomBytes',
      code: "const crypto = require('crypto'); const token = crypto.randomBytes(32).toString('hex');",
    },
    {
      name: 'crypto.getRandomValues for a session id',
      code: 'const sessionId = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16)).join("");',
    },
    { name: 'randomUUID and randomInt', code: "import { randomUUID, randomInt } from 'node:crypto'; const sessionId = randomUUID(); const otp = randomInt(0, 1e6);" },
    {
      name: 'a random IV with Math.random nowhere near it',
      code: "const crypto = require('crypto'); const jitter = Math.random(); crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));",
    },
    { name: 'seedrandom without a seed autoseeds', code: "import seedrandom from 'seedrandom'; const rng = seedrandom(); const token = rng().toString(36);" },
    {
      name: 'a seeded generator for a game map is not a finding unless used for secrets',
      code: "import seedrandom from 'seedrandom'; const rng = seedrandom(worldSeed); const tileX = Math.floor(rng() * 10);",
    },
    { name: 'names are not checked when checkNames is false', code: 'const token = Math.random().toString(36);', options: [{ checkNames: false }] },
    {
      name: 'corpus (axios): a utility namespace holding a Math.random message tag is not the source of a password read through it',
      code: [
        'const nextTick = (function (token, callbacks) {',
        "  addEventListener('message', (e) => { if (e.data === token) callbacks.shift()(); });",
        "  return function (cb) { callbacks.push(cb); postMessage(token, '*'); };",
        "})('lib@'.concat(Math.random()), []);",
        'const utils = { nextTick, getSafeProp: (obj, name) => (obj && Object.hasOwn(obj, name) ? obj[name] : undefined) };',
        'function option(options, name, fallback) { const value = utils.getSafeProp(options, name); return value === undefined ? fallback : value; }',
        "const metaTokens = option(opts, 'metaTokens', true);",
        "const password = utils.getSafeProp(auth, 'password') || '';",
      ].join('\n'),
    },
    {
      name: 'corpus (matrix-js-sdk): a token record with an expiry computed from the clock is not a predictable token',
      code: [
        'async function getNewTokens(refreshToken) {',
        '  const requestStart = Date.now();',
        '  const response = await auth.performRefreshTokenGrant(refreshToken);',
        '  const tokens = {',
        '    accessToken: response.access_token,',
        '    refreshToken: response.refresh_token,',
        '    expiry: response.expires_in ? new Date(requestStart + response.expires_in * 1000) : undefined,',
        '  };',
        '  return tokens;',
        '}',
      ].join('\n'),
    },
    {
      name: 'corpus (mongodb): a function returning a token with its expiry timestamp',
      code: [
        'async function fetchKmsToken() {',
        '  const body = await get(url);',
        '  return { accessToken: body.access_token, expiresOnTimestamp: Date.now() + Number(body.expires_in) * 1000 };',
        '}',
        'class TokenCache { cachedToken = null; async getToken() { this.cachedToken = await fetchKmsToken(); return this.cachedToken; } }',
      ].join('\n'),
    },
    {
      name: 'corpus (openpgp): a creation date passed with other data to a constructor or a method is not the key',
      code: [
        'async function generate(options, config) {',
        '  const secretKeyPacket = new SecretKeyPacket(options.date, config);',
        '  await secretKeyPacket.generate(options.rsaBits);',
        '  return wrapKeyObject(secretKeyPacket, options, config);',
        '}',
        'function wrapKeyObject(packet, options, config) { const list = new PacketList(); list.push(packet); return { key: new PrivateKey(list) }; }',
        "function formatObject(object, format, config) { return format === 'armored' ? object.armor(config) : object; }",
        "async function generateKey({ userIDs = [], passphrase, date = new Date(), format = 'armored', config }) {",
        '  const options = { userIDs, passphrase, date };',
        '  const { key } = await generate(options, config);',
        '  return { privateKey: formatObject(key, format, config) };',
        '}',
        'class Message {',
        '  async decrypt(decryptionKeys, passwords, sessionKeys, date = new Date()) {',
        '    const sessionKeyObjects = sessionKeys || (await this.decryptSessionKeys(decryptionKeys, passwords, date));',
        '    return sessionKeyObjects;',
        '  }',
        '  async decryptSessionKeys(keys, passwords, date) { return keys.filter((key) => key.isValid(date)); }',
        '}',
      ].join('\n'),
    },
    { name: 'a timestamp in a JWT payload', code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub, iat: Math.floor(Date.now() / 1000) }, key);" },
  ],
  invalid: [
    {
      name: 'Math.random token',
      code: 'const token = Math.random().toString(36).slice(2);',
      errors: [{ messageId: 'weakRandomName', line: 1, column: 15, data: { source: 'Math.random()', name: 'token', kind: 'token' } }],
    },
    {
      name: 'a token built character by character in a loop',
      code: "function generateToken(n) {\n  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';\n  let out = '';\n  for (let i = 0; i < n; i++) out += chars.charAt(Math.floor(Math.random() * chars.length));\n  return out;\n}",
      errors: [{ messageId: 'weakRandomName', line: 5, data: { source: 'Math.random() (line 4)', name: 'Token', kind: 'token' } }],
    },
    {
      name: 'a reset code from Array.from with a callback',
      code: "const resetCode = Array.from({ length: 6 }, () => Math.floor(Math.random() * 10)).join('');",
      errors: [{ messageId: 'weakRandomName', data: { source: 'Math.random()', name: 'resetCode', kind: 'one-time code' } }],
    },
    {
      name: 'an OTP from Math.floor(Math.random() * 1e6)',
      code: 'const otp = String(Math.floor(100000 + Math.random() * 900000));',
      errors: [{ messageId: 'weakRandomName', data: { source: 'Math.random()', name: 'otp', kind: 'one-time code' } }],
    },
    {
      name: 'a session id from the clock',
      code: 'req.session.sessionId = Date.now().toString(36);',
      errors: [{ messageId: 'weakRandomName', data: { source: 'Date.now()', name: 'sessionId', kind: 'session id' } }],
    },
    {
      name: 'a password in an object property, through a helper',
      code: 'function randomString() { return Math.random().toString(36).substring(2, 10); }\nconst user = { name, password: randomString() };',
      errors: [{ messageId: 'weakRandomName', line: 2, data: { source: 'Math.random() (line 1)', name: 'password', kind: 'password' } }],
    },
    {
      name: 'a CSRF token in a class field from new Date()',
      code: 'class Form { csrfToken = new Date().getTime().toString(16); }',
      errors: [{ messageId: 'weakRandomName', data: { source: 'new Date()', name: 'csrfToken', kind: 'CSRF token' } }],
    },
    {
      name: 'an API key returned from an arrow function',
      code: 'export const makeApiKey = () => `ak_${performance.now()}_${Math.random()}`;',
      errors: [{ messageId: 'weakRandomName', data: { source: 'performance.now()', name: 'ApiKey', kind: 'key' } }],
    },
    {
      name: 'a Math.random key for createCipheriv through require',
      code: "const crypto = require('crypto');\nconst key = Buffer.from(Array.from({ length: 32 }, () => Math.floor(Math.random() * 256)));\ncrypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));",
      errors: [{ messageId: 'weakRandomRole', line: 3, column: 38, data: { source: 'Math.random() (line 2)', role: 'a key' } }],
    },
    {
      name: 'a Date.now IV through a node: namespace import',
      code: "import * as c from 'node:crypto'; c.createCipheriv('aes-128-cbc', key, Buffer.from(String(Date.now()).padEnd(16, '0')));",
      errors: [{ messageId: 'weakRandomRole', data: { source: 'Date.now()', role: 'an IV or nonce' } }],
    },
    {
      name: 'a Math.random salt for PBKDF2 with a named import',
      code: "import { pbkdf2Sync as derive } from 'crypto'; const s = Math.random().toString(); derive(pw, s, 600000, 32, 'sha256');",
      errors: [{ messageId: 'weakRandomRole', data: { source: 'Math.random()', role: 'a salt' } }],
    },
    {
      name: 'Web Crypto IV from Math.random in an options object built in a variable',
      code: "const iv = new Uint8Array(12).map(() => Math.random() * 256);\nconst params = { name: 'AES-GCM', iv };\ncrypto.subtle.encrypt(params, key, data);",
      errors: [{ messageId: 'weakRandomRole', line: 3 }],
    },
    {
      name: 'tweetnacl nonce from Math.random through a helper parameter',
      code: "import nacl from 'tweetnacl'; function seal(m, n, k) { return nacl.secretbox(m, n, k); } seal(msg, Uint8Array.from({ length: 24 }, () => Math.random() * 256), key);",
      errors: [{ messageId: 'weakRandomRole' }],
    },
    {
      name: 'seedrandom with a constant seed is itself reported, and its output as a key',
      code: "import seedrandom from 'seedrandom';\nconst rng = seedrandom('hello.');\nconst secretKey = Buffer.from(Array.from({ length: 32 }, () => Math.floor(rng() * 256)));",
      errors: [
        { messageId: 'constantSeed', line: 2, data: { api: 'seedrandom', origin: '' } },
        { messageId: 'weakRandomName', line: 3, data: { source: 'a generator seeded with a constant', name: 'secretKey', kind: 'secret' } },
      ],
    },
    {
      name: 'seedrandom.alea with a constant from a const, destructured require',
      code: "const { alea } = require('seedrandom');\nconst SEED = 42;\nconst prng = alea(SEED);\nconst nonce = prng.int32();",
      errors: [
        { messageId: 'constantSeed', line: 3, data: { api: 'seedrandom.alea', origin: ' (SEED, line 2)' } },
        { messageId: 'weakRandomName', line: 4 },
      ],
    },
    {
      name: 'seedrandom seeded from the clock feeding a token',
      code: "const seedrandom = require('seedrandom'); const rng = seedrandom(String(Date.now())); const token = rng().toString(36);",
      errors: [{ messageId: 'weakRandomName', data: { source: 'a generator seeded with Date.now()', name: 'token', kind: 'token' } }],
    },
    {
      name: 'mersenne-twister without a seed seeds from the clock',
      code: "import MersenneTwister from 'mersenne-twister'; const gen = new MersenneTwister(); const sessionKey = gen.random_int().toString(16);",
      errors: [{ messageId: 'weakRandomName', data: { source: 'a generator seeded by default from the current time', name: 'sessionKey', kind: 'session id' } }],
    },
    {
      name: 'random-seed with a constant seed',
      code: "import rand from 'random-seed'; const gen = rand.create('fixed'); const pin = gen.intBetween(1000, 9999);",
      errors: [{ messageId: 'constantSeed' }, { messageId: 'weakRandomName', data: { source: 'a generator seeded with a constant', name: 'pin', kind: 'PIN' } }],
    },
    {
      name: 'libsodium deterministic random bytes with a constant seed as a nonce',
      code: "import sodium from 'libsodium-wrappers'; const n = sodium.randombytes_buf_deterministic(24, new Uint8Array(32)); sodium.crypto_secretbox_easy(m, n, k);",
      errors: [{ messageId: 'constantSeed' }, { messageId: 'weakRandomRole' }],
    },
    {
      name: 'a weak branch behind a flag',
      code: "const crypto = require('crypto'); const token = process.env.FAST ? Math.random().toString(36) : crypto.randomBytes(16).toString('hex');",
      errors: [{ messageId: 'weakRandomName' }],
    },
    {
      name: 'values pushed into an array and joined',
      code: "const parts = []; for (let i = 0; i < 4; i++) parts.push(Math.random().toString(36).slice(2)); const inviteToken = parts.join('-');",
      errors: [{ messageId: 'weakRandomName', data: { source: 'Math.random()', name: 'inviteToken', kind: 'token' } }],
    },
  ],
});
