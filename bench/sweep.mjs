#!/usr/bin/env node
// Corpus sweep (issue 7): lints every file of the pinned corpus (bench/corpus.mjs) with keyguard strict (crash-freeness:
// rule exceptions, hangs, parse failures) and recommended (every finding, for false-positive classification), and
// writes bench/.work/sweep.json plus a summary on stdout. Not part of `npm test`: `npm run sweep`.
// Options: --config strict|recommended|both (default both), --dist <dir> (a built keyguard, default ./dist),
// --out <file> (default bench/.work/sweep.json). Progress goes to stderr, so a file that hangs is named.
import { ESLint } from 'eslint';
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const dist = opt('dist', join(root, 'dist'));
const which = opt('config', 'both');
const corpus = join(here, '.corpus');
if (!existsSync(join(corpus, 'node_modules'))) {
  console.error('no corpus: run `node bench/corpus.mjs` first');
  process.exit(2);
}
process.env.KEYGUARD_THROW = '1';
const { default: keyguard } = await import(join(dist, 'src/index.js'));
const { isMinified } = await import(join(dist, 'src/cli/files.js'));

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const files = [];
(function collect(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path);
    else if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name) && !isMinified(path)) files.push(path);
  }
})(join(corpus, 'node_modules'));
const lines = files.reduce((sum, file) => sum + readFileSync(file, 'utf8').split('\n').length, 0);

async function sweep(name) {
  const eslint = new ESLint({
    cwd: corpus,
    overrideConfigFile: true,
    overrideConfig: [{ ignores: ['!**/node_modules/'] }, ...keyguard.configs[name], { linterOptions: { reportUnusedDisableDirectives: 'off' } }],
    errorOnUnmatchedPattern: false,
    globInputPaths: false,
  });
  const out = { config: name, files: files.length, lines, parseFailures: [], ruleErrors: [], slowest: [], findings: [] };
  for (const [index, file] of files.entries()) {
    if (index % 250 === 0) process.stderr.write(`${name}: ${index}/${files.length} ${relative(corpus, file)}\n`);
    const start = performance.now();
    try {
      const [result] = await eslint.lintFiles([file]);
      for (const m of result.messages) {
        if (m.fatal) out.parseFailures.push({ file: relative(corpus, file), message: m.message });
        else if (m.ruleId?.startsWith('keyguard/')) out.findings.push({ file: relative(corpus, file), line: m.line, column: m.column, rule: m.ruleId, message: m.message });
      }
    } catch (error) {
      out.ruleErrors.push({ file: relative(corpus, file), error: String(error?.stack ?? error).split('\n').slice(0, 6).join('\n') });
    }
    out.slowest.push({ file: relative(corpus, file), ms: performance.now() - start });
  }
  out.slowest = out.slowest.sort((a, b) => b.ms - a.ms).slice(0, 10);
  return out;
}

const reports = [];
for (const name of which === 'both' ? ['strict', 'recommended'] : [which]) reports.push(await sweep(name));
mkdirSync(join(here, '.work'), { recursive: true });
writeFileSync(opt('out', join(here, '.work', 'sweep.json')), JSON.stringify(reports, null, 2));
for (const r of reports) {
  console.log(`${r.config}: ${r.files} files, ${r.lines} lines, ${r.parseFailures.length} parse failures, ${r.ruleErrors.length} rule errors, ${r.findings.length} findings; slowest ${r.slowest[0]?.file} ${r.slowest[0]?.ms.toFixed(0)} ms`);
  for (const e of r.ruleErrors.slice(0, 10)) console.log(`  RULE ERROR ${e.file}\n${e.error}`);
  const byRule = {};
  for (const f of r.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  console.log(`  findings by rule: ${JSON.stringify(byRule)}`);
}
process.exitCode = reports.some((r) => r.ruleErrors.length) ? 1 : 0;
