#!/usr/bin/env node
// Memory a configuration keeps after linting: lints a file list in batches of 50 in one process, then
// reports the heap still in use after full garbage collections, relative to the heap after the first
// file (so the plugin's own code and tables are not counted). Compare configurations: what keyguard
// retains beyond the zero-rule baseline should stay flat as the list grows, or it is a leak.
// Usage: node --expose-gc bench/retained.mjs <file-list.json> <config> [how many files, default all]
import { readFileSync } from 'node:fs';

import { corpusESLint } from './configs.mjs';

if (typeof global.gc !== 'function') {
  console.error('run with node --expose-gc');
  process.exit(2);
}
const [listFile, config, count] = process.argv.slice(2);
const all = JSON.parse(readFileSync(listFile, 'utf8'));
const files = count ? all.slice(0, Number(count)) : all;
const eslint = await corpusESLint(config);
await eslint.lintFiles([files[0]]);
global.gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < files.length; i += 50) await eslint.lintFiles(files.slice(i, i + 50));
global.gc();
global.gc();
console.log(`${config}: ${((process.memoryUsage().heapUsed - before) / 1e6).toFixed(1)} MB retained after ${files.length} files`);
