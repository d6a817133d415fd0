import { ESLintUtils } from '@typescript-eslint/utils';
import { mayAnalyse } from './engine/analysis.js';
import { getPolicy } from './policy.js';

/** Where rule docs live; SARIF `helpUri` and editors link here. */
export const REPOSITORY_URL = 'https://github.com/keyguard-dev/eslint-plugin-keyguard';

/** keyguard's extra rule docs fields, read by the configs, the SARIF writer and the docs. */
export interface KeyguardDocs {
  description: string;
  /** which config enables the rule: `recommended` (and strict), or `strict` only */
  recommended: 'recommended' | 'strict';
  /** CWE ids, e.g. `CWE-327` */
  cwe: readonly string[];
  /** threat-model mechanisms (../shared/THREAT-MODEL.md) the rule traces to */
  mechanisms: readonly number[];
  /** 0.0 to 10.0, the CVSS-like score GitHub code scanning ranks alerts by */
  securitySeverity: number;
  /** SARIF precision: how often a finding is right */
  precision: 'very-high' | 'high' | 'medium' | 'low';
}

const ruleCreator = ESLintUtils.RuleCreator<KeyguardDocs>((name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);

/**
 * typescript-eslint's RuleCreator, minus its per-file deep merge of default options: ESLint >= 9.15 (our
 * peer range) already applies `meta.defaultOptions` to `context.options`, and the merge ran for every rule
 * on every file, crypto or not.
 *
 * Every keyguard rule reports from the shared analysis only (`onAnalysis`), so on a file the trigger scan
 * rules out it has nothing to do: `create` returns no listener before the rule builds anything (its
 * reporter, option sets), which ESLint would otherwise run for each of the rules on every file. Settings
 * are still validated on every file, so a bad `settings.keyguard` fails the same way everywhere.
 */
export const createRule: typeof ruleCreator = (rule) => {
  const created = ruleCreator(rule);
  return {
    ...created,
    create: (context) => {
      getPolicy(context.settings as Record<string, unknown>);
      if (!mayAnalyse(context as unknown as Parameters<typeof mayAnalyse>[0])) return {};
      return rule.create(context, context.options);
    },
  };
};

/** The `allow` option shared by rules that accept documented exceptions by algorithm name. */
export function allowListOption(description: string) {
  return { type: 'array', items: { type: 'string' }, uniqueItems: true, description } as const;
}

/** The `ignoreTestFiles` option of the hardcoded-key and escrow rules. */
export const IGNORE_TEST_FILES_OPTION = {
  type: 'boolean',
  description:
    'Skip test and fixture files (`*.test.*`, `*.spec.*`, `__tests__/`, `test/`, `tests/`, `fixtures/`). Prefer scoping with flat config `files`/`ignores`.',
} as const;

/** The whole options schema of the rules whose only option is `ignoreTestFiles`. */
export const IGNORE_TEST_FILES_SCHEMA = [
  { type: 'object', properties: { ignoreTestFiles: IGNORE_TEST_FILES_OPTION }, additionalProperties: false },
] as const;
