import type { TSESTree } from '@typescript-eslint/utils';
import type { FileAnalysis } from '../../src/engine/analysis.js';
import { conditionOf, envFlagIn, guardsOf, HOLE, partialStrings, trustAnchorsOf } from '../../src/engine/tls-options.js';
import { withAnalysis } from './with-analysis.js';

/** Runs `check` on the analysis of `code` (a file that imports node:tls, so the engine analyses it). */
function withTls<T>(code: string, check: (analysis: FileAnalysis, probes: TSESTree.Expression[]) => T): T {
  return withAnalysis(`import tls from 'node:tls';\n${code}`, check);
}

describe('partialStrings', () => {
  it('keeps the known text of templates and concatenations around unknown parts', () => {
    const strings = withTls(
      "const q = '?sslmode=' + mode; const mode = 'no-verify';\nprobe(`postgres://${user}@${host}/db${q}`);",
      (analysis, [arg]) => partialStrings(analysis.evaluator, arg!),
    );
    expect(strings).toEqual([`postgres://${HOLE}@${HOLE}/db?sslmode=no-verify`]);
  });

  it('follows every assignment of a let', () => {
    const strings = withTls("let url = 'mongodb://a/x'; if (dev) url = `mongodb://${h}/x?tlsInsecure=true`; probe(url);", (analysis, [arg]) =>
      partialStrings(analysis.evaluator, arg!),
    );
    expect(new Set(strings)).toEqual(new Set(['mongodb://a/x', `mongodb://${HOLE}/x?tlsInsecure=true`]));
  });
});

describe('envFlagIn and guardsOf', () => {
  it('finds environment reads through constants, destructured env and node:process', () => {
    const names = withTls(
      "import { env } from 'node:process';\nconst lab = process.env.LAB === '1';\nprobe(lab && x);\nprobe(env.DEV);\nprobe(globalThis.process.env['CI']);\nprobe(options.dev);",
      (analysis, args) => args.map((arg) => envFlagIn(analysis.evaluator, arg)),
    );
    expect(names).toEqual(['process.env.LAB', 'process.env.DEV', 'process.env.CI', null]);
  });

  it('collects if/ternary/logical tests and early exits, and names the switch', () => {
    const conditions = withTls(
      [
        'function a() { if (!process.env.LAB) return; probe(1); }',
        'function b() { if (process.env.X) { probe(2); } }',
        'function c() { return flag ? probe(3) : 0; }',
        'function d() { probe(4); }',
      ].join('\n'),
      (analysis, args) => args.map((arg) => conditionOf(analysis.evaluator, guardsOf(arg))),
    );
    expect(conditions).toEqual([
      { kind: 'env', name: 'process.env.LAB' },
      { kind: 'env', name: 'process.env.X' },
      { kind: 'other' },
      { kind: 'none' },
    ]);
  });
});

describe('trustAnchorsOf', () => {
  const PEM = "'-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----'";
  it.each([
    [`probe([...tls.rootCertificates, ${PEM}])`, { systemRoots: true, constants: 1 }],
    [`probe([${PEM}])`, { systemRoots: false, constants: 1 }],
    [`probe(tls.getCACertificates('system'))`, { systemRoots: true, constants: 0 }],
    [`const l = tls.rootCertificates.slice(); l.push(${PEM}); probe(l)`, { systemRoots: true, constants: 1 }],
    [`probe([...tls.rootCertificates, fs.readFileSync(process.env.CA)])`, { systemRoots: true, constants: 0 }],
  ])('%s', (code, expected) => {
    const anchors = withTls(code, (analysis, [arg]) => trustAnchorsOf(analysis.evaluator, analysis.evaluator.evaluate(arg!)));
    expect({ systemRoots: anchors.systemRoots, constants: anchors.constants.length }).toEqual(expected);
  });
});

describe('builtin properties', () => {
  it('turns process.env writes into facts, however process.env is reached', () => {
    const roles = withTls(
      "import proc from 'node:process';\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nproc.env.NODE_EXTRA_CA_CERTS = '/x.pem';\nconst e = process.env; e['NODE_TLS_REJECT_UNAUTHORIZED'] = 0;\nprocess.env = { NODE_EXTRA_CA_CERTS: '/y.pem' };\nother.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';",
      (analysis) => analysis.facts.flatMap((fact) => fact.bindings.map((binding) => `${fact.api}:${binding.role}`)),
    );
    expect(roles).toEqual([
      'process.env.NODE_TLS_REJECT_UNAUTHORIZED:envTlsRejectUnauthorized',
      'process.env.NODE_EXTRA_CA_CERTS:envExtraCaCerts',
      'process.env.NODE_TLS_REJECT_UNAUTHORIZED:envTlsRejectUnauthorized',
      'process.env:environment',
      'process.env:envExtraCaCerts',
    ]);
  });
});
