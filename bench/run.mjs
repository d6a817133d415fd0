#!/usr/bin/env node
// Benchmark: lints the pinned corpus (bench/corpus.mjs) with (a) the same parsers and zero rules, (b) keyguard
// recommended, (c) keyguard strict [, peer configs], each in a fresh process, ROUNDS times in alternating order,
// and writes docs/performance.md. Not part of `npm test`: run `npm run bench`.
// Also: peer plugins in the same run, the cost on files with no crypto, and `eslint --concurrency 2` / `--cache`
// through the ESLint CLI (same results, speed-up).
// Options: --rounds N (default 3), --peer-rounds N (default 1), --configs a,b,c, --no-peers, --limit N (first N
// files, for a quick look), --plain-rounds N (default 4, the first a warm-up), --skip-cli, --no-write.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, totalmem } from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const corpus = join(here, '.corpus', 'node_modules');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const rounds = Number(option('rounds', '3'));
const configs = option('configs', 'baseline,recommended,strict').split(',');
const limit = Number(option('limit', '0'));
const peerRounds = Number(option('peer-rounds', '1'));
const dist = process.env.KEYGUARD_DIST ?? join(root, 'dist');
const { PEERS } = await import(join(here, 'peers.mjs'));
const peers = args.includes('--no-peers') || !existsSync(join(here, '.peers', 'node_modules')) ? [] : PEERS;

if (!existsSync(corpus)) {
  console.error('no corpus: run `node bench/corpus.mjs` first');
  process.exit(2);
}
const { isMinified } = await import(join(dist, 'src/cli/files.js'));
const { getRegistry } = await import(join(dist, 'src/engine/registry.js'));

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
function collect(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, out);
    else if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name) && !isMinified(path)) out.push(path);
  }
  return out;
}
let files = collect(corpus, []);
if (limit) files = files.slice(0, limit);
const lines = files.reduce((sum, file) => sum + readFileSync(file, 'utf8').split('\n').length, 0);
const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
mkdirSync(join(here, '.work'), { recursive: true });
const listFile = join(here, '.work', 'files.json');
writeFileSync(listFile, JSON.stringify(files));
console.error(`corpus: ${files.length} files, ${lines} lines, ${(bytes / 1e6).toFixed(1)} MB`);


const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

function lintOnce(config, list) {
  const out = execFileSync(process.execPath, [join(here, 'lint-once.mjs'), config, list], {
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, KEYGUARD_DIST: dist },
  });
  return JSON.parse(out.toString().trim().split('\n').pop());
}

function measure(configList, list, roundCount, label) {
  const runs = Object.fromEntries(configList.map((config) => [config, []]));
  for (let round = 0; round < roundCount; round++) {
    const order = configList.map((_, i) => configList[(i + round) % configList.length]);
    for (const config of order) {
      const result = lintOnce(config, list);
      runs[config].push(result);
      console.error(`${label} round ${round + 1} ${config}: ${(result.ms / 1000).toFixed(2)} s, ${result.maxRssMb.toFixed(0)} MB`);
    }
  }
  return Object.fromEntries(
    configList.map((config) => {
      const list = runs[config];
      return [
        config,
        {
          ms: median(list.map((r) => r.ms)),
          all: list.map((r) => r.ms),
          rss: Math.max(...list.map((r) => r.maxRssMb)),
          engineMs: median(list.map((r) => r.engineMs)),
          analysed: list[0].analysed,
          tooLarge: list[0].tooLarge ?? 0,
          parseErrors: list[0].parseErrors,
          ruleErrors: Math.max(...list.map((r) => r.ruleErrors)),
          findings: list[0].findings,
          ruleMs: list[list.length - 1].ruleMs,
        },
      ];
    }),
  );
}

// (1) keyguard against the zero-rule baseline, alternating, ROUNDS times.
const summary = measure(configs, listFile, rounds, 'corpus');
// (2) peers, measured against the same baseline (one extra baseline run per peer round keeps the comparison fair).
let peerSummary = {};
if (peers.length) peerSummary = measure(['baseline', ...peers], listFile, peerRounds, 'peers');

// (3) files with no crypto at all (no trigger): the cost keyguard adds to an ordinary file. The difference
// is small, so it is measured by bench/paired.mjs (one process, both configurations on every batch, CPU time).
const registry = getRegistry();
const plain = files.filter((file) => !registry.hasTrigger(readFileSync(file, 'utf8')));
const plainList = join(here, '.work', 'plain-files.json');
writeFileSync(plainList, JSON.stringify(plain));
const plainRounds = Number(option('plain-rounds', '4'));
const paired = (a, b) => {
  const out = execFileSync(process.execPath, [join(here, 'paired.mjs'), a, b, plainList, '--rounds', String(plainRounds)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, KEYGUARD_DIST: dist },
  });
  const result = JSON.parse(out.toString().trim().split('\n').pop());
  console.error(`no-crypto ${a} vs ${b}: ${JSON.stringify(result)}`);
  return result;
};
let plainSummary = null;
let plainAA = null;
if (plain.length) {
  plainSummary = paired('baseline', 'recommended');
  // the same method with the baseline on both sides: what it measures when there is no difference
  plainAA = paired('baseline', 'baseline#2');
}

