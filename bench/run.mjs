#!/usr/bin/env node
// Benchmark: lints the pinned corpus (bench/corpus.mjs) with (a) the same parsers and zero rules, (b) keyguard
// recommended, (c) keyguard strict [, peer configs], ROUNDS times each, interleaved (bench/interleave.mjs: one
// process per configuration, every batch of files linted by each in turn, the order rotating), and writes
// docs/performance.md. Not part of `npm test`: run `npm run bench`.
// Also: peer plugins in the same run, the cost on files with no crypto (over zero rules, and over ESLint's own
// recommended rules), and `eslint --concurrency 2` / `--cache`
// through the ESLint CLI (same results, speed-up).
// Options: --rounds N (default 3), --peer-rounds N (default 1), --configs a,b,c, --no-peers, --limit N (first N
// files, for a quick look), --plain-rounds N (default 5), --batch N (default 50), --skip-cli, --no-usual, --no-write.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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
const dist = resolve(process.env.KEYGUARD_DIST ?? join(root, 'dist'));
const { PEERS } = await import(join(here, 'peers.mjs'));
const peers = args.includes('--no-peers') || !existsSync(join(here, '.peers', 'node_modules')) ? [] : PEERS;

if (!existsSync(corpus)) {
  console.error('no corpus: run `node bench/corpus.mjs` first');
  process.exit(2);
}
const { isMinified } = await import(join(dist, 'src/cli/files.js'));
const { getRegistry } = await import(join(dist, 'src/engine/registry.js'));
const { interleave, summarise } = await import(join(here, 'interleave.mjs'));
const { configFor } = await import(join(here, 'configs.mjs'));

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

const batch = Number(option('batch', '50'));
const measuredAt = commit();
const log = (label) => (line) => console.error(`${label} ${line}`);

// (1) keyguard against the zero-rule baseline, ROUNDS interleaved rounds; ESLint's per-rule stats for strict
// come from one extra untimed pass (collecting them wraps every listener).
const statsFor = configs.includes('strict') ? 'strict' : configs[configs.length - 1];
// Every timed batch of every section is kept in bench/.work/run-raw.json (written after each section), so a report's
// numbers can be recomputed or pooled with another run of the same build without linting again.
const raw = { commit: measuredAt, dist, batch };
const keep = (section, out) => {
  raw[section] = out;
  writeFileSync(join(here, '.work', 'run-raw.json'), JSON.stringify(raw));
  return out;
};
const summary = summarise(configs, keep('corpus', await interleave(configs, files, { rounds, batch, statsFor, log: log('corpus') })));
// (2) peers, against a baseline process of their own in the same interleaved run.
let peerSummary = {};
if (peers.length) {
  const peerConfigs = ['baseline', ...peers];
  peerSummary = summarise(peerConfigs, keep('peers', await interleave(peerConfigs, files, { rounds: peerRounds, batch, log: log('peers') })));
}

// (3) files with no crypto at all (no trigger): the cost keyguard adds to an ordinary file. The target (2%) is
// small, so the same method also measures the baseline against itself (an A/A run): its interval is what the
// method can resolve. `noop-rules` is ESLint's floor: as many rules as recommended has, not keyguard's, that do
// nothing at all (no listener), so it costs only what ESLint spends to run any rule on a file.
const registry = getRegistry();
const plain = files.filter((file) => !registry.hasTrigger(readFileSync(file, 'utf8')));
writeFileSync(join(here, '.work', 'plain-files.json'), JSON.stringify(plain));
const plainRounds = Number(option('plain-rounds', '5'));
let plainSummary = null;
if (plain.length) {
  const plainConfigs = ['baseline', 'baseline#2', 'recommended', 'noop-rules'];
  // The timed overhead cannot resolve a cost this small on a shared machine (see the A/A run), so keyguard's own
  // time on these files is also taken from ESLint's per-rule stats (one untimed pass): each rule's create(),
  // which is all a keyguard rule runs on a file with no trigger, the trigger scan included.
  plainSummary = summarise(
    plainConfigs,
    keep('plain', await interleave(plainConfigs, plain, { rounds: plainRounds, batch, statsFor: 'recommended', log: log('no-crypto') })),
  );
}

// (3b) the same files where the project already lints with ESLint's own recommended rules, as most projects that
// add keyguard do: ESLint's cost of running any rule on a file (about 3% over zero rules for one rule that does
// nothing, see below) is paid by then, so this is what adding keyguard costs such a project on an ordinary file.
let usualSummary = null;
if (plain.length && !args.includes('--no-usual')) {
  const usualConfigs = ['eslint-recommended', 'eslint-recommended#2', 'eslint-recommended+keyguard'];
  usualSummary = summarise(usualConfigs, keep('usual', await interleave(usualConfigs, plain, { rounds: plainRounds, batch, log: log('usual') })));
}

