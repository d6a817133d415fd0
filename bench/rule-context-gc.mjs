#!/usr/bin/env node
// What one enabled rule that does nothing costs ESLint, and whether the way ESLint builds rule contexts is the
// cause: a self-contained reproduction for an upstream report, needing only `npm ci` (no corpus). It lints the
// JavaScript files of this repository's node_modules with ESLint's Linter, in a fresh process per run, with
// (a) zero rules, (b) one rule whose create() returns {} and (c) the same rule with ESLint's `FileContext#extend`
// patched to return a flat frozen copy instead of `Object.create(fileContext)` (bench/configs.mjs'
// flattenRuleContexts, the `~flat-context` diagnostic). It prints each configuration's median wall time,
// main-thread CPU time, garbage-collection time and number of major collections (from PerformanceObserver).
// Not part of `npm test`.
// Usage: node bench/rule-context-gc.mjs [--files N (1500)] [--runs N (6)]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { threadMs } from './clock.mjs';
import { flattenRuleContexts, noopRules } from './configs.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CONFIGS = ['zero-rules', 'one-rule', 'one-rule-flat'];

if (args[0] === '--child') {
  const [, config, listFile] = args;
  const { Linter } = await import('eslint');
  if (config === 'one-rule-flat') flattenRuleContexts();
  const base = { languageOptions: { ecmaVersion: 'latest', sourceType: 'module' }, linterOptions: { reportUnusedDisableDirectives: 'off' } };
  const flatConfig = config === 'zero-rules' ? [base] : [base, noopRules(['r0'])];
  const texts = JSON.parse(readFileSync(listFile, 'utf8')).map((file) => readFileSync(file, 'utf8'));
  let gcMs = 0;
  let major = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      if (entry.detail?.kind !== 1) major++; // 1: scavenge (young generation)
    }
  }).observe({ entryTypes: ['gc'] });
  const linter = new Linter();
  const start = performance.now();
  const threadStart = threadMs();
  for (const text of texts) linter.verify(text, flatConfig, { filename: 'file.js' });
  const wallMs = performance.now() - start;
  const threadEnd = threadMs();
  const cpuMs = threadStart === null || threadEnd === null ? Number.NaN : threadEnd - threadStart;
  await new Promise((done) => setTimeout(done, 50)); // let the observer deliver the last entries
  console.log(JSON.stringify({ config, wallMs, cpuMs, gcMs, major }));
  process.exit(0);
}

/** Non-minified .js files of node_modules, in a stable order. */
function collect(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, out);
    else if (entry.isFile() && /\.[cm]?js$/.test(entry.name) && !/\.min\.js$/.test(entry.name)) {
      const size = statSync(path).size;
      if (size > 200 && size < 200_000) out.push(path);
    }
  }
  return out;
}
const files = collect(join(root, 'node_modules'), []).slice(0, option('files', 1500));
mkdirSync(join(here, '.work'), { recursive: true });
const listFile = join(here, '.work', 'rule-context-files.json');
writeFileSync(listFile, JSON.stringify(files));
const runs = option('runs', 6);
const results = Object.fromEntries(CONFIGS.map((config) => [config, []]));
for (let run = 0; run < runs; run++) {
  // rotate the order, so each configuration runs first, second and third equally often
  const order = CONFIGS.map((_, i) => CONFIGS[(i + run) % CONFIGS.length]);
  for (const config of order) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', config, listFile]);
    results[config].push(JSON.parse(out.toString()));
  }
  console.error(`run ${run + 1}/${runs}`);
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`${files.length} files from node_modules, ${runs} fresh processes per configuration, medians:`);
console.log('| configuration | wall (ms) | main-thread CPU (ms) | GC (ms) | major GCs per run |');
console.log('| --- | ---: | ---: | ---: | --- |');
for (const config of CONFIGS) {
  const rows = results[config];
  console.log(`| ${config} | ${median(rows.map((r) => r.wallMs)).toFixed(0)} | ${median(rows.map((r) => r.cpuMs)).toFixed(0)} | ${median(rows.map((r) => r.gcMs)).toFixed(0)} | ${rows.map((r) => r.major).join(', ')} |`);
}
