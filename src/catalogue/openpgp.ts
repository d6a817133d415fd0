import type { LibraryModel } from './types.js';

/**
 * OpenPGP.js. Members are added by the rules that need them (weakened
 * configuration, hardcoded keys and escrow recipients, data flow): keep each
 * addition small and in its own block.
 */
export const OPENPGP: LibraryModel = {
  id: 'openpgp',
  modules: { openpgp: 'openpgp' },
  types: {
    'openpgp': {
      display: 'openpgp',
      members: {},
    },
  },
};
