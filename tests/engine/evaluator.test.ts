import type { TSESTree } from '@typescript-eslint/utils';

import type { AValue } from '../../src/engine/values.js';
import { withAnalysis } from './with-analysis.js';
import { getRegistry } from '../../src/engine/registry.js';

/**
 * Evaluates the argument of every `probe(...)` call in `code` (a file that mentions crypto, so the
 * engine analyses it) and returns the sorted set of literal values, with `?` for unknown members.
 */
function probe(code: string): string[][] {
  return withAnalysis(`import * as crypto from 'node:crypto';\n${code}`, (analysis, probes) =>
    probes.map((arg) => analysis.evaluator.evaluate(arg).map(show).sort()),
  );
}

function show(value: AValue): string {
  switch (value.kind) {
    case 'lit':
      return JSON.stringify(value.value) ?? 'undefined';
    case 'bytes':
      return `bytes:${value.origin}`;
    case 'type':
      return `type:${value.type}`;
    case 'callable':
      return `fn:${value.display}`;
    default:
      return value.kind === 'unknown' ? '?' : value.kind;
  }
}

describe('value resolution as sets', () => {
  it.each<[string, string, string[]]>([
    ['a const', "const A = 'x'; probe(A);", ['"x"']],
    ['a const chain', "const A = 'x'; const B = A; probe(B);", ['"x"']],
    ['a let with a second assignment', "let a = 'x'; if (f) a = 'y'; probe(a);", ['"x"', '"y"']],
    ['a let without init', "let a; a = 1; probe(a);", ['1']],
    ['a ternary', "probe(f ? 'a' : 'b');", ['"a"', '"b"']],
    ['nullish fallback over an environment variable', "probe(process.env.X ?? 'd');", ['"d"', 'builtin']],
    ['a template over a set', "const n = f ? 128 : 256; probe(`aes-${n}-gcm`);", ['"aes-128-gcm"', '"aes-256-gcm"']],
    ['concatenation', "const P = 'aes'; probe(P + '-' + 256);", ['"aes-256"']],
    ['join', "probe(['a', 'b', 'c'].join('-'));", ['"a-b-c"']],
    ['string methods', "probe(' DES '.trim().toLowerCase());", ['"des"']],
    ['arithmetic', 'probe(256 / 32);', ['8']],
    ['shift', 'probe(1 << 10);', ['1024']],
    ['object property', "const C = { a: { b: 'x' } }; probe(C.a.b);", ['"x"']],
    ['computed string key', "const C = { a: 'x' }; probe(C['a']);", ['"x"']],
    ['unknown key: every property', "const C = { a: 'x', b: 'y' }; probe(C[k]);", ['"x"', '"y"']],
    ['array index', "const A = ['x', 'y']; probe(A[1]);", ['"y"']],
    ['array via for-of', "for (const a of ['x', 'y']) probe(a);", ['"x"', '"y"']],
    ['pushed elements', "const A = []; A.push('x'); for (const a of A) probe(a);", ['"x"']],
    ['spread objects, last wins', "const base = { a: 'x' }; const o = { ...base, a: 'y' }; probe(o.a);", ['"y"']],
    ['spread objects, from base', "const base = { a: 'x' }; const o = { ...base, b: 1 }; probe(o.a);", ['"x"']],
    ['property writes on a const object', "const o = {}; o.a = 'x'; probe(o.a);", ['"x"']],
    ['destructuring with rename and default', "const { a: b = 'd' } = { }; probe(b);", ['"d"']],
    ['array destructuring', "const [, b] = ['x', 'y']; probe(b);", ['"y"']],
    ['enum string member', "enum E { A = 'x', B = 'y' } probe(E.B);", ['"y"']],
    ['enum auto numbers', 'enum E { A, B, C } probe(E.C);', ['2']],
    ['as const and satisfies', "const o = { a: 'x' } as const satisfies object; probe(o.a);", ['"x"']],
    ['helper parameter from every call site', "function f(a) { probe(a); } f('x'); f('y');", ['"x"', '"y"']],
    ['exported helper adds unknown', "export function f(a) { probe(a); } f('x');", ['"x"', '?']],
    ['default parameter', "const f = (a = 'd') => probe(a); f();", ['"d"']],
    ['destructured parameter', "function f({ a }) { probe(a); } f({ a: 'x' });", ['"x"']],
    ['return values of a local function', "function g() { return f ? 'x' : 'y'; } probe(g());", ['"x"', '"y"']],
    ['arrow expression body', "const g = () => 'x'; probe(g());", ['"x"']],
    ['class field through this', "class C { a = 'x'; m() { probe(this.a); } }", ['"x"']],
    ['this.x written in the constructor', "class C { constructor() { this.a = 'x'; } m() { probe(this.a); } }", ['"x"']],
    ['instance of a local class', "class C { a = 'x'; } probe(new C().a);", ['"x"']],
    ['static member', "class C { static A = 'x'; } probe(C.A);", ['"x"']],
    ['namespace export', "namespace N { export const A = 'x'; } probe(N.A);", ['"x"']],
    ['IIFE parameter', "(function (a) { probe(a); })('x');", ['"x"']],
    ['a catalogued module', "probe(require('crypto'));", ['type:node:crypto']],
    ['a catalogued function', 'probe(crypto.createCipheriv);', ['fn:crypto.createCipheriv']],
    ['the crypto global through window', 'probe(window.crypto.subtle);', ['type:webcrypto.SubtleCrypto']],
    ['a dynamic import', "const m = await import('node:crypto'); probe(m.webcrypto);", ['type:webcrypto.Crypto']],
    ['random bytes', 'probe(crypto.randomBytes(16));', ['bytes:random']],
    ['zero-filled buffers', 'probe(Buffer.alloc(16)); probe(new Uint8Array(12));', ['bytes:zero-filled']],
    ['a getter', "const o = { get a() { return 'x'; } }; probe(o.a);", ['"x"']],
    ['a cycle stays finite', 'let a = b; let b = a; probe(a);', ['?']],
    ['compound assignment is unknown', "let a = 'x'; a += 'y'; probe(a);", ['"x"', '?']],
    ['an unresolved global is unknown', 'probe(somethingElse);', ['?']],
  ])('%s', (_name, code, expected) => {
    const results = probe(code);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result).toEqual(expected);
  });

  it('caps value sets instead of exploding (cartesian products of templates)', () => {
    const code = "const a = ['1','2','3','4','5','6','7','8'][i]; probe(`${a}${a}${a}${a}`);";
    const [values] = probe(code);
    expect(values!.length).toBeLessThanOrEqual(49);
    expect(values).toContain('?');
  });

  it('survives deep nesting without overflowing', () => {
    const deep = `${'('.repeat(250)}'x'${')'.repeat(250)}`;
    const [values] = probe(`probe(${deep});`);
    expect(values).toEqual(['"x"']);
    const chain = Array.from({ length: 600 }, (_, i) => `'${i % 10}'`).join(' + ');
    const [long] = probe(`probe(${chain});`);
    expect(long).toEqual(['?']);
  });
});

