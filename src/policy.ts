/**
 * The one place thresholds live. Defaults come from ../shared/THRESHOLDS.md
 * (NIST SP 800-131A Rev. 2, SP 800-57, OWASP Password Storage Cheat Sheet,
 * RFC 8996...). Users override them once, for every rule, through
 * `settings.keyguard` in their ESLint config (or the `keyguard` field of
 * package.json / `.keyguardrc.json` for the CLI).
 */

export type Profile = 'recommended' | 'strict';

export interface Policy {
  /** `strict` turns on every behaviour the docs mark "(strict)" */
  profile: Profile;
  /** minimum RSA modulus (bits) */
  minRsaBits: number;
  /** minimum DSA modulus (bits) */
  minDsaBits: number;
  /** minimum finite-field Diffie-Hellman prime (bits) */
  minDhBits: number;
  /** minimum elliptic-curve field size (bits) */
  minEcBits: number;
  /** minimum symmetric / MAC / derived key length (bits) */
  minSymmetricBits: number;
  /** minimum AEAD authentication tag length (bits; NIST SP 800-38D) */
  minAuthTagBits: number;
  // --- key derivation (issue 3: no-weak-kdf; OWASP Password Storage Cheat Sheet, NIST SP 800-132) ---
  /** minimum PBKDF2 iterations per HMAC digest (`sha1`, `sha256`, `sha512`, ...) */
  minPbkdf2Iterations: Readonly<Record<string, number>>;
  /** scrypt parameter sets that are acceptable: a call must reach at least one (memory N*r and parallelism) */
  minScryptParameters: readonly ScryptParameters[];
  /** Argon2 parameter sets that are acceptable: a call must reach at least one (memory and iterations) */
  minArgon2Parameters: readonly Argon2Parameters[];
  /** minimum bcrypt cost (log2 of the rounds) */
  minBcryptCost: number;
  /** minimum salt length for password hashing, in bytes */
  minSaltBytes: number;
  /** minimum libsodium `crypto_pwhash` opslimit (the MODERATE preset: 3) */
  minPwhashOpsLimit: number;
  /** minimum libsodium `crypto_pwhash` memlimit in bytes (the MODERATE preset: 256 MiB) */
  minPwhashMemLimit: number;
  /** lowest TLS protocol version a client or server may negotiate (RFC 8996) */
  minTlsVersion: 'TLSv1.2' | 'TLSv1.3';
  // --- escrow recipients (issue 5) ---
  /** documented recovery/organisation keys, by SHA-256 fingerprint of the public key (lowercase hex) */
  disclosedRecipients: readonly DisclosedRecipient[];
  /** report disclosed recipients anyway, as `disclosed` findings (the CLI sets this for SARIF suppressions) */
  reportDisclosed: boolean;
}

/** A recipient key the team has documented: its SHA-256 fingerprint and why it is there. */
export interface DisclosedRecipient {
  sha256: string;
  reason: string;
}

export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze({
  profile: 'recommended',
  minRsaBits: 2048,
  minDsaBits: 2048,
  minDhBits: 2048,
  minEcBits: 224,
  minSymmetricBits: 128,
  minAuthTagBits: 128,
  minPbkdf2Iterations: Object.freeze({ sha1: 1_300_000, sha224: 600_000, sha256: 600_000, sha384: 210_000, sha512: 210_000 }),
  minScryptParameters: Object.freeze([
    { N: 2 ** 17, r: 8, p: 1 },
    { N: 2 ** 16, r: 8, p: 2 },
    { N: 2 ** 15, r: 8, p: 3 },
    { N: 2 ** 14, r: 8, p: 5 },
    { N: 2 ** 13, r: 8, p: 10 },
  ]),
  minArgon2Parameters: Object.freeze([
    { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 },
    { memoryKiB: 46 * 1024, iterations: 1, parallelism: 1 },
    { memoryKiB: 12 * 1024, iterations: 3, parallelism: 1 },
    { memoryKiB: 9 * 1024, iterations: 4, parallelism: 1 },
    { memoryKiB: 7 * 1024, iterations: 5, parallelism: 1 },
  ]),
  minBcryptCost: 10,
  minSaltBytes: 16,
  minPwhashOpsLimit: 3,
  minPwhashMemLimit: 256 * 1024 * 1024,
  minTlsVersion: 'TLSv1.2',
  disclosedRecipients: Object.freeze([]) as readonly DisclosedRecipient[],
  reportDisclosed: false,
});

/** What the strict profile raises (NIST SP 800-57: 128-bit security needs 3072-bit RSA/DH/DSA). */
export const STRICT_POLICY: Readonly<Partial<Policy>> = Object.freeze({
  minRsaBits: 3072,
  minDsaBits: 3072,
  minDhBits: 3072,
  // OWASP's floor for bcrypt is 10; 12 is the common recommendation where login latency allows it.
  minBcryptCost: 12,
});

