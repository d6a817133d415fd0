import type { TSESTree } from '@typescript-eslint/utils';
import type { FileAnalysis } from '../../src/engine/analysis.js';
import { isFilledLater, isSecretName, originsOf } from '../../src/engine/derivation.js';
import { detached, hasWeakRandomCall, secretKindOf, weakRandomSource } from '../../src/engine/randomness.js';
import type { AValue, BytesValue } from '../../src/engine/values.js';
import { withAnalysis } from './with-analysis.js';

/** Runs `check` on the analysis of `code` with the argument of its `probe(...)` call. */
function probe<T>(code: string, check: (analysis: FileAnalysis, arg: TSESTree.Node) => T): T {
  return withAnalysis(`import * as crypto from 'node:crypto';\n${code}`, (analysis, probes) => check(analysis, probes[0]!));
}

const values = (code: string): AValue[] => probe(code, (analysis, arg) => analysis.evaluator.evaluate(arg));
const bytes = (code: string): BytesValue => {
  const [value] = values(code);
  expect(value?.kind).toBe('bytes');
  return value as BytesValue;
};

describe('weak-random builtins', () => {
  it.each([
    ['Math.random()', 'Math.random()'],
    ['Date.now()', 'Date.now()'],
    ['performance.now()', 'performance.now()'],
    ['new Date()', 'new Date()'],
    ['Math.floor(Math.random() * 10)', 'Math.random()'],
    ['String(Date.now())', 'Date.now()'],
    ['Math.random().toString(36).slice(2)', 'Math.random()'],
    ['new Date().getTime()', 'new Date()'],
  ])('%s is unknown with weak-random provenance', (expression, reason) => {
    const [value] = values(`probe(${expression});`);
    expect(value).toMatchObject({ kind: 'unknown', provenance: 'weak-random', reason });
  });

  it('a date from a timestamp is not random', () => {
    expect(values('probe(new Date(0));')[0]).not.toMatchObject({ provenance: 'weak-random' });
  });

  it('Math.floor folds literals', () => {
    expect(values('probe(Math.floor(7.9));')[0]).toMatchObject({ kind: 'lit', value: 7 });
  });
});

describe('bytes', () => {
  it('randomBytes(n) knows its length', () => {
    expect(bytes('probe(crypto.randomBytes(8));')).toMatchObject({ origin: 'random', length: 8 });
  });

  it('getRandomValues(new Uint8Array(12)) knows its length', () => {
    expect(bytes('probe(crypto.getRandomValues(new Uint8Array(12)));')).toMatchObject({ origin: 'random', length: 12 });
  });

  it('a slice keeps the origin and folds the length', () => {
    expect(bytes('const k = Buffer.alloc(32); probe(k.subarray(0, 16));')).toMatchObject({ origin: 'zero-filled', length: 16 });
    expect(bytes("probe(Buffer.from('abc').slice(1));")).toMatchObject({ origin: 'literal' });
  });

  it('an array of number literals is literal bytes', () => {
    expect(bytes('probe(new Uint8Array([1, 2, 3]));')).toMatchObject({ origin: 'literal', length: 3 });
    expect(bytes('probe(Buffer.from([0, 0]));')).toMatchObject({ origin: 'literal', length: 2 });
    expect(bytes('probe(new Uint8Array([a, 2]));')).toMatchObject({ origin: 'unknown' });
  });

  it('a zero buffer filled in place is not a constant, one used as is is', () => {
    // Judged on the IV argument of the cipher call (`probe(0)` only satisfies the harness).
    const filled = (code: string) =>
      probe(`${code} crypto.createCipheriv('aes-256-gcm', k, iv); probe(0);`, (analysis) => {
        const value = analysis.bindings('iv')[0]!.values[0] as BytesValue;
        return isFilledLater(analysis, value);
      });
    expect(filled('const iv = new Uint8Array(12); crypto.getRandomValues(iv);')).toBe(true);
    expect(filled('const iv = Buffer.alloc(12); iv.writeUInt32BE(1, 8);')).toBe(true);
    expect(filled('const iv = Buffer.alloc(12); iv[0] = 1;')).toBe(true);
    expect(filled('const iv = Buffer.alloc(12);')).toBe(false);
    expect(filled("const iv = Buffer.alloc(12); console.log(iv.toString('hex') === '');")).toBe(false);
  });
});

describe('originsOf', () => {
  const origins = (code: string) => probe(code, (analysis, arg) => originsOf(analysis, arg).map((o) => `${o.hashed ? '#' : ''}${o.env ? '$' : ''}${o.name}`));

  it('follows slices and copies to the key', () => {
    expect(origins('function f(key) { probe(key.subarray(0, 16)); }')).toContain('key');
    expect(origins('function f(key) { const iv = Buffer.from(key).slice(0, 16); probe(iv); }')).toEqual(expect.arrayContaining(['iv', 'key']));
  });

  it('marks data that went through a hash, chained or on a hash object', () => {
    expect(origins("function f(password) { probe(crypto.createHash('md5').update(password).digest()); }")).toContain('#password');
    expect(origins("function f(pw) { const h = crypto.createHash('sha256'); h.update(pw); probe(h.digest()); }")).toContain('#pw');
  });

  it('stops at a real KDF and at a CSPRNG', () => {
    expect(origins("function f(password, salt) { probe(crypto.pbkdf2Sync(password, salt, 600000, 32, 'sha256')); }")).toEqual([]);
    expect(origins('probe(crypto.randomBytes(16));')).toEqual([]);
  });

  it('marks process.env', () => {
    expect(origins("probe(Buffer.from(process.env.IV, 'hex'));")).toContain('$IV');
  });
});

