import { fn, type LibraryModel } from './types.js';

/**
 * bcrypt (native) and bcryptjs share one API. `hash(password, saltOrRounds)`
 * takes either a cost (log2 of the rounds) or a salt string that carries its
 * own cost (`$2b$12$...`); `genSalt(rounds = 10)` makes such a salt.
 */
const HASH = fn({ args: ['password', 'cost'], fixed: { kdf: 'bcrypt' }, operation: 'derive' });
const GEN_SALT = fn({ args: ['cost'], fixed: { kdf: 'bcrypt' }, defaults: { cost: 10 }, operation: 'generate' });
const COMPARE = fn({ args: ['password'], operation: 'verify' });

export const BCRYPT: LibraryModel = {
  id: 'bcrypt',
  modules: { bcrypt: 'bcrypt', bcryptjs: 'bcrypt', 'bcrypt-nodejs': 'bcrypt' },
  globals: { dcodeIO: 'bcrypt.dcodeIO' },
  types: {
    bcrypt: {
      display: 'bcrypt',
      members: {
        hash: HASH,
        hashSync: HASH,
        genSalt: GEN_SALT,
        genSaltSync: GEN_SALT,
        compare: COMPARE,
        compareSync: COMPARE,
      },
    },
    /** bcryptjs in a browser: `dcodeIO.bcrypt` */
    'bcrypt.dcodeIO': { display: 'dcodeIO', members: { bcrypt: { kind: 'type', type: 'bcrypt' } } },
  },
};
