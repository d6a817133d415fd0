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
  /** lowest TLS protocol version a client or server may negotiate (RFC 8996) */
  minTlsVersion: 'TLSv1.2' | 'TLSv1.3';
}

export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze({
  profile: 'recommended',
  minRsaBits: 2048,
  minDsaBits: 2048,
  minDhBits: 2048,
  minEcBits: 224,
  minSymmetricBits: 128,
  minTlsVersion: 'TLSv1.2',
});

/** What the strict profile raises (NIST SP 800-57: 128-bit security needs 3072-bit RSA/DH/DSA). */
export const STRICT_POLICY: Readonly<Partial<Policy>> = Object.freeze({
  minRsaBits: 3072,
  minDsaBits: 3072,
  minDhBits: 3072,
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
  minTlsVersion: { type: 'enum', values: ['TLSv1.2', 'TLSv1.3'], description: 'lowest TLS version allowed (RFC 8996: TLS 1.2)' },
};

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
