import rule from '../../rules/no-injected-trust-anchor.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const PEM = '-----BEGIN CERTIFICATE-----\\nMIIBszCCAVmgAwIBAgIUb2Zm\\n-----END CERTIFICATE-----\\n';
const pem = `const CORP_ROOT = '${PEM}';`;

ruleTester.run('no-injected-trust-anchor', rule, {
  valid: [
    { name: 'a pinned CA replaces the roots', code: `import https from 'https'; ${pem} new https.Agent({ ca: CORP_ROOT });` },
    { name: 'a pinned CA list replaces the roots', code: `import tls from 'tls'; ${pem} tls.connect({ host, ca: [CORP_ROOT] });` },
    { name: 'the system roots alone', code: "import tls from 'tls'; tls.connect({ host, ca: [...tls.rootCertificates] });" },
    {
      name: 'roots plus a CA from configuration (not fixed in the code)',
      code: "import tls from 'tls'; tls.connect({ host, ca: [...tls.rootCertificates, config.extraCa] });",
    },
    {
      name: 'roots plus a CA file from an environment path',
      code: "import tls from 'tls'; import fs from 'fs'; tls.connect({ ca: [...tls.rootCertificates, fs.readFileSync(process.env.EXTRA_CA_FILE)] });",
    },
    {
      name: 'bundledFiles: false ignores shipped certificate files',
      code: "import tls from 'tls'; import fs from 'fs'; tls.connect({ ca: [...tls.rootCertificates, fs.readFileSync('certs/corp-root.pem')] });",
      options: [{ bundledFiles: false }],
    },
    {
      name: 'setDefaultCACertificates with the system store only',
      code: "import tls from 'node:tls'; tls.setDefaultCACertificates(tls.getCACertificates('system'));",
    },
    {
      name: 'setDefaultCACertificates replacing the store with a pinned root',
      code: `import tls from 'node:tls'; ${pem} tls.setDefaultCACertificates([CORP_ROOT]);`,
    },
    { name: 'a PEM string that never reaches a TLS carrier', code: `${pem} const roots = [...require('tls').rootCertificates, CORP_ROOT]; console.log(roots.length);` },
    { name: 'a local object called https', code: `${pem} const https = { globalAgent: { options: {} } }; https.globalAgent.options.ca = CORP_ROOT;` },
    {
      name: 'NODE_EXTRA_CA_CERTS handed down unchanged',
      code: "import { spawn } from 'child_process'; spawn('node', ['x.js'], { env: { PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS } });",
    },
    { name: 'NODE_EXTRA_CA_CERTS cleared', code: "process.env.NODE_EXTRA_CA_CERTS = '';" },
    { name: 'reading NODE_EXTRA_CA_CERTS', code: 'if (process.env.NODE_EXTRA_CA_CERTS) log();' },
  ],
  invalid: [
    {
      name: 'ca: [...tls.rootCertificates, PEM] inline',
      code: `import tls from 'node:tls';\n${pem}\ntls.connect({ host, ca: [...tls.rootCertificates, CORP_ROOT] });`,
      errors: [{ messageId: 'alongsideRoots', line: 3, column: 25, data: { api: 'tls.connect', where: 'line 2' } }],
    },
    {
      name: 'a PEM literal inline with the roots from a named import',
      code: `import { rootCertificates, connect } from 'tls'; connect({ ca: [...rootCertificates, '${PEM}'] });`,
      errors: [{ messageId: 'alongsideRoots', data: { api: 'tls.connect', where: 'this line' } }],
    },
    {
      name: 'an https.Agent whose ca is built in a variable',
      code: `const https = require('https'); const tls = require('tls');\n${pem}\nconst trusted = [...tls.rootCertificates];\ntrusted.push(CORP_ROOT);\nnew https.Agent({ ca: trusted });`,
      errors: [{ messageId: 'alongsideRoots', line: 5, data: { api: 'https.Agent', where: 'line 2' } }],
    },
    {
      name: 'a copied root list with push',
      code: `import tls from 'tls';\n${pem}\nconst list = tls.rootCertificates.slice();\nlist.push(CORP_ROOT);\ntls.createSecureContext({ ca: list });`,
      errors: [{ messageId: 'alongsideRoots', line: 5 }],
    },
    {
      name: 'concat onto the roots',
      code: `import tls from 'tls'; ${pem} tls.connect({ ca: tls.rootCertificates.concat(CORP_ROOT) });`,
      errors: [{ messageId: 'alongsideRoots' }],
    },
    {
      name: 'Buffer.from of a PEM and a shipped file',
      code: `import tls from 'tls'; import { readFileSync } from 'node:fs'; ${pem}\ntls.connect({ ca: [...tls.rootCertificates, Buffer.from(CORP_ROOT), readFileSync('./certs/corp-root.pem')] });`,
      errors: [{ messageId: 'alongsideRoots', line: 2, data: { api: 'tls.connect', where: 'line 1, this line' } }],
    },
    {
      name: 'tls.setDefaultCACertificates with getCACertificates and a PEM',
      code: `import tls from 'node:tls'; ${pem} tls.setDefaultCACertificates([...tls.getCACertificates('default'), CORP_ROOT]);`,
      errors: [{ messageId: 'alongsideRoots', data: { api: 'tls.setDefaultCACertificates', where: 'this line' } }],
    },
    {
      name: 'through a helper that builds the options',
      code: `import https from 'https'; import tls from 'tls';\n${pem}\nfunction agentWith(extra) { return new https.Agent({ ca: [...tls.rootCertificates, ...extra] }); }\nagentWith([CORP_ROOT]);`,
      errors: [{ messageId: 'alongsideRoots', line: 3 }],
    },
    {
      name: 'got certificateAuthority and undici connect.ca',
      code: `import got from 'got'; import { Agent } from 'undici'; import tls from 'tls'; ${pem}\ngot(url, { https: { certificateAuthority: [...tls.rootCertificates, CORP_ROOT] } });\nnew Agent({ connect: { ca: [...tls.rootCertificates, CORP_ROOT] } });`,
      errors: [{ messageId: 'alongsideRoots', line: 2, data: { api: 'got', where: 'line 1' } }, { messageId: 'alongsideRoots', line: 3 }],
    },
    {
      name: 'https.globalAgent.options.ca assigned',
      code: `import https from 'https'; ${pem}\nhttps.globalAgent.options.ca = CORP_ROOT;`,
      errors: [{ messageId: 'processWideTrust', line: 2, data: { api: 'https.globalAgent.options.ca', where: 'line 1' } }],
    },
    {
      name: 'https.globalAgent.options.ca pushed into',
      code: `const https = require('node:https'); ${pem}\nhttps.globalAgent.options.ca.push(CORP_ROOT);`,
      errors: [{ messageId: 'processWideTrust', line: 2, column: 1, data: { api: 'https.globalAgent.options.ca.push', where: 'line 1' } }],
    },
    {
      name: 'addCACert on a default secure context',
      code: `import tls from 'tls'; ${pem} const ctx = tls.createSecureContext(); ctx.context.addCACert(CORP_ROOT);`,
      errors: [{ messageId: 'addedToStore', data: { api: 'SecureContext.context.addCACert', where: 'this line' } }],
    },
    {
      name: 'NODE_EXTRA_CA_CERTS in a child environment',
      code: "import { fork } from 'node:child_process';\nfork('./worker.js', [], { env: { ...process.env, NODE_EXTRA_CA_CERTS: '/opt/corp/root.pem' } });",
      errors: [{ messageId: 'extraCaCerts', line: 2, data: { value: "'/opt/corp/root.pem'", target: 'the process started by child_process.fork' } }],
    },
    {
      name: 'NODE_EXTRA_CA_CERTS in process.env before spawning',
      code: "const { execSync } = require('child_process');\nprocess.env.NODE_EXTRA_CA_CERTS = path.join(__dirname, 'proxy-ca.pem');\nexecSync('npm install');",
      errors: [{ messageId: 'extraCaCerts', line: 2, data: { value: 'a value computed at run time', target: 'the Node.js processes this one starts' } }],
    },
    {
      name: 'NODE_EXTRA_CA_CERTS through Object.assign and bracket access',
      code: "Object.assign(process.env, { NODE_EXTRA_CA_CERTS: '/etc/ssl/mitm.pem' });\nprocess.env['NODE_EXTRA_CA_CERTS'] = '/etc/ssl/mitm.pem';",
      errors: [{ messageId: 'extraCaCerts', line: 1 }, { messageId: 'extraCaCerts', line: 2 }],
    },
  ],
});
