#!/usr/bin/env node
// One configuration's linter, kept alive in its own process by bench/interleave.mjs, which sends it batches
// of files one at a time. It times each batch (wall, the process's CPU, and the main thread's CPU) and counts
// what the lint found. Usage (by interleave.mjs only): fork('lint-worker.mjs', [config]).
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { threadMs } from './clock.mjs';
import { addRuleTimes, corpusESLint, dist } from './configs.mjs';

const config = process.argv[2];
// `name#2` is `name` again, for an A/A comparison that shows the method's own resolution; `name@dir` takes
// keyguard from another build (`recommended@bench/.work/kgdist-old`), to compare two builds the same way.
const [, name, build = dist] = /^([^#@]*)(?:#[^@]*)?(?:@(.*))?$/.exec(config);
const { engineStats } = await import(resolve(build, 'src/engine/analysis.js'));
const eslint = await corpusESLint(name, {}, resolve(build));

const processMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Findings of this configuration's own rules (the baseline has none) and parse errors. */
function count(results) {
  let findings = 0;
  let parseErrors = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) parseErrors++;
      else if (message.ruleId && (name.startsWith('peer') || message.ruleId.startsWith('keyguard/'))) findings++;
    }
  }
  return { findings, parseErrors };
}

async function lint(linter, files) {
  try {
    return { results: await linter.lintFiles(files), ruleErrors: [] };
  } catch {
    // A rule threw on some file of the batch: lint it file by file to find which.
    const results = [];
    const ruleErrors = [];
    for (const file of files) {
      try {
        results.push(...(await linter.lintFiles([file])));
      } catch (error) {
        ruleErrors.push(`${file}: ${String(error?.message ?? error).split('\n')[0]}`);
      }
    }
    return { results, ruleErrors };
  }
}

/** A window of SETTLE_STEP_MS with under SETTLE_IDLE_MS of CPU time is quiet; no batch waits more than SETTLE_LIMIT_MS. */
const SETTLE_STEP_MS = 10;
const SETTLE_IDLE_MS = 1;
const SETTLE_LIMIT_MS = 2000;

/**
 * Waits until V8's helper threads have finished the work a batch left them (concurrent marking and sweeping,
 * optimising compilation), and returns the CPU time they used meanwhile: the main thread sleeps, so the process's
 * CPU time is theirs. After some batches they keep a core busy for up to about 100 ms (performance-history.md,
 * session 14). On a 2-core machine that work would run while the next configuration's process lints its batch, and
 * slow it down: one process's garbage would be charged to another.
 */
async function settle() {
  const start = processMs();
  let previous = start;
  for (let waited = 0; waited < SETTLE_LIMIT_MS; waited += SETTLE_STEP_MS) {
    await sleep(SETTLE_STEP_MS);
    const now = processMs();
    const busy = now - previous;
    previous = now;
    if (busy < SETTLE_IDLE_MS) break;
  }
  return previous - start;
}

process.on('message', async (message) => {
  if (message.type === 'lint') {
    const engineBefore = engineStats.ms;
    const threadBefore = threadMs();
    const cpuBefore = processMs();
    const start = performance.now();
    const { results, ruleErrors } = await lint(eslint, message.files);
    const wallMs = performance.now() - start;
    const cpuMs = processMs() - cpuBefore;
    const threadAfter = threadMs();
    const { findings, parseErrors } = count(results);
    // The helper threads' leftover work is this batch's: it counts in this batch's process CPU, untimed in any wall.
    const leftoverMs = await settle();
    process.send({
      type: 'linted',
      wallMs,
      cpuMs: cpuMs + leftoverMs,
      leftoverMs,
      threadMs: threadBefore === null || threadAfter === null ? null : threadAfter - threadBefore,
      // stays 0 for a configuration without keyguard: its rules are the only callers of the engine
      engineMs: engineStats.ms - engineBefore,
      findings,
      parseErrors,
      ruleErrors,
    });
  } else if (message.type === 'stats') {
    // ESLint's per-rule times, in a separate pass with its own linter: collecting them wraps every listener.
    const withStats = await corpusESLint(name, { stats: true }, resolve(build));
    const ruleMs = {};
    for (let i = 0; i < message.files.length; i += 100) {
      const { results } = await lint(withStats, message.files.slice(i, i + 100));
      for (const result of results) addRuleTimes(ruleMs, result);
    }
    process.send({ type: 'stats', ruleMs });
  } else if (message.type === 'summary') {
    process.send({
      type: 'summary',
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      analysed: engineStats.analysed,
      tooLarge: engineStats.tooLarge ?? 0,
    });
  } else if (message.type === 'exit') {
    process.exit(0);
  }
});

process.send({ type: 'ready' });
