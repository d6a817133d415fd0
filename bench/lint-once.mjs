#!/usr/bin/env node
// One timed lint of a file list with one configuration, in a fresh process (so peak RSS is its own).
// Usage: node bench/lint-once.mjs <config> <file-list.json>
// Prints one JSON line: { config, files, ms, maxRssMb, ruleMs: {rule: ms}, engineMs, parseErrors, ruleErrors, findings }.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { corpusESLint, dist } from './configs.mjs';

const { engineStats } = await import(join(dist, 'src/engine/analysis.js'));

const [configName, listFile] = process.argv.slice(2);
const files = JSON.parse(readFileSync(listFile, 'utf8'));

// Per-rule timing wraps every listener: only the strict run collects it (for the most-expensive-rules table),
// so the baseline and recommended comparisons are not skewed by instrumentation.
const eslint = await corpusESLint(configName, { stats: configName === 'strict' });

const start = performance.now();
let ruleErrors = 0;
const results = [];
for (let i = 0; i < files.length; i += 200) {
  const batch = files.slice(i, i + 200);
  try {
    results.push(...(await eslint.lintFiles(batch)));
  } catch {
    // A rule threw on some file of the batch: lint the batch file by file to find it.
    for (const file of batch) {
      try {
        results.push(...(await eslint.lintFiles([file])));
      } catch (error) {
        ruleErrors++;
        process.stderr.write(`rule error on ${file}: ${String(error?.message ?? error).split('\n')[0]}\n`);
      }
    }
  }
}
const ms = performance.now() - start;
const ruleMs = {};
let parseErrors = 0;
let findings = 0;
for (const result of results) {
  for (const message of result.messages) {
    if (message.fatal) parseErrors++;
    else if (message.ruleId && !message.ruleId.startsWith('keyguard/') && !configName.startsWith('peer')) continue;
    else if (message.ruleId) findings++;
  }
  for (const pass of result.stats?.times?.passes ?? []) {
    for (const [rule, timing] of Object.entries(pass.rules ?? {})) ruleMs[rule] = (ruleMs[rule] ?? 0) + timing.total;
  }
}
console.log(
  JSON.stringify({
    config: configName,
    files: files.length,
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    ruleMs,
    engineMs: engineStats.ms,
    analysed: engineStats.analysed,
    tooLarge: engineStats.tooLarge ?? 0,
    parseErrors,
    ruleErrors,
    findings,
  }),
);
