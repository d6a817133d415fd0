import { fn, type ArgSpec, type LibraryModel } from './types.js';

// --- weakened configuration (issue 3: no-insecure-jwt) ---
/** `jwt.sign(payload, key, options)`: `header.alg` overrides `algorithm` in the signed header. */
const SIGN_OPTIONS: ArgSpec = {
  options: {
    algorithm: 'jwtAlgorithms',
    header: { options: { alg: 'jwtAlgorithms' } },
    allowInsecureKeySizes: 'allowInsecureKeySizes',
    allowInvalidAsymmetricKeyTypes: 'allowKeyTypeMismatch',
  },
};

/** `jwt.verify(token, key, options)`: without `algorithms`, jsonwebtoken 9 derives them from the key type. */
const VERIFY_OPTIONS: ArgSpec = {
  options: {
    algorithms: { role: 'jwtAlgorithms', default: null },
    allowInvalidAsymmetricKeyTypes: 'allowKeyTypeMismatch',
    allowInsecureKeySizes: 'allowInsecureKeySizes',
    ignoreExpiration: 'ignoreExpiration',
  },
};
// --- end weakened configuration ---

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
      members: {
        // --- hardcoded keys (issue 5): the secret or private key signs, the secret or public key verifies ---
        // (issue 3 adds the options argument: algorithms and security flags)
        sign: fn({ args: [null, 'key', SIGN_OPTIONS], operation: 'sign' }),
        verify: fn({ args: [null, 'key', VERIFY_OPTIONS], operation: 'verify' }),
        // --- weakened configuration (issue 3): reading a token without verifying it ---
        decode: fn({ args: [null, null], operation: 'decode' }),
      },
    },
  },
};
