#!/usr/bin/env node
// A paired measurement of what one configuration adds over another on the same files, for differences
// too small for separate timed runs (the no-crypto target is 2%, while separate runs of one configuration
// on a shared machine differ by up to 20%). One process holds both ESLint instances; the file list is cut
// into batches and every batch is linted by both, in alternating order, timing the process's CPU time
// (user + system, which other processes on the machine do not inflate the way they inflate wall time).
// Drift in machine load, JIT state or heap size then hits both sides of each pair alike. The first round
// is a warm-up and is discarded.
// Usage: node bench/paired.mjs <configA> <configB> <file-list.json> [--rounds N] [--batch N]
// (`baseline baseline#2` is an A/A run: the same configuration twice, which should measure about 0%.)
// Prints one JSON line: { a, b, files, rounds: [{ aMs, bMs, aWallMs, bWallMs }], aMs, bMs, overhead, wallOverhead, pairs, engineMs }.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { corpusESLint, dist } from './configs.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const [a, b, listFile] = args;
const rounds = option('rounds', 4);
const batchSize = option('batch', 100);
const files = JSON.parse(readFileSync(listFile, 'utf8'));
const { engineStats } = await import(join(dist, 'src/engine/analysis.js'));

// `name#2` is `name` again, for an A/A run that shows the method's own resolution.
const make = (name) => corpusESLint(name.replace(/#.*$/, ''));
const linters = { [a]: await make(a), [b]: await make(b) };

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const batches = [];
for (let i = 0; i < files.length; i += batchSize) batches.push(files.slice(i, i + batchSize));

const kept = [];
/** per-batch ratios b/a of the measured rounds, for the spread */
const pairs = [];
let engineMs = 0;
for (let round = 0; round < rounds; round++) {
  const totals = { [a]: 0, [b]: 0 };
  const wall = { [a]: 0, [b]: 0 };
  const engineBefore = engineStats.ms;
  for (const [index, batch] of batches.entries()) {
    const order = (round + index) % 2 === 0 ? [a, b] : [b, a];
    const spent = {};
    for (const name of order) {
      const start = cpuMs();
      const wallStart = performance.now();
      await linters[name].lintFiles(batch);
      spent[name] = cpuMs() - start;
      totals[name] += spent[name];
      wall[name] += performance.now() - wallStart;
    }
    if (round > 0) pairs.push(spent[b] / spent[a]);
  }
  if (round > 0) {
    kept.push({ aMs: totals[a], bMs: totals[b], aWallMs: wall[a], bWallMs: wall[b] });
    engineMs += engineStats.ms - engineBefore;
  }
  process.stderr.write(`paired round ${round + 1}${round === 0 ? ' (warm-up)' : ''}: ${a} ${(totals[a] / 1000).toFixed(2)} s, ${b} ${(totals[b] / 1000).toFixed(2)} s CPU; wall ${(wall[a] / 1000).toFixed(2)} s, ${(wall[b] / 1000).toFixed(2)} s\n`);
}
const sum = (key) => kept.reduce((total, r) => total + r[key], 0);
const sorted = [...pairs].sort((x, y) => x - y);
const quantile = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
console.log(
  JSON.stringify({
    a,
    b,
    files: files.length,
    rounds: kept,
    aMs: sum('aMs'),
    bMs: sum('bMs'),
    overhead: sum('bMs') / sum('aMs') - 1,
    // Wall time of the same batches: CPU time also counts V8's helper threads (concurrent GC, compilation),
    // which run on an otherwise idle core and add little to how long a lint takes.
    wallOverhead: sum('bWallMs') / sum('aWallMs') - 1,
    pairs: { count: pairs.length, p25: quantile(0.25) - 1, median: quantile(0.5) - 1, p75: quantile(0.75) - 1 },
    // keyguard's own measured time over the measured rounds (its engine counters are process-wide)
    engineMs,
  }),
);
