#!/usr/bin/env node
// Where a configuration's overhead goes: each round lints the listed files once per configuration, each in a fresh
// process under V8's CPU profiler (one sample per millisecond), one process at a time, the order alternating between
// rounds; then sums every profile's samples by what ran: keyguard's code, the garbage collector, ESLint, the
// TypeScript parser, espree, and the rest. The interleaved bench (bench/interleave.mjs) says how much slower a
// configuration is; this says which part of the process spends the difference, so time that is not keyguard's
// own code (more garbage collection, ESLint's per-rule work) shows as such. Profiling slows every process alike.
// Usage: node bench/account.mjs <file-list.json> [config ...] [--rounds N] [--modules]
//   (default: baseline recommended, 2 rounds; --modules also splits keyguard's part by its own module, self time)
// The list holds absolute paths (bench/.work/files.json after `npm run bench`); KEYGUARD_DIST picks the build.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { dist as configuredDist } from './configs.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 2;
const byModule = args.includes('--modules');
const positional = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--rounds');
const [listFile, ...named] = positional;
if (!listFile || !Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: node bench/account.mjs <file-list.json> [config ...] [--rounds N]');
  process.exit(2);
}
const configs = named.length ? named : ['baseline', 'recommended'];
// absolute, so that profile URLs (file:///...) can be matched against it
const dist = resolve(configuredDist);

// The child: lint the list in batches of 50, as a bench worker does.
const CHILD = `
const { readFileSync } = await import('node:fs');
const { corpusESLint } = await import(${JSON.stringify(join(here, 'configs.mjs'))});
const files = JSON.parse(readFileSync(process.argv[1], 'utf8'));
const eslint = await corpusESLint(process.argv[2]);
for (let i = 0; i < files.length; i += 50) await eslint.lintFiles(files.slice(i, i + 50));
`;

const PARTS = ['keyguard', 'garbage collector', 'ESLint', 'TypeScript parser', 'espree', 'other'];

/** What a profile node's function belongs to. */
function partOf(callFrame) {
  const { url, functionName } = callFrame;
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (url.startsWith(`file://${dist}/`) || url.startsWith(dist)) return 'keyguard';
  if (url.includes('/node_modules/eslint/')) return 'ESLint';
  if (url.includes('/node_modules/typescript/') || url.includes('/node_modules/@typescript-eslint/')) return 'TypeScript parser';
  if (url.includes('/node_modules/espree/') || url.includes('/node_modules/acorn')) return 'espree';
  return 'other';
}

/** keyguard's module of a profile node (`src/engine/evaluator.js`), or null for anything else. */
function moduleOf(callFrame) {
  const { url } = callFrame;
  const start = url.startsWith(`file://${dist}/`) ? `file://${dist}/`.length : url.startsWith(`${dist}/`) ? dist.length + 1 : -1;
  return start < 0 ? null : url.slice(start);
}

/** Seconds of samples per part in one profile, and their total; with --modules, also keyguard's by module. */
function account(profileFile) {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
  const part = new Map(profile.nodes.map((node) => [node.id, partOf(node.callFrame)]));
  const module = new Map(profile.nodes.map((node) => [node.id, moduleOf(node.callFrame)]));
  const seconds = Object.fromEntries([...PARTS, 'total'].map((name) => [name, 0]));
  const modules = {};
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i] ?? 0) / 1e6;
    seconds[part.get(id)] += delta;
    seconds.total += delta;
    const name = module.get(id);
    if (name) modules[name] = (modules[name] ?? 0) + delta;
  });
  return { ...seconds, modules };
}

const results = Object.fromEntries(configs.map((config) => [config, []]));
for (let round = 0; round < rounds; round++) {
  const order = round % 2 ? [...configs].reverse() : configs;
  for (const config of order) {
    const dir = mkdtempSync(join(tmpdir(), 'keyguard-account-'));
    try {
      execFileSync(
        process.execPath,
        ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '1000', '--input-type=module', '-e', CHILD, listFile, config],
        { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, KEYGUARD_DIST: dist } },
      );
      const seconds = account(join(dir, readdirSync(dir)[0]));
      results[config].push(seconds);
      console.error(`round ${round + 1}: ${config} ${seconds.total.toFixed(1)} s profiled`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
const value = (config, name) => mean(results[config].map((seconds) => seconds[name]));
const reference = configs[0];
const referenceTotal = value(reference, 'total');
const row = (cells) => `| ${cells.join(' | ')} |`;
const table = [row(['part', ...configs, ...configs.slice(1).map((config) => `${config} − ${reference}`)])];
table.push(`| --- |${' ---: |'.repeat(configs.length * 2 - 1)}`);
for (const name of [...PARTS, 'total']) {
  const cells = configs.map((config) => value(config, name).toFixed(2));
  const diffs = configs.slice(1).map((config) => {
    const diff = value(config, name) - value(reference, name);
    return `${diff >= 0 ? '+' : ''}${diff.toFixed(2)} (${((100 * diff) / referenceTotal).toFixed(1)}%)`;
  });
  table.push(row([name, ...cells, ...diffs]));
}
console.log(`Seconds of CPU-profile samples, mean of ${rounds} round(s); differences also as a share of ${reference}'s total.\n`);
console.log(table.join('\n'));
if (byModule) {
  for (const config of configs) {
    const totals = {};
    for (const { modules } of results[config]) for (const [name, value] of Object.entries(modules)) totals[name] = (totals[name] ?? 0) + value / rounds;
    const rows = Object.entries(totals).filter(([, value]) => value >= 0.01).sort((a, b) => b[1] - a[1]);
    if (!rows.length) continue;
    console.log(`\nkeyguard's self time by module, ${config} (seconds, mean of ${rounds} round(s)):\n\n| module | seconds |\n| --- | ---: |`);
    for (const [name, value] of rows) console.log(`| ${name} | ${value.toFixed(2)} |`);
  }
}
console.log(`\nPer round, total seconds: ${configs.map((config) => `${config} ${results[config].map((seconds) => seconds.total.toFixed(1)).join(' / ')}`).join('; ')}`);
