#!/usr/bin/env node
// Where keyguard's time goes: lints a file list one file at a time in one process and sums ESLint's per-rule
// `stats` over it, with the engine's own time (which the stats charge to the first keyguard rule on a file).
// Usage: node bench/per-rule.mjs <file-list.json> [config, default recommended] [substring to filter files]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { addRuleTimes, corpusESLint, dist } from './configs.mjs';

const [listFile, config = 'recommended', filter] = process.argv.slice(2);
const { engineStats } = await import(join(dist, 'src/engine/analysis.js'));
let files = JSON.parse(readFileSync(listFile, 'utf8'));
if (filter) files = files.filter((file) => file.includes(filter));
const eslint = await corpusESLint(config, { stats: true });
const perRule = {};
const engineBefore = engineStats.ms;
for (const file of files) {
  const [result] = await eslint.lintFiles([file]);
  addRuleTimes(perRule, result);
}
const keyguard = Object.entries(perRule).filter(([rule]) => rule.startsWith('keyguard/'));
console.log(`${files.length} files; keyguard rules ${keyguard.reduce((sum, [, ms]) => sum + ms, 0).toFixed(0)} ms, of which engine ${(engineStats.ms - engineBefore).toFixed(0)} ms`);
for (const [rule, ms] of Object.entries(perRule).sort((x, y) => y[1] - x[1])) console.log(`${ms.toFixed(0).padStart(8)}  ${rule}`);
