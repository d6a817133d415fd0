import { constant, fn, type ArgSpec, type LibraryModel, type MemberSpec } from './types.js';

// --- weakened configuration (issue 3) ---
/** `crypto_pwhash` memory limits are bytes; the `memoryKiB` role is KiB. */
const PWHASH_MEMLIMIT: ArgSpec = { role: 'memoryKiB', scale: 1 / 1024 };

/** The AEAD constructions: encrypt / encrypt_detached / decrypt(_detached) take the public nonce `npub`. */
function aeadMembers(
  encrypt: readonly ArgSpec[],
  encryptDetached: readonly ArgSpec[],
  decrypt: readonly ArgSpec[],
  decryptDetached: readonly ArgSpec[],
): Record<string, MemberSpec> {
  const out: Record<string, MemberSpec> = {};
  for (const name of ['xchacha20poly1305_ietf', 'chacha20poly1305_ietf', 'chacha20poly1305', 'aes256gcm']) {
    out[`crypto_aead_${name}_encrypt`] = fn({ args: encrypt, operation: 'encrypt', result: 'ciphertext' });
    out[`crypto_aead_${name}_encrypt_detached`] = fn({ args: encryptDetached, operation: 'encrypt' });
    out[`crypto_aead_${name}_decrypt`] = fn({ args: decrypt, operation: 'decrypt' });
    out[`crypto_aead_${name}_decrypt_detached`] = fn({ args: decryptDetached, operation: 'decrypt' });
  }
  return out;
}

/** The `crypto_pwhash` presets (libsodium's values), algorithm ids, and nonce/key sizes. */
const PWHASH_CONSTANTS: Record<string, MemberSpec> = {
  crypto_pwhash_OPSLIMIT_MIN: constant(1),
  crypto_pwhash_OPSLIMIT_INTERACTIVE: constant(2),
  crypto_pwhash_OPSLIMIT_MODERATE: constant(3),
  crypto_pwhash_OPSLIMIT_SENSITIVE: constant(4),
  crypto_pwhash_MEMLIMIT_MIN: constant(8192),
  crypto_pwhash_MEMLIMIT_INTERACTIVE: constant(67108864),
  crypto_pwhash_MEMLIMIT_MODERATE: constant(268435456),
  crypto_pwhash_MEMLIMIT_SENSITIVE: constant(1073741824),
  crypto_pwhash_ALG_ARGON2I13: constant(1),
  crypto_pwhash_ALG_ARGON2ID13: constant(2),
  crypto_pwhash_ALG_DEFAULT: constant(2),
  crypto_pwhash_SALTBYTES: constant(16),
  crypto_secretbox_NONCEBYTES: constant(24),
  crypto_secretbox_KEYBYTES: constant(32),
  crypto_box_NONCEBYTES: constant(24),
  crypto_aead_xchacha20poly1305_ietf_NPUBBYTES: constant(24),
  crypto_aead_chacha20poly1305_ietf_NPUBBYTES: constant(12),
  crypto_aead_chacha20poly1305_NPUBBYTES: constant(8),
  crypto_aead_aes256gcm_NPUBBYTES: constant(12),
  crypto_stream_xchacha20_NONCEBYTES: constant(24),
};
// --- end weakened configuration ---

/**
 * libsodium-wrappers (and -sumo), sodium-native. Members are added by the rules that need them (weakened
 * configuration, hardcoded keys and escrow recipients, data flow): keep each
 * addition small and in its own block.
 */
