import { fn, ref, type ArgSpec, type FunctionSpec, type LibraryModel, type TypeSpec } from './types.js';

// --- weakened configuration (issue 3: no-insecure-jwt) ---
/** `jwtVerify(jwt, key, { algorithms })`: without `algorithms`, jose accepts every algorithm the key supports. */
const VERIFY_OPTIONS: ArgSpec = { options: { algorithms: { role: 'jwtAlgorithms', default: null } } };
/** `setProtectedHeader({ alg })` of the signing builders. */
const SIGNED_HEADER: ArgSpec = { options: { alg: 'jwtAlgorithms' } };
const SIGNING_BUILDERS: ReadonlySet<string> = new Set(['SignJWT', 'CompactSign', 'FlattenedSign', 'GeneralSign']);

const WEAKENED_CONFIGURATION_TYPES: Record<string, TypeSpec> = {
  // `new UnsecuredJWT(claims).encode()` and `UnsecuredJWT.decode(jwt)`: `alg: none`, by design.
  'jose.UnsecuredJWT': {
    display: 'UnsecuredJWT',
    call: fn({ fixed: { jwtAlgorithms: 'none' }, operation: 'sign' }),
    members: { decode: fn({ args: [null], fixed: { jwtAlgorithms: 'none' }, operation: 'verify' }) },
  },
};
// --- end weakened configuration ---

// --- hardcoded keys and escrow recipients (issue 5): jose's builder classes ---
/** Chainable setters shared by the JWS/JWE/JWT builders; each returns its receiver. */
const JOSE_SETTERS = [
  'setProtectedHeader',
  'setSharedUnprotectedHeader',
  'setUnprotectedHeader',
  'setAdditionalAuthenticatedData',
  'setKeyManagementParameters',
  'setIssuer',
  'setSubject',
  'setAudience',
  'setJti',
  'setNotBefore',
  'setExpirationTime',
  'setIssuedAt',
  'replicateIssuerAsHeader',
  'replicateSubjectAsHeader',
  'replicateAudienceAsHeader',
] as const;

function builder(name: string, extra: Record<string, FunctionSpec>): TypeSpec {
  return {
    display: name,
    members: {
      ...Object.fromEntries(
        JOSE_SETTERS.map((setter) => [
          setter,
          fn({
            // (issue 3) the signed header's `alg`
            ...(setter === 'setProtectedHeader' && SIGNING_BUILDERS.has(name) ? { args: [SIGNED_HEADER] } : {}),
            operation: 'inherit',
            returns: `jose.${name}`,
          }),
        ]),
      ),
      ...extra,
    },
  };
}

const ENCRYPT_EXTRAS = (name: string): Record<string, FunctionSpec> => ({
  setContentEncryptionKey: fn({ args: ['key'], operation: 'inherit', returns: `jose.${name}` }),
  setInitializationVector: fn({ args: ['iv'], operation: 'inherit', returns: `jose.${name}` }),
  // The key is the recipient's public key (RSA-OAEP, ECDH-ES) or a shared secret (dir, A*KW, PBES2).
  encrypt: fn({ args: ['recipientKey', null], operation: 'encrypt' }),
});

const JOSE_CLASSES = ['SignJWT', 'CompactSign', 'FlattenedSign', 'GeneralSign', 'CompactEncrypt', 'FlattenedEncrypt', 'GeneralEncrypt', 'EncryptJWT'] as const;

