#!/usr/bin/env node
// Verifies .pre-commit-hooks.yaml with the pre-commit framework (Debian's `pre-commit` package) against this
// checkout: `pre-commit try-repo` in a temporary git repository must refuse a weak file and pass a clean one.
// Run: `node tests/consumer/pre-commit.mjs` (installs nothing itself; needs `apt-get install pre-commit`).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
if (spawnSync('pre-commit', ['--version']).status !== 0) {
  console.log('pre-commit is not installed (apt-get install pre-commit): skipped');
  console.log('pre-commit: 0 passed, 0 failed');
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'keyguard-pre-commit-'));
const env = { ...process.env, PRE_COMMIT_HOME: join(dir, '.cache'), GIT_AUTHOR_NAME: 'k', GIT_AUTHOR_EMAIL: 'k@example.invalid', GIT_COMMITTER_NAME: 'k', GIT_COMMITTER_EMAIL: 'k@example.invalid' };
execFileSync('git', ['init', '-q'], { cwd: dir, env });
writeFileSync(join(dir, 'weak.js'), "const crypto = require('crypto');\ncrypto.createCipheriv('rc4', key, null);\n");
writeFileSync(join(dir, 'clean.ts'), "import { randomBytes } from 'node:crypto';\nexport const iv = randomBytes(12);\n");
writeFileSync(join(dir, 'notes.txt'), "createCipheriv('rc4')\n");
execFileSync('git', ['add', '.'], { cwd: dir, env });

let passed = 0;
let failed = 0;
function tryRepo(files) {
  const result = spawnSync('pre-commit', ['try-repo', root, 'keyguard', '--files', ...files], { cwd: dir, env, encoding: 'utf8' });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}
function check(name, ok, detail) {
  if (ok) passed++;
  else failed++;
  console.log(`  ${ok ? 'ok ' : 'FAIL'} ${name}${ok ? '' : `\n${detail}`}`);
}
const weak = tryRepo(['weak.js', 'notes.txt']);
check('try-repo refuses a file with RC4, one line per finding', weak.code === 1 && /weak\.js:2:\d+: .*\[keyguard\/no-weak-cipher\]/.test(weak.out), weak.out);
const clean = tryRepo(['clean.ts', 'notes.txt']);
check('try-repo passes clean code and skips non-JS files', clean.code === 0, clean.out);
rmSync(dir, { recursive: true, force: true });
console.log(`pre-commit: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
