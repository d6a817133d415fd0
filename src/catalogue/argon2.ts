import { constant, fn, type ArgSpec, type LibraryModel, type Role } from './types.js';

/** Option names of `argon2` (node-argon2) and `@node-rs/argon2`; memory is in KiB. */
const OPTIONS: ArgSpec = {
  options: {
    memoryCost: 'memoryKiB',
    timeCost: 'cost',
    parallelism: 'parallelism',
    salt: 'salt',
    hashLength: { role: 'symmetricKeyBits', scale: 8 },
    outputLen: { role: 'symmetricKeyBits', scale: 8 },
    secret: 'key',
  },
};

type Defaults = Readonly<Partial<Record<Role, number>>>;

function hashing(defaults: Defaults) {
  const hash = fn({ args: ['password', OPTIONS], fixed: { kdf: 'argon2' }, defaults, operation: 'derive' });
  return { hash, hashSync: hash, hashRaw: fn({ ...hash, result: 'key-material' }), hashRawSync: fn({ ...hash, result: 'key-material' }) };
}

/**
 * Argon2 bindings. Their defaults differ: node-argon2 uses m = 64 MiB, t = 3,
 * p = 4; @node-rs/argon2 m = 19 MiB, t = 2, p = 1 (both meet OWASP);
 * argon2-browser m = 1 MiB, t = 1 (far below it); hash-wasm has no defaults.
 */
export const ARGON2: LibraryModel = {
  id: 'argon2',
  modules: {
    argon2: 'argon2',
    '@node-rs/argon2': 'argon2.node-rs',
    'argon2-browser': 'argon2.browser',
    'hash-wasm': 'argon2.hash-wasm',
  },
  types: {
    argon2: {
      display: 'argon2',
      members: {
        ...hashing({ memoryKiB: 65536, cost: 3, parallelism: 4 }),
        verify: fn({ args: [null, 'password'], operation: 'verify' }),
        argon2d: constant(0),
        argon2i: constant(1),
        argon2id: constant(2),
      },
    },
    'argon2.node-rs': {
      display: 'argon2',
      members: {
        ...hashing({ memoryKiB: 19456, cost: 2, parallelism: 1 }),
        verify: fn({ args: [null, 'password'], operation: 'verify' }),
      },
    },
    'argon2.browser': {
      display: 'argon2',
      members: {
        hash: fn({
          args: [
            {
              options: {
                pass: 'password',
                salt: 'salt',
                time: 'cost',
                mem: 'memoryKiB',
                parallelism: 'parallelism',
                hashLen: { role: 'symmetricKeyBits', scale: 8 },
              },
            },
          ],
          fixed: { kdf: 'argon2' },
          defaults: { cost: 1, memoryKiB: 1024, parallelism: 1 },
          operation: 'derive',
        }),
      },
    },
    /** hash-wasm: `argon2id({ password, salt, iterations, memorySize, parallelism, hashLength })`, `scrypt({ costFactor, ... })` */
    'argon2.hash-wasm': {
      display: 'hashwasm',
      members: Object.fromEntries([
        ...['argon2id', 'argon2i', 'argon2d'].map((name) => [
          name,
          fn({
            args: [
              {
                options: {
                  password: 'password',
                  salt: 'salt',
                  iterations: 'cost',
                  memorySize: 'memoryKiB',
                  parallelism: 'parallelism',
                  hashLength: { role: 'symmetricKeyBits', scale: 8 },
                },
              },
            ],
            fixed: { kdf: 'argon2' },
            operation: 'derive',
          }),
        ]),
        [
          'scrypt',
          fn({
            args: [
              {
                options: {
                  password: 'password',
                  salt: 'salt',
                  costFactor: 'cost',
                  blockSize: 'blockSize',
                  parallelism: 'parallelism',
                  hashLength: { role: 'symmetricKeyBits', scale: 8 },
                },
              },
            ],
            fixed: { kdf: 'scrypt' },
            operation: 'derive',
          }),
        ],
      ]),
    },
  },
};
