#!/usr/bin/env node
// Interleaved measurement: one process per configuration (bench/lint-worker.mjs), each with its own heap, fresh
// every round, and the file list cut into small batches that every configuration lints in turn, one process at a
// time, in every order in turn. Timed runs of whole configurations one after another cannot resolve a few
// percent on a shared machine (the same configuration's runs differ by 10% or more as the machine's load
// drifts); here every batch is linted by all configurations within a few seconds, so slow drift hits them
// alike. Each overhead gets a 95% interval from a two-level bootstrap: rounds (each with its own processes),
// then batches within them. The first configuration is the reference.
//
// As a script: node bench/interleave.mjs <file-list.json> <config> <config> ... [--rounds N] [--batch N]
// [--raw out.json] prints one JSON line (see `summarise`). `baseline baseline#2` is an A/A run: the same configuration twice;
// `recommended@<dir>` takes keyguard from another build (two builds: `recommended@old recommended`).
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function startWorker(config) {
  const child = fork(join(here, 'lint-worker.mjs'), [config], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = [];
  child.on('message', (message) => waiting.shift()?.resolve(message));
  child.on('exit', (code) => {
    for (const each of waiting.splice(0)) each.reject(new Error(`${config} worker exited (${code})`));
  });
  const next = () => new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  const ready = next();
  return {
    config,
    ready,
    ask(message) {
      const reply = next();
      child.send(message);
      return reply;
    },
    stop() {
      // a worker that died (out of memory, a crash) has already rejected its pending reply
      if (child.connected) child.send({ type: 'exit' });
    },
  };
}

/** Every order of `items` (n! of them; the benchmark compares at most four configurations). */
function permutations(items) {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/**
 * Lints `files` with every configuration `rounds` times, batch by batch. Each round starts fresh processes, as
 * each run of the ESLint CLI does (so start-up and JIT warm-up are counted, and one process's luck with memory
 * layout or scheduling does not follow a configuration through every round). The order within a batch goes
 * through every permutation of the configurations in turn: each takes every place, and follows each other one,
 * equally often. Each worker waits for its own helper threads after a batch (see lint-worker.mjs), so their
 * leftover work does not run during the next process's batch.
 * Returns per configuration the timed batches ({ round, batch, wallMs, cpuMs, threadMs, engineMs, leftoverMs }), findings per
 * round, parse and rule errors of the first round, peak RSS over the rounds, the engine's counters of a round,
 * and (for `statsFor`) ESLint's per-rule times from one extra untimed pass after the last round.
 */
export async function interleave(configs, files, { rounds = 3, batch = 50, statsFor = null, log = () => {} } = {}) {
  const batches = [];
  for (let i = 0; i < files.length; i += batch) batches.push(files.slice(i, i + batch));
  const orders = permutations(configs);
  const out = Object.fromEntries(configs.map((config) => [config, { batches: [], findings: [], parseErrors: 0, ruleErrors: [], maxRssMb: 0 }]));
  for (let round = 0; round < rounds; round++) {
    const workers = Object.fromEntries(configs.map((config) => [config, startWorker(config)]));
    try {
      await Promise.all(Object.values(workers).map((worker) => worker.ready));
      const totals = Object.fromEntries(configs.map((config) => [config, 0]));
      for (const [index, list] of batches.entries()) {
        // Consecutive batches go through the orders in turn, and each round starts one order further on: so over
        // as many rounds as there are orders, every batch is linted in every order.
        for (const config of orders[(round + index) % orders.length]) {
          const reply = await workers[config].ask({ type: 'lint', files: list });
          const mine = out[config];
          mine.batches.push({ round, batch: index, wallMs: reply.wallMs, cpuMs: reply.cpuMs, threadMs: reply.threadMs, engineMs: reply.engineMs, leftoverMs: reply.leftoverMs });
          totals[config] += reply.wallMs;
          mine.findings[round] = (mine.findings[round] ?? 0) + reply.findings;
          if (round === 0) {
            mine.parseErrors += reply.parseErrors;
            mine.ruleErrors.push(...reply.ruleErrors);
          }
        }
      }
      log(`round ${round + 1}: ${configs.map((config) => `${config} ${(totals[config] / 1000).toFixed(1)} s`).join(', ')}`);
      for (const config of configs) {
        const mine = out[config];
        // the peak RSS of the timed round, before a stats pass adds a linter of its own
        const { maxRssMb, analysed, tooLarge } = await workers[config].ask({ type: 'summary' });
        mine.maxRssMb = Math.max(mine.maxRssMb, maxRssMb);
        if (round === 0) Object.assign(mine, { analysed, tooLarge });
        if (config === statsFor && round === rounds - 1) mine.ruleMs = (await workers[config].ask({ type: 'stats', files })).ruleMs;
      }
    } finally {
      for (const worker of Object.values(workers)) worker.stop();
    }
  }
  return out;
}

/** A small deterministic generator (mulberry32), so a report's intervals are reproducible from its data. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What `b` adds over `a` by one measure (wallMs, cpuMs or threadMs), summed over all timed batches, with a 95%
 * interval from a two-level bootstrap: rounds are resampled (a round's processes may be luckier or unluckier
 * than another's), then the batches within each (the same batch of the same round on both sides).
 */
export function overhead(a, b, measure = 'wallMs', resamples = 2000) {
  const byRound = new Map();
  a.batches.forEach((x, i) => {
    const y = b.batches[i][measure];
    if (x[measure] === null || y === null) return;
    if (!byRound.has(x.round)) byRound.set(x.round, []);
    byRound.get(x.round).push([x[measure], y]);
  });
  const rounds = [...byRound.values()];
  const ratio = (pairs) => {
    let sa = 0;
    let sb = 0;
    for (const [x, y] of pairs) {
      sa += x;
      sb += y;
    }
    return sb / sa - 1;
  };
  const all = rounds.flat();
  const next = random(7);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const samples = [];
  for (let r = 0; r < resamples; r++) {
    const drawn = [];
    for (let k = 0; k < rounds.length; k++) {
      const round = pick(rounds);
      for (let i = 0; i < round.length; i++) drawn.push(pick(round));
    }
    samples.push(ratio(drawn));
  }
  samples.sort((x, y) => x - y);
  return {
    value: ratio(all),
    low: samples[Math.floor(0.025 * resamples)],
    high: samples[Math.floor(0.975 * resamples)],
    pairs: all.length,
    perRound: rounds.map(ratio),
  };
}

/** Per configuration: wall and main-thread ms per round, findings, errors, RSS, engine time, and the overheads over the first. */
export function summarise(configs, out) {
  const reference = out[configs[0]];
  return Object.fromEntries(
    configs.map((config) => {
      const mine = out[config];
      const rounds = [];
      const threadRounds = [];
      for (const each of mine.batches) {
        rounds[each.round] = (rounds[each.round] ?? 0) + each.wallMs;
        threadRounds[each.round] = (threadRounds[each.round] ?? 0) + (each.threadMs ?? Number.NaN);
      }
      const engineMs = mine.batches.reduce((sum, each) => sum + each.engineMs, 0) / rounds.length;
      const summary = {
        roundsMs: rounds,
        threadRoundsMs: threadRounds,
        medianMs: [...rounds].sort((x, y) => x - y)[Math.floor(rounds.length / 2)],
        engineMs,
        findings: mine.findings[0],
        findingsStable: mine.findings.every((n) => n === mine.findings[0]),
        parseErrors: mine.parseErrors,
        ruleErrors: mine.ruleErrors,
        maxRssMb: mine.maxRssMb,
        analysed: mine.analysed,
        tooLarge: mine.tooLarge,
        ruleMs: mine.ruleMs,
      };
      if (config !== configs[0]) {
        summary.wall = overhead(reference, mine, 'wallMs');
        summary.cpu = overhead(reference, mine, 'cpuMs');
        summary.thread = overhead(reference, mine, 'threadMs');
      }
      return [config, summary];
    }),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
  const positional = args.filter((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const [listFile, ...configs] = positional;
  const files = JSON.parse(readFileSync(listFile, 'utf8'));
  const out = await interleave(configs, files, {
    rounds: option('rounds', 2),
    batch: option('batch', 50),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const summary = summarise(configs, out);
  // --raw FILE: every timed batch of every configuration, for a closer look at the spread
  if (args.includes('--raw')) {
    const raw = Object.fromEntries(configs.map((config) => [config, out[config].batches]));
    writeFileSync(args[args.indexOf('--raw') + 1], JSON.stringify({ files, raw }));
  }
  for (const config of configs.slice(1)) {
    const s = summary[config];
    const pct = (o) => `${(o.value * 100).toFixed(1)}% [${(o.low * 100).toFixed(1)}, ${(o.high * 100).toFixed(1)}]`;
    process.stderr.write(`${config} vs ${configs[0]}: wall ${pct(s.wall)}, main thread ${s.thread.pairs ? pct(s.thread) : 'n/a'}, process CPU ${pct(s.cpu)}\n`);
  }
  console.log(JSON.stringify(summary));
}
