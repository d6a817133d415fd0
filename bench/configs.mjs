// The configurations the benchmark compares, shared by the bench/ scripts (interleave.mjs' workers, per-rule.mjs, ...): the same
// parsers with zero rules (baseline), keyguard recommended and strict, and the peer plugins (bench/peers.mjs).
import { ESLint } from 'eslint';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const dist = resolve(process.env.KEYGUARD_DIST ?? join(root, 'dist'));
const JS_TS = ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'];

/**
 * ESLint's own recommended rules (those whose meta says `recommended`), as a project that lints with
 * `@eslint/js`'s recommended config has them: the realistic setting in which keyguard is added to a lint.
 */
async function eslintRecommended() {
  const { builtinRules } = await import('eslint/use-at-your-own-risk');
  const rules = {};
  for (const [name, rule] of builtinRules) if (rule.meta?.docs?.recommended && !rule.meta.deprecated) rules[name] = 'error';
  return { rules };
}

/** A config entry enabling one rule per name, each with no option and no listener (plugin `noop`). */
export function noopRules(names) {
  const rules = Object.fromEntries(names.map((rule) => [rule, { meta: { schema: [] }, create: () => ({}) }]));
  return { plugins: { noop: { rules } }, rules: Object.fromEntries(names.map((rule) => [`noop/${rule}`, 'error'])) };
}

/**
 * A diagnostic, not a setting anyone would use: makes ESLint build each rule's context as a flat frozen copy of
 * the file's context instead of an object whose prototype is that file context (`FileContext#extend` in ESLint
 * 10). With the prototype, one rule that does nothing costs about 3% on ordinary files, most of it in garbage
 * collection; with the copy, that extra collection went away (docs/performance-history.md, session 11). It
 * patches ESLint in this process only.
 */
export function flattenRuleContexts() {
  const require = createRequire(import.meta.url);
  const eslintDir = dirname(require.resolve('eslint/package.json'));
  const { FileContext } = require(join(eslintDir, 'lib/linter/file-context.js'));
  FileContext.prototype.extend = function extend(extension) {
    const { cwd, filename, physicalFilename, sourceCode, languageOptions, settings } = this;
    return Object.freeze({ cwd, filename, physicalFilename, sourceCode, languageOptions, settings, ...extension });
  };
}

/**
 * The configuration called `name`. `<name>~flat-context` is `<name>` with ESLint's rule contexts made flat
 * (flattenRuleContexts): what a configuration would cost if ESLint did not build them on the file context.
 */
export async function configFor(name, distDir = dist) {
  if (name.endsWith('~flat-context')) {
    flattenRuleContexts();
    return configFor(name.slice(0, -'~flat-context'.length), distDir);
  }
  const { default: keyguard } = await import(join(distDir, 'src/index.js'));
  const tsParser = (await import('@typescript-eslint/parser')).default;
  const base = [
    // The corpus lives in node_modules, which ESLint ignores by default.
    { ignores: ['!**/node_modules/'] },
    { files: JS_TS, linterOptions: { reportUnusedDisableDirectives: 'off' } },
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  ];
  switch (name) {
    case 'baseline':
      return base;
    case 'recommended':
      return [...base, ...keyguard.configs.recommended];
    case 'strict':
      return [...base, ...keyguard.configs.strict];
    // keyguard's cost where a project already lints with ESLint's own recommended rules (`node bench/interleave.mjs
    // <files> eslint-recommended eslint-recommended+keyguard`): ESLint's per-rule floor is paid by then.
    case 'eslint-recommended':
      return [...base, await eslintRecommended()];
    case 'eslint-recommended+keyguard':
      return [...base, await eslintRecommended(), ...keyguard.configs.recommended];
    case 'noop-rules': {
      // As many rules as recommended enables, each with no listener at all: what ESLint itself charges per
      // configured rule per file, which keyguard cannot avoid (`node bench/interleave.mjs <files> baseline noop-rules`).
      const names = Object.keys(keyguard.configs.recommended.find((entry) => entry.rules).rules);
      return [...base, noopRules(names.map((rule) => rule.replace(/^keyguard\//, '')))];
    }
    default: {
      // `noop-off`: one such rule configured but turned off, which ESLint never runs: tells the cost of running a
      // rule on every file from that of loading and configuring a plugin.
      if (name === 'noop-off') return [...base, { ...noopRules(['r0']), rules: { 'noop/r0': 'off' } }];
      // `noop-rules:N`: N such rules, to see how ESLint's cost grows with the number of rules.
      const many = /^noop-rules:(\d+)$/.exec(name);
      if (many) return [...base, noopRules(Array.from({ length: Number(many[1]) }, (_, i) => `r${i}`))];
      const peers = await import(join(root, 'bench/peers.mjs'));
      return [...base, ...(await peers.peerConfig(name))];
    }
  }
}

/**
 * ESLint over the installed corpus (bench/.corpus) with one configuration, for scripts that lint listed
 * files; `options` adds ESLint options (`stats: true`), `distDir` picks another build of keyguard.
 */
export async function corpusESLint(name, options = {}, distDir = dist) {
  return new ESLint({
    cwd: join(root, 'bench', '.corpus'),
    overrideConfigFile: true,
    overrideConfig: await configFor(name, distDir),
    errorOnUnmatchedPattern: false,
    globInputPaths: false,
    ...options,
  });
}

/** Adds one lint result's ESLint `stats` (run with `stats: true`) to per-rule totals in ms. */
export function addRuleTimes(totals, result) {
  for (const pass of result?.stats?.times?.passes ?? []) {
    for (const [rule, timing] of Object.entries(pass.rules ?? {})) totals[rule] = (totals[rule] ?? 0) + timing.total;
  }
  return totals;
}
