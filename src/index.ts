import tsParser from '@typescript-eslint/parser';
import type { ESLint, Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from './rules.js';

/** Files every keyguard config applies to. */
export const JS_TS_FILES = ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'];
const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];

function readVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'eslint-plugin-keyguard' && pkg.version) return pkg.version;
    } catch {
      // keep looking upwards
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}

type Level = 'recommended' | 'strict';

export interface KeyguardPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: Record<Level, Linter.Config[]>;
}

const plugin: KeyguardPlugin = {
  meta: { name: 'eslint-plugin-keyguard', version: readVersion(), namespace: 'keyguard' },
  rules,
  configs: {} as KeyguardPlugin['configs'],
};

/**
 * A config is a small array: the rules for every JS/TS file, and the
 * TypeScript parser for TS files (JS files keep whatever parser the user
 * has). It can sit directly in a config array or in `extends`.
 */
function createConfig(level: Level): Linter.Config[] {
  const enabled = Object.entries(rules)
    .filter(([, rule]) => level === 'strict' || rule.meta.docs?.recommended === 'recommended')
    .map(([name]) => [`keyguard/${name}`, 'error'] as const);
  return [
    {
      name: `keyguard/${level}`,
      files: JS_TS_FILES,
      plugins: {
        get keyguard() {
          return plugin as unknown as ESLint.Plugin;
        },
      },
      rules: Object.fromEntries(enabled),
      ...(level === 'strict' ? { settings: { keyguard: { profile: 'strict' } } } : {}),
    },
    {
      name: `keyguard/${level}/typescript`,
      files: TS_FILES,
      languageOptions: { parser: tsParser as Linter.Parser },
    },
  ];
}

plugin.configs.recommended = createConfig('recommended');
plugin.configs.strict = createConfig('strict');

export default plugin;
export { rules };
// `require('eslint-plugin-keyguard')` (Node 20.19+ require(esm)) returns the plugin itself.
export { plugin as 'module.exports' };
