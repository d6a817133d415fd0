import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_POLICY, SETTINGS_SCHEMA, STRICT_POLICY, type Policy } from '../src/policy.js';

/**
 * The README's settings table is generated from the policy schema, so it cannot drift:
 * KEYGUARD_UPDATE_README=1 rewrites it, and this test fails when it is out of date.
 */
const README = join(import.meta.dirname, '..', 'README.md');
const BEGIN = '<!-- begin settings table (generated from src/policy.ts by tests/readme.test.ts) -->';
const END = '<!-- end settings table -->';

function show(value: unknown): string {
  if (typeof value === 'string') return `\`"${value}"\``;
  if (Array.isArray(value) && value.length > 2) return `${value.length} sets`;
  return `\`${JSON.stringify(value)}\``;
}

export function settingsTable(): string {
  const rows = (Object.keys(SETTINGS_SCHEMA) as (keyof Policy)[]).map((key) => {
    const strict = key in STRICT_POLICY ? show(STRICT_POLICY[key]) : key === 'profile' ? show('strict') : 'same';
    return `| \`${key}\` | ${show(DEFAULT_POLICY[key])} | ${strict} | ${SETTINGS_SCHEMA[key].description.replace(/\|/g, '\\|')} |`;
  });
  return [BEGIN, '', '| setting | default | strict profile | meaning |', '| --- | --- | --- | --- |', ...rows, '', END].join('\n');
}

describe('README', () => {
  it('documents every setting of settings.keyguard, generated from the policy', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(BEGIN);
    const end = readme.indexOf(END);
    const table = settingsTable();
    if (process.env.KEYGUARD_UPDATE_README === '1' && start >= 0 && end > start) {
      writeFileSync(README, readme.slice(0, start) + table + readme.slice(end + END.length));
      return;
    }
    expect(start, 'README has the settings table markers').toBeGreaterThanOrEqual(0);
    expect(readme.slice(start, end + END.length)).toBe(table);
  });

  it('keeps the two-command quick start', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toContain('npm ci && npx keyguard fixtures/');
    expect(readme).toContain('npm test');
  });
});