// (3b) loading the plugin: paid once per ESLint process (and once per editor session), in fresh processes.
const loads = [];
for (let i = 0; i < 5; i++) {
  const out = execFileSync(process.execPath, [
    '--input-type=module',
    '-e',
    `const s = performance.now(); const m = await import(${JSON.stringify(join(dist, 'src/index.js'))}); const r = await import(${JSON.stringify(join(dist, 'src/engine/registry.js'))}); r.getRegistry().hasTrigger('x'); console.log(performance.now() - s);`,
  ]);
  loads.push(Number(out.toString().trim()));
}
const loadMs = median(loads);

// (4) the ESLint CLI with --concurrency 2 and --cache: same results as a plain run, and the speed-up.
let cli = null;
if (!args.includes('--skip-cli')) {
  const configFile = join(here, '.work', 'eslint.config.mjs');
  writeFileSync(
    configFile,
    `import keyguard from ${JSON.stringify(join(dist, 'src/index.js'))};\nexport default [{ ignores: ['!**/node_modules/'] }, ...keyguard.configs.recommended, { linterOptions: { reportUnusedDisableDirectives: 'off' } }];\n`,
  );
  const eslintBin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const run = (...extra) => {
    const start = performance.now();
    let out;
    try {
      out = execFileSync(process.execPath, [eslintBin, '--config', configFile, '--no-warn-ignored', '--format', 'json', ...extra, '--', ...files], {
        cwd: join(here, '.corpus'),
        maxBuffer: 512 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch (error) {
      out = error.stdout;
    }
    const ms = performance.now() - start;
    const results = JSON.parse(out.toString())
      .map((r) => `${r.filePath}|${r.messages.filter((m) => m.ruleId?.startsWith('keyguard/')).map((m) => `${m.ruleId}:${m.line}:${m.column}`).join(',')}`)
      .sort();
    return { ms, key: results.join('\n') };
  };
  const cacheFile = join(here, '.work', 'eslintcache');
  try {
    execFileSync('rm', ['-f', cacheFile]);
  } catch {
    // no cache yet
  }
  const plainRun = run('--concurrency', 'off');
  const concurrent = run('--concurrency', '2');
  const cold = run('--cache', '--cache-location', cacheFile);
  const warm = run('--cache', '--cache-location', cacheFile);
  cli = {
    plainMs: plainRun.ms,
    concurrentMs: concurrent.ms,
    coldMs: cold.ms,
    warmMs: warm.ms,
    concurrentSame: concurrent.key === plainRun.key,
    cacheSame: cold.key === plainRun.key && warm.key === plainRun.key,
  };
  console.error(`cli: ${JSON.stringify(cli)}`);
}

const base = summary.baseline?.ms;
const pct = (ms, b) => (b ? `${(((ms - b) / b) * 100).toFixed(1)}%` : 'n/a');
const row = (config, s, b) =>
  `| ${config} | ${(s.ms / 1000).toFixed(2)} | ${(files.length / (s.ms / 1000)).toFixed(0)} | ${(lines / (s.ms / 1000)).toFixed(0)} | ${s.rss.toFixed(0)} | ${pct(s.ms, b)} | ${config.startsWith('peer') || config === 'baseline' ? '' : (s.engineMs / 1000).toFixed(2)} | ${s.findings} | ${s.parseErrors} | ${s.ruleErrors} |`;
const rowsOut = configs.map((config) => row(config, summary[config], base));
const peerRows = peers.map((config) => row(config, peerSummary[config], peerSummary.baseline?.ms));
const heaviest = summary.strict ?? summary[configs[configs.length - 1]];
const topRules = Object.entries(heaviest.ruleMs)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 10)
  .map(([rule, ms]) => `| ${rule} | ${ms.toFixed(0)} |`);

const report = `# Performance

Generated by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores
(${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.

**Corpus**: the pinned packages of bench/corpus-packages.json plus keyguard's own devDependencies, and all their
dependencies (versions locked by bench/corpus-lock.json), installed by \`node bench/corpus.mjs\`: ${files.length} JS/TS files, ${lines.toLocaleString('en-US')} lines, ${(bytes / 1e6).toFixed(1)} MB
(declaration files and minified bundles left out). Each configuration runs in a fresh process, ${rounds} times, in
alternating order; times are medians (all runs: ${configs.map((c) => `${c} ${summary[c].all.map((ms) => (ms / 1000).toFixed(1)).join('/')} s`).join('; ')}),
memory is the peak RSS of any run.

| config | seconds | files/s | lines/s | peak RSS (MB) | overhead vs baseline | keyguard engine (s) | findings | parse errors | rule errors |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rowsOut.join('\n')}

- **baseline** is the same parsers (\`@typescript-eslint/parser\` for TS, espree for JS) with zero rules: the
  cost of parsing and traversal that every ESLint run pays.
- **keyguard engine** is the shared per-file analysis (trigger scan, value resolution, facts), measured by the
  engine itself: ESLint's per-rule stats charge it to whichever rule asks first. Files with no trigger
  (no catalogued module, global or marker) are skipped after one pass of the trigger scan
  (${summary.recommended?.analysed ?? heaviest.analysed} of ${files.length} files were analysed; ${summary.recommended?.tooLarge ?? 0} more had a
  trigger but over 400,000 AST nodes, and were skipped as generated code).
- **parse errors** are the parser's (and ESLint 10's refusal of \`/* eslint-env */\` comments), not keyguard's.

## Peers, in the same run

${peers.length ? `Measured against their own baseline run (${(peerSummary.baseline.ms / 1000).toFixed(2)} s), ${peerRounds} round(s):

| config | seconds | files/s | lines/s | peak RSS (MB) | overhead vs baseline | | findings | parse errors | rule errors |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${peerRows.join('\n')}

- **peer-sonarjs-crypto**: eslint-plugin-sonarjs ${readPeerVersion('eslint-plugin-sonarjs')} with its crypto and secrets rules only.
- **peer-security**: eslint-plugin-security ${readPeerVersion('eslint-plugin-security')}, recommended config.
- **peer-node-security**: eslint-plugin-node-security ${readPeerVersion('eslint-plugin-node-security')}, recommended config.` : 'Peer plugins not installed (run `node bench/corpus.mjs`).'}

## Files with no crypto

${plainSummary ? `${plain.length} of the corpus files contain no trigger at all (no catalogued module, global or marker). On those
alone keyguard recommended adds **${(plainSummary.overhead * 100).toFixed(2)}%** CPU time over the zero-rule baseline (target: under 2%).

Measured by \`bench/paired.mjs\`: one process holds both configurations and lints every batch of ${100} files with both, in
alternating order, counting the process's CPU time; ${plainRounds - 1} measured rounds after a warm-up round. Separate timed runs
cannot resolve a difference this small on a shared machine (runs of one configuration differ by up to 20%); paired
batches share the machine's load, JIT state and heap. Per round, baseline / recommended CPU seconds:
${plainSummary.rounds.map((r) => `${(r.aMs / 1000).toFixed(2)} / ${(r.bMs / 1000).toFixed(2)}`).join('; ')}.
Across the ${plainSummary.pairs.count} batch pairs the overhead's quartiles are ${(plainSummary.pairs.p25 * 100).toFixed(1)}%, ${(plainSummary.pairs.median * 100).toFixed(1)}%
(median) and ${(plainSummary.pairs.p75 * 100).toFixed(1)}%. keyguard's own measured work on these files (the trigger scan) was
${(plainSummary.engineMs / (plainRounds - 1)).toFixed(0)} ms per round, ${((plainSummary.engineMs / plainSummary.aMs) * 100).toFixed(2)}% of the baseline; every rule returns no listener on them.

The method's resolution: the same measurement with the baseline on both sides (an A/A run) gave
${(plainAA.overhead * 100).toFixed(2)}% (batch quartiles ${(plainAA.pairs.p25 * 100).toFixed(1)}% / ${(plainAA.pairs.median * 100).toFixed(1)}% / ${(plainAA.pairs.p75 * 100).toFixed(1)}%; rounds ${plainAA.rounds.map((r) => `${(r.aMs / 1000).toFixed(2)} / ${(r.bMs / 1000).toFixed(2)}`).join('; ')}).` : 'Every corpus file contains a trigger.'}

Loading the plugin (its modules and the compiled catalogue) takes ${loadMs.toFixed(0)} ms, once per process (median of 5 fresh
processes): in an editor, once per session.

## ESLint CLI: --concurrency 2 and --cache

${cli ? `\`eslint --config <keyguard recommended>\` over the same files: plain ${(cli.plainMs / 1000).toFixed(1)} s, \`--concurrency 2\` ${(cli.concurrentMs / 1000).toFixed(1)} s
(speed-up ×${(cli.plainMs / cli.concurrentMs).toFixed(2)}), \`--cache\` cold ${(cli.coldMs / 1000).toFixed(1)} s and warm ${(cli.warmMs / 1000).toFixed(1)} s.
Same findings with \`--concurrency 2\`: **${cli.concurrentSame ? 'yes' : 'NO'}**; with \`--cache\` (cold and warm): **${cli.cacheSame ? 'yes' : 'NO'}**.
(On a 2-core machine \`--concurrency auto\` starts no workers, hence the explicit 2.)` : 'Skipped (--skip-cli).'}

## Most expensive rules (${heaviest === summary.strict ? 'strict' : configs[configs.length - 1]}, ESLint \`stats\`, ms summed over files)

The first keyguard rule to run on a file is charged with the shared analysis, so compare this with the engine column.

| rule | ms |
| --- | ---: |
${topRules.join('\n')}

Reproduce: \`npm ci && npm run bench\` (installs the corpus and the peers once, then runs offline).
`;

function readPeerVersion(name) {
  try {
    return JSON.parse(readFileSync(join(here, '.peers', 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

if (!args.includes('--no-write')) writeFileSync(join(root, 'docs', 'performance.md'), report);
console.log(report);
