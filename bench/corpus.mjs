#!/usr/bin/env node
// Installs the pinned benchmark corpus into bench/.corpus and the peer plugins into bench/.peers, without
// running any install scripts. After this, every benchmark or sweep runs offline.
//
// The corpus is the crypto-heavy packages of bench/corpus-packages.json plus keyguard's own
// devDependencies (at the exact versions of the root package-lock.json, so the toolchain we lint with is
// also linted). Transitive versions are pinned by bench/corpus-lock.json and bench/peer-lock.json, installed
// with `npm ci`; after changing a manifest or the devDependencies, run `node bench/corpus.mjs --update-lock`
// to resolve again and rewrite the lockfiles.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const updateLock = process.argv.includes('--update-lock');
const force = process.argv.includes('--force') || updateLock;

/** keyguard's devDependencies at the versions the root lockfile installed. */
function devDependencies() {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  return Object.fromEntries(
    Object.keys(manifest.devDependencies ?? {}).map((name) => {
      const version = lock.packages?.[`node_modules/${name}`]?.version;
      if (!version) throw new Error(`bench/corpus.mjs: ${name} is not in package-lock.json; run npm install first`);
      return [name, version];
    }),
  );
}

for (const [manifestFile, lockFile, folder, withDev] of [
  ['corpus-packages.json', 'corpus-lock.json', '.corpus', true],
  ['peer-packages.json', 'peer-lock.json', '.peers', false],
]) {
  const target = join(here, folder);
  mkdirSync(target, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(here, manifestFile), 'utf8'));
  if (withDev) {
    const dev = devDependencies();
    for (const [name, version] of Object.entries(manifest.dependencies)) {
      if (dev[name] && dev[name] !== version) {
        throw new Error(`bench/corpus.mjs: ${name} is pinned at ${version} in ${manifestFile} but is ${dev[name]} as a devDependency`);
      }
    }
    manifest.dependencies = Object.fromEntries(Object.entries({ ...manifest.dependencies, ...dev }).sort(([a], [b]) => a.localeCompare(b)));
  }
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const installedManifest = join(target, 'package.json');
  const stale = !existsSync(installedManifest) || readFileSync(installedManifest, 'utf8') !== manifestText;
  if (force || stale || !existsSync(join(target, 'node_modules'))) {
    writeFileSync(installedManifest, manifestText);
    const flags = ['--ignore-scripts', '--no-audit', '--no-fund'];
    if (updateLock || !existsSync(join(here, lockFile))) {
      execFileSync('npm', ['install', ...flags], { cwd: target, stdio: 'inherit' });
      copyFileSync(join(target, 'package-lock.json'), join(here, lockFile));
      console.log(`wrote bench/${lockFile}`);
    } else {
      copyFileSync(join(here, lockFile), join(target, 'package-lock.json'));
      try {
        execFileSync('npm', ['ci', ...flags], { cwd: target, stdio: 'inherit' });
      } catch {
        rmSync(join(target, 'package-lock.json'), { force: true });
        console.error(`npm ci failed in bench/${folder}: if ${manifestFile} or the devDependencies changed, run \`node bench/corpus.mjs --update-lock\``);
        process.exit(1);
      }
    }
  }
  console.log(`ready: ${target}`);
}
