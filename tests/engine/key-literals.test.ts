import { createHash, createPublicKey } from 'node:crypto';
import { normaliseFingerprint, publicKeyFingerprint } from '../../src/engine/fingerprint.js';
import { recognizeDer, recognizePem, recognizeString } from '../../src/engine/key-literals.js';
import { isTestFile } from '../../src/engine/test-files.js';
import { KeyguardConfigError, resolvePolicy } from '../../src/policy.js';
import {
  EC_PRIVATE_PEM,
  OPENSSH_PRIVATE,
  PGP_PUBLIC,
  RSA_PKCS1_PRIVATE_PEM,
  RSA_PKCS1_PUBLIC_PEM,
  RSA_PRIVATE_PEM,
  RSA_PUBLIC_PEM,
  RSA_SPKI_BASE64,
  SECRET_HEX_32,
  X25519_PUBLIC_HEX,
} from '../keys.js';

const spkiSha = createHash('sha256').update(createPublicKey(RSA_PUBLIC_PEM).export({ type: 'spki', format: 'der' })).digest('hex');

describe('key literal recognition', () => {
  it.each([
    ['PKCS#8 private', RSA_PRIVATE_PEM, 'private', 'RSA-2048 private key'],
    ['PKCS#1 private', RSA_PKCS1_PRIVATE_PEM, 'private', 'RSA-2048 private key'],
    ['SEC1 EC private', EC_PRIVATE_PEM, 'private', 'EC prime256v1 private key'],
    ['OpenSSH private', OPENSSH_PRIVATE, 'private', 'OpenSSH private key'],
    ['SPKI public', RSA_PUBLIC_PEM, 'public', 'RSA-2048 public key'],
    ['PKCS#1 public', RSA_PKCS1_PUBLIC_PEM, 'public', 'RSA-2048 public key'],
    ['OpenPGP public block', PGP_PUBLIC, 'public', 'OpenPGP public key block'],
  ])('recognises a %s PEM by its label', (_name, pem, kind, description) => {
    const found = recognizePem(pem, null, 'any');
    expect(found?.kind).toBe(kind);
    expect(found?.description.startsWith(description)).toBe(true);
  });

  it('never puts material in a description', () => {
    for (const pem of [RSA_PRIVATE_PEM, RSA_PUBLIC_PEM, OPENSSH_PRIVATE]) {
      const body = pem.split('\n')[1]!;
      expect(recognizePem(pem, null, 'any')!.description).not.toContain(body.slice(0, 10));
    }
  });

  it('ignores a PEM header without a body', () => {
    expect(recognizePem('-----BEGIN PRIVATE KEY-----', null, 'any')).toBeNull();
    expect(recognizePem('-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----', null, 'any')).toBeNull();
  });

  it('recognises DER by structure and fingerprints the SPKI', () => {
    const found = recognizeDer(Buffer.from(RSA_SPKI_BASE64, 'base64'), null, 'base64', 'public');
    expect(found?.kind).toBe('public');
    expect(publicKeyFingerprint(found!)).toBe(spkiSha);
    expect(publicKeyFingerprint(recognizePem(RSA_PKCS1_PUBLIC_PEM, null, 'public')!)).toBe(spkiSha);
  });

  it('reads a bare base64 SPKI string as a public key and a 64-hex string by context', () => {
    expect(recognizeString(RSA_SPKI_BASE64, null, 'any')?.kind).toBe('public');
    expect(recognizeString(SECRET_HEX_32, null, 'any')).toBeNull();
    expect(recognizeString(SECRET_HEX_32, null, 'secret')?.description).toBe('secret (32 bytes, hex)');
    expect(recognizeString(X25519_PUBLIC_HEX, null, 'public')?.kind).toBe('public');
    expect(recognizeString('not-a-key', null, 'public')).toBeNull();
  });

  it('fingerprints raw public keys over their bytes', () => {
    const found = recognizeString(X25519_PUBLIC_HEX, null, 'public')!;
    expect(publicKeyFingerprint(found)).toBe(createHash('sha256').update(Buffer.from(X25519_PUBLIC_HEX, 'hex')).digest('hex'));
  });

  it('never fingerprints a secret', () => {
    expect(publicKeyFingerprint(recognizeString(SECRET_HEX_32, null, 'secret')!)).toBeNull();
  });

  it('normalises fingerprints', () => {
    expect(normaliseFingerprint(`SHA256:${spkiSha.toUpperCase().replace(/(..)(?!$)/g, '$1:')}`)).toBe(spkiSha);
    expect(normaliseFingerprint('abc')).toBeNull();
  });

  it('knows test files', () => {
    for (const file of ['a.test.ts', 'src/x.spec.mjs', 'src/__tests__/a.js', 'fixtures/keys/a.js', 'test/a.js']) expect(isTestFile(file)).toBe(true);
    for (const file of ['src/testing-utils.ts', 'src/contest.js', 'src/latest/a.js']) expect(isTestFile(file)).toBe(false);
  });
});

describe('disclosedRecipients and reportDisclosed settings', () => {
  it('normalises fingerprints and trims reasons', () => {
    const policy = resolvePolicy({ disclosedRecipients: [{ sha256: spkiSha.toUpperCase(), reason: ' recovery key ' }], reportDisclosed: true });
    expect(policy.disclosedRecipients).toEqual([{ sha256: spkiSha, reason: 'recovery key' }]);
    expect(policy.reportDisclosed).toBe(true);
  });

  it('defaults to none, not reported', () => {
    const policy = resolvePolicy({});
    expect(policy.disclosedRecipients).toEqual([]);
    expect(policy.reportDisclosed).toBe(false);
  });

  it.each([
    [{ disclosedRecipients: 'abc' }, /must be an array/],
    [{ disclosedRecipients: [{ sha256: 'abc', reason: 'x' }] }, /64 hex digits/],
    [{ disclosedRecipients: [{ sha256: spkiSha }] }, /reason must be a non-empty string/],
    [{ disclosedRecipients: [{ sha256: spkiSha, reason: 'x', note: 1 }] }, /unknown key note/],
    [{ reportDisclosed: 'yes' }, /must be true or false/],
  ])('rejects %j', (settings, message) => {
    expect(() => resolvePolicy(settings)).toThrow(KeyguardConfigError);
    expect(() => resolvePolicy(settings)).toThrow(message);
  });
});
