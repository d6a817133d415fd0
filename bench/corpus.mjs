#!/usr/bin/env node
// Installs the pinned benchmark corpus (bench/corpus-packages.json) into bench/.corpus, without running
// any install scripts. After this, the corpus is on disk and every benchmark or sweep runs offline.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// The corpus (linted) and the peer plugins (measured beside keyguard) live in separate folders.
for (const [manifest, folder] of [
  ['corpus-packages.json', '.corpus'],
  ['peer-packages.json', '.peers'],
]) {
  const target = join(here, folder);
  mkdirSync(target, { recursive: true });
  copyFileSync(join(here, manifest), join(target, 'package.json'));
  if (process.argv.includes('--force') || !existsSync(join(target, 'node_modules'))) {
    execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock'], { cwd: target, stdio: 'inherit' });
  }
  console.log(`ready: ${target}`);
}
