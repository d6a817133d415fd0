#!/usr/bin/env node
// Wall time, process CPU time and garbage-collection pauses of one configuration over a file list, in
// batches of 100 files. Run it once per configuration, each in a fresh process, to split an overhead
// into rule time (bench/per-rule.mjs), GC pauses and work on helper threads (CPU minus wall).
// Usage: node bench/gc.mjs <file-list.json> <config: baseline|recommended|strict|peer-...>
import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';

import { corpusESLint } from './configs.mjs';

const [listFile, config] = process.argv.slice(2);
const files = JSON.parse(readFileSync(listFile, 'utf8'));
let gcMs = 0;
let gcCount = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMs += entry.duration;
    gcCount++;
  }
}).observe({ entryTypes: ['gc'] });
const eslint = await corpusESLint(config);
const cpuBefore = process.cpuUsage();
const start = performance.now();
for (let i = 0; i < files.length; i += 100) await eslint.lintFiles(files.slice(i, i + 100));
const wall = performance.now() - start;
const cpu = process.cpuUsage(cpuBefore);
await new Promise((resolve) => setTimeout(resolve, 100));
console.log(`${config}: wall ${(wall / 1000).toFixed(1)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, GC pauses ${(gcMs / 1000).toFixed(1)} s (${gcCount})`);
