import { getRegistry } from '../../src/engine/registry.js';

describe('the trigger scan', () => {
  const registry = getRegistry();
  it.each([
    "const c = require('crypto');",
    'import x from "node:crypto";',
    "import AES from 'crypto-js/aes';",
    "const ws = require('ws');",
    'const k = privateKey;',
    '-----BEGIN PUBLIC KEY-----',
    'Math.random()',
    "import { SignJWT } from 'jose';",
    "import { Keypair } from '@solana/web3.js';",
  ])('finds %s, exactly as the trigger expression does', (text) => {
    expect(registry.hasTrigger(text)).toBe(true);
    expect(registry.trigger.test(text)).toBe(true);
  });

  it.each(["const ws = 1; const pg = 2; const got = 3;", 'export const answer = 42;', "import x from './local';"])(
    'skips %s',
    (text) => {
      expect(registry.hasTrigger(text)).toBe(false);
      expect(registry.trigger.test(text)).toBe(false);
    },
  );
});
