#!/usr/bin/env node
// Builds dist/ when keyguard is installed from a source checkout: `npm ci` / `npm install` in the repository, and the
// pre-commit framework's install step (which then runs `npm pack` and reads the tarball name from its stdout, so the
// build cannot live in `prepare`: npm prints lifecycle banners to stdout during `npm pack`).
// Installed from the registry, the package ships dist/ and no src/, and this does nothing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'src', 'index.ts')) || !existsSync(join(root, 'tsconfig.build.json'))) process.exit(0);
let tsc;
try {
  tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  console.error('keyguard: typescript is not installed, so dist/ was not built (run `npm install` with dev dependencies)');
  process.exit(0);
}
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
