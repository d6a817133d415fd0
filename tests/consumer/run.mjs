#!/usr/bin/env node
// Consumer tests (the editor path): pack keyguard, install the tarball into fresh projects under ESLint 10 and
// ESLint 9, and lint there exactly as a user's editor or CI would, through the ESLint Node API and the eslint
// CLI, with eslint.config.mjs and eslint.config.cjs, the config in the array and through `extends`.
// Run: `npm run test:consumer` (CI runs it after `npm test`). Uses the npm cache; needs the npm registry once.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const HUSKY = 'husky@9.1.7';
const LINT_STAGED = 'lint-staged@16.4.0';
const ESLINT_VERSIONS = process.env.KEYGUARD_CONSUMER_ESLINT?.split(',') ?? ['10.15.0', '9.39.5'];
const work = mkdtempSync(join(tmpdir(), 'keyguard-consumer-'));
let passed = 0;
let failed = 0;

function check(name, condition, detail = '') {
  if (condition) {
    passed++;
    console.log(`  ok  ${name}`);
  } else {
    failed++;
    console.log(`  FAIL ${name}${detail ? `\n       ${detail}` : ''}`);
  }
}

function sh(cmd, args, cwd, allowFailure = false) {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if (allowFailure) return error.stdout ?? '';
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
  }
}

const SAMPLES = {
  'src/weak.js': "const crypto = require('crypto');\ncrypto.createCipheriv('des-ede3-cbc', key, iv);\n",
  'src/weak.ts': "import { generateKeyPairSync } from 'node:crypto';\nexport const pair = generateKeyPairSync('rsa', { modulusLength: 1024 });\n",
  'src/policy.ts': "import { generateKeyPairSync } from 'node:crypto';\nexport const pair = generateKeyPairSync('rsa', { modulusLength: 3072 });\n",
  'src/clean.mjs': "import { createCipheriv, randomBytes } from 'node:crypto';\nexport const c = createCipheriv('aes-256-gcm', key, randomBytes(12));\n",
};

const CONFIGS = {
  'array.mjs': "import keyguard from 'eslint-plugin-keyguard';\nexport default [...keyguard.configs.recommended];\n",
  'extends.mjs':
    "import { defineConfig } from 'eslint/config';\nimport keyguard from 'eslint-plugin-keyguard';\nexport default defineConfig([{ files: ['src/**'], extends: [keyguard.configs.recommended] }]);\n",
  'array.cjs': "const keyguard = require('eslint-plugin-keyguard');\nmodule.exports = [...keyguard.configs.recommended];\n",
  'extends.cjs':
    "const { defineConfig } = require('eslint/config');\nconst keyguard = require('eslint-plugin-keyguard');\nmodule.exports = defineConfig([{ files: ['src/**'], extends: [keyguard.configs.recommended] }]);\n",
  'settings.mjs':
    "import keyguard from 'eslint-plugin-keyguard';\nexport default [...keyguard.configs.recommended, { settings: { keyguard: { minRsaBits: 4096 } } }];\n",
};

// What a recommended run must report on the samples: file -> rule ids.
const EXPECTED = {
  'src/weak.js': ['keyguard/no-weak-cipher'],
  'src/weak.ts': ['keyguard/no-weak-key-size'],
};

console.log('packing keyguard...');
const packed = sh('npm', ['pack', '--silent', '--pack-destination', work], root).trim().split('\n').pop();
const tarball = join(work, packed);

