#!/usr/bin/env node
// Where the spread of an interleaved overhead comes from. The overhead of a configuration over the reference moves
// from round to round (each round has its own processes); this splits the variance of a round's total difference
// into the batches' own variances, and names the batches that carry most of it, with their largest files and what
// each adds on average. It also shows each round's overhead with and without the noisiest batch, as a diagnostic
// of the method only: the report's overhead is always over every batch.
// Usage: node bench/noise.mjs <raw.json> [config, default recommended] [--measure wallMs|threadMs|cpuMs] [--top N]
//   [--reference <config>: the configuration compared against, the run's first by default]
//   [--batch N: the batch size of an interleave.mjs run, 50 by default]
//   <raw.json>: `node bench/interleave.mjs ... --raw <raw.json>`, or bench/.work/run-raw.json (`npm run bench`: its
//   whole-corpus section, whose batches are cut from bench/.work/files.json).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { overhead } from './interleave.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const positional = args.filter((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
const [rawFile, config = 'recommended'] = positional;
if (!rawFile) {
  console.error('usage: node bench/noise.mjs <raw.json> [config] [--measure wallMs|threadMs|cpuMs] [--top N] [--reference config] [--batch N]');
  process.exit(2);
}
const measure = option('measure', 'wallMs');
if (!['wallMs', 'threadMs', 'cpuMs'].includes(measure)) {
  console.error(`--measure: wallMs, threadMs or cpuMs, not ${measure}`);
  process.exit(2);
}
const top = Number(option('top', 4));

const data = JSON.parse(readFileSync(rawFile, 'utf8'));
// interleave.mjs --raw: { files, raw: { config: batches } }; run.mjs: { batch, corpus: { config: { batches } } }
const section = data.raw ?? data.corpus;
const batchesOf = (name) => (Array.isArray(section?.[name]) ? section[name] : section?.[name]?.batches);
const reference = option('reference', Object.keys(section ?? {})[0]);
const base = batchesOf(reference);
const other = batchesOf(config);
if (!base || !other || reference === config) {
  console.error(`${rawFile}: no batches of ${config} against a reference (have: ${Object.keys(section ?? {}).join(', ')})`);
  process.exit(2);
}
const files = data.files ?? (existsSync(join(here, '.work', 'files.json')) ? JSON.parse(readFileSync(join(here, '.work', 'files.json'), 'utf8')) : null);
// interleave.mjs --raw does not record its --batch: pass the same --batch here if it was not 50.
const batchSize = Number(option('batch', data.batch ?? 50));

const key = (each) => `${each.round}:${each.batch}`;
const paired = new Map(other.map((each) => [key(each), each]));
const pairs = base.filter((each) => paired.has(key(each)) && each[measure] != null).map((each) => ({ round: each.round, batch: each.batch, a: each[measure], b: paired.get(key(each))[measure] }));
if (!pairs.length) {
  console.error(`${rawFile}: no paired batches with ${measure}`);
  process.exit(2);
}
const group = (by) => {
  const groups = new Map();
  for (const pair of pairs) {
    if (!groups.has(pair[by])) groups.set(pair[by], []);
    groups.get(pair[by]).push(pair);
  }
  return [...groups].sort((x, y) => x[0] - y[0]);
};
const byRound = group('round');
const byBatch = group('batch');

const mean = (list) => list.reduce((sum, x) => sum + x, 0) / list.length;
const variance = (list) => {
  const m = mean(list);
  return list.length > 1 ? list.reduce((sum, x) => sum + (x - m) ** 2, 0) / (list.length - 1) : 0;
};

const perBatch = byBatch.map(([batch, mine]) => {
  const diffs = mine.map((pair) => pair.b - pair.a);
  return { batch, reference: mean(mine.map((pair) => pair.a)), meanDiff: mean(diffs), variance: variance(diffs) };
});
const total = perBatch.reduce((sum, each) => sum + each.variance, 0);
const noisiest = [...perBatch].sort((x, y) => y.variance - x.variance);
const ms = (x) => `${(x / 1000).toFixed(1)} s`;
const pct = (x) => `${(x * 100).toFixed(1)}%`;

const overall = (list) => list.reduce((sum, pair) => sum + pair.b, 0) / list.reduce((sum, pair) => sum + pair.a, 0) - 1;
// The headline is the report's own estimate (the same bootstrap as bench/interleave.mjs), on these pairs.
const side = (pick) => ({ batches: pairs.map((pair) => ({ round: pair.round, [measure]: pick(pair) })) });
const headline = overhead(side((pair) => pair.a), side((pair) => pair.b), measure);
console.log(
  `${config} over ${reference} (${measure}), ${byRound.length} rounds of ${byBatch.length} batches: ${pct(headline.value)} (95% interval ${pct(headline.low)} to ${pct(headline.high)})`,
);
console.log(`standard deviation of a round's total difference, from the batches' own variances: ${ms(Math.sqrt(total))}`);
console.log('noisiest batches (share of that variance, mean difference, its reference time, largest files):');
for (const each of noisiest.slice(0, top)) {
  const names = files
    ? files
        .slice(each.batch * batchSize, (each.batch + 1) * batchSize)
        .map((file) => [file, existsSync(file) ? statSync(file).size : 0])
        .sort((x, y) => y[1] - x[1])
        .slice(0, 2)
        .map(([file, size]) => `${relative(join(here, '.corpus', 'node_modules'), file)} (${(size / 1e6).toFixed(1)} MB)`)
        .join(', ')
    : '';
  console.log(
    `  batch ${each.batch}: ${pct(each.variance / total)} of the variance, mean difference ${ms(each.meanDiff)} (sd ${ms(Math.sqrt(each.variance))}), reference ${ms(each.reference)}; ${names}`,
  );
}
const worst = noisiest[0].batch;
const without = pairs.filter((pair) => pair.batch !== worst);
console.log(`per round, with every batch / without batch ${worst} (diagnostic only):`);
for (const [round, mine] of byRound) {
  console.log(`  round ${round}: ${pct(overall(mine))} / ${pct(overall(mine.filter((pair) => pair.batch !== worst)))}`);
}
console.log(`all rounds without batch ${worst}: ${pct(overall(without))}`);