export const LIBSODIUM: LibraryModel = {
  id: 'libsodium',
  modules: { 'libsodium-wrappers': 'libsodium', 'libsodium-wrappers-sumo': 'libsodium', sodium: 'libsodium', 'sodium-native': 'libsodium.native' },
  types: {
    'libsodium': {
      display: 'sodium',
      members: {
        // --- hardcoded keys and escrow recipients (issue 5), libsodium-wrappers argument order ---
        crypto_box_seal: fn({ args: ['plaintext', 'recipientKey'], operation: 'encrypt', result: 'ciphertext' }),
        crypto_box_seal_open: fn({ args: [null, null, 'key'], operation: 'decrypt' }),
        crypto_box_easy: fn({ args: ['plaintext', 'iv', 'recipientKey', 'key'], operation: 'encrypt', result: 'ciphertext' }),
        crypto_box_detached: fn({ args: ['plaintext', 'iv', 'recipientKey', 'key'], operation: 'encrypt' }),
        crypto_box_open_easy: fn({ args: [null, 'iv', null, 'key'], operation: 'decrypt' }),
        crypto_box_beforenm: fn({ args: ['recipientKey', 'key'], operation: 'agree', result: 'key-material' }),
        crypto_box_easy_afternm: fn({ args: ['plaintext', 'iv', 'key'], operation: 'encrypt', result: 'ciphertext' }),
        crypto_box_open_easy_afternm: fn({ args: [null, 'iv', 'key'], operation: 'decrypt' }),
        crypto_box_seed_keypair: fn({ args: ['key'], operation: 'generate' }),
        crypto_scalarmult: fn({ args: ['key', 'recipientKey'], operation: 'agree', result: 'key-material' }),
        crypto_scalarmult_base: fn({ args: ['key'], operation: 'derive' }),
        crypto_kx_client_session_keys: fn({ args: [null, 'key', 'recipientKey'], operation: 'agree', result: 'key-material' }),
        crypto_kx_server_session_keys: fn({ args: [null, 'key', 'recipientKey'], operation: 'agree', result: 'key-material' }),
        crypto_kx_seed_keypair: fn({ args: ['key'], operation: 'generate' }),
        crypto_secretbox_easy: fn({ args: ['plaintext', 'iv', 'key'], operation: 'encrypt', result: 'ciphertext' }),
        crypto_secretbox_open_easy: fn({ args: [null, 'iv', 'key'], operation: 'decrypt' }),
        crypto_aead_xchacha20poly1305_ietf_encrypt: fn({ args: ['plaintext', null, null, 'iv', 'key'], operation: 'encrypt', result: 'ciphertext' }),
        crypto_aead_xchacha20poly1305_ietf_decrypt: fn({ args: [null, null, null, 'iv', 'key'], operation: 'decrypt' }),
        crypto_aead_chacha20poly1305_ietf_encrypt: fn({ args: ['plaintext', null, null, 'iv', 'key'], operation: 'encrypt', result: 'ciphertext' }),
        crypto_aead_chacha20poly1305_ietf_decrypt: fn({ args: [null, null, null, 'iv', 'key'], operation: 'decrypt' }),
        crypto_aead_aes256gcm_encrypt: fn({ args: ['plaintext', null, null, 'iv', 'key'], operation: 'encrypt', result: 'ciphertext' }),
        crypto_aead_aes256gcm_decrypt: fn({ args: [null, null, null, 'iv', 'key'], operation: 'decrypt' }),
        crypto_secretstream_xchacha20poly1305_init_push: fn({ args: ['key'], operation: 'encrypt' }),
        crypto_secretstream_xchacha20poly1305_init_pull: fn({ args: [null, 'key'], operation: 'decrypt' }),
        crypto_auth: fn({ args: [null, 'key'], operation: 'mac' }),
        crypto_auth_verify: fn({ args: [null, null, 'key'], operation: 'verify' }),
        crypto_kdf_derive_from_key: fn({ args: [null, null, null, 'key'], operation: 'derive', result: 'key-material' }),
        crypto_sign: fn({ args: [null, 'key'], operation: 'sign' }),
        crypto_sign_detached: fn({ args: [null, 'key'], operation: 'sign' }),
        crypto_sign_open: fn({ args: [null, 'publicKey'], operation: 'verify' }),
        crypto_sign_verify_detached: fn({ args: [null, null, 'publicKey'], operation: 'verify' }),
        crypto_sign_seed_keypair: fn({ args: ['key'], operation: 'generate' }),
        from_hex: fn({ decodes: 'hex' }),
        from_base64: fn({ decodes: 'base64url' }),
        from_string: fn({ decodes: 'utf8' }),
        // --- weakened configuration (issue 3): nonces, password hashing, randomness ---
        crypto_secretbox_detached: fn({ args: ['plaintext', 'iv', 'key'], operation: 'encrypt' }),
        crypto_secretbox_open_detached: fn({ args: [null, null, 'iv', 'key'], operation: 'decrypt' }),
        ...aeadMembers(['plaintext', null, null, 'iv', 'key'], ['plaintext', null, null, 'iv', 'key'], [null, null, null, 'iv', 'key'], [null, null, null, null, 'iv', 'key']),
        crypto_stream_xchacha20_xor: fn({ args: ['plaintext', 'iv', 'key'], operation: 'encrypt' }),
        crypto_stream_chacha20_xor: fn({ args: ['plaintext', 'iv', 'key'], operation: 'encrypt' }),
        crypto_stream_chacha20_ietf_xor: fn({ args: ['plaintext', 'iv', 'key'], operation: 'encrypt' }),
        crypto_pwhash: fn({
          args: [{ role: 'symmetricKeyBits', scale: 8 }, 'password', 'salt', 'cost', PWHASH_MEMLIMIT, null],
          fixed: { kdf: 'sodium-pwhash' },
          operation: 'derive',
          result: 'key-material',
        }),
        crypto_pwhash_str: fn({ args: ['password', 'cost', PWHASH_MEMLIMIT], fixed: { kdf: 'sodium-pwhash' }, operation: 'derive' }),
        randombytes_buf: fn({ args: [null], operation: 'random', result: 'random' }),
        randombytes_buf_deterministic: fn({ args: [null, 'seed'], operation: 'random', result: 'pseudo-random' }),
        ...PWHASH_CONSTANTS,
      },
    },
    // --- weakened configuration (issue 3): sodium-native puts the output buffer first ---
    'libsodium.native': {
      display: 'sodium',
      members: {
        crypto_secretbox_easy: fn({ args: [null, 'plaintext', 'iv', 'key'], operation: 'encrypt' }),
        crypto_secretbox_open_easy: fn({ args: [null, null, 'iv', 'key'], operation: 'decrypt' }),
        crypto_secretbox_detached: fn({ args: [null, null, 'plaintext', 'iv', 'key'], operation: 'encrypt' }),
        crypto_secretbox_open_detached: fn({ args: [null, null, null, 'iv', 'key'], operation: 'decrypt' }),
        crypto_box_easy: fn({ args: [null, 'plaintext', 'iv', 'recipientKey', 'key'], operation: 'encrypt' }),
        crypto_box_open_easy: fn({ args: [null, null, 'iv', null, 'key'], operation: 'decrypt' }),
        crypto_box_detached: fn({ args: [null, null, 'plaintext', 'iv', 'recipientKey', 'key'], operation: 'encrypt' }),
        ...aeadMembers(
          [null, 'plaintext', null, null, 'iv', 'key'],
          [null, null, 'plaintext', null, null, 'iv', 'key'],
          [null, null, null, null, 'iv', 'key'], [null, null, null, null, null, 'iv', 'key'],
        ),
        crypto_stream_xor: fn({ args: [null, 'plaintext', 'iv', 'key'], operation: 'encrypt' }),
        crypto_stream_chacha20_xor: fn({ args: [null, 'plaintext', 'iv', 'key'], operation: 'encrypt' }),
        crypto_stream_chacha20_ietf_xor: fn({ args: [null, 'plaintext', 'iv', 'key'], operation: 'encrypt' }),
        crypto_stream_xchacha20_xor: fn({ args: [null, 'plaintext', 'iv', 'key'], operation: 'encrypt' }),
        crypto_pwhash: fn({
          args: [null, 'password', 'salt', 'cost', PWHASH_MEMLIMIT, null],
          fixed: { kdf: 'sodium-pwhash' },
          operation: 'derive',
        }),
        crypto_pwhash_str: fn({ args: [null, 'password', 'cost', PWHASH_MEMLIMIT], fixed: { kdf: 'sodium-pwhash' }, operation: 'derive' }),
        // fills its argument in place: see the "filled later" check of rules/no-static-iv.ts
        randombytes_buf: fn({ args: [null], operation: 'random' }),
        ...PWHASH_CONSTANTS,
      },
    },
  },
};
