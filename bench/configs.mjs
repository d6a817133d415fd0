// The configurations the benchmark compares, shared by bench/lint-once.mjs and bench/paired.mjs: the same
// parsers with zero rules (baseline), keyguard recommended and strict, and the peer plugins (bench/peers.mjs).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const dist = process.env.KEYGUARD_DIST ?? join(root, 'dist');
const JS_TS = ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'];

export async function configFor(name) {
  const { default: keyguard } = await import(join(dist, 'src/index.js'));
  const tsParser = (await import('@typescript-eslint/parser')).default;
  const base = [
    // The corpus lives in node_modules, which ESLint ignores by default.
    { ignores: ['!**/node_modules/'] },
    { files: JS_TS, linterOptions: { reportUnusedDisableDirectives: 'off' } },
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  ];
  switch (name) {
    case 'baseline':
      return base;
    case 'recommended':
      return [...base, ...keyguard.configs.recommended];
    case 'strict':
      return [...base, ...keyguard.configs.strict];
    default: {
      const peers = await import(join(root, 'bench/peers.mjs'));
      return [...base, ...(await peers.peerConfig(name))];
    }
  }
}
