import fc from 'fast-check';
import { Linter } from 'eslint';
import plugin from '../src/index.js';

/**
 * Property tests: generated programs that mix catalogued calls, module alias forms and value shapes.
 * For every program: linting never throws, the result is deterministic, renaming identifiers or
 * reformatting never changes the findings, and a weak value is found through every alias x shape
 * combination (and a strong one never is).
 */

interface Api {
  rule: string;
  call: (callee: string, value: string) => string;
  weak: string[];
  strong: string[];
  kind: 'string' | 'number';
}

const APIS: Api[] = [
  {
    rule: 'no-weak-cipher',
    call: (m, v) => `${m}.createCipheriv(${v}, key, iv)`,
    weak: ['des-cbc', 'des-ede3-cbc', 'rc4', 'bf-cbc', 'rc2-40-cbc', 'cast5-cbc'],
    strong: ['aes-256-gcm', 'chacha20-poly1305', 'aes-128-cbc'],
    kind: 'string',
  },
  {
    rule: 'no-ecb-mode',
    call: (m, v) => `${m}.createCipheriv(${v}, key, null)`,
    weak: ['aes-128-ecb', 'aes-256-ecb', 'camellia-128-ecb'],
    strong: ['aes-256-gcm', 'aes-192-ctr'],
    kind: 'string',
  },
  {
    rule: 'no-weak-key-size',
    call: (m, v) => `${m}.generateKeyPairSync('rsa', { modulusLength: ${v} })`,
    weak: ['512', '1024', '1536'],
    strong: ['2048', '3072', '4096'],
    kind: 'number',
  },
  {
    rule: 'no-weak-key-size',
    call: (m, v) => `${m}.createECDH(${v})`,
    weak: ['secp160k1', 'secp192k1', 'prime192v1', 'sect163k1'],
    strong: ['prime256v1', 'secp384r1', 'secp256k1'],
    kind: 'string',
  },
];

/** How the module is reached: the import line and the expression that denotes the module. */
const IMPORTS: ((name: string) => { header: string; module: string })[] = [
  (n) => ({ header: `const ${n} = require('crypto');`, module: n }),
  (n) => ({ header: `const ${n} = require('node:crypto');`, module: n }),
  (n) => ({ header: `import * as ${n} from 'node:crypto';`, module: n }),
  (n) => ({ header: `import ${n} from 'crypto';`, module: n }),
  (n) => ({ header: `const ${n} = await import('node:crypto');`, module: n }),
  (n) => ({ header: `import * as ${n}Base from 'crypto';\nconst ${n} = ${n}Base;`, module: n }),
  (n) => ({ header: `const ${n} = process.getBuiltinModule('node:crypto');`, module: n }),
];

/** How the value reaches the call: declarations and the argument expression. */
const SHAPES: ((literal: string, name: string) => { decl: string; expr: string })[] = [
  (l) => ({ decl: '', expr: l }),
  (l, n) => ({ decl: `const ${n} = ${l};`, expr: n }),
  (l, n) => ({ decl: `const ${n} = { value: ${l} } as const;`, expr: `${n}.value` }),
  (l, n) => ({ decl: `const ${n} = [${l}];`, expr: `${n}[0]` }),
  (l, n) => ({ decl: `enum ${n} { Chosen = ${l} }`, expr: `${n}.Chosen` }),
  (l, n) => ({ decl: `function ${n}(v = ${l}) { return v; }`, expr: `${n}()` }),
  (l, n) => ({ decl: `const ${n} = (v: unknown) => v;`, expr: `${n}(${l}) as never` }),
  (l, n) => ({ decl: `let ${n} = ${l};\nif (Math.random() > 2) ${n} = ${l};`, expr: n }),
  (l, n) => ({ decl: `class ${n} { field = ${l}; }`, expr: `new ${n}().field` }),
  (l, n) => ({ decl: `const ${n} = flag ? ${l} : ${l};`, expr: n }),
];

