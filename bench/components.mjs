#!/usr/bin/env node
// The engine's parts timed on their own, for two builds on the same files: each file is parsed once (ESLint's
// Linter, one private rule), then each build builds, at Program:exit, its file index, its facts, its key-material
// flows, and every source kind, REPS times, the two builds alternating. Without the parse and the rules in the
// measurement, an engine change of a few percent shows, which bench/ab.mjs (whole lints) cannot resolve. The
// counts (facts, flows, sources) must match when a change is meant to keep the results.
// Usage: node bench/components.mjs <file-list.json> <dist A> <dist B>   (REPS=2 by default)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Linter } from 'eslint';

import { configFor } from './configs.mjs';

const [listFile, ...dirs] = process.argv.slice(2);
if (dirs.length !== 2) {
  console.error('usage: node bench/components.mjs <file-list.json> <dist A> <dist B>');
  process.exit(2);
}
const files = JSON.parse(readFileSync(listFile, 'utf8'));
const REPS = Number(process.env.REPS ?? 2);
const builds = await Promise.all(
  dirs.map(async (dir) => {
    const src = join(resolve(dir), 'src/engine');
    const { FileIndex } = await import(join(src, 'file-index.js'));
    const { FileAnalysis } = await import(join(src, 'analysis.js'));
    const { getRegistry } = await import(join(src, 'registry.js'));
    return { dir, FileIndex, FileAnalysis, registry: getRegistry(), ms: { index: 0, facts: 0, keyFlows: 0, otherKinds: 0 }, counts: { facts: 0, flows: 0, sources: 0 } };
  }),
);

let analysed = 0;
let tooLarge = 0;
function measure(sourceCode) {
  if (!builds[0].registry.hasTrigger(sourceCode.text)) return;
  for (let rep = 0; rep < REPS; rep++) {
    for (let k = 0; k < 2; k++) {
      const build = builds[(analysed + tooLarge + rep + k) % 2];
      const start = performance.now();
      const index = new build.FileIndex(sourceCode, build.registry);
      const afterIndex = performance.now();
      if (index.truncated) {
        tooLarge++;
        return;
      }
      const analysis = new build.FileAnalysis(sourceCode, build.registry, index);
      const afterFacts = performance.now();
      const flows = analysis.dataflow.flows('key-material');
      const afterKey = performance.now();
      const sources = analysis.dataflow.allSources();
      build.ms.index += afterIndex - start;
      build.ms.facts += afterFacts - afterIndex;
      build.ms.keyFlows += afterKey - afterFacts;
      build.ms.otherKinds += performance.now() - afterKey;
      if (rep === 0) {
        build.counts.facts += analysis.facts.length;
        build.counts.flows += flows.length;
        build.counts.sources += sources.length;
      }
    }
  }
  analysed++;
}

const probe = { meta: { schema: [] }, create: (context) => ({ 'Program:exit': () => measure(context.sourceCode) }) };
// The bench's parsers (TypeScript's for TS, espree for JS) with one private rule and no other.
const config = [...(await configFor('baseline')), { plugins: { bench: { rules: { probe } } }, rules: { 'bench/probe': 'error' } }];
const linter = new Linter({ configType: 'flat' });
for (const file of files) {
  try {
    linter.verify(readFileSync(file, 'utf8'), config, file);
  } catch (error) {
    console.error(`${file}: ${String(error?.message ?? error).split('\n')[0]}`);
  }
}
console.log(`${analysed} files analysed (${tooLarge} more too large), ${REPS} repetitions per build; ms per repetition:`);
for (const build of builds) {
  const ms = Object.entries(build.ms).map(([part, total]) => `${part} ${(total / REPS).toFixed(0)}`);
  const counts = Object.entries(build.counts).map(([what, n]) => `${what} ${n}`);
  console.log(`${build.dir}: ${ms.join(', ')}; ${counts.join(', ')}`);
}
