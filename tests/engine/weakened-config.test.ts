import { parseDigestName } from '../../src/catalogue/algorithms.js';
import type { FileAnalysis } from '../../src/engine/analysis.js';
import { instancesOf, instanceEscapes, sliceLength, swallowedFailure } from '../../src/engine/instances.js';
import { isPasswordName, wordsOf } from '../../src/engine/naming.js';
import { withAnalysis } from './with-analysis.js';

/** Runs `check` on the shared analysis of `code`. */
function analyse<T>(code: string, check: (analysis: FileAnalysis) => T): T {
  return withAnalysis(code, (analysis) => check(analysis));
}

describe('naming', () => {
  it.each([
    ['userPassword_hash', ['user', 'password', 'hash']],
    ['ETag', ['e', 'tag']],
    ['HTTPRequest', ['http', 'request']],
  ])('splits %s into words', (name, words) => {
    expect(wordsOf(name)).toEqual(words);
  });

  it.each(['password', 'userPassword', 'passphrase', 'pinCode', 'clientSecret', 'userPass', 'pwd'])('%s names a password', (name) => {
    expect(isPasswordName(name)).toBe(true);
  });

  it.each(['passwordHash', 'passwordLength', 'spinner', 'passThrough', 'pinned', 'secretId', 'bypass'])('%s does not', (name) => {
    expect(isPasswordName(name)).toBe(false);
  });
});

describe('parseDigestName', () => {
  it.each([
    ['md5', 'md5', false],
    ['RSA-SHA1', 'sha1', true],
    ['sha1WithRSAEncryption', 'sha1', true],
    ['ecdsa-with-SHA1', 'sha1', true],
    ['SHA-1', 'sha1', false],
    ['ssl3-md5', 'md5', false],
    ['RSA-RIPEMD160', 'ripemd160', true],
    ['SHA-256', 'sha256', false],
    ['sha512-256', 'sha256', false],
  ])('%s is %s (signature: %s)', (name, family, signature) => {
    expect(parseDigestName(name)).toMatchObject({ family, signature });
  });

  it('leaves non-digest names alone', () => {
    expect(parseDigestName('aes-256-gcm')).toBeUndefined();
    expect(parseDigestName('shard')).toBeUndefined();
  });
});

describe('library defaults (ArgSpec.default)', () => {
  const paddings = (code: string) =>
    analyse(code, (analysis) =>
      analysis.bindings('padding').flatMap((binding) => binding.values.map((value) => (value.kind === 'lit' ? `${String(value.value)}:${value.implied ?? 'written'}` : '?'))),
    );

  it('binds the default when the argument is absent or undefined', () => {
    expect(paddings("import forge from 'node-forge'; forge.pki.publicKeyFromPem(p).encrypt(d);")).toEqual(['RSAES-PKCS1-V1_5:default']);
    expect(paddings("import forge from 'node-forge'; forge.pki.publicKeyFromPem(p).encrypt(d, undefined);")).toEqual(['RSAES-PKCS1-V1_5:default']);
  });

  it('binds the written value, and the default only for the branch that leaves it out', () => {
    expect(paddings("import forge from 'node-forge'; forge.pki.publicKeyFromPem(p).encrypt(d, 'RSA-OAEP');")).toEqual(['RSA-OAEP:written']);
    expect(paddings("import forge from 'node-forge'; forge.pki.publicKeyFromPem(p).encrypt(d, x ? 'RSA-OAEP' : undefined);").sort()).toEqual([
      'RSA-OAEP:written',
      'RSAES-PKCS1-V1_5:default',
    ]);
  });

  it('binds nested option defaults when the options are missing, a callback, or lack the property', () => {
    const algorithms = (code: string) =>
      analyse(code, (analysis) => analysis.bindings('jwtAlgorithms').flatMap((binding) => binding.values.map((value) => (value.kind === 'lit' ? value.implied ?? String(value.value) : value.kind))));
    expect(algorithms("import jwt from 'jsonwebtoken'; jwt.verify(t, k);")).toEqual(['default']);
    expect(algorithms("import jwt from 'jsonwebtoken'; jwt.verify(t, k, () => {});")).toEqual(['default']);
    expect(algorithms("import jwt from 'jsonwebtoken'; jwt.verify(t, k, { audience: 'a' });")).toEqual(['default']);
    expect(algorithms("import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: ['ES256'] });")).toEqual(['array']);
    expect(algorithms("import jwt from 'jsonwebtoken'; jwt.verify(t, k, opts);")).toEqual([]);
  });
});

