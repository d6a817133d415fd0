import type { LibraryModel } from './types.js';

/**
 * libsodium-wrappers (and -sumo), sodium-native. Members are added by the rules that need them (weakened
 * configuration, hardcoded keys and escrow recipients, data flow): keep each
 * addition small and in its own block.
 */
export const LIBSODIUM: LibraryModel = {
  id: 'libsodium',
  modules: { 'libsodium-wrappers': 'libsodium', 'libsodium-wrappers-sumo': 'libsodium', sodium: 'libsodium', 'sodium-native': 'libsodium' },
  types: {
    'libsodium': {
      display: 'sodium',
      members: {},
    },
  },
};