for (const version of ESLINT_VERSIONS) {
  const major = version.split('.')[0];
  console.log(`\nESLint ${version}`);
  const dir = join(work, `eslint-${major}`);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-eslint-${major}`, private: true, version: '1.0.0' }));
  for (const [path, text] of Object.entries(SAMPLES)) writeFileSync(join(dir, path), text);
  for (const [name, text] of Object.entries(CONFIGS)) writeFileSync(join(dir, `eslint.${name}`), text);
  sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, `eslint@${version}`], dir);

  // The editor path: the ESLint Node API from the consumer's own node_modules, in a child process.
  const probe = `
    const { ESLint } = require('eslint');
    (async () => {
      const out = {};
      for (const file of ${JSON.stringify(Object.keys(CONFIGS).map((name) => `eslint.${name}`))}) {
        const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: file });
        const results = await eslint.lintFiles(['src']);
        out[file] = results.map((r) => ({
          file: require('path').relative(process.cwd(), r.filePath),
          messages: r.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, suggestions: (m.suggestions || []).length, fatal: !!m.fatal })),
        }));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
  `;
  const api = JSON.parse(sh(process.execPath, ['-e', probe], dir));
  const byFile = (results) => Object.fromEntries(results.filter((r) => r.messages.length).map((r) => [r.file, r.messages.map((m) => m.ruleId).sort()]));
  for (const name of ['array.mjs', 'extends.mjs', 'array.cjs', 'extends.cjs']) {
    const got = byFile(api[`eslint.${name}`]);
    check(`ESLint ${major}: eslint.${name} reports the expected findings`, JSON.stringify(got) === JSON.stringify(EXPECTED), JSON.stringify(got));
  }
  const withSettings = byFile(api['eslint.settings.mjs']);
  check(`ESLint ${major}: settings.keyguard overrides take effect`, JSON.stringify(withSettings['src/policy.ts']) === JSON.stringify(['keyguard/no-weak-key-size']), JSON.stringify(withSettings));
  const weakTs = api['eslint.array.mjs'].find((r) => r.file === 'src/weak.ts');
  check(`ESLint ${major}: suggestions come back through the API`, weakTs?.messages[0]?.suggestions === 1, JSON.stringify(weakTs));

  // The CLI path: plain, --cache (twice: cold and warm) and --concurrency 2 must agree.
  const eslintBin = join(dir, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const cli = (...args) =>
    JSON.parse(sh(process.execPath, [eslintBin, '--config', 'eslint.array.mjs', '--format', 'json', ...args, 'src'], dir, true)).map((r) => ({
      file: r.filePath.slice(dir.length + 1),
      messages: r.messages.map((m) => `${m.ruleId}:${m.line}:${m.column}`),
    }));
  const plain = JSON.stringify(cli());
  check(`ESLint ${major}: CLI run matches the API run`, JSON.stringify(Object.fromEntries(JSON.parse(plain).filter((r) => r.messages.length).map((r) => [r.file, r.messages.map((m) => m.split(':')[0]).sort()]))) === JSON.stringify(EXPECTED), plain);
  const cold = JSON.stringify(cli('--cache', '--cache-location', join(dir, '.eslintcache')));
  const warm = JSON.stringify(cli('--cache', '--cache-location', join(dir, '.eslintcache')));
  check(`ESLint ${major}: --cache gives the same results (cold and warm)`, cold === plain && warm === plain, `${cold}\n${warm}`);
  const help = sh(process.execPath, [eslintBin, '--help'], dir);
  if (help.includes('--concurrency')) {
    const concurrent = JSON.stringify(cli('--concurrency', '2'));
    check(`ESLint ${major}: --concurrency 2 gives the same results`, concurrent === plain, concurrent);
  } else {
    console.log(`  (ESLint ${version} has no --concurrency)`);
  }
  // keyguard's own CLI, installed from the tarball.
  const kgOut = sh(join(dir, 'node_modules', '.bin', 'keyguard'), ['--format', 'json', 'src'], dir, true);
  let kgFiles = [];
  try {
    kgFiles = JSON.parse(kgOut).map((r) => r.filePath).sort();
  } catch {
    // left empty: the check below fails with the output
  }
  check(`ESLint ${major}: the keyguard CLI installed from the tarball works`, JSON.stringify(kgFiles) === JSON.stringify(Object.keys(EXPECTED).sort()), kgOut);
}

// ---------------------------------------------------------------- hooks, as the README shows them
/** The code block that follows `<!-- snippet: name -->` in the README. */
function snippet(name) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const match = new RegExp(`<!-- snippet: ${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!match) throw new Error(`README has no snippet ${name}`);
  return match[1];
}

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'k', GIT_AUTHOR_EMAIL: 'k@example.invalid', GIT_COMMITTER_NAME: 'k', GIT_COMMITTER_EMAIL: 'k@example.invalid' };
function git(dir, args, allowFailure = false) {
  try {
    return { code: 0, out: execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (error) {
    if (!allowFailure) throw error;
    return { code: error.status ?? 1, out: `${error.stdout ?? ''}${error.stderr ?? ''}` };
  }
}

/** A fresh repository with keyguard installed from the tarball, a weak and a clean file. */
function hookProject(name, extraPackages = []) {
  const dir = join(work, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, version: '1.0.0' }, null, 2));
  for (const [path, text] of Object.entries(SAMPLES)) writeFileSync(join(dir, path), text);
  git(dir, ['init', '-q']);
  sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, `eslint@${ESLINT_VERSIONS[0]}`, ...extraPackages], dir);
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
  return dir;
}

console.log('\nhooks');
{
  const dir = hookProject('git-hook');
  const hook = join(dir, '.git', 'hooks', 'pre-commit');
  writeFileSync(hook, snippet('git-hook'), { mode: 0o755 });
  git(dir, ['add', 'package.json', '.gitignore', 'src/clean.mjs']);
  const clean = git(dir, ['commit', '-q', '-m', 'clean'], true);
  check('plain git hook: a clean commit passes', clean.code === 0, clean.out);
  git(dir, ['add', 'src/weak.js']);
  const weak = git(dir, ['commit', '-q', '-m', 'weak'], true);
  check('plain git hook: a commit with a weak cipher is refused, one line per finding', weak.code !== 0 && /src\/weak\.js:2:\d+: .*\[keyguard\/no-weak-cipher\]/.test(weak.out), weak.out);
}
{
  const dir = hookProject('husky-lint-staged', [HUSKY, LINT_STAGED]);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  Object.assign(pkg, JSON.parse(snippet('lint-staged')));
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  execFileSync('sh', ['-c', snippet('husky')], { cwd: dir, env: GIT_ENV, stdio: 'ignore' });
  git(dir, ['add', 'package.json', '.gitignore', '.husky', 'src/clean.mjs']);
  const clean = git(dir, ['commit', '-q', '-m', 'clean'], true);
  check('husky + lint-staged: a clean commit passes', clean.code === 0, clean.out);
  git(dir, ['add', 'src/weak.ts']);
  const weak = git(dir, ['commit', '-q', '-m', 'weak'], true);
  check('husky + lint-staged: a commit with a weak key size is refused', weak.code !== 0 && /keyguard\/no-weak-key-size/.test(weak.out), weak.out);
}

rmSync(work, { recursive: true, force: true });
console.log(`\nconsumer: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
