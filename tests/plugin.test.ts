import { ESLint, Linter } from 'eslint';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRegistry } from '../src/engine/registry.js';
import plugin from '../src/index.js';
import { KeyguardConfigError, resolvePolicy } from '../src/policy.js';

const ROOT = join(import.meta.dirname, '..');
const weak = "const crypto = require('crypto'); crypto.createCipheriv('des-cbc', key, iv);\n";
const ruleFiles = readdirSync(join(ROOT, 'rules'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''))
  .sort();

describe('plugin', () => {
  it('registers exactly the rules in rules/, sorted', () => {
    expect(Object.keys(plugin.rules)).toEqual(ruleFiles);
  });

  it('has meta with name, version and namespace', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(plugin.meta).toEqual({ name: 'eslint-plugin-keyguard', version: pkg.version, namespace: 'keyguard' });
  });

  for (const [name, rule] of Object.entries(plugin.rules)) {
    describe(name, () => {
      const docs = rule.meta.docs!;
      it('has a doc, a test and a docs url pointing at the doc', () => {
        expect(existsSync(join(ROOT, 'docs', 'rules', `${name}.md`))).toBe(true);
        expect(existsSync(join(ROOT, 'tests', 'rules', `${name}.test.ts`))).toBe(true);
        expect(docs.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
      });
      it('has complete keyguard metadata', () => {
        expect(docs.description).toMatch(/^(Disallow|Require|Enforce) .+[^. ]$/);
        expect(['recommended', 'strict']).toContain(docs.recommended);
        expect(docs.cwe.length).toBeGreaterThan(0);
        for (const cwe of docs.cwe) expect(cwe).toMatch(/^CWE-\d+$/);
        expect(docs.mechanisms.length).toBeGreaterThan(0);
        expect(docs.securitySeverity).toBeGreaterThanOrEqual(0);
        expect(docs.securitySeverity).toBeLessThanOrEqual(10);
        expect(['very-high', 'high', 'medium', 'low']).toContain(docs.precision);
        expect(rule.meta.type).toBe('problem');
        expect(rule.meta.fixable).toBeUndefined();
        expect(Array.isArray(rule.meta.schema)).toBe(true);
        expect(rule.meta.defaultOptions).toBeDefined();
      });
      it('never echoes values in a way that could carry secrets: messages name placeholders only', () => {
        for (const message of Object.values(rule.meta.messages)) expect(message).not.toMatch(/\{\{\s*(key|secret|password)\s*\}\}/);
      });
    });
  }

  it('builds recommended from docs.recommended and strict from every rule', () => {
    const recommended = Object.keys(plugin.configs.recommended[0]!.rules!).sort();
    const strict = Object.keys(plugin.configs.strict[0]!.rules!).sort();
    expect(recommended).toEqual(
      Object.entries(plugin.rules)
        .filter(([, rule]) => rule.meta.docs?.recommended === 'recommended')
        .map(([name]) => `keyguard/${name}`)
        .sort(),
    );
    expect(strict).toEqual(Object.keys(plugin.rules).map((name) => `keyguard/${name}`).sort());
    expect(plugin.configs.strict[0]!.settings).toEqual({ keyguard: { profile: 'strict' } });
    expect(Object.values(plugin.configs.recommended[0]!.rules!)).toSatisfy((levels: unknown[]) => levels.every((l) => l === 'error'));
  });

  it('works directly in a config array, on JS and TS files', async () => {
    const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: [...plugin.configs.recommended], cwd: ROOT });
    const [js] = await eslint.lintText(weak, { filePath: join(ROOT, 'sample.js') });
    const [ts] = await eslint.lintText(`${weak}const typed: string = 'x';\n`, { filePath: join(ROOT, 'sample.ts') });
    expect(js!.messages.map((m) => m.ruleId)).toEqual(['keyguard/no-weak-cipher']);
    expect(ts!.messages.map((m) => m.ruleId)).toEqual(['keyguard/no-weak-cipher']);
  });

  it('works through extends', async () => {
    const { defineConfig } = await import('eslint/config');
    const config = defineConfig({ files: ['**/*.ts'], extends: [plugin.configs.strict] });
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      "const crypto = require('crypto'); crypto.createDecipheriv('des-cbc', key, iv); const n: number = 1;",
      config,
      'x.ts',
    );
    expect(messages.map((m) => m.messageId)).toEqual(['weakCipherDecrypt']);
  });
});

describe('catalogue', () => {
  it('has no reference to an undefined type', () => {
    expect([...getRegistry().danglingReferences()]).toEqual([]);
  });
});

describe('settings.keyguard', () => {
  it('merges overrides over the defaults, and strict raises the RSA minimum', () => {
    expect(resolvePolicy({ minRsaBits: 4096 }).minRsaBits).toBe(4096);
    expect(resolvePolicy({ profile: 'strict' }).minRsaBits).toBe(3072);
    expect(resolvePolicy(undefined).minRsaBits).toBe(2048);
  });

  it.each([
    [{ minRsaBit: 2048 }, /settings\.keyguard\.minRsaBit is not a known setting \(did you mean minRsaBits\?\)/],
    [{ minRsaBits: '2048' }, /settings\.keyguard\.minRsaBits must be an integer from 1024 to 16384/],
    [{ profile: 'paranoid' }, /settings\.keyguard\.profile must be one of "recommended", "strict"/],
    ['strict', /settings\.keyguard must be an object/],
  ])('rejects %j with a clear error', (raw, message) => {
    expect(() => resolvePolicy(raw)).toThrow(KeyguardConfigError);
    expect(() => resolvePolicy(raw)).toThrow(message);
  });

  it('reports a bad setting through ESLint naming the key', () => {
    const linter = new Linter({ configType: 'flat' });
    expect(() =>
      linter.verify(weak, [...plugin.configs.recommended, { settings: { keyguard: { minEcBit: 256 } } }], 'x.js'),
    ).toThrow(/minEcBit is not a known setting/);
    // Also on a file with no crypto, which no rule analyses.
    expect(() =>
      linter.verify('export const sum = (a, b) => a + b;\n', [...plugin.configs.strict, { settings: { keyguard: { minEcBit: 256 } } }], 'x.js'),
    ).toThrow(/minEcBit is not a known setting/);
  });

  it('gives no listener at all on a file without a trigger, and listeners where there is one', () => {
    const listenerCounts = (code: string): number[] => {
      const counts: number[] = [];
      const linter = new Linter({ configType: 'flat' });
      const rules = Object.fromEntries(
        Object.entries(plugin.rules).map(([name, rule]) => {
          const create = rule.create as (context: unknown) => Record<string, unknown>;
          return [
            name,
            {
              ...rule,
              create(context: unknown) {
                const listeners = create(context);
                counts.push(Object.keys(listeners).length);
                return listeners;
              },
            },
          ];
        }),
      );
      linter.verify(code, [{ plugins: { counted: { rules } as never }, rules: Object.fromEntries(Object.keys(rules).map((name) => [`counted/${name}`, 'error'])) }], 'x.js');
      expect(counts).toHaveLength(ruleFiles.length);
      return counts;
    };
    expect(listenerCounts('export const sum = (a, b) => a + b;\n').every((count) => count === 0)).toBe(true);
    expect(listenerCounts(weak).every((count) => count > 0)).toBe(true);
  });
});
