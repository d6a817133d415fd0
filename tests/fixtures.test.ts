import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compareFindings, fixtureFiles, lintFixture, parseFixture } from './fixture-annotations.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures');
const files = [...fixtureFiles(ROOT)];

describe('fixtures produce exactly their annotations', () => {
  it('has fixtures', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const name = relative(ROOT, file);
    it(name, () => {
      const text = readFileSync(file, 'utf8');
      const spec = parseFixture(text);
      const messages = lintFixture(text, file, spec);
      const fatal = messages.filter((message) => !message.ruleId);
      expect(fatal, 'the fixture must parse').toEqual([]);
      const actual = messages.map((message) => `${message.line}:${message.ruleId!.replace(/^keyguard\//, '')}`).sort(compareFindings);
      expect(actual).toEqual(spec.expected);
    });
  }
});

describe('the annotation parser', () => {
  it('reads markers, next-line markers, profile and settings', () => {
    const spec = parseFixture(
      "// keyguard-fixture: strict\n// keyguard-settings: {\"minRsaBits\": 4096}\nfoo(); // expect: a, b\n// expect-next-line: c\nbar();\n",
    );
    expect(spec.profile).toBe('strict');
    expect(spec.settings).toEqual({ minRsaBits: 4096 });
    expect(spec.expected).toEqual(['3:a', '3:b', '5:c']);
  });

  it('defaults to recommended with no findings', () => {
    expect(parseFixture('const x = 1;\n')).toEqual({ profile: 'recommended', settings: {}, expected: [] });
  });
});
