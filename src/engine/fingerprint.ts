import { createHash } from 'node:crypto';
import type { KeyLiteral } from './key-literals.js';

/**
 * SHA-256 fingerprints of public keys, the name escrow findings give a
 * recipient and what `settings.keyguard.disclosedRecipients` takes: lowercase
 * hex over the DER SubjectPublicKeyInfo when node:crypto can parse the key
 * (PEM, DER, JWK, a certificate's key, the public half of a private key), and
 * over the raw key bytes otherwise (32-byte X25519/NaCl keys, EC points, an
 * OpenPGP key block's binary packets). `openssl pkey -pubin -outform der |
 * sha256sum` gives the same value for a PEM public key.
 *
 * Secrets and private keys are never fingerprinted: a hash of a low-entropy
 * secret lets anyone confirm a guess.
 */
export function publicKeyFingerprint(literal: KeyLiteral): string | null {
  if (literal.kind !== 'public' && literal.kind !== 'certificate' && literal.kind !== 'private') return null;
  const material = literal.publicMaterial;
  if (!material) return null;
  return createHash('sha256').update('spki' in material ? material.spki : material.raw).digest('hex');
}

/** Accepts `AB:CD:...`, `sha256:abcd...`, spaces and any case; returns 64 lowercase hex digits or null. */
export function normaliseFingerprint(text: string): string | null {
  const hex = text.trim().replace(/^sha-?256:/i, '').replace(/[\s:]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}
