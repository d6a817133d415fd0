import { ESLint, type Linter } from 'eslint';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import plugin from '../index.js';
import { KeyguardConfigError, resolvePolicy, SETTINGS_SCHEMA } from '../policy.js';
import { applyBaseline, readBaseline, writeBaseline } from './baseline.js';
import { InventoryCollector, toCbom } from './cbom.js';
import { selectFiles, UsageError } from './files.js';
import { fingerprint, toSarif } from './sarif.js';

const HELP = `keyguard: find key exfiltration, escrow recipients, hardcoded keys and weakened crypto in JS/TS.

Usage: keyguard [options] [paths...]

Lints the given files and directories (default: .) with keyguard's recommended config, ignoring
your own ESLint config. Honours .gitignore; skips node_modules, build output and minified bundles.

Options:
  --strict                 use the strict config (every rule, strict thresholds, legacy uses too)
  --format <name>          stylish (default), compact (one line per finding, for hooks), json,
                           sarif (SARIF 2.1.0 for code scanning), or cbom (CycloneDX 1.6
                           cryptographic bill of materials: every algorithm used, where, and
                           the findings that concern it)
  -o, --output <file>      write the report to a file instead of stdout
  --max-warnings <n>       exit 0 while there are at most n findings (default: any finding fails)
  --shard <i>/<n>          lint only shard i of n (1-based), a deterministic split for CI matrices
  --baseline <file>        report only findings not recorded in the baseline file
  --update-baseline        write the current findings to the --baseline file and exit 0
  --quiet                  no summary or progress on stderr
  -h, --help               show this help
  -v, --version            print the version

Policy (thresholds, profile) comes from the "keyguard" field of the nearest package.json or from a
.keyguardrc.json next to it; both take the same keys as settings.keyguard in an ESLint config:
  ${Object.keys(SETTINGS_SCHEMA).join(', ')}

The JSON format never includes file sources, and no format ever prints key material.

Exit codes: 0 no findings, 1 findings, 2 usage or configuration error.
`;

export interface RunResult {
  exitCode: number;
}

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY && process.stderr.isTTY),
};

/** Finds the policy overrides for the CLI: `.keyguardrc.json` or package.json `keyguard`, nearest first. */
export function loadCliSettings(cwd: string): { settings: Record<string, unknown>; source: string | null } {
  let dir = resolve(cwd);
  for (;;) {
    const rc = join(dir, '.keyguardrc.json');
    if (existsSync(rc)) {
      try {
        return { settings: JSON.parse(readFileSync(rc, 'utf8')) as Record<string, unknown>, source: rc };
      } catch (error) {
        throw new KeyguardConfigError(`keyguard: ${rc} is not valid JSON: ${(error as Error).message}`);
      }
    }
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        const json = JSON.parse(readFileSync(pkg, 'utf8')) as { keyguard?: Record<string, unknown> };
        if (json.keyguard !== undefined) return { settings: json.keyguard, source: `${pkg} ("keyguard")` };
      } catch {
        // a broken package.json is not ours to report
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return { settings: {}, source: null };
    dir = parent;
  }
}

