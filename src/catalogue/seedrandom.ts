import { fn, type FunctionSpec, type LibraryModel } from './types.js';

/** The values a seeded generator hands out: predictable when its seed is. */
const OUTPUT = fn({ operation: 'random', result: 'pseudo-random' });

/** seedrandom's generators: `seedrandom(seed?, options?)` and the alternative algorithms. */
const MAKE_PRNG = fn({ args: ['seed', null], operation: 'random', returns: 'seedrandom.prng' });

/**
 * seedrandom: without a seed it autoseeds from the platform CSPRNG; with one
 * it is deterministic (and `{ global: true }` replaces `Math.random`).
 */
export const SEEDRANDOM: LibraryModel = {
  id: 'seedrandom',
  modules: {
    seedrandom: 'seedrandom',
    'seedrandom/lib/alea': 'seedrandom.algorithm',
    'seedrandom/lib/xor128': 'seedrandom.algorithm',
    'seedrandom/lib/xorwow': 'seedrandom.algorithm',
    'seedrandom/lib/xorshift7': 'seedrandom.algorithm',
    'seedrandom/lib/xor4096': 'seedrandom.algorithm',
    'seedrandom/lib/tychei': 'seedrandom.algorithm',
    'seed-random': 'seedrandom.algorithm',
  },
  types: {
    seedrandom: {
      display: 'seedrandom',
      call: MAKE_PRNG,
      members: Object.fromEntries(['alea', 'xor128', 'xorwow', 'xorshift7', 'xor4096', 'tychei'].map((name) => [name, MAKE_PRNG])),
    },
    'seedrandom.algorithm': { display: 'seedrandom', call: MAKE_PRNG },
    'seedrandom.prng': {
      display: 'seeded generator',
      call: OUTPUT,
      members: { int32: OUTPUT, double: OUTPUT, quick: OUTPUT },
    },
  },
};

/** A generator constructor whose seed defaults to something predictable (the clock, `Math.random`). */
function predictableByDefault(returns: string, seedDefault: string): FunctionSpec {
  return fn({ args: ['seed'], defaults: { seed: seedDefault }, operation: 'random', returns });
}

/**
 * Other seedable generators: random-seed (`create(seed?)`, unseeded it seeds
 * from Math.random) and mersenne-twister (`new MersenneTwister(seed?)`,
 * unseeded it seeds from the clock). Neither is a CSPRNG whatever the seed.
 */
export const SEEDED_GENERATORS: LibraryModel = {
  id: 'seeded-generators',
  modules: { 'random-seed': 'random-seed', 'mersenne-twister': 'mersenne-twister' },
  types: {
    'random-seed': {
      display: 'randomSeed',
      members: { create: predictableByDefault('random-seed.generator', 'Math.random()') },
    },
    'random-seed.generator': {
      display: 'random-seed generator',
      call: OUTPUT,
      members: Object.fromEntries(
        ['random', 'range', 'intBetween', 'floatBetween', 'string', 'cleanString', 'hashString'].map((name) => [name, OUTPUT]),
      ),
    },
    'mersenne-twister': {
      display: 'MersenneTwister',
      call: predictableByDefault('mersenne-twister.generator', 'the current time'),
    },
    'mersenne-twister.generator': {
      display: 'MersenneTwister',
      members: Object.fromEntries(
        ['random', 'random_int', 'random_incl', 'random_excl', 'random_long', 'random_int31', 'genrand_int32', 'genrand_res53'].map(
          (name) => [name, OUTPUT],
        ),
      ),
    },
  },
};