function literal(api: Api, value: string): string {
  return api.kind === 'number' ? value : `'${value}'`;
}

interface Program {
  api: Api;
  weak: boolean;
  text: string;
  names: string[];
}

const programArb = fc
  .record({
    apiIndex: fc.integer({ min: 0, max: APIS.length - 1 }),
    importIndex: fc.integer({ min: 0, max: IMPORTS.length - 1 }),
    shapeIndex: fc.integer({ min: 0, max: SHAPES.length - 1 }),
    weak: fc.boolean(),
    valueIndex: fc.nat(),
    moduleName: fc.constantFrom('crypto', 'nodeCrypto', 'c', 'cr'),
    valueName: fc.constantFrom('ALGO', 'Choice', 'pick', 'Settings'),
    padding: fc.array(fc.constantFrom('const unrelated = 1;', 'function noop() {}', '// a comment', 'export const other = "x";'), { maxLength: 3 }),
  })
  .map((p): Program => {
    const api = APIS[p.apiIndex]!;
    const pool = p.weak ? api.weak : api.strong;
    const value = pool[p.valueIndex % pool.length]!;
    const { header, module } = IMPORTS[p.importIndex]!(p.moduleName);
    const { decl, expr } = SHAPES[p.shapeIndex]!(literal(api, value), p.valueName);
    const text = [header, ...p.padding, decl, `export const result = ${api.call(module, expr)};`, ''].join('\n');
    return { api, weak: p.weak, text, names: [p.moduleName, p.valueName] };
  });

function findings(text: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(text, [...plugin.configs.recommended, { languageOptions: { globals: { key: 'readonly', iv: 'readonly', flag: 'readonly' } } }], 'generated.ts');
  const fatal = messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(`generated program does not parse: ${fatal[0]!.message}\n${text}`);
  return messages.map((m) => `${m.ruleId}`).sort();
}

function rename(program: Program): string {
  let text = program.text;
  program.names.forEach((name, i) => {
    // Identifiers only: never the module specifier inside quotes ('crypto', 'node:crypto').
    text = text.replace(new RegExp(`(?<![\\w'":/-])${name}(?=Base\\b|(?![\\w'"-]))`, 'g'), `renamed${i}_${name.length}`);
  });
  return text;
}

function reformat(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() ? `  ${line.replace(/, /g, ',   ').replace(/\(/g, '( ').replace(/\)/g, ' )')}` : line))
    .join('\n\n');
}

describe('generated programs', () => {
  it('never throw, are deterministic, and find weak values through every alias and value shape', () => {
    fc.assert(
      fc.property(programArb, (program) => {
        const first = findings(program.text);
        expect(findings(program.text)).toEqual(first);
        const expected = program.weak ? [`keyguard/${program.api.rule}`] : [];
        expect(first, program.text).toEqual(expected);
      }),
      { numRuns: 150, seed: 20261126 },
    );
  });

  it('renaming identifiers or reformatting never changes the findings', () => {
    fc.assert(
      fc.property(programArb, (program) => {
        const original = findings(program.text);
        expect(findings(rename(program)), rename(program)).toEqual(original);
        expect(findings(reformat(program.text)), reformat(program.text)).toEqual(original);
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('random token soup never makes a rule throw', () => {
    const tokens = ['crypto', '.', 'createCipheriv', '(', ')', "'des'", ',', 'require', "'crypto'", '[', ']', '{', '}', ':', '...', '=>', 'const', 'x', '=', ';', '?', '??', '`${', '}`', 'new', 'class', 'this', 'await', 'import'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 40 }), (parts) => {
        const linter = new Linter({ configType: 'flat' });
        // Parse errors are fine; an exception from a rule is not (KEYGUARD_THROW=1 makes it throw here).
        linter.verify(`import crypto from 'crypto';\n${parts.join(' ')}`, [...plugin.configs.strict], 'soup.ts');
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