function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard takes i/n with 1 <= i <= n, got "${text}"`);
  }
  return { index, count };
}

/** Deterministic shard membership by a hash of the relative path, so adding a file moves no other file. */
export function inShard(relativePath: string, shard: { index: number; count: number }): boolean {
  let hash = 2166136261;
  for (let i = 0; i < relativePath.length; i++) {
    hash ^= relativePath.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash % shard.count === shard.index - 1;
}

/** The CLI. Never calls process.exit: returns the exit code (the bin does that). */
export async function run(argv: readonly string[], cwd = process.cwd(), io: Io = defaultIo): Promise<RunResult> {
  try {
    return await runUnsafe(argv, cwd, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof KeyguardConfigError) {
      io.stderr(`${error.message.startsWith('keyguard:') ? '' : 'keyguard: '}${error.message}\n`);
      if (error instanceof UsageError) io.stderr('Run keyguard --help for usage.\n');
      return { exitCode: 2 };
    }
    throw error;
  }
}

async function runUnsafe(argv: readonly string[], cwd: string, io: Io): Promise<RunResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        strict: { type: 'boolean', default: false },
        format: { type: 'string', default: 'stylish' },
        output: { type: 'string', short: 'o' },
        'max-warnings': { type: 'string' },
        shard: { type: 'string' },
        baseline: { type: 'string' },
        'update-baseline': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return { exitCode: 0 };
  }
  if (values.version) {
    io.stdout(`${plugin.meta.version}\n`);
    return { exitCode: 0 };
  }
  const format = values.format;
  if (!['stylish', 'compact', 'json', 'sarif', 'cbom'].includes(format)) {
    throw new UsageError(`--format must be stylish, compact, json, sarif or cbom, got "${format}"`);
  }
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      throw new UsageError(`--max-warnings takes a whole number, got "${values['max-warnings']}"`);
    }
  }
  if (values['update-baseline'] && !values.baseline) throw new UsageError('--update-baseline needs --baseline <file>');
  const shard = values.shard ? parseShard(values.shard) : null;

  // Policy: validated up front, so a typo is a clear exit 2 rather than a crash mid-lint.
  const { settings: userSettings, source } = loadCliSettings(cwd);
  const settings: Record<string, unknown> = { ...userSettings, ...(values.strict ? { profile: 'strict' } : {}) };
  if (format === 'sarif' && 'reportDisclosed' in SETTINGS_SCHEMA) settings.reportDisclosed = true;
  resolvePolicy(settings, source ?? 'settings.keyguard');

  const paths = positionals.length ? positionals : ['.'];
  const selection = selectFiles(paths, cwd);
  let files = selection.files;
  if (shard) files = files.filter((file) => inShard(relative(cwd, file).split(sep).join('/'), shard));

  const config = values.strict ? plugin.configs.strict : plugin.configs.recommended;
  const inventory = format === 'cbom' ? new InventoryCollector() : null;
  // ESLint ignores files outside its cwd: lint from a directory that contains them all.
  const eslint = new ESLint({
    cwd: commonAncestor([cwd, ...files.map((file) => dirname(file))]),
    overrideConfigFile: true,
    overrideConfig: [...config, { settings: { keyguard: settings } }, ...(inventory ? [inventory.config()] : [])] as Linter.Config[],
    errorOnUnmatchedPattern: false,
    globInputPaths: false,
  });

  const showProgress = io.isTTY && !values.quiet && files.length > 200;
  const results: ESLint.LintResult[] = [];
  const batch = 100;
  for (let i = 0; i < files.length; i += batch) {
    results.push(...(await eslint.lintFiles(files.slice(i, i + batch))));
    if (showProgress) io.stderr(`\rkeyguard: ${Math.min(i + batch, files.length)}/${files.length} files`);
  }
  if (showProgress) io.stderr('\n');

  // Parse failures are the parser's, not findings: list them on stderr and leave them out of the report.
  const parseFailures: string[] = [];
  for (const result of results) {
    const fatal = result.messages.filter((message) => message.fatal || !message.ruleId);
    for (const message of fatal) parseFailures.push(`${relative(cwd, result.filePath)}:${message.line}:${message.column} ${message.message}`);
    if (fatal.length) {
      result.messages = result.messages.filter((message) => !(message.fatal || !message.ruleId));
      result.errorCount -= fatal.length;
      result.fatalErrorCount = 0;
    }
  }

  if (values.baseline) {
    const baselinePath = resolve(cwd, values.baseline);
    if (values['update-baseline']) {
      const count = writeBaseline(baselinePath, results, cwd);
      io.stderr(`keyguard: recorded ${count} finding(s) in ${relative(cwd, baselinePath) || baselinePath}\n`);
      return { exitCode: 0 };
    }
    applyBaseline(results, readBaseline(baselinePath), cwd);
  }

  const findings = results.reduce((sum, result) => sum + result.messages.length, 0);
  const rulesMeta = eslint.getRulesMetaForResults(results) as Record<string, never>;
  let report: string;
  if (format === 'json') {
    report = `${JSON.stringify(toJson(results, cwd), null, 2)}\n`;
  } else if (format === 'sarif') {
    const allMeta = Object.fromEntries(Object.entries(plugin.rules).map(([name, rule]) => [`keyguard/${name}`, rule.meta]));
    report = `${JSON.stringify(toSarif(results, { cwd, rulesMeta: { ...allMeta, ...rulesMeta }, version: plugin.meta.version }), null, 2)}\n`;
  } else if (inventory) {
    const cbom = toCbom(results, inventory, { cwd, version: plugin.meta.version, profile: values.strict ? 'strict' : 'recommended' });
    report = `${JSON.stringify(cbom, null, 2)}\n`;
  } else if (format === 'compact') {
    report = results
      .flatMap((result) =>
        result.messages.map(
          (m) => `${relative(cwd, result.filePath)}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]\n`,
        ),
      )
      .join('');
  } else {
    const formatter = await eslint.loadFormatter('stylish');
    report = await formatter.format(results.filter((result) => result.messages.length));
  }
  if (values.output) writeFileSync(resolve(cwd, values.output), report);
  else io.stdout(report);

  if (!values.quiet) {
    const skipped = selection.minified.length ? `, ${selection.minified.length} minified skipped` : '';
    const shardNote = shard ? ` (shard ${shard.index}/${shard.count})` : '';
    io.stderr(`keyguard: ${files.length} file(s) checked${shardNote}${skipped}, ${findings} finding(s)\n`);
    if (parseFailures.length) {
      io.stderr(`keyguard: ${parseFailures.length} file(s) could not be parsed and were skipped:\n`);
      for (const failure of parseFailures.slice(0, 20)) io.stderr(`  ${failure}\n`);
    }
  }
  const failed = maxWarnings < 0 ? findings > 0 : findings > maxWarnings;
  return { exitCode: failed ? 1 : 0 };
}

function commonAncestor(paths: readonly string[]): string {
  let common = resolve(paths[0] ?? '.');
  for (const path of paths.slice(1)) {
    while (!(path === common || path.startsWith(common.endsWith(sep) ? common : common + sep))) {
      const parent = dirname(common);
      if (parent === common) return common;
      common = parent;
    }
  }
  return common;
}

/** keyguard's JSON: ESLint's result shape without `source` (it would print whole files, secrets included). */
function toJson(results: readonly ESLint.LintResult[], cwd: string) {
  return results
    .filter((result) => result.messages.length || result.suppressedMessages?.length)
    .map((result) => ({
      filePath: relative(cwd, result.filePath).split(sep).join('/'),
      messages: result.messages.map((message) => ({
        ruleId: message.ruleId,
        messageId: message.messageId,
        severity: message.severity,
        message: message.message,
        line: message.line,
        column: message.column,
        endLine: message.endLine,
        endColumn: message.endColumn,
        ...(message.suggestions?.length ? { suggestions: message.suggestions.map((s) => ({ desc: s.desc, messageId: s.messageId })) } : {}),
      })),
      suppressedCount: result.suppressedMessages?.length ?? 0,
      errorCount: result.errorCount,
      warningCount: result.warningCount,
    }));
}

export { fingerprint };
