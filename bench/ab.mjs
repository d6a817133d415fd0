#!/usr/bin/env node
// Two builds of keyguard compared on the same files in one process: each file is linted by build A and
// by build B back to back (alternating which goes first), and keyguard's rule time (ESLint stats, shared
// analysis included) is summed per build. Pairing file by file cancels most of a noisy machine's drift,
// which separate runs do not. Build one with `npm run build` and copy `dist` under the repository (so it
// resolves node_modules), e.g. to bench/.work/dist-before.
// Usage: node bench/ab.mjs <file-list.json> <dist A> <dist B> [config, default recommended]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { addRuleTimes, corpusESLint } from './configs.mjs';

const [listFile, distA, distB, config = 'recommended'] = process.argv.slice(2);
if (!distB) {
  console.error('usage: node bench/ab.mjs <file-list.json> <dist A> <dist B> [config]');
  process.exit(2);
}
const files = JSON.parse(readFileSync(listFile, 'utf8'));
const builds = [await corpusESLint(config, { stats: true }, resolve(distA)), await corpusESLint(config, { stats: true }, resolve(distB))];
const ms = [0, 0];
const messages = [0, 0];
async function lint(which, file) {
  const [result] = await builds[which].lintFiles([file]);
  messages[which] += result?.messages.length ?? 0;
  for (const [rule, total] of Object.entries(addRuleTimes({}, result))) if (rule.startsWith('keyguard/')) ms[which] += total;
}
for (const [i, file] of files.entries()) {
  const first = i % 2;
  await lint(first, file);
  await lint(1 - first, file);
}
console.log(`${files.length} files, ${config}: A ${ms[0].toFixed(0)} ms, B ${ms[1].toFixed(0)} ms, B/A ${(ms[1] / ms[0]).toFixed(3)}; messages A ${messages[0]}, B ${messages[1]}`);