const JOSE_CLASS_TYPES: Record<string, TypeSpec> = {
  ...Object.fromEntries(
    JOSE_CLASSES.map((name) => [
      `jose.${name}Class`,
      {
        display: name,
        call: /Encrypt/.test(name)
          ? fn({ args: ['plaintext'], operation: 'encrypt', returns: `jose.${name}` })
          : fn({ operation: 'sign', returns: `jose.${name}` }),
      },
    ]),
  ),
  'jose.SignJWT': builder('SignJWT', { sign: fn({ args: ['key', null], operation: 'sign' }) }),
  'jose.CompactSign': builder('CompactSign', { sign: fn({ args: ['key', null], operation: 'sign' }) }),
  'jose.FlattenedSign': builder('FlattenedSign', { sign: fn({ args: ['key', null], operation: 'sign' }) }),
  'jose.GeneralSign': builder('GeneralSign', {
    addSignature: fn({ args: ['key', null], operation: 'sign', returns: 'jose.GeneralSign' }),
    done: fn({ operation: 'inherit', returns: 'jose.GeneralSign' }),
    sign: fn({ operation: 'sign' }),
  }),
  'jose.CompactEncrypt': builder('CompactEncrypt', ENCRYPT_EXTRAS('CompactEncrypt')),
  'jose.FlattenedEncrypt': builder('FlattenedEncrypt', ENCRYPT_EXTRAS('FlattenedEncrypt')),
  'jose.EncryptJWT': builder('EncryptJWT', ENCRYPT_EXTRAS('EncryptJWT')),
  /** multi-recipient JWE: each `addRecipient(key)` encrypts the content key to one more recipient */
  'jose.GeneralEncrypt': builder('GeneralEncrypt', {
    addRecipient: fn({ args: ['recipientKey', null], operation: 'encrypt', returns: 'jose.GeneralEncrypt.Recipient' }),
    encrypt: fn({ operation: 'encrypt' }),
  }),
  'jose.GeneralEncrypt.Recipient': {
    display: 'GeneralEncrypt recipient',
    members: {
      setUnprotectedHeader: fn({ operation: 'inherit', returns: 'jose.GeneralEncrypt.Recipient' }),
      setKeyManagementParameters: fn({ operation: 'inherit', returns: 'jose.GeneralEncrypt.Recipient' }),
      addRecipient: fn({ args: ['recipientKey', null], operation: 'encrypt', returns: 'jose.GeneralEncrypt.Recipient' }),
      done: fn({ operation: 'inherit', returns: 'jose.GeneralEncrypt' }),
      encrypt: fn({ operation: 'encrypt' }),
    },
  },
};

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
      members: {
        // --- hardcoded keys and escrow recipients (issue 5) ---
        importSPKI: fn({ args: ['publicKey', null], operation: 'import' }),
        importX509: fn({ args: ['publicKey', null], operation: 'import' }),
        importPKCS8: fn({ args: ['key', null], operation: 'import' }),
        importJWK: fn({ args: ['keyData', null], operation: 'import' }),
        // (issue 3 adds the options argument: the `algorithms` allow-list)
        jwtVerify: fn({ args: [null, 'key', VERIFY_OPTIONS], operation: 'verify' }),
        compactVerify: fn({ args: [null, 'key', VERIFY_OPTIONS], operation: 'verify' }),
        flattenedVerify: fn({ args: [null, 'key', VERIFY_OPTIONS], operation: 'verify' }),
        generalVerify: fn({ args: [null, 'key', VERIFY_OPTIONS], operation: 'verify' }),
        jwtDecrypt: fn({ args: [null, 'key'], operation: 'decrypt' }),
        compactDecrypt: fn({ args: [null, 'key'], operation: 'decrypt' }),
        flattenedDecrypt: fn({ args: [null, 'key'], operation: 'decrypt' }),
        generalDecrypt: fn({ args: [null, 'key'], operation: 'decrypt' }),
        ...Object.fromEntries(JOSE_CLASSES.map((name) => [name, ref(`jose.${name}Class`)])),
        // --- weakened configuration (issue 3) ---
        decodeJwt: fn({ args: [null], operation: 'decode' }),
        UnsecuredJWT: ref('jose.UnsecuredJWT'),
      },
    },
    ...JOSE_CLASS_TYPES,
    ...WEAKENED_CONFIGURATION_TYPES,
  },
};