// (3c) loading the plugin: paid once per ESLint process (and once per editor session), in fresh processes.
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

const pct = (value) => `${(value * 100).toFixed(1)}%`;
const interval = (o) => (o && o.pairs ? `${pct(o.value)} (${pct(o.low)} to ${pct(o.high)})` : '');
const seconds = (ms) => (ms / 1000).toFixed(2);
const row = (config, s, reference) =>
  `| ${config} | ${seconds(s.medianMs)} | ${(files.length / (s.medianMs / 1000)).toFixed(0)} | ${(lines / (s.medianMs / 1000)).toFixed(0)} | ${s.maxRssMb.toFixed(0)} | ${config === reference ? '' : interval(s.wall)} | ${config === reference ? '' : interval(s.thread)} | ${config === reference ? '' : interval(s.cpu)} | ${config.startsWith('peer') || config === 'baseline' ? '' : (s.engineMs / 1000).toFixed(2)} | ${s.findings}${s.findingsStable ? '' : ' (varied!)'} | ${s.parseErrors} | ${s.ruleErrors.length} |`;
const header = `| config | seconds | files/s | lines/s | peak RSS (MB) | overhead: wall time | overhead: main-thread CPU | overhead: process CPU | keyguard engine (s) | findings | parse errors | rule errors |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`;
const rowsOut = configs.map((config) => row(config, summary[config], configs[0]));
const peerRows = peers.map((config) => row(config, peerSummary[config], 'baseline'));
const heaviest = summary[statsFor];
const topRules = Object.entries(heaviest.ruleMs ?? {})
  .sort((a, b) => b[1] - a[1])
  .slice(0, 10)
  .map(([rule, ms]) => `| ${rule} | ${ms.toFixed(0)} |`);
const allRounds = (config) => summary[config].roundsMs.map((ms) => (ms / 1000).toFixed(1)).join(' / ');
const ruleErrors = configs.flatMap((config) => summary[config].ruleErrors.map((error) => `${config}: ${error}`));
/** A target is met only when the whole 95% interval of the overhead is below it. */
const verdict = (o, target) =>
  !o ? 'not measured' : o.high < target ? `**met** (the interval is below ${pct(target)})` : o.low >= target ? `**missed** (the interval is above ${pct(target)})` : `**not resolved** (the interval straddles ${pct(target)})`;
const plainRec = plainSummary?.recommended;
const { default: plugin } = await import(join(dist, 'src/index.js'));
const recommendedRules = plugin.configs.recommended.reduce((count, entry) => count + Object.keys(entry.rules ?? {}).length, 0);
const plainAA = plainSummary?.['baseline#2'];
const plainNoop = plainSummary?.['noop-rules'];
/** keyguard's own time on the files with no crypto (ESLint stats, one pass) against the baseline's main thread per round. */
const plainOwnMs = Object.entries(plainRec?.ruleMs ?? {}).reduce((sum, [rule, ms]) => sum + (rule.startsWith('keyguard/') ? ms : 0), 0);
const plainBaseThreadMs = plainSummary ? median(plainSummary.baseline.threadRoundsMs) : Number.NaN;
const plainOwnShare = plainOwnMs / plainBaseThreadMs;
const plainBaseMs = plainSummary ? plainSummary.baseline.medianMs : Number.NaN;
const usualRec = usualSummary?.['eslint-recommended+keyguard'];
const usualAA = usualSummary?.['eslint-recommended#2'];
const usualBaseMs = usualSummary ? usualSummary['eslint-recommended'].medianMs : Number.NaN;
const usualRuleCount = Object.keys((await configFor('eslint-recommended', dist)).at(-1).rules).length;

