// Peer configurations measured in the same benchmark run as keyguard (issue 7): SonarJS's crypto rules,
// eslint-plugin-security's recommended config, and eslint-plugin-node-security's recommended config.
// The plugins are installed by bench/corpus.mjs into bench/.peers.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const peers = join(dirname(fileURLToPath(import.meta.url)), '.peers');
const require = createRequire(join(peers, 'package.json'));

const SONAR_CRYPTO_RULES = [
  'encryption-secure-mode',
  'hashing',
  'hardcoded-secret-signatures',
  'insecure-jwt-token',
  'no-hardcoded-passwords',
  'no-hardcoded-secrets',
  'no-weak-cipher',
  'no-weak-keys',
  'pseudo-random',
  'unverified-certificate',
  'weak-ssl',
];

export const PEERS = ['peer-sonarjs-crypto', 'peer-security', 'peer-node-security'];

export async function peerConfig(name) {
  const files = ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'];
  switch (name) {
    case 'peer-sonarjs-crypto': {
      const sonarjs = require('eslint-plugin-sonarjs');
      return [{ files, plugins: { sonarjs }, rules: Object.fromEntries(SONAR_CRYPTO_RULES.map((rule) => [`sonarjs/${rule}`, 'error'])) }];
    }
    case 'peer-security': {
      const security = require('eslint-plugin-security');
      return [{ files, ...security.configs.recommended }];
    }
    case 'peer-node-security': {
      const module = await import(require.resolve('eslint-plugin-node-security'));
      const plugin = module.default ?? module;
      const config = plugin.configs.recommended;
      return (Array.isArray(config) ? config : [config]).map((c) => ({ files, ...c }));
    }
    default:
      throw new Error(`unknown peer config ${name}`);
  }
}