describe('weakRandomSource', () => {
  const source = (code: string) => probe(code, (analysis, arg) => weakRandomSource(analysis, arg)?.what ?? null);

  it.each([
    ["probe(Array.from({ length: 4 }, () => Math.random()).join(''));", 'Math.random()'],
    ["let s = ''; for (let i = 0; i < 8; i++) s += 'abc'.charAt(Math.floor(Math.random() * 3)); probe(s);", 'Math.random()'],
    ['function r() { return Date.now().toString(36); } probe(r());', 'Date.now()'],
    ["const parts = []; parts.push(performance.now()); probe(parts.join('-'));", 'performance.now()'],
  ])('%s', (code, what) => {
    expect(source(code)).toBe(what);
  });

  it('a CSPRNG is never weak, even with a weak argument', () => {
    expect(source('probe(crypto.randomBytes(Math.floor(Math.random() * 8) + 16));')).toBeNull();
    expect(source("probe(crypto.randomBytes(16).toString('hex'));")).toBeNull();
  });
});

describe('hasWeakRandomCall', () => {
  /** The index of the call whose source text is `text` in the file's call list. */
  const callIndex = (analysis: FileAnalysis, text: string): number =>
    analysis.index.calls.findIndex((call) => analysis.sourceCode.getText(call) === text);

  it("keeps the facts' verdict on each callee: ruled out, let through, or not asked", () => {
    const verdicts = withAnalysis(
      "import * as crypto from 'node:crypto';\nfunction local() {}\nlocal();\ncrypto.createHash('sha256');\n(() => 1)();",
      (analysis) => ['local()', "crypto.createHash('sha256')", '(() => 1)()'].map((text) => analysis.calleeRuledOut(callIndex(analysis, text))),
    );
    expect(verdicts).toEqual([true, false, undefined]);
  });

  it.each([
    // The facts let `pick` through (a variable, not a local function), and its value is Date.now.
    ["import * as crypto from 'node:crypto';\nconst now = Date.now;\nconst pick = now;\nconst token = pick();", true],
    // No catalogued module or global: the facts asked nothing, and the callee filter runs here.
    ['const privateKey = 1;\nconst now = Date.now;\nconst pick = now;\nconst token = pick();', true],
    // Only local functions and catalogued calls: every callee the facts ruled out stays ruled out.
    ["import * as crypto from 'node:crypto';\nfunction now() { return 1; }\nconst token = now() + crypto.randomBytes(8).toString('hex');", false],
    // Behind the wrappers of transpiled code and TypeScript, which the callee filter looks through too.
    ["import * as crypto from 'node:crypto';\nconst token = (0, Math.random)();", true],
    ["import * as crypto from 'node:crypto';\nconst token = (Date.now as () => number)();", true],
    ["import * as crypto from 'node:crypto';\nconst token = performance?.now();", true],
    // An import from a module the catalogue does not have is not a weak builtin, whatever it is named.
    ["import * as crypto from 'node:crypto';\nimport { random } from './dice';\nconst token = random();", false],
    ["import * as crypto from 'node:crypto';\nimport { roll } from './dice';\nconst token = roll();", false],
  ])('tells whether a file calls a weak source, behind an alias too (%#)', (code, expected) => {
    expect(withAnalysis(code, (analysis) => hasWeakRandomCall(analysis))).toBe(expected);
  });
});

describe('names', () => {
  it.each([
    ['token', 'token'],
    ['resetCode', 'one-time code'],
    ['sessionId', 'session id'],
    ['apiKey', 'key'],
    ['csrfToken', 'CSRF token'],
    ['userPassword', 'password'],
    ['key', null],
    ['cacheKey', null],
    ['tokenExpiry', null],
    ['sessionCreatedAt', null],
    ['otpLength', null],
    ['retryDelay', null],
  ])('secretKindOf(%s) is %s', (name, kind) => {
    expect(secretKindOf(name)).toBe(kind);
  });

  it.each([
    ['masterKey', true],
    ['password', true],
    ['publicKey', false],
    ['keyId', false],
    ['ivLength', false],
  ])('isSecretName(%s) is %s', (name, expected) => {
    expect(isSecretName(name)).toBe(expected);
  });
});

describe('secret-name cache', () => {
  it('classifies a name cut out of a large text the same as the name itself, with a key equal to the name', () => {
    const source = `${'x'.repeat(100_000)} const sessionTokenValue = 1;`;
    const start = source.indexOf('sessionTokenValue');
    const name = source.slice(start, start + 'sessionTokenValue'.length);
    expect(detached(name)).toBe('sessionTokenValue');
    expect(detached('')).toBe('');
    expect(secretKindOf(name)).toBe('token');
    expect(secretKindOf('sessionTokenValue')).toBe('token');
  });
});