/**
 * For each `[code, expected]`, whether the callee of the last call the filter picks may be catalogued
 * (`Evaluator.calleeMayBeCatalogued`). Failures name the code.
 */
function expectLastCallees(cases: readonly [string, boolean][], pick: (callee: TSESTree.Node) => boolean): void {
  for (const [code, expected] of cases) {
    const actual = withAnalysis(code, (analysis) => {
      const calls = analysis.index.calls.filter((call) => pick(call.callee));
      return analysis.evaluator.calleeMayBeCatalogued(calls[calls.length - 1]!.callee);
    });
    expect([code, actual]).toEqual([code, expected]);
  }
}

/** The same cases, each in a file that imports node:crypto as `crypto` (so the engine analyses it). */
function withCrypto(cases: readonly [string, boolean][]): [string, boolean][] {
  return cases.map(([code, expected]) => [`import * as crypto from 'node:crypto';\n${code}`, expected]);
}

/**
 * Callee resolution skips `x.name(...)` when no catalogued member or global, and no property the file
 * defines, has that name (issue 7: most calls in large bundles are builtin methods). These are the ways a
 * catalogued function can still arrive under a name: each must keep its fact.
 */
describe('callee resolution skips only callees that cannot be catalogued', () => {
  const apis = (code: string): string[] =>
    withAnalysis(`import * as crypto from 'node:crypto';\n${code}`, (analysis) => analysis.facts.map((fact) => fact.api));

  it.each<[string, string]>([
    ['an object literal property', "const api = { scramble: crypto.createCipheriv }; api.scramble('des', k, iv);"],
    ['a string-keyed property', "const api = { 'scramble': crypto.createCipheriv }; api.scramble('des', k, iv);"],
    ['a literal computed key', "const api = { ['scramble']: crypto.createCipheriv }; api.scramble('des', k, iv);"],
    ['a computed key the evaluator cannot name, beside the name', "const api = { scramble: null, [pick()]: crypto.createCipheriv }; api.scramble('des', k, iv);"],
    ['a property written later', "const api: any = {}; api.scramble = crypto.createCipheriv; api.scramble('des', k, iv);"],
    ['a property written with a literal index', "const api: any = {}; api['scramble'] = crypto.createCipheriv; api.scramble('des', k, iv);"],
    ['a spread of an object holding one', "const base = { scramble: crypto.createCipheriv }; const api = { ...base }; api.scramble('des', k, iv);"],
    ['a class field', "class C { scramble = crypto.createCipheriv; } new C().scramble('des', k, iv);"],
    ['a static method returning nothing catalogued is still resolved', "class C { static scramble = crypto.createCipheriv; } C.scramble('des', k, iv);"],
    ['a TypeScript namespace member', "namespace ns { export const scramble = crypto.createCipheriv; } ns.scramble('des', k, iv);"],
    ['a catalogued global through the global object', "globalThis.crypto.subtle.encrypt({ name: 'AES-CBC', iv }, key, data);"],
    ['a default export', "const lib = { default: crypto }; lib.default.createCipheriv('des', k, iv);"],
    ['a computed key naming a constant', "const SCRAMBLE = 'scramble'; const api = { [SCRAMBLE]: crypto.createCipheriv }; api.scramble('des', k, iv);"],
    ['a local variable holding one, by name', "const scramble = crypto.createCipheriv; const api = { scramble }; api.scramble('des', k, iv);"],
    ['a name also used by a method elsewhere', "class C { scramble() {} }\nconst api: any = {}; api.scramble = crypto.createCipheriv; api.scramble('des', k, iv);"],
  ])('%s', (_name, code) => {
    expect(apis(code).length).toBeGreaterThan(0);
  });

  it('uses a member name that nothing catalogues, so the cases above go through the pruning', () => {
    expect(getRegistry().memberNames.has('scramble')).toBe(false);
    expect(getRegistry().globals.has('scramble')).toBe(false);
  });

  it('does not count a name defined only by functions written in place', () => {
    const mayBeCatalogued = (definitions: string): boolean =>
      withAnalysis(`import * as crypto from 'node:crypto';\n${definitions}\nx.frob(crypto);`, (analysis) => {
        const call = analysis.index.calls.find((each) => each.callee.type === 'MemberExpression')!;
        return analysis.evaluator.calleeMayBeCatalogued(call.callee);
      });
    expect(mayBeCatalogued('class A { frob() {} static frob2 = () => 1; }')).toBe(false);
    expect(mayBeCatalogued('const o = { frob() {}, other: function () {} }; o.other = function frob() {};')).toBe(false);
    expect(mayBeCatalogued('const o: any = {}; o.frob = () => 1; class B { frob = function () {}; }')).toBe(false);
    // Literals, operators' results and local functions by name cannot be catalogued either.
    expect(mayBeCatalogued("const o: any = { frob: 'x' }; o.frob = 1 + 2; o.frob = !o; o.frob = [crypto];")).toBe(false);
    expect(mayBeCatalogued('function frob() {} class K {} const o: any = { frob }; o.frob = K;')).toBe(false);
    // Anything else counts when it may hold a catalogued function or object, a builtin, or a catalogued result.
    expect(mayBeCatalogued('class A { get frob() { return crypto.createHash; } }')).toBe(true);
    expect(mayBeCatalogued('const o = { frob: crypto.createHash };')).toBe(true);
    expect(mayBeCatalogued('const frob = crypto.createHash; const o = { frob };')).toBe(true);
    expect(mayBeCatalogued('const o: any = {}; o.frob = pick();')).toBe(false);
    expect(mayBeCatalogued('function make() { return crypto.createHash; }\nconst o: any = {}; o.frob = make();')).toBe(true);
    expect(mayBeCatalogued('function make() { return () => 1; }\nconst o: any = {}; o.frob = make();')).toBe(false);
    expect(mayBeCatalogued('const o = { frob: Math.random };')).toBe(true);
    expect(mayBeCatalogued('const o = { frob: globalThis };')).toBe(true);
    expect(mayBeCatalogued('const h = crypto.createHash; const o = { frob: h("sha256") };')).toBe(true);
    expect(mayBeCatalogued('const o = { frob: { nested: crypto.createHash } };')).toBe(false);
    expect(mayBeCatalogued('const o = { frob: cond ? crypto.createHash : null };')).toBe(true);
    expect(mayBeCatalogued('class B { frob = crypto.createHash; }')).toBe(true);
    expect(mayBeCatalogued('let h = crypto.createHash; const o = { frob: h };')).toBe(true);
    expect(mayBeCatalogued('function frob() {} frob = crypto.createHash as any; const o = { frob };')).toBe(true);
    // Beside a key the evaluator cannot name, every key of the object counts.
    expect(mayBeCatalogued('const o = { frob: null, [pick()]: crypto.createHash };')).toBe(true);
    expect(mayBeCatalogued("const o = { frob: null, [pick()]: 'sha1' };")).toBe(false);
  });

  it('skips a call to a local function only where the name denotes one', () => {
    // Each entry: code, then whether the last call `run()` may be catalogued.
    const cases: [string, boolean][] = [
      ['function run() {}\nrun();', false],
      ['class run {}\nnew run();', false],
      ['function run() {}\nfunction g(run: any) { run(); }', true],
      ['function outer() { function run() {} run(); }\nrun();', true],
      ['function run() {}\nrun = crypto.createHash as any;\nrun();', true],
      ['function run() {}\nfunction g() { const run = crypto.createHash; run(); }', true],
      // Functions and classes written in place and never reassigned are local code too.
      ['const run = () => 1;\nrun();', false],
      ['var run = function () {};\nvar run = function () {};\nrun();', false],
      ['const run = class {};\nnew run();', false],
      ['let run = () => 1;\nrun = crypto.createHash as any;\nrun();', true],
      ['var run = function () {};\nvar run = crypto.createHash;\nrun();', true],
      ['const { run } = { run: crypto.createHash };\nrun();', true],
      ['for (const run of [() => 1]) run();', true],
    ];
    expectLastCallees(
      withCrypto(cases),
      (callee) => callee.type === 'Identifier' && callee.name === 'run',
    );
  });

  it('skips a call through an import only when the module is not catalogued', () => {
    // Each entry: code, then whether the last call `run()` may be catalogued.
    const cases: [string, boolean][] = [
      ["import { run } from './codec';\nrun();", false],
      ["import run from './codec';\nrun();", false],
      ["import * as run from 'lodash';\nrun();", false],
      ["import { createHash as run } from 'node:crypto';\nrun('md5');", true],
      ["import { createHash as run } from 'crypto';\nrun('md5');", true],
      ["import run from 'crypto-js/md5';\nrun('x');", true],
      // `process` is a builtin whatever module it is imported from.
      ["import { run } from 'node:process';\nrun();", true],
      ["import run from 'process';\nrun();", true],
      // A local binding of the same name shadows the import where it is declared.
      ["import { run } from './codec';\nfunction g(run: any) { run(); }", true],
      // `import x = require(...)` is resolved by the evaluator, not by this check.
      ["import run = require('./codec');\nrun();", true],
    ];
    expectLastCallees(
      withCrypto(cases),
      (callee) => callee.type === 'Identifier' && callee.name === 'run',
    );
    // The call a ruled-out import hides is not catalogued, and a catalogued import's call keeps its fact.
    expect(apis("import { createCipheriv } from './codec';\ncreateCipheriv('des', k, iv);")).toEqual([]);
    expect(apis("import { createCipheriv as enc } from 'node:crypto';\nenc('des', k, iv);")).toEqual(['crypto.createCipheriv']);
  });

  it('looks through the wrappers the evaluator looks through', () => {
    // Each entry: code, then whether the last call's callee may be catalogued. `frob` is defined nowhere.
    const cases: [string, boolean][] = [
      ['(0, x.frob)(k);', false],
      ['(0, x.createCipheriv)(k);', true],
      ['x.frob!(k);', false],
      ['(x.frob as any)(k);', false],
      ['(x.frob satisfies unknown as any)(k);', false],
      ['x?.frob(k);', false],
      ['(0, (x.createCipheriv as any))(k);', true],
      // An identifier inside goes through the identifier checks: an unknown global, then a local value.
      ['(0, frob)(k);', false],
      ['const f = pick();\n(0, f)(k);', true],
      // A builtin method is not catalogued (hasWeakRandomCall finds weak builtins by name, through the same wrappers).
      ['(0, Math.random)();', false],
      ['(0, globalThis.crypto)();', true],
    ];
    expectLastCallees(
      withCrypto(cases),
      () => true,
    );
    expect(apis("(0, crypto.createCipheriv)('des', k, iv);")).toEqual(['crypto.createCipheriv']);
    expect(apis("crypto.createCipheriv!('des', k, iv);")).toEqual(['crypto.createCipheriv']);
  });

  it('skips catalogued member names of libraries the file cannot reach', () => {
    // Each entry: code, then whether the last call `x.<name>(...)` may be catalogued.
    const cases: [string, boolean][] = [
      // `readKey` is an openpgp member; `createCipheriv` a node:crypto one.
      ["import * as crypto from 'node:crypto';\nx.readKey(k);", false],
      ["import * as crypto from 'node:crypto';\nx.createCipheriv('des', k, iv);", true],
      ["import * as openpgp from 'openpgp';\nx.readKey(k);", true],
      // A specifier held in a constant is still a string literal of the file.
      ["const name = 'openpgp';\nconst pgp = require(name);\nx.readKey(k);", true],
      ['const pgp = await import(`openpgp`);\nx.readKey(k);', true],
      // Reached through members and return types: `forge.pki.rsa.generateKeyPair` from `forge`.
      ["import forge from 'node-forge';\nx.generateKeyPair({ bits: 1024 });", true],
      ["import forge from 'node-forge';\nx.readKey(k);", false],
      // A catalogued global needs no import; without one, nothing is reachable.
      ['const aes = CryptoJS.AES;\nx.encrypt(data, key);', true],
      ["const pem = '-----BEGIN PUBLIC KEY-----';\nconst aes = Cipherish.AES;\nx.encrypt(data, key);", false],
      ["const pem = '-----BEGIN PUBLIC KEY-----';\nconst subtle = window['crypto'].subtle;\nx.encrypt(data, key);", true],
      ["const pem = '-----BEGIN PUBLIC KEY-----';\nconst { crypto: c } = globalThis;\nx.encrypt(data, key);", true],
      // A global's name anywhere in the text counts, even in a comment: that only resolves more.
      ["const pem = '-----BEGIN PUBLIC KEY-----';\n// see CryptoJS\nx.encrypt(data, key);", true],
      // A name defined in the file still counts, whatever it catalogues elsewhere.
      ["import * as crypto from 'node:crypto';\nconst x = { readKey: crypto.createHash };\nx.readKey('md5');", true],
    ];
    expectLastCallees(cases, (callee) => callee.type === 'MemberExpression');
    // The premises of the cases above.
    expect(getRegistry().memberNames.has('readKey')).toBe(true);
    expect(getRegistry().memberNames.has('encrypt')).toBe(true);
    expect(getRegistry().type('node-forge')?.spec.members).not.toHaveProperty('generateKeyPair');
  });

  it('keeps the facts of a library reached through its global or a module name in a constant', () => {
    const apisOf = (code: string) => withAnalysis(code, (analysis) => analysis.facts.map((fact) => fact.api));
    expect(apisOf("const mode = CryptoJS.mode.ECB;\nCryptoJS.AES.encrypt('m', key, { mode });")).toContain('CryptoJS.AES.encrypt');
    expect(apisOf("const NAME = 'node-forge';\nconst f = require(NAME);\nf.cipher.createCipher('DES-ECB', key);")).toContain('forge.cipher.createCipher');
  });

  it('looks for catalogued calls only in files that name a catalogued module or global', () => {
    const reach = (code: string) => withAnalysis(code, (analysis) => [analysis.evaluator.mayReachCatalogue(), analysis.facts.map((fact) => fact.api)]);
    // Analysed for a PEM marker only: no call can reach the catalogue, whatever its shape.
    expect(reach("const pem = '-----BEGIN PUBLIC KEY-----';\nconst { createHash } = load();\ncreateHash('md5');")).toEqual([false, []]);
    // A specifier held in a constant, a template without expressions, or a global's name is enough.
    expect(reach("const pem = '-----BEGIN PUBLIC KEY-----';\nconst NAME = 'node:crypto';\nconst { createHash } = require(NAME);\ncreateHash('md5');")).toEqual([
      true,
      ['crypto.createHash'],
    ]);
    expect(reach("const { createHash } = await import(`crypto`);\ncreateHash('md5');")).toEqual([true, ['crypto.createHash']]);
    expect(reach("const pem = '-----BEGIN PUBLIC KEY-----';\nconst h = CryptoJS.MD5;\nh('x');")).toEqual([true, ['CryptoJS.MD5']]);
    // A specifier assembled at run time is not seen (docs/limitations.md): the call is not resolved.
    expect(reach("const pem = '-----BEGIN PUBLIC KEY-----';\nconst { createHash } = require('cry' + 'pto');\ncreateHash('md5');")).toEqual([false, []]);
  });

  it('skips builtin methods and local functions without changing the facts', () => {
    const code = [
      'function helper(list: string[]) { return list.slice(1).map((s) => s.trim()).join(","); }',
      "helper(['a']);",
      "const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);",
      "cipher.update('x');",
    ].join('\n');
    expect(apis(code)).toEqual(['crypto.createCipheriv', 'Cipher.update']);
  });
});

describe('name lookup from the innermost scope', () => {
  it('resolves a name in a function with many nested closures to the right binding', () => {
    const closures = Array.from({ length: 300 }, (_, i) => `function f${i}() { const alg = 'aes-256-gcm'; return alg; }`).join('\n');
    const code = `function outer() {\n${closures}\nconst alg = 'des-ede3';\nprobe(alg);\n}`;
    expect(probe(code)).toEqual([['"des-ede3"']]);
  });

  it('does not take a binding from a sibling closure', () => {
    expect(probe("function a() { const v = 'inner'; return v; }\nconst v = 'outer';\nfunction b() { probe(v); }")).toEqual([['"outer"']]);
  });
});
