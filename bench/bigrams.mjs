#!/usr/bin/env node
// Prints the table of common bigrams that src/engine/trigger.ts uses to pick each trigger's anchor: the most
// frequent pairs of printable, non-space characters in the corpus's files, most frequent first, as one string
// to paste over COMMON_BIGRAMS. Only the scan's speed depends on the table, never its answers.
// Usage: node bench/bigrams.mjs [file-list.json, default bench/.work/files.json (written by npm run bench)] [count, default 400]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [listFile = join(here, '.work/files.json'), count = '400'] = process.argv.slice(2);
const files = JSON.parse(readFileSync(listFile, 'utf8'));
const counts = new Map();
let total = 0;
for (const file of files) {
  const text = readFileSync(file, 'latin1');
  for (let i = 0; i + 1 < text.length; i++) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    if (a <= 32 || b <= 32 || a > 126 || b > 126) continue;
    const bigram = text.slice(i, i + 2);
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
    total++;
  }
}
const top = [...counts].sort((x, y) => y[1] - x[1]).slice(0, Number(count));
const covered = top.reduce((sum, [, n]) => sum + n, 0);
console.error(`${files.length} files, ${(total / 1e6).toFixed(1)} million printable bigrams; the top ${top.length} are ${((100 * covered) / total).toFixed(0)}% of them`);
console.log(JSON.stringify(top.map(([bigram]) => bigram).join('')));
