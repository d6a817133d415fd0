// The plugin lints itself: eslint-plugin-eslint-plugin on the rules, and keyguard's own strict config.
import tsParser from '@typescript-eslint/parser';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import keyguard from './dist/src/index.js';

export default [
  { ignores: ['dist/', 'node_modules/', 'fixtures/', 'coverage/', 'bench/.corpus/', 'bench/.work/'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
  },
  {
    files: ['rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      // createRule() injects docs.url; tests/plugin.test.ts checks every url points at its doc.
      'eslint-plugin/require-meta-docs-url': 'off',
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Disallow|Require|Enforce) .+[^. ]$' }],
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
    },
  },
  {
    files: ['tests/rules/**/*.ts'],
    plugins: { 'eslint-plugin': eslintPlugin },
    rules: {
      'eslint-plugin/no-only-tests': 'error',
      'eslint-plugin/unique-test-case-names': 'error',
      'eslint-plugin/no-identical-tests': 'error',
      'eslint-plugin/prefer-message-ids': 'error',
      'eslint-plugin/require-test-case-name': 'error',
    },
  },
  // Dogfooding: keyguard's strict config on its own sources.
  ...keyguard.configs.strict.map((config) => ({ ...config, files: ['src/**/*.ts', 'rules/**/*.ts', 'bin/**/*.js'] })),
];
