import type { LibraryModel } from './types.js';

/**
 * jsonwebtoken. Members are added by the rules that need them (weakened
 * configuration, hardcoded keys and escrow recipients, data flow): keep each
 * addition small and in its own block.
 */
export const JSONWEBTOKEN: LibraryModel = {
  id: 'jsonwebtoken',
  modules: { jsonwebtoken: 'jsonwebtoken' },
  types: {
    'jsonwebtoken': {
      display: 'jwt',
      members: {},
    },
  },
};