type SettingSpec =
  | { type: 'enum'; values: readonly string[]; description: string }
  | { type: 'integer'; min: number; max: number; description: string }
  /** anything richer: `validate` returns the normalised value or an error message */
  | { type: 'custom'; validate: (value: unknown) => { value: unknown } | { error: string }; description: string };

/** The schema of `settings.keyguard`, as data: validated once, documented in the README. */
export const SETTINGS_SCHEMA: Readonly<Record<keyof Policy, SettingSpec>> = {
  profile: { type: 'enum', values: ['recommended', 'strict'], description: 'the profile: strict enables every (strict) behaviour' },
  minRsaBits: { type: 'integer', min: 1024, max: 16384, description: 'minimum RSA modulus in bits' },
  minDsaBits: { type: 'integer', min: 1024, max: 16384, description: 'minimum DSA modulus in bits' },
  minDhBits: { type: 'integer', min: 1024, max: 16384, description: 'minimum Diffie-Hellman prime in bits' },
  minEcBits: { type: 'integer', min: 160, max: 571, description: 'minimum elliptic-curve size in bits' },
  minSymmetricBits: { type: 'integer', min: 80, max: 512, description: 'minimum symmetric key length in bits' },
  minAuthTagBits: { type: 'integer', min: 32, max: 128, description: 'minimum AEAD tag length in bits (NIST SP 800-38D: 128; 96-127 tolerated)' },
  minPbkdf2Iterations: {
    type: 'custom',
    validate: validatePbkdf2Iterations,
    description: 'minimum PBKDF2 iterations per digest, merged over the defaults: { "sha256": 600000, "sha512": 210000, "sha1": 1300000 }',
  },
  minScryptParameters: {
    type: 'custom',
    validate: (value) => validateParameterSets(value, ['N', 'r', 'p']),
    description: 'acceptable scrypt parameter sets [{ N, r, p }]: a call must reach one of them (default: OWASP\'s five equivalent sets)',
  },
  minArgon2Parameters: {
    type: 'custom',
    validate: (value) => validateParameterSets(value, ['memoryKiB', 'iterations', 'parallelism']),
    description: 'acceptable Argon2 parameter sets [{ memoryKiB, iterations, parallelism }] (default: OWASP\'s five equivalent sets)',
  },
  minBcryptCost: { type: 'integer', min: 4, max: 31, description: 'minimum bcrypt cost (default 10; 12 under strict)' },
  minSaltBytes: { type: 'integer', min: 8, max: 64, description: 'minimum password-hashing salt length in bytes (NIST SP 800-132: 16)' },
  minPwhashOpsLimit: { type: 'integer', min: 1, max: 64, description: 'minimum libsodium crypto_pwhash opslimit (MODERATE: 3)' },
  minPwhashMemLimit: {
    type: 'integer',
    min: 8192,
    max: 2 ** 42,
    description: 'minimum libsodium crypto_pwhash memlimit in bytes (MODERATE: 268435456)',
  },
  minTlsVersion: { type: 'enum', values: ['TLSv1.2', 'TLSv1.3'], description: 'lowest TLS version allowed (RFC 8996: TLS 1.2)' },
  disclosedRecipients: {
    type: 'custom',
    validate: validateDisclosedRecipients,
    description: 'documented recipient keys [{ sha256, reason }]: escrow findings for them are silenced (SARIF: suppressions with the reason)',
  },
  reportDisclosed: {
    type: 'custom',
    validate: (value) => (typeof value === 'boolean' ? { value } : { error: `must be true or false, got ${describe(value)}` }),
    description: 'report disclosed recipients as `disclosed` findings (set by the CLI for SARIF output); default false',
  },
};

/** `[{ sha256: '<64 hex digits, colons allowed>', reason: '<why>' }]`, normalised to lowercase hex. */
function validateDisclosedRecipients(value: unknown): { value: unknown } | { error: string } {
  if (!Array.isArray(value)) return { error: `must be an array of { sha256, reason } objects, got ${describe(value)}` };
  const out: DisclosedRecipient[] = [];
  for (const [i, entry] of value.entries()) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return { error: `[${i}] must be an object { sha256, reason }, got ${describe(entry)}` };
    const { sha256, reason, ...rest } = entry as Record<string, unknown>;
    const extra = Object.keys(rest);
    if (extra.length) return { error: `[${i}] has unknown key ${extra[0]} (expected sha256 and reason)` };
    const hex = typeof sha256 === 'string' ? sha256.trim().replace(/^sha-?256:/i, '').replace(/[\s:]/g, '').toLowerCase() : '';
    if (!/^[0-9a-f]{64}$/.test(hex)) {
      return { error: `[${i}].sha256 must be the SHA-256 fingerprint of the public key as 64 hex digits (the value keyguard prints in the finding), got ${describe(sha256)}` };
    }
    if (typeof reason !== 'string' || !reason.trim()) return { error: `[${i}].reason must be a non-empty string saying why this recipient is there` };
    out.push({ sha256: hex, reason: reason.trim() });
  }
  return { value: Object.freeze(out) };
}

