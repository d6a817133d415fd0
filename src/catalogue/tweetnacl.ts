import type { LibraryModel } from './types.js';

/**
 * tweetnacl (and tweetnacl-util is not crypto). Members are added by the rules that need them (weakened
 * configuration, hardcoded keys and escrow recipients, data flow): keep each
 * addition small and in its own block.
 */
export const TWEETNACL: LibraryModel = {
  id: 'tweetnacl',
  modules: { 'tweetnacl': 'tweetnacl' },
  types: {
    'tweetnacl': {
      display: 'nacl',
      members: {},
    },
  },
};