const report = `# Performance

Generated by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores
(${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. Measured at commit ${measuredAt}.

**Corpus**: the pinned packages of bench/corpus-packages.json plus keyguard's own devDependencies, and all their
dependencies (versions locked by bench/corpus-lock.json), installed by \`node bench/corpus.mjs\`: ${files.length} JS/TS files, ${lines.toLocaleString('en-US')} lines, ${(bytes / 1e6).toFixed(1)} MB
(declaration files and minified bundles left out).

**Method** (bench/interleave.mjs): one process per configuration, each with its own heap, started afresh every round
(as every run of the ESLint CLI is). The file list is cut into batches of ${batch} files, and every batch is linted by each
configuration in turn, one process at a time, the order going through every permutation of the configurations
(consecutive batches take the next order, and each round starts one order further on, so that over as many rounds as
there are orders every batch is linted in every order); ${rounds} rounds over the whole corpus. After each batch a
process waits, untimed, until V8's helper threads have finished what the batch left them, so that this work is not
timed in the next process's batch (it counts in the batch's own process CPU). Runs of whole configurations one after
another cannot resolve the targets on a shared machine: the same configuration's runs differ by 10% or more as the
load drifts. Here each batch is linted by all configurations within seconds, so drift hits them alike. Each overhead is summed over all timed batches, with a
95% interval from a two-level bootstrap (rounds, then batches within them; 2,000 resamples):
- **wall time**: what a user waits for;
- **main-thread CPU**: the CPU time of the thread that runs the lint (from /proc), which other processes on the machine
  do not inflate;
- **process CPU**: all threads, including V8's helpers (concurrent garbage collection, compilation), which run on
  another core.

Seconds are the median round's wall time (rounds: ${configs.map((c) => `${c} ${allRounds(c)} s`).join('; ')}); memory is each
process's peak RSS over its rounds.

${header}
${rowsOut.join('\n')}

Per round, wall / main-thread CPU: ${configs
  .slice(1)
  .map((c) => `${c} ${summary[c].wall.perRound.map((w, i) => `${pct(w)} / ${pct(summary[c].thread.perRound[i] ?? Number.NaN)}`).join(', ')}`)
  .join('; ')}.

**Against the targets of issue 7**, by the 95% intervals of wall time and of main-thread CPU:
- recommended at most 10% over the baseline: wall ${verdict(summary.recommended?.wall, 0.1)}; main-thread CPU ${verdict(summary.recommended?.thread, 0.1)};
- strict at most 20%: wall ${verdict(summary.strict?.wall, 0.2)}; main-thread CPU ${verdict(summary.strict?.thread, 0.2)};
- a file with no crypto under 2% (measured on those files alone, below): wall ${verdict(plainRec?.wall, 0.02)}; main-thread CPU ${verdict(plainRec?.thread, 0.02)};
  keyguard's own code on those files, from ESLint's stats: ${pct(plainOwnShare)} of the baseline's main-thread time;
  ${recommendedRules} rules that do nothing at all, in the same run (ESLint's own cost of running that many rules): wall ${interval(plainNoop?.wall)};
  added to ESLint's own recommended rules (below): wall ${verdict(usualRec?.wall, 0.02)}; main-thread CPU ${verdict(usualRec?.thread, 0.02)}.
${ruleErrors.length ? `\nRule errors:\n${ruleErrors.map((error) => `- ${error}`).join('\n')}\n` : ''}
- **baseline** is the same parsers (\`@typescript-eslint/parser\` for TS, espree for JS) with zero rules: the
  cost of parsing, scope analysis and traversal that every ESLint run pays.
- **keyguard engine** is the shared per-file analysis (trigger scan, value resolution, facts) per round, measured by the
  engine itself: ESLint's per-rule stats charge it to whichever rule asks first. Files with no trigger
  (no catalogued module, global or marker) are skipped after one pass of the trigger scan
  (${summary.recommended?.analysed ?? heaviest.analysed} of ${files.length} files were analysed per round; ${summary.recommended?.tooLarge ?? 0} more had a
  trigger but over 400,000 AST nodes, and were skipped as generated code).
- **findings** are those of the first round; every round found the same number unless marked.
- **parse errors** are the parser's (and ESLint 10's refusal of \`/* eslint-env */\` comments), not keyguard's.

## Peers, in the same run

${peers.length ? `Measured the same way against a baseline process of their own, ${peerRounds} round(s):

${header}
${peerRows.join('\n')}

- **peer-sonarjs-crypto**: eslint-plugin-sonarjs ${readPeerVersion('eslint-plugin-sonarjs')} with its crypto and secrets rules only.
- **peer-security**: eslint-plugin-security ${readPeerVersion('eslint-plugin-security')}, recommended config.
- **peer-node-security**: eslint-plugin-node-security ${readPeerVersion('eslint-plugin-node-security')}, recommended config.` : 'Peer plugins not installed (run `node bench/corpus.mjs`).'}

## Files with no crypto

${plainSummary ? `${plain.length} of the corpus files contain no trigger at all (no catalogued module, global or marker). On those alone,
interleaved the same way (${plainRounds} rounds), keyguard recommended adds:
- wall time: **${interval(plainRec.wall)}**;
- main-thread CPU: **${interval(plainRec.thread)}**;
- process CPU: ${interval(plainRec.cpu)}.