describe('instances', () => {
  it('links calls on an instance to the call that created it, through chains', () => {
    const apis = analyse("import crypto from 'crypto'; const h = crypto.createHash('md5'); h.update(a).update(b); h.digest('hex');", (analysis) => {
      const create = analysis.facts.find((fact) => fact.api === 'crypto.createHash')!;
      return instancesOf(analysis).descendants(create).map((fact) => fact.api);
    });
    expect(apis).toEqual(['Hash.update', 'Hash.update', 'Hash.digest']);
  });

  it('resolves a digest through a forge message-digest object', () => {
    const digests = analyse("import forge from 'node-forge'; const md = forge.md.sha1.create(); md.update(x); key.sign(md); forge.pki.privateKeyFromPem(p).sign(md);", (analysis) =>
      analysis.bindings('digest').flatMap((binding) => instancesOf(analysis).digestLiterals(binding.values).map((value) => String(value.value))),
    );
    expect(digests).toEqual(['sha1', 'sha1']);
  });

  it('knows when a decipher escapes the function', () => {
    const escapes = (code: string) =>
      analyse(`import crypto from 'crypto';\n${code}`, (analysis) => instanceEscapes(analysis, analysis.facts.find((fact) => fact.api === 'crypto.createDecipheriv')!.node));
    expect(escapes("const d = crypto.createDecipheriv(a, k, iv); d.setAuthTag(t); d.update(c); d.final();")).toBe(false);
    expect(escapes("const d = crypto.createDecipheriv(a, k, iv); src.pipe(d);")).toBe(true);
    expect(escapes('function f() { const d = crypto.createDecipheriv(a, k, iv); return d; }')).toBe(true);
    expect(escapes('pipeline(src, crypto.createDecipheriv(a, k, iv), dst);')).toBe(true);
    expect(escapes('crypto.createDecipheriv(a, k, iv).update(c);')).toBe(false);
  });

  it('computes constant slice lengths', () => {
    const lengths = analyse(
      "import crypto from 'crypto'; probe(t.subarray(0, 8)); probe(t.slice(-16)); probe(d.subarray(i, i + 12)); probe(d.subarray(d.length - 16)); probe(t.slice(n));",
      (analysis) =>
        analysis.index.calls
          .filter((call) => call.callee.type === 'Identifier' && call.callee.name === 'probe')
          .map((call) => sliceLength(analysis, call.arguments[0]!)),
    );
    expect(lengths).toEqual([8, 16, 12, 16, undefined]);
  });

  it('finds swallowed final() errors', () => {
    const kinds = (code: string) =>
      analyse(`import crypto from 'crypto';\n${code}`, (analysis) =>
        analysis.facts.filter((fact) => fact.spec.authenticates).map((fact) => swallowedFailure(analysis, fact.node)?.kind ?? 'handled'),
      );
    expect(kinds('const d = crypto.createDecipheriv(a, k, iv); try { d.final(); } catch {}')).toEqual(['try']);
    expect(kinds('const d = crypto.createDecipheriv(a, k, iv); try { d.final(); } catch (e) { throw e; }')).toEqual(['handled']);
    expect(kinds('const d = crypto.createDecipheriv(a, k, iv); try { d.final(); } catch (e) { console.error(e); }')).toEqual(['try']);
    expect(kinds('const d = crypto.createDecipheriv(a, k, iv); try { d.final(); } catch (e) { done(e); }')).toEqual(['handled']);
    expect(kinds('const d = crypto.createDecipheriv(a, k, iv); p.then(() => d.final()).catch(() => {});')).toEqual(['promise']);
    expect(kinds('const d = crypto.createDecipheriv(a, k, iv); p.then(() => d.final()).catch((e) => reject(e));')).toEqual(['handled']);
  });
});
