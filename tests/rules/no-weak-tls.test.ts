import rule, { weakCipherParts } from '../../rules/no-weak-tls.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-weak-tls', rule, {
  valid: [
    { name: 'minVersion TLSv1.2', code: "import tls from 'node:tls'; tls.connect({ host, minVersion: 'TLSv1.2' });" },
    { name: 'TLS 1.3 only', code: "import https from 'https'; new https.Agent({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' });" },
    { name: 'DEFAULT_MIN_VERSION raised', code: "import tls from 'tls'; tls.DEFAULT_MIN_VERSION = 'TLSv1.3';" },
    { name: 'negotiating method', code: "const tls = require('tls'); tls.createSecureContext({ secureProtocol: 'TLS_method' });" },
    { name: 'SSLv23_method negotiates the highest version', code: "const tls = require('tls'); tls.connect({ secureProtocol: 'SSLv23_method' });" },
    { name: 'TLSv1_2_method under the default policy', code: "const tls = require('tls'); tls.connect({ secureProtocol: 'TLSv1_2_method' });" },
    { name: 'a strong cipher list with exclusions', code: "import tls from 'tls'; tls.createServer({ ciphers: 'HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK', key, cert });" },
    {
      name: 'modern suites by name',
      code: "import https from 'https'; https.createServer({ ciphers: ['TLS_AES_256_GCM_SHA384', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-CHACHA20-POLY1305'].join(':') });",
    },
    { name: 'a minus exclusion', code: "import tls from 'tls'; tls.DEFAULT_CIPHERS = 'DEFAULT:-3DES';" },
    { name: 'SECLEVEL 2', code: "import tls from 'tls'; tls.connect({ ciphers: 'DEFAULT@SECLEVEL=2' });" },
    { name: 'a look-alike options object', code: "const opts = { minVersion: 'TLSv1' }; render(opts);" },
    { name: 'an unknown version stays silent', code: "import tls from 'tls'; tls.connect({ minVersion: process.env.TLS_MIN });" },
    { name: 'allowCiphers option', code: "import tls from 'tls'; tls.connect({ ciphers: 'HIGH:DES-CBC3-SHA' });", options: [{ allowCiphers: ['des-cbc3-sha'] }] },
  ],
  invalid: [
    {
      name: 'minVersion TLSv1 inline',
      code: "import tls from 'node:tls';\ntls.connect({ host, minVersion: 'TLSv1' });",
      errors: [{ messageId: 'weakVersion', line: 2, column: 33, data: { value: "'TLSv1'", api: 'tls.connect', version: 'TLS 1.0', minimum: 'TLS 1.2', fix: "'TLSv1.2'" } }],
    },
    {
      name: 'maxVersion TLSv1.1 on an https Agent built in a variable',
      code: "import https from 'https';\nconst opts = { keepAlive: true };\nopts.maxVersion = 'TLSv1.1';\nnew https.Agent(opts);",
      errors: [{ messageId: 'weakVersion', line: 4, data: { value: "'TLSv1.1' (line 3)", api: 'https.Agent', version: 'TLS 1.1', minimum: 'TLS 1.2', fix: "'TLSv1.2'" } }],
    },
    {
      name: 'tls.DEFAULT_MIN_VERSION lowered',
      code: "import tls from 'tls'; tls.DEFAULT_MIN_VERSION = 'TLSv1';",
      errors: [{ messageId: 'weakVersion', data: { value: "'TLSv1'", api: 'tls.DEFAULT_MIN_VERSION', version: 'TLS 1.0', minimum: 'TLS 1.2', fix: "'TLSv1.2'" } }],
    },
    {
      name: 'a legacy version behind a flag',
      code: "import https from 'https'; const LEGACY = 'TLSv1'; https.request({ host, minVersion: process.env.LEGACY_TLS ? LEGACY : 'TLSv1.2' });",
      errors: [{ messageId: 'weakVersion', data: { value: "'TLSv1' (LEGACY)", api: 'https.request', version: 'TLS 1.0', minimum: 'TLS 1.2', fix: "'TLSv1.2'" } }],
    },
    {
      name: 'SSLv3 through a helper parameter',
      code: "import tls from 'tls';\nfunction connectWith(min) { return tls.connect({ host, minVersion: min }); }\nconnectWith('SSLv3');",
      errors: [{ messageId: 'weakVersion', line: 2, data: { value: "'SSLv3' (min, line 3)", api: 'tls.connect', version: 'SSL 3.0', minimum: 'TLS 1.2', fix: "'TLSv1.2'" } }],
    },
    {
      name: 'TLS 1.2 under a TLS 1.3 policy',
      code: "import tls from 'tls'; tls.connect({ minVersion: 'TLSv1.2' });",
      settings: { keyguard: { minTlsVersion: 'TLSv1.3' } },
      errors: [{ messageId: 'weakVersion', data: { value: "'TLSv1.2'", api: 'tls.connect', version: 'TLS 1.2', minimum: 'TLS 1.3', fix: "'TLSv1.3'" } }],
    },
    {
      name: 'secureProtocol methods',
      code: "const tls = require('tls');\ntls.createSecureContext({ secureProtocol: 'SSLv3_method' });\ntls.connect({ secureProtocol: 'TLSv1_1_client_method' });\nrequire('https').createServer({ secureProtocol: 'TLSv1_method' });",
      errors: [
        { messageId: 'weakProtocolMethod', line: 2, data: { value: "'SSLv3_method'", api: 'tls.createSecureContext', version: 'SSL 3.0', minimum: 'TLS 1.2', fix: "'TLSv1.2'" } },
        { messageId: 'weakProtocolMethod', line: 3 },
        { messageId: 'weakProtocolMethod', line: 4 },
      ],
    },
    {
      name: 'RC4 and MD5 suites',
      code: "import tls from 'tls'; tls.connect({ ciphers: 'RC4-SHA:RC4-MD5' });",
      errors: [{ messageId: 'weakCipherSuite', data: { value: "'RC4-SHA:RC4-MD5'", api: 'tls.connect', suite: 'RC4-SHA, RC4-MD5', reason: 'RC4 (prohibited by RFC 7465)' } }],
    },
    {
      name: 'NULL, anonymous and export keywords',
      code: "import https from 'https';\nhttps.createServer({ ciphers: 'ALL:eNULL' });\nnew https.Agent({ ciphers: 'HIGH:aNULL' });\nhttps.request({ ciphers: 'EXP-RC4-MD5' });",
      errors: [
        { messageId: 'weakCipherSuite', line: 2, data: { value: "'ALL:eNULL'", api: 'https.createServer', suite: 'eNULL', reason: 'NULL (no encryption)' } },
        { messageId: 'weakCipherSuite', line: 3, data: { value: "'HIGH:aNULL'", api: 'https.Agent', suite: 'aNULL', reason: 'anonymous key exchange (no server authentication)' } },
        { messageId: 'weakCipherSuite', line: 4, data: { value: "'EXP-RC4-MD5'", api: 'https.request', suite: 'EXP-RC4-MD5', reason: 'export-grade (40/56-bit) encryption' } },
      ],
    },
    {
      name: '3DES and DES suites in an array join',
      code: "import tls from 'tls'; tls.DEFAULT_CIPHERS = ['ECDHE-RSA-AES128-GCM-SHA256', 'DES-CBC3-SHA'].join(':');",
      errors: [{ messageId: 'weakCipherSuite' }],
    },
    {
      name: 'SECLEVEL 0',
      code: "import tls from 'tls'; tls.createSecureContext({ ciphers: 'DEFAULT:@SECLEVEL=0' });",
      errors: [{ messageId: 'weakCipherSuite', data: { value: "'DEFAULT:@SECLEVEL=0'", api: 'tls.createSecureContext', suite: '@SECLEVEL=0', reason: 'security level 0 (every weak suite and key size allowed)' } }],
    },
    {
      name: 'client libraries: got https, undici connect, pg ssl, mysql2 ssl, ioredis tls',
      code: [
        "import got from 'got'; import { Agent } from 'undici'; import pg from 'pg'; import mysql from 'mysql2'; import Redis from 'ioredis';",
        "got(url, { https: { minVersion: 'TLSv1' } });",
        "new Agent({ connect: { maxVersion: 'TLSv1.1' } });",
        "new pg.Client({ ssl: { ciphers: 'RC4-SHA' } });",
        "mysql.createConnection({ ssl: { minVersion: 'TLSv1.1' } });",
        "new Redis({ tls: { secureProtocol: 'TLSv1_method' } });",
      ].join('\n'),
      errors: [
        { messageId: 'weakVersion', line: 2 },
        { messageId: 'weakVersion', line: 3 },
        { messageId: 'weakCipherSuite', line: 4 },
        { messageId: 'weakVersion', line: 5 },
        { messageId: 'weakProtocolMethod', line: 6 },
      ],
    },
    {
      name: 'http2 secure server and client',
      code: "import http2 from 'node:http2'; http2.createSecureServer({ minVersion: 'TLSv1' }); http2.connect(authority, { minVersion: 'TLSv1.1' });",
      errors: [{ messageId: 'weakVersion' }, { messageId: 'weakVersion' }],
    },
  ],
});

describe('weakCipherParts', () => {
  it.each([
    ['HIGH:!aNULL:!MD5', []],
    ['ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-SHA256', []],
    ['TLS_AES_128_GCM_SHA256', []],
    ['DEFAULT:-RC4', []],
    ['TLS_RSA_WITH_RC4_128_SHA', ['TLS_RSA_WITH_RC4_128_SHA']],
    ['TLS_DH_anon_WITH_AES_128_CBC_SHA', ['TLS_DH_anon_WITH_AES_128_CBC_SHA']],
    ['ADH-AES256-SHA:ECDHE-RSA-NULL-SHA', ['ADH-AES256-SHA', 'ECDHE-RSA-NULL-SHA']],
    ['EDH-RSA-DES-CBC-SHA', ['EDH-RSA-DES-CBC-SHA']],
    ['LOW:EXPORT', ['LOW', 'EXPORT']],
    ['RSA+RC4', ['RSA+RC4']],
  ])('%s', (list, expected) => {
    expect(weakCipherParts(list).map((part) => part.token)).toEqual(expected);
  });
});
