import type { LibraryModel } from './types.js';

/**
 * jose (panva). Members are added by the rules that need them (weakened
 * configuration, hardcoded keys and escrow recipients, data flow): keep each
 * addition small and in its own block.
 */
export const JOSE: LibraryModel = {
  id: 'jose',
  modules: { jose: 'jose' },
  types: {
    'jose': {
      display: 'jose',
      members: {},
    },
  },
};
