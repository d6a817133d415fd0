import { describe, expect, it } from 'vitest';
import { MEMBER_NAME_MIN_LENGTH } from '../../src/engine/file-index.js';
import { withAnalysis } from './with-analysis.js';

describe('FileIndex members', () => {
  const code = [
    "import crypto from 'node:crypto';",
    "const a = cfg.privateKey, b = cfg['secret\\x4bey'], c = cfg[seedPhrase], d = import.meta.\\u0065nv;",
    'const e = x.ab, f = x[`body`], g = x[0], h = a.b.query;',
    'class C { #secret = 1; m() { return this.#secret; } }',
  ].join('\n');

  it('records every member named by at least MEMBER_NAME_MIN_LENGTH characters, with its name decoded', () => {
    const names = withAnalysis(code, (analysis) => analysis.index.memberNames);
    // `x.ab` is too short, a template or numeric key names nothing, `#secret` is private; `a.b.query` comes
    // before the `a.b` it holds, which is too short.
    expect(names).toEqual(['privateKey', 'secretKey', 'seedPhrase', 'env', 'query']);
    expect(Math.min(...names.map((name) => name.length))).toBeGreaterThanOrEqual(MEMBER_NAME_MIN_LENGTH);
  });

  it('pairs each name with its member expression', () => {
    const pairs = withAnalysis(code, (analysis) =>
      analysis.index.members.map((member, i) => [analysis.sourceCode.getText(member.property), analysis.index.memberNames[i]]),
    );
    expect(pairs).toEqual([
      ['privateKey', 'privateKey'],
      ["'secret\\x4bey'", 'secretKey'],
      ['seedPhrase', 'seedPhrase'],
      ['\\u0065nv', 'env'],
      ['query', 'query'],
    ]);
  });
});
