import { Linter } from 'eslint';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import plugin from '../src/index.js';
import { parseFixture, type FixtureSpec } from './fixture-annotations.js';
import { mutants, OPERATORS } from './mutation/mutate.js';

/**
 * Evasion robustness: every finding of every annotated fixture is mutated by every applicable operator
 * (tests/mutation/mutate.ts) and must still be reported, on the same line, by the same rule. Mutants that
 * keyguard misses must be listed in tests/mutation/known-evasions.json (and explained in
 * docs/limitations.md); a miss that is not listed fails, so detected mutants are regression tests.
 * KEYGUARD_MUTATION_REPORT=1 writes the per-rule report to docs/mutation.md.
 */
const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'fixtures');
const KNOWN_FILE = join(import.meta.dirname, 'mutation', 'known-evasions.json');
const SOURCE = /\.(js|mjs|cjs|jsx|ts|tsx|mts|cts)$/;

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (SOURCE.test(entry)) yield path;
  }
}

function lint(text: string, file: string, spec: FixtureSpec): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    text,
    [
      ...plugin.configs[spec.profile],
      { settings: { keyguard: { ...(spec.profile === 'strict' ? { profile: 'strict' } : {}), ...spec.settings } } },
    ],
    { filename: file },
  );
}

function offset(text: string, line: number, column: number): number {
  let index = 0;
  for (let l = 1; l < line; l++) index = text.indexOf('\n', index) + 1;
  return index + column - 1;
}

interface Outcome {
  key: string;
  rule: string;
  operator: string;
  detected: boolean;
}

const outcomes: Outcome[] = [];
let invalid = 0;

for (const file of walk(FIXTURES)) {
  const text = readFileSync(file, 'utf8');
  const spec = parseFixture(text);
  if (!spec.expected.length) continue;
  const name = relative(FIXTURES, file);
  const isTypeScript = /\.[cm]?tsx?$/.test(file);
  const findings = lint(text, file, spec).filter((m) => m.ruleId && m.endLine && m.endColumn);
  findings.forEach((finding, i) => {
    const rule = finding.ruleId!.replace(/^keyguard\//, '');
    const start = offset(text, finding.line, finding.column);
    const end = offset(text, finding.endLine!, finding.endColumn!);
    for (const mutant of mutants({ text, start, end, isTypeScript }, i)) {
      const messages = lint(mutant.text, file, spec);
      if (messages.some((m) => m.fatal)) {
        invalid++;
        continue;
      }
      const detected = messages.some((m) => m.ruleId === finding.ruleId && m.line === finding.line);
      outcomes.push({ key: `${name}:${finding.line}:${rule}:${mutant.operator}`, rule, operator: mutant.operator, detected });
    }
  });
}

const known = new Set<string>(existsSync(KNOWN_FILE) ? (JSON.parse(readFileSync(KNOWN_FILE, 'utf8')) as string[]) : []);

describe('mutation testing: evasions of positive fixtures', () => {
  it('generates mutants for the positive fixtures', () => {
    expect(outcomes.length, `${outcomes.length} mutants, ${invalid} invalid`).toBeGreaterThan(30);
  });

  it('detects every mutant not listed as a known evasion', () => {
    const missed = outcomes.filter((o) => !o.detected).map((o) => o.key);
    expect(missed.filter((key) => !known.has(key))).toEqual([]);
  });

  it('lists no known evasion that is now detected (keep the list honest)', () => {
    const detected = new Set(outcomes.filter((o) => o.detected).map((o) => o.key));
    expect([...known].filter((key) => detected.has(key))).toEqual([]);
  });

  it('detects at least 95% of mutants for every rule', () => {
    const byRule = new Map<string, { total: number; detected: number }>();
    for (const o of outcomes) {
      const entry = byRule.get(o.rule) ?? { total: 0, detected: 0 };
      entry.total++;
      if (o.detected) entry.detected++;
      byRule.set(o.rule, entry);
    }
    const below = [...byRule].filter(([, e]) => e.detected / e.total < 0.95).map(([rule, e]) => `${rule}: ${e.detected}/${e.total}`);
    expect(below).toEqual([]);

    if (process.env.KEYGUARD_MUTATION_REPORT === '1') {
      const total = outcomes.length;
      const detected = outcomes.filter((o) => o.detected).length;
      const rows = [...byRule]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([rule, e]) => `| ${rule} | ${e.total} | ${e.detected} | ${((100 * e.detected) / e.total).toFixed(1)}% |`);
      const byOperator = OPERATORS.map((op) => {
        const list = outcomes.filter((o) => o.operator === op);
        return `| ${op} | ${list.length} | ${list.filter((o) => o.detected).length} |`;
      });
      writeFileSync(
        join(ROOT, 'docs', 'mutation.md'),
        `# Mutation testing\n\nGenerated by \`npm run mutation\` (tests/mutation.test.ts with KEYGUARD_MUTATION_REPORT=1). Every finding of every\nannotated fixture is rewritten by each applicable operator of tests/mutation/mutate.ts (aliasing the module or\nfunction; moving the value into a const, enum, object or array; building the string by concatenation, template,\n\`join\` or a case change; passing it through a helper function, a class field, a default parameter, a spread\noptions object, a destructured parameter or an async wrapper), and must still be reported by the same rule on the\nsame line. Mutants that do not parse are not counted (${invalid} this run).\n\n**${detected} of ${total} mutants detected (${((100 * detected) / total).toFixed(1)}%).**\n\n| rule | mutants | detected | rate |\n| --- | ---: | ---: | ---: |\n${rows.join('\n')}\n\n| operator | mutants | detected |\n| --- | ---: | ---: |\n${byOperator.join('\n')}\n\nMissed mutants are listed in tests/mutation/known-evasions.json and explained in docs/limitations.md.\n`,
      );
    }
  });
});