The method's resolution: a second baseline process measured against the first (an A/A run, same batches) gave wall
${interval(plainAA.wall)}, main-thread CPU ${interval(plainAA.thread)}, process CPU ${interval(plainAA.cpu)}.
That interval is the method's limit here, so keyguard's own work on these files is also measured directly: ESLint's
per-rule stats (one untimed pass) time each rule's \`create\`, which is all a keyguard rule runs on a file with no trigger
(one trigger scan per file, and no listener). Summed over the ${recommendedRules} rules of recommended: **${plainOwnMs.toFixed(0)} ms**, which is
**${pct(plainOwnShare)}** of the baseline's main-thread time on the same files (${(plainBaseThreadMs / 1000).toFixed(1)} s, median round). The trigger scan, timed by the
engine, was ${(plainRec.engineMs).toFixed(0)} ms per round of it.

The rest of the timed overhead is not keyguard's code. In the same run, ${recommendedRules} rules that are not keyguard's and do
nothing at all (\`noop-rules\`: no option, no listener) added wall ${interval(plainNoop.wall)} and main-thread CPU
${interval(plainNoop.thread)} over zero rules: what ESLint spends to run that many rules on a file, before any rule
does anything. Earlier runs agree: a keyguard build whose rules return no listener first thing (no scan) cost as much
as the real one, and one do-nothing rule cost about 3%, most of it in more
garbage collection (\`node bench/account.mjs <files> baseline noop-rules:1 noop-rules\`; performance-history.md,
sessions 8 and 10). Much of that collection appears to come from how ESLint builds each rule's context: an object whose
prototype is the file's context. With those contexts built as flat copies instead (\`recommended~flat-context\` in
bench/configs.mjs, a diagnostic that patches ESLint in the bench's own process), keyguard recommended's point estimate on
these files fell from about 5% to about 2% in two runs of 3 and 5 rounds (\`node bench/interleave.mjs <files> baseline recommended
recommended~flat-context\`), and the extra major collections of a do-nothing rule went away; a standalone reproduction
(\`node bench/rule-context-gc.mjs\`) shows those collections but no wall-time difference it can resolve
(performance-history.md, session 11).` : 'Every corpus file contains a trigger.'}

### Added to ESLint's own recommended rules

${usualSummary ? `Most projects that add keyguard already lint with other rules, and then ESLint's cost of running a rule on each file
is already paid. The same ${plain.length} files, interleaved the same way (${plainRounds} rounds), with ESLint's own recommended
rules (the ${usualRuleCount} core rules whose meta says \`recommended\`, as \`@eslint/js\`'s recommended config enables them) against
those rules plus keyguard recommended:
- wall time: **${interval(usualRec.wall)}**;
- main-thread CPU: **${interval(usualRec.thread)}**;
- process CPU: ${interval(usualRec.cpu)}.

The A/A run of this setting (a second process with ESLint's rules alone): wall ${interval(usualAA.wall)}, main-thread CPU
${interval(usualAA.thread)}. ESLint's rules alone took ${(usualBaseMs / 1000).toFixed(1)} s per round (median), against
${(plainBaseMs / 1000).toFixed(1)} s for zero rules.` : 'Skipped (--no-usual, or every corpus file contains a trigger).'}

Loading the plugin (its modules and the compiled catalogue) takes ${loadMs.toFixed(0)} ms, once per process (median of 5 fresh
processes): in an editor, once per session.

## ESLint CLI: --concurrency 2 and --cache

${cli ? `\`eslint --config <keyguard recommended>\` over the same files: plain ${(cli.plainMs / 1000).toFixed(1)} s, \`--concurrency 2\` ${(cli.concurrentMs / 1000).toFixed(1)} s
(speed-up ×${(cli.plainMs / cli.concurrentMs).toFixed(2)}), \`--cache\` cold ${(cli.coldMs / 1000).toFixed(1)} s and warm ${(cli.warmMs / 1000).toFixed(1)} s.
Same findings with \`--concurrency 2\`: **${cli.concurrentSame ? 'yes' : 'NO'}**; with \`--cache\` (cold and warm): **${cli.cacheSame ? 'yes' : 'NO'}**.
(On a 2-core machine \`--concurrency auto\` starts no workers, hence the explicit 2.)` : 'Skipped (--skip-cli).'}

## Most expensive rules (${statsFor}, ESLint \`stats\`, ms summed over files, one untimed pass)

The first keyguard rule to run on a file is charged with the shared analysis, so compare this with the engine column.

| rule | ms |
| --- | ---: |
${topRules.join('\n')}

Earlier measurements, and what changed between them: [performance-history.md](performance-history.md).

Reproduce: \`npm ci && npm run bench\` (installs the corpus and the peers once, then runs offline).
`;

function commit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    return 'unknown';
  }
}

function readPeerVersion(name) {
  try {
    return JSON.parse(readFileSync(join(here, '.peers', 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

if (!args.includes('--no-write')) writeFileSync(join(root, 'docs', 'performance.md'), report);
console.log(report);
