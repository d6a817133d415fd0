import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../src/index.js';
import { MAX_NODES } from '../src/engine/file-index.js';

/**
 * Crash-freeness on generated torture inputs: huge files, a 5 MB string literal, and nesting as deep as the
 * parsers accept. keyguard must never be the part that fails: wherever ESLint with zero rules succeeds,
 * ESLint with keyguard strict must succeed too (internal errors throw in tests: KEYGUARD_THROW=1).
 */
const TS = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } }];

function lint(code: string, file: string, withKeyguard: boolean): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(code, [...TS, ...(withKeyguard ? plugin.configs.strict : [])], file);
}

/** ESLint alone (zero rules) accepts the input: the parser parses it and ESLint's own scope analysis survives it. */
function parses(code: string, file: string): boolean {
  try {
    return !lint(code, file, false).some((m) => m.fatal);
  } catch {
    return false;
  }
}

/** The deepest nesting (of a given shape) that the parser accepts here, by bisection. */
function deepestAccepted(make: (depth: number) => string, file: string, high: number): number {
  let lo = 1;
  let hi = high;
  if (parses(make(hi), file)) return hi;
  while (lo + 1 < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (parses(make(mid), file)) lo = mid;
    else hi = mid;
  }
  return lo;
}

const HEADER = "import * as crypto from 'node:crypto';\n";
const WEAK = "crypto.createCipheriv('des-cbc', key, iv)";

const SHAPES: Record<string, (depth: number) => string> = {
  parentheses: (d) => `${HEADER}export const x = ${'('.repeat(d)}${WEAK}${')'.repeat(d)};\n`,
  arrays: (d) => `${HEADER}export const x = ${'['.repeat(d)}${WEAK}${']'.repeat(d)};\n`,
  calls: (d) => `${HEADER}const f = (v: unknown) => v;\nexport const x = ${'f('.repeat(d)}${WEAK}${')'.repeat(d)};\n`,
  blocks: (d) => `${HEADER}${'{'.repeat(d)}${WEAK};${'}'.repeat(d)}\n`,
  functions: (d) => `${HEADER}${'(() => '.repeat(d)}${WEAK}${')'.repeat(d)};\n`,
  concatenation: (d) => `${HEADER}crypto.createCipheriv(${Array.from({ length: d }, () => "'a'").join(' + ')}, key, iv);\n`,
};

describe('torture inputs', () => {
  for (const [shape, make] of Object.entries(SHAPES)) {
    for (const file of ['deep.ts', 'deep.js']) {
      it(`${shape} nested as deep as the parser accepts (${file.endsWith('.ts') ? '@typescript-eslint/parser' : 'espree'})`, () => {
        const code = (depth: number) => (file.endsWith('.js') ? make(depth).replace('(v: unknown)', '(v)') : make(depth));
        // Stack use near the limit varies a little from run to run: test just inside it.
        let depth = Math.floor(deepestAccepted(code, file, 6000) * 0.9);
        // ESLint's own recursion (eslint-scope's analysis of nested blocks) can be the limit, and it moves
        // with the JIT's state: it once overflowed at this depth in a full test run, before any rule ran.
        // Back off until ESLint alone accepts the depth right now, so only keyguard can fail what follows.
        while (depth > 50 && !parses(code(depth), file)) depth = Math.floor(depth * 0.9);
        expect(depth).toBeGreaterThan(50);
        // At the parser's limit, ESLint with zero rules works; keyguard must not be what breaks.
        const messages = lint(code(depth), file, true);
        expect(messages.filter((m) => m.fatal)).toEqual([]);
        expect(messages.some((m) => m.ruleId === 'keyguard/no-weak-cipher') || shape === 'concatenation').toBe(true);
      });
    }
  }

  it('a 5 MB string literal', () => {
    const code = `${HEADER}export const blob = '${'A'.repeat(5 * 1024 * 1024)}';\n${WEAK};\n`;
    const messages = lint(code, 'blob.ts', true);
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    expect(messages.map((m) => m.ruleId)).toEqual(['keyguard/no-weak-cipher']);
  });

  it('a 30,000-line file of calls, with the finding at the end', { timeout: 180_000 }, () => {
    const body = Array.from({ length: 30_000 }, (_, i) => `record(${i}, 'x${i % 7}');`).join('\n');
    const messages = lint(`${HEADER}${body}\n${WEAK};\n`, 'long.js', true);
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['keyguard/no-weak-cipher', 30_002]]);
  });

  it('a 5,000-line TypeScript file', () => {
    const body = Array.from({ length: 5_000 }, (_, i) => `export const v${i}: number = ${i} + ${i % 7};`).join('\n');
    const messages = lint(`${HEADER}${body}\n${WEAK};\n`, 'long.ts', true);
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['keyguard/no-weak-cipher', 5_002]]);
  });

  it('skips a file past 400,000 nodes, as generated code, and analyses one just under', () => {
    // One node per array element, plus a few dozen for the rest of the file. The finding comes first, so a
    // partial look at the file (the first 400,000 nodes) would still see it.
    const file = (elements: number) => `${HEADER}${WEAK};\nexport const table = [${'0,'.repeat(elements)}];\n`;
    expect(MAX_NODES).toBe(400_000);
    expect(lint(file(399_900), 'table.js', true).map((m) => m.ruleId)).toEqual(['keyguard/no-weak-cipher']);
    expect(lint(file(400_000), 'table.js', true)).toEqual([]);
  });

  it('a 20,000-term string concatenation stays unknown instead of overflowing', () => {
    const code = (n: number) => `${HEADER}crypto.createCipheriv(${Array.from({ length: n }, () => "'a'").join('+')}, key, iv);\n`;
    const depth = deepestAccepted(code, 'concat.js', 20_000);
    expect(depth).toBeGreaterThan(1000);
    expect(lint(code(depth), 'concat.js', true).filter((m) => m.fatal)).toEqual([]);
  });

  it('arrays built from spreads of spreads are walked once each, not once per path', () => {
    // 2^25 paths from the last array to the first: exponential before arrays were memoised (TypeScript's
    // own 6 MB compiler never finished linting).
    const levels = Array.from({ length: 25 }, (_, i) => `const a${i + 1} = [...a${i}, ...a${i}];`).join('\n');
    const code = `${HEADER}const a0 = ['des-cbc'];\n${levels}\nfor (const name of a25) crypto.createCipheriv(name, key, iv);\n`;
    const messages = lint(code, 'dag.js', true);
    expect(messages.map((m) => m.ruleId)).toContain('keyguard/no-weak-cipher');
  });

  it('a 200,000-element array literal stays bounded and does not overflow', () => {
    const elements = Array.from({ length: 200_000 }, (_, i) => `'v${i}'`).join(',');
    const code = `${HEADER}const names = [${elements}];\nfor (const name of names) crypto.createCipheriv(name, key, iv);\n`;
    expect(lint(code, 'wide.js', true).filter((m) => m.fatal)).toEqual([]);
  });

  it('a helper called from 90,000 sites (just under the node limit): its parameter stays bounded and does not overflow', { timeout: 120_000 }, () => {
    const calls = Array.from({ length: 90_000 }, (_, i) => `enc('v${i}');`).join('\n');
    const code = `${HEADER}function enc(name) { return crypto.createCipheriv(name, key, iv); }\nenc('des-cbc');\n${calls}\n`;
    const messages = lint(code, 'sites.js', true);
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    // the first call site is evaluated before the set fills up
    expect(messages.map((m) => m.ruleId)).toContain('keyguard/no-weak-cipher');
  });
});