/** An scrypt parameter set: cost N, block size r, parallelism p. */
export interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

/** An Argon2 parameter set: memory in KiB, iterations (time cost), lanes. */
export interface Argon2Parameters {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** `{ sha256: 600000 }`: digest names (any case, dashes ignored) to positive integers, merged over the defaults. */
function validatePbkdf2Iterations(value: unknown): { value: unknown } | { error: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: `must be an object of digest names to iteration counts, got ${describe(value)}` };
  }
  const out: Record<string, number> = { ...DEFAULT_POLICY.minPbkdf2Iterations };
  for (const [digest, count] of Object.entries(value)) {
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
      return { error: `.${digest} must be a positive integer, got ${describe(count)}` };
    }
    out[digest.toLowerCase().replace(/[-_]/g, '')] = count;
  }
  return { value: Object.freeze(out) };
}

/** A non-empty array of objects with exactly these positive-integer keys. */
function validateParameterSets(value: unknown, keys: readonly string[]): { value: unknown } | { error: string } {
  const shape = `{ ${keys.join(', ')} }`;
  if (!Array.isArray(value) || value.length === 0) return { error: `must be a non-empty array of ${shape} objects, got ${describe(value)}` };
  const out: Record<string, number>[] = [];
  for (const [i, entry] of value.entries()) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return { error: `[${i}] must be an object ${shape}, got ${describe(entry)}` };
    const record = entry as Record<string, unknown>;
    const extra = Object.keys(record).find((key) => !keys.includes(key));
    if (extra) return { error: `[${i}] has unknown key ${extra} (expected ${keys.join(', ')})` };
    for (const key of keys) {
      const n = record[key];
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return { error: `[${i}].${key} must be a positive integer, got ${describe(n)}` };
    }
    out.push(Object.freeze({ ...(record as Record<string, number>) }));
  }
  return { value: Object.freeze(out) };
}

/** A configuration mistake: reported once, with the key that is wrong. */
export class KeyguardConfigError extends Error {
  override name = 'KeyguardConfigError';
}

/**
 * Validates `settings.keyguard` and merges it over the defaults (and the strict
 * profile). Throws KeyguardConfigError naming the bad key.
 */
export function resolvePolicy(raw: unknown, where = 'settings.keyguard'): Policy {
  if (raw === undefined || raw === null) return { ...DEFAULT_POLICY };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new KeyguardConfigError(`keyguard: ${where} must be an object, got ${describe(raw)}.`);
  }
  const input = raw as Record<string, unknown>;
  const known = Object.keys(SETTINGS_SCHEMA);
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(SETTINGS_SCHEMA, key)) {
      const hint = known.find((candidate) => candidate.toLowerCase() === key.toLowerCase() || editDistance(candidate, key) <= 2);
      throw new KeyguardConfigError(
        `keyguard: ${where}.${key} is not a known setting${hint ? ` (did you mean ${hint}?)` : ''}. Known settings: ${known.join(', ')}.`,
      );
    }
  }
  const profile = input.profile ?? DEFAULT_POLICY.profile;
  const base: Policy = { ...DEFAULT_POLICY, ...(profile === 'strict' ? STRICT_POLICY : {}) };
  for (const [key, spec] of Object.entries(SETTINGS_SCHEMA) as [keyof Policy, SettingSpec][]) {
    if (!(key in input) || input[key] === undefined) continue;
    const value = input[key];
    if (spec.type === 'enum') {
      if (typeof value !== 'string' || !spec.values.includes(value)) {
        throw new KeyguardConfigError(
          `keyguard: ${where}.${key} must be one of ${spec.values.map((v) => `"${v}"`).join(', ')}, got ${describe(value)}.`,
        );
      }
      (base as unknown as Record<string, unknown>)[key] = value;
    } else if (spec.type === 'custom') {
      const checked = spec.validate(value);
      if ('error' in checked) throw new KeyguardConfigError(`keyguard: ${where}.${key} ${checked.error}.`);
      (base as unknown as Record<string, unknown>)[key] = checked.value;
    } else {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < spec.min || value > spec.max) {
        throw new KeyguardConfigError(
          `keyguard: ${where}.${key} must be an integer from ${spec.min} to ${spec.max} (${spec.description}), got ${describe(value)}.`,
        );
      }
      (base as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return base;
}

const cache = new WeakMap<object, Policy>();
let defaultPolicy: Policy | undefined;

/** The policy for a rule context: validated once per settings object. */
export function getPolicy(settings: Readonly<Record<string, unknown>> | undefined): Policy {
  const raw = settings?.keyguard;
  if (raw === undefined || raw === null) return (defaultPolicy ??= { ...DEFAULT_POLICY });
  if (typeof raw === 'object') {
    const cached = cache.get(raw);
    if (cached) return cached;
    const policy = resolvePolicy(raw);
    cache.set(raw, policy);
    return policy;
  }
  return resolvePolicy(raw);
}

export function isStrict(policy: Policy): boolean {
  return policy.profile === 'strict';
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length]!;
}
