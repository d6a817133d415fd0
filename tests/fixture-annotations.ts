import { Linter } from 'eslint';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import plugin from '../src/index.js';

/** Parses the annotation contract of fixtures/README.md. */
export interface FixtureSpec {
  profile: 'recommended' | 'strict';
  settings: Record<string, unknown>;
  /** sorted `line:rule` strings, one per expected finding */
  expected: string[];
}

const MARKER = /\/\/\s*expect(-next-line)?:\s*([\w\-, ]+)/;

export function parseFixture(text: string): FixtureSpec {
  const lines = text.split(/\r?\n/);
  const profile = /^\/\/\s*keyguard-fixture:\s*strict\b/.test(lines[0] ?? '') ? 'strict' : 'recommended';
  let settings: Record<string, unknown> = {};
  const expected: string[] = [];
  lines.forEach((line, i) => {
    const settingsMatch = /\/\/\s*keyguard-settings:\s*(\{.*\})\s*$/.exec(line);
    if (settingsMatch) settings = { ...settings, ...(JSON.parse(settingsMatch[1]!) as Record<string, unknown>) };
    const match = MARKER.exec(line);
    if (!match) return;
    const target = match[1] ? i + 2 : i + 1;
    for (const rule of match[2]!.split(',').map((part) => part.trim()).filter(Boolean)) expected.push(`${target}:${rule}`);
  });
  return { profile, settings, expected: expected.sort(compareFindings) };
}

export function compareFindings(a: string, b: string): number {
  const [la, ra] = a.split(':');
  const [lb, rb] = b.split(':');
  return Number(la) - Number(lb) || String(ra).localeCompare(String(rb));
}

const SOURCE = /\.(js|mjs|cjs|jsx|ts|tsx|mts|cts)$/;

/** Every fixture source file under a directory, sorted. */
export function* fixtureFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* fixtureFiles(path);
    else if (SOURCE.test(entry)) yield path;
  }
}

/** Lints a fixture's text the way the contract says: its profile's config plus its settings. */
export function lintFixture(text: string, file: string, spec: FixtureSpec): Linter.LintMessage[] {
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
