import rule from '../../rules/no-disabled-tls-verification.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-disabled-tls-verification', rule, {
  valid: [
    { name: 'rejectUnauthorized: true', code: "import https from 'node:https'; https.request({ host, rejectUnauthorized: true });" },
    { name: 'no TLS options at all', code: "import https from 'https'; https.get('https://example.com', (res) => res.resume());" },
    { name: 'a private CA instead of disabling', code: "import tls from 'tls'; tls.connect({ host, port: 443, ca: [CORP_CA] });" },
    { name: 'a look-alike local function', code: "function request(o) {} request({ rejectUnauthorized: false });" },
    { name: 'an options object never handed to a TLS client', code: "const opts = { rejectUnauthorized: false }; console.log(opts);" },
    { name: 'a module that is not https', code: "import { request } from './http'; request({ rejectUnauthorized: false });" },
    {
      name: 'server-side rejectUnauthorized concerns client certificates only',
      code: "import https from 'https'; https.createServer({ key, cert, requestCert: true, rejectUnauthorized: false }, app);",
    },
    { name: 'an unknown value from configuration', code: "import https from 'https'; new https.Agent({ rejectUnauthorized: config.tls.verify });" },
    {
      name: 'an environment string passed through is never the boolean false',
      code: "import https from 'https'; new https.Agent({ rejectUnauthorized: process.env.VERIFY_TLS });",
    },
    { name: 'NODE_TLS_REJECT_UNAUTHORIZED set to 1', code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';" },
    { name: 'NODE_TLS_REJECT_UNAUTHORIZED removed', code: 'delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;' },
    { name: 'reading NODE_TLS_REJECT_UNAUTHORIZED', code: "if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') warn();" },
    { name: 'another environment variable set to 0', code: "process.env.NODE_DEBUG_TLS = '0';" },
    {
      name: 'checkServerIdentity that returns the result of tls.checkServerIdentity',
      code: "import tls from 'node:tls'; tls.connect({ host, checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) });",
    },
    {
      name: 'checkServerIdentity that pins on top of the default check',
      code: [
        "import tls from 'node:tls';",
        'tls.connect({',
        '  host,',
        '  checkServerIdentity(host, cert) {',
        '    const err = tls.checkServerIdentity(host, cert);',
        '    if (err) return err;',
        "    if (cert.fingerprint256 !== PIN) return new Error('certificate is not pinned');",
        '  },',
        '});',
      ].join('\n'),
    },
    {
      name: 'checkServerIdentity that throws on mismatch',
      code: "import https from 'https'; new https.Agent({ checkServerIdentity(host, cert) { if (cert.fingerprint256 !== PIN) throw new Error('pin'); } });",
    },
    { name: 'MongoDB with tlsAllowInvalidCertificates: false', code: "import { MongoClient } from 'mongodb'; new MongoClient(uri, { tls: true, tlsAllowInvalidCertificates: false });" },
    { name: 'pg with sslmode=verify-full', code: "import pg from 'pg'; new pg.Client({ connectionString: 'postgres://db/app?sslmode=verify-full' });" },
    { name: 'pg with ssl: false (no TLS: another concern)', code: "import { Pool } from 'pg'; new Pool({ ssl: false });" },
    {
      name: 'a connection string that only mentions no-verify outside the query',
      code: "import mongoose from 'mongoose'; mongoose.connect('mongodb://no-verify.example.com/app');",
    },
    {
      name: 'Electron handler that checks a pinned fingerprint before accepting',
      code: [
        "const { app } = require('electron');",
        "app.on('certificate-error', (event, webContents, url, error, certificate, callback) => {",
        '  if (certificate.fingerprint === PINNED_FINGERPRINT) {',
        '    event.preventDefault();',
        '    callback(true);',
        '  } else {',
        '    callback(false);',
        '  }',
        '});',
      ].join('\n'),
    },
    {
      name: 'Electron handler with an early return on a fingerprint mismatch',
      code: [
        "import { app } from 'electron';",
        "app.on('certificate-error', (event, wc, url, error, certificate, callback) => {",
        '  if (certificate.fingerprint !== PINNED) return callback(false);',
        '  event.preventDefault();',
        '  callback(true);',
        '});',
      ].join('\n'),
    },
    {
      name: 'Electron handler that rejects',
      code: "import { app } from 'electron'; app.on('certificate-error', (e, wc, url, err, cert, callback) => callback(false));",
    },
    { name: 'another Electron event', code: "import { app } from 'electron'; app.on('login', (e, wc, details, authInfo, callback) => callback(true));" },
    {
      name: 'verify proc that defers to Chromium',
      code: "import { session } from 'electron'; session.defaultSession.setCertificateVerifyProc((request, callback) => callback(-3));",
    },
    {
      name: 'verify proc that accepts only a pinned certificate',
      code: "import { session } from 'electron'; session.defaultSession.setCertificateVerifyProc((request, callback) => callback(request.certificate.fingerprint === PIN ? 0 : -2));",
    },
    { name: 'another Chromium switch', code: "import { app } from 'electron'; app.commandLine.appendSwitch('disable-http-cache');" },
    { name: 'superagent without disableTLSCerts', code: "import superagent from 'superagent'; superagent.get(url).set('Accept', 'json').ca(CA);" },
    { name: 'request with strictSSL: true', code: "const request = require('request'); request({ url, strictSSL: true });" },
    {
      name: 'reportBehindFlag: false leaves flagged switches alone',
      code: "import https from 'https'; new https.Agent({ rejectUnauthorized: process.env.ALLOW_SELF_SIGNED !== 'true' }); if (process.env.LAB) process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';",
      options: [{ reportBehindFlag: false }],
    },
    {
      name: 'a verifying connection-string template with unknown parts passed through a helper',
      code: "import { MongoClient } from 'mongodb';\nnew MongoClient(wrap(`mongodb+srv://${user}@db.example.net/app?tls=true&tlsAllowInvalidCertificates=false`));\nnew MongoClient([`mongodb://${host}/app?ssl=true`][0]);\nfunction wrap(value) { return value; }",
    },
  ],
  invalid: [
    {
      name: 'https.request with rejectUnauthorized: false inline',
      code: "import https from 'node:https';\nhttps.request({ host, rejectUnauthorized: false });",
      errors: [{ messageId: 'disabled', line: 2, column: 43, data: { setting: '`rejectUnauthorized: false`', target: 'https.request' } }],
    },
    {
      name: 'require, https.get with URL then options',
      code: "const https = require('https'); https.get(url, { rejectUnauthorized: false }, cb);",
      errors: [{ messageId: 'disabled' }],
    },
    {
      name: 'new https.Agent through a named import with rename',
      code: "import { Agent as HttpsAgent } from 'https'; const agent = new HttpsAgent({ keepAlive: true, rejectUnauthorized: false });",
      errors: [{ messageId: 'disabled', data: { setting: '`rejectUnauthorized: false`', target: 'https.Agent' } }],
    },
    {
      name: 'tls.connect with options built in a variable',
      code: "import * as tls from 'node:tls';\nconst options = { host, port: 443 };\noptions.rejectUnauthorized = false;\ntls.connect(options);",
      errors: [{ messageId: 'disabled', line: 4, data: { setting: '`rejectUnauthorized = false` (line 3)', target: 'tls.connect' } }],
    },
    {
      name: 'spread from a shared insecure object',
      code: "import tls from 'tls'; const INSECURE = { rejectUnauthorized: false }; tls.connect({ ...INSECURE, host });",
      errors: [{ messageId: 'disabled' }],
    },
    {
      name: 'a constant two hops away',
      code: "import tls from 'tls';\nconst VERIFY = false;\nconst verify = VERIFY;\ntls.connect({ host, rejectUnauthorized: verify });",
      errors: [{ messageId: 'disabled', line: 4 }],
    },
    {
      name: 'destructured require and dynamic import',
      code: "const { createSecureContext } = require('tls'); createSecureContext({ rejectUnauthorized: false });\nconst { connect } = await import('node:http2'); connect('https://h', { rejectUnauthorized: false });",
      errors: [{ messageId: 'disabled', line: 1 }, { messageId: 'disabled', line: 2 }],
    },
    {
      name: 'new tls.TLSSocket',
      code: "import tls from 'tls'; new tls.TLSSocket(socket, { rejectUnauthorized: false });",
      errors: [{ messageId: 'disabled' }],
    },
    {
      name: 'a helper that builds the agent from its parameter',
      code: "import https from 'https';\nfunction makeAgent(opts) { return new https.Agent(opts); }\nmakeAgent({ rejectUnauthorized: false });",
      errors: [{ messageId: 'disabled', line: 2 }],
    },
    {
      name: 'a helper parameter used as the flag',
      code: "import https from 'https';\nconst agentFor = (verify) => new https.Agent({ rejectUnauthorized: verify });\nagentFor(false);",
      errors: [{ messageId: 'disabled', line: 2 }],
    },
    {
      name: 'a class field',
      code: "import tls from 'tls'; class Conn { insecure = { rejectUnauthorized: false }; open() { return tls.connect(this.insecure); } }",
      errors: [{ messageId: 'disabled' }],
    },
    {
      name: 'https.globalAgent.options.rejectUnauthorized = false',
      code: "import https from 'https'; https.globalAgent.options.rejectUnauthorized = false;",
      errors: [{ messageId: 'disabled', data: { setting: '`rejectUnauthorized = false`', target: 'https.globalAgent.options.rejectUnauthorized' } }],
    },
    {
      name: 'behind an environment flag: a comparison',
      code: "import https from 'https'; new https.Agent({ rejectUnauthorized: process.env.ALLOW_SELF_SIGNED !== 'true' });",
      errors: [{ messageId: 'disabledBehindFlag', data: { setting: 'A verification option that can be false', target: 'https.Agent', condition: 'process.env.ALLOW_SELF_SIGNED is set' } }],
    },
    {
      name: 'behind an environment flag: a ternary on a constant',
      code: "import https from 'https'; const insecure = process.env.NODE_ENV !== 'production'; new https.Agent({ rejectUnauthorized: insecure ? false : true });",
      errors: [{ messageId: 'disabledBehindFlag', data: { setting: '`rejectUnauthorized: false`', target: 'https.Agent', condition: 'process.env.NODE_ENV is set' } }],
    },
    {
      name: 'behind an environment flag: an if around the call',
      code: "import tls from 'tls'; if (process.env.DEBUG_TLS) { tls.connect({ host, rejectUnauthorized: false }); }",
      errors: [{ messageId: 'disabledBehindFlag' }],
    },
    {
      name: 'behind an environment flag: a let reassigned in an if',
      code: "import tls from 'tls'; let verify = true; if (process.env.INSECURE) verify = false; tls.connect({ host, rejectUnauthorized: verify });",
      errors: [{ messageId: 'disabledBehindFlag' }],
    },
    {
      name: 'behind a non-environment condition',
      code: "import tls from 'tls'; tls.connect({ host, rejectUnauthorized: options.lab ? false : true });",
      errors: [{ messageId: 'disabledBehindFlag', data: { setting: '`rejectUnauthorized: false`', target: 'tls.connect', condition: 'a runtime condition holds' } }],
    },
    {
      name: 'behind a negated import.meta.env flag',
      code: "import https from 'https'; new https.Agent({ rejectUnauthorized: !import.meta.env.VITE_INSECURE });",
      errors: [{ messageId: 'disabledBehindFlag' }],
    },
    // ------------------------------------------------------------- environment
    {
      name: 'process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"',
      code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';",
      errors: [{ messageId: 'disabled', column: 44, data: { setting: 'NODE_TLS_REJECT_UNAUTHORIZED=0', target: 'every TLS connection of this process and of the processes it starts' } }],
    },
    { name: 'bracket form, number', code: "process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0;", errors: [{ messageId: 'disabled' }] },
    { name: 'through globalThis', code: "globalThis.process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';", errors: [{ messageId: 'disabled' }] },
    { name: 'through a destructured env', code: "const { env } = process; env.NODE_TLS_REJECT_UNAUTHORIZED = '0';", errors: [{ messageId: 'disabled' }] },
    { name: 'through node:process', code: "import { env } from 'node:process'; env.NODE_TLS_REJECT_UNAUTHORIZED = '0';", errors: [{ messageId: 'disabled' }] },
    {
      name: 'Object.assign(process.env, ...)',
      code: "Object.assign(process.env, { NODE_TLS_REJECT_UNAUTHORIZED: '0', DEBUG: '1' });",
      errors: [{ messageId: 'disabled', column: 60 }],
    },
    {
      name: 'process.env replaced with a spread copy',
      code: "process.env = { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' };",
      errors: [{ messageId: 'disabled' }],
    },
    {
      name: 'NODE_TLS_REJECT_UNAUTHORIZED behind an environment flag',
      code: "if (process.env.ALLOW_INSECURE === 'yes') {\n  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n}",
      errors: [{ messageId: 'disabledBehindFlag', line: 2, data: { setting: 'NODE_TLS_REJECT_UNAUTHORIZED=0', target: 'every TLS connection of this process and of the processes it starts', condition: 'process.env.ALLOW_INSECURE is set' } }],
    },
    {
      name: 'NODE_TLS_REJECT_UNAUTHORIZED after an early return',
      code: "function setup() {\n  if (!process.env.LAB) return;\n  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n}",
      errors: [{ messageId: 'disabledBehindFlag', line: 3 }],
    },
    {
      name: 'a child process environment',
      code: "import { spawn } from 'node:child_process'; spawn('node', ['worker.js'], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } });",
      errors: [{ messageId: 'disabled', data: { setting: 'NODE_TLS_REJECT_UNAUTHORIZED=0', target: 'the process started by child_process.spawn' } }],
    },
    {
      name: 'exec with options and a worker thread',
      code: "const cp = require('child_process'); cp.exec('npm ci', { env: { NODE_TLS_REJECT_UNAUTHORIZED: 0 } });\nconst { Worker } = require('worker_threads'); new Worker('./w.js', { env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' } });",
      errors: [{ messageId: 'disabled', line: 1 }, { messageId: 'disabled', line: 2 }],
    },
    // ------------------------------------------------------------ clients
    {
      name: 'axios with an insecure https.Agent',
      code: "import axios from 'axios'; import https from 'https'; const client = axios.create({ httpsAgent: new https.Agent({ rejectUnauthorized: false }) });",
      errors: [{ messageId: 'disabled', data: { setting: '`rejectUnauthorized: false`', target: 'https.Agent' } }],
    },
    {
      name: 'got https options and legacy rejectUnauthorized',
      code: "import got from 'got';\nawait got(url, { https: { rejectUnauthorized: false } });\nconst api = got.extend({ rejectUnauthorized: false });",
      errors: [{ messageId: 'disabled', line: 2, data: { setting: '`rejectUnauthorized: false`', target: 'got' } }, { messageId: 'disabled', line: 3 }],
    },
    {
      name: 'undici Agent connect options',
      code: "import { Agent, setGlobalDispatcher } from 'undici'; setGlobalDispatcher(new Agent({ connect: { rejectUnauthorized: false } }));",
      errors: [{ messageId: 'disabled', data: { setting: '`rejectUnauthorized: false`', target: 'undici.Agent' } }],
    },
    {
      name: 'undici ProxyAgent requestTls',
      code: "import { ProxyAgent } from 'undici'; new ProxyAgent({ uri: proxy, requestTls: { rejectUnauthorized: false } });",
      errors: [{ messageId: 'disabled' }],
    },
    {
      name: 'node-fetch with an inline agent options object',
      code: "import fetch from 'node-fetch'; import { Agent } from 'node:https'; await fetch(url, { agent: new Agent({ rejectUnauthorized: false }) });",
      errors: [{ messageId: 'disabled' }],
    },
    {
      name: 'request strictSSL: false and agentOptions',
      code: "const request = require('request');\nrequest({ url, strictSSL: false });\nrequest.defaults({ agentOptions: { rejectUnauthorized: false } });",
      errors: [{ messageId: 'disabled', line: 2, data: { setting: '`strictSSL: false`', target: 'request' } }, { messageId: 'disabled', line: 3 }],
    },
    {
      name: 'superagent disableTLSCerts()',
      code: "import superagent from 'superagent'; await superagent.get(url).set('Accept', 'json').disableTLSCerts();",
      errors: [{ messageId: 'disabled', data: { setting: '`superagent request.disableTLSCerts()`', target: 'superagent request.disableTLSCerts' } }],
    },
    {
      name: 'ws with options as second and third argument',
      code: "import WebSocket from 'ws';\nnew WebSocket(url, { rejectUnauthorized: false });\nnew WebSocket(url, ['v1'], { rejectUnauthorized: false });",
      errors: [{ messageId: 'disabled', line: 2 }, { messageId: 'disabled', line: 3 }],
    },
    // ----------------------------------------------------------- databases
    {
      name: 'pg ssl: { rejectUnauthorized: false }',
      code: "import pg from 'pg'; const pool = new pg.Pool({ connectionString, ssl: { rejectUnauthorized: false } });",
      errors: [{ messageId: 'disabled', data: { setting: '`rejectUnauthorized: false`', target: 'pg.Pool' } }],
    },
    {
      name: 'pg.defaults.ssl',
      code: "const pg = require('pg'); pg.defaults.ssl = { rejectUnauthorized: false };",
      errors: [{ messageId: 'disabled' }],
    },
    {
      name: 'pg connection string with sslmode=no-verify in a template',
      code: "import { Client } from 'pg'; new Client({ connectionString: `postgres://${user}:${password}@${host}/app?sslmode=no-verify` });",
      errors: [{ messageId: 'insecureConnectionString', data: { target: 'pg.Client', setting: 'sslmode=no-verify' } }],
    },
    {
      name: 'mutation: a connection-string template with unknown parts passed through a helper, an array and an object literal',
      code: "import { MongoClient } from 'mongodb';\nnew MongoClient(wrap(`mongodb+srv://${user}@db.example.net/app?tls=true&tlsAllowInvalidCertificates=true`));\nnew MongoClient([`mongodb://${host}/app?ssl=true&sslValidate=false`][0]);\nnew MongoClient(({ value: `mongodb://${host}/app?tlsInsecure=true` }).value);\nfunction wrap(value) { return value; }",
      errors: [
        { messageId: 'insecureConnectionString', line: 2, data: { target: 'MongoClient', setting: 'tlsAllowInvalidCertificates=true' } },
        { messageId: 'insecureConnectionString', line: 3 },
        { messageId: 'insecureConnectionString', line: 4 },
      ],
    },
    {
      name: 'mysql2 ssl options and URI query',
      code: "import mysql from 'mysql2/promise';\nawait mysql.createConnection({ host, ssl: { rejectUnauthorized: false } });\nmysql.createPool('mysql://u@h/db?ssl=%7B%22rejectUnauthorized%22%3Afalse%7D');",
      errors: [{ messageId: 'disabled', line: 2 }, { messageId: 'insecureConnectionString', line: 3 }],
    },
    {
      name: 'MongoDB options: tlsAllowInvalidCertificates, tlsInsecure, sslValidate',
      code: "import { MongoClient } from 'mongodb';\nnew MongoClient(uri, { tls: true, tlsAllowInvalidCertificates: true });\nMongoClient.connect(uri, { tlsInsecure: true });\nnew MongoClient(uri, { ssl: true, sslValidate: false });",
      errors: [
        { messageId: 'disabled', line: 2, data: { setting: '`tlsAllowInvalidCertificates: true`', target: 'MongoClient' } },
        { messageId: 'disabled', line: 3 },
        { messageId: 'disabled', line: 4 },
      ],
    },
    {
      name: 'MongoDB connection strings',
      code: "import mongoose from 'mongoose';\nconst URI = 'mongodb+srv://cluster0.example.net/app?tls=true&tlsAllowInvalidCertificates=true';\nmongoose.connect(URI);\nmongoose.createConnection(`mongodb://${host}/app?ssl=true&sslValidate=false`);",
      errors: [{ messageId: 'insecureConnectionString', line: 3 }, { messageId: 'insecureConnectionString', line: 4 }],
    },
    {
      name: 'ioredis tls options',
      code: "import Redis from 'ioredis'; new Redis({ host, tls: { rejectUnauthorized: false } }); new Redis.Cluster(nodes, { redisOptions: { tls: { rejectUnauthorized: false } } });",
      errors: [{ messageId: 'disabled' }, { messageId: 'disabled' }],
    },
    {
      name: 'node-redis socket options',
      code: "import { createClient } from 'redis'; createClient({ url, socket: { tls: true, rejectUnauthorized: false } });",
      errors: [{ messageId: 'disabled' }],
    },
    {
      name: 'nodemailer tls options and URL',
      code: "import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host, port: 587, tls: { rejectUnauthorized: false } });\nnodemailer.createTransport('smtps://mail.example.com/?tls.rejectUnauthorized=false');",
      errors: [{ messageId: 'disabled', line: 2 }, { messageId: 'insecureConnectionString', line: 3 }],
    },
    {
      name: 'Sequelize dialectOptions.ssl and TypeORM ssl',
      code: "import { Sequelize } from 'sequelize'; import { DataSource } from 'typeorm';\nnew Sequelize(url, { dialectOptions: { ssl: { require: true, rejectUnauthorized: false } } });\nnew DataSource({ type: 'postgres', ssl: { rejectUnauthorized: false } });",
      errors: [{ messageId: 'disabled', line: 2 }, { messageId: 'disabled', line: 3 }],
    },
    {
      name: 'knex connection ssl',
      code: "import knex from 'knex'; knex({ client: 'pg', connection: { host, ssl: { rejectUnauthorized: false } } });",
      errors: [{ messageId: 'disabled' }],
    },
    // ------------------------------------------------- checkServerIdentity
    {
      name: 'checkServerIdentity: () => undefined',
      code: "import tls from 'tls'; tls.connect({ host, checkServerIdentity: () => undefined });",
      errors: [{ messageId: 'noopIdentityCheck', column: 65, data: { target: 'tls.connect' } }],
    },
    {
      name: 'checkServerIdentity that only logs',
      code: "import https from 'https'; function trustAll(host, cert) { console.log(host); } new https.Agent({ checkServerIdentity: trustAll });",
      errors: [{ messageId: 'noopIdentityCheck' }],
    },
    {
      name: 'checkServerIdentity in got https options',
      code: "import got from 'got'; got(url, { https: { checkServerIdentity() {} } });",
      errors: [{ messageId: 'noopIdentityCheck' }],
    },
    // ------------------------------------------------------------ Electron
    {
      name: 'Electron certificate-error handler that accepts everything',
      code: [
        "const { app } = require('electron');",
        "app.on('certificate-error', (event, webContents, url, error, certificate, callback) => {",
        '  event.preventDefault();',
        '  callback(true);',
        '});',
      ].join('\n'),
      errors: [{ messageId: 'acceptsAnyCertificate', line: 2, column: 29, data: { hook: 'certificate-error handler', accept: 'callback(true)' } }],
    },
    {
      name: 'Electron certificate-error on webContents, behind an environment flag',
      code: [
        "import { BrowserWindow } from 'electron';",
        'const win = new BrowserWindow({ width: 800 });',
        "win.webContents.on('certificate-error', (event, url, error, certificate, callback) => {",
        '  if (process.env.ELECTRON_INSECURE) { event.preventDefault(); callback(true); }',
        '});',
      ].join('\n'),
      errors: [{ messageId: 'acceptsAnyCertificateBehindFlag', line: 3, data: { hook: 'certificate-error handler', accept: 'callback(true)', condition: 'process.env.ELECTRON_INSECURE is set' } }],
    },
    {
      name: 'Electron handler declared as a function',
      code: "import { app } from 'electron';\nfunction onCertError(event, wc, url, error, cert, cb) { event.preventDefault(); cb(true); }\napp.once('certificate-error', onCertError);",
      errors: [{ messageId: 'acceptsAnyCertificate', line: 3 }],
    },
    {
      name: 'setCertificateVerifyProc that accepts everything',
      code: "import { session } from 'electron';\nsession.defaultSession.setCertificateVerifyProc((request, callback) => callback(0));\nsession.fromPartition('persist:x').setCertificateVerifyProc((req, cb) => { cb(0); });",
      errors: [
        { messageId: 'acceptsAnyCertificate', line: 2, data: { hook: 'certificate verify proc', accept: 'callback(0)' } },
        { messageId: 'acceptsAnyCertificate', line: 3 },
      ],
    },
    {
      name: 'the ignore-certificate-errors switch, with and without dashes',
      code: "import { app } from 'electron';\napp.commandLine.appendSwitch('ignore-certificate-errors');\napp.commandLine.appendSwitch('--ignore-certificate-errors', 'true');",
      errors: [
        { messageId: 'ignoreCertificateErrors', line: 2, data: { value: "'ignore-certificate-errors'" } },
        { messageId: 'ignoreCertificateErrors', line: 3 },
      ],
    },
    {
      name: 'the switch name through a constant',
      code: "const { app } = require('electron/main');\nconst SWITCH = 'ignore-certificate-errors';\nif (process.env.DEV) app.commandLine.appendSwitch(SWITCH);",
      errors: [{ messageId: 'ignoreCertificateErrors', line: 3, data: { value: "'ignore-certificate-errors' (SWITCH, line 2)" } }],
    },
  ],
});
