/**
 * Facts about algorithm names, independent of any library: which cipher
 * family and mode a name denotes, how strong a curve or DH group is.
 * Names are matched case-insensitively; OpenSSL, Web Crypto, crypto-js and
 * node-forge spellings are all understood.
 */

export type CipherWeakness = 'broken' | 'export' | 'null' | 'small-block';

export interface CipherInfo {
  /** canonical family: `aes`, `des`, `3des`, `rc4`, `rc2`, `bf`, `cast5`, `idea`, `seed`, `null`... */
  family: string;
  /** a human name for messages */
  display: string;
  /** lower-case mode (`ecb`, `cbc`, `gcm`...) when the name says it */
  mode?: string;
  /** why the family is unacceptable, if it is */
  weakness?: CipherWeakness;
  /** short reason quoted in messages */
  reason?: string;
}

interface FamilyRule {
  pattern: RegExp;
  family: string;
  display: string;
  weakness?: CipherWeakness;
  reason?: string;
}

const FAMILIES: readonly FamilyRule[] = [
  {
    pattern: /^(des-?ede3|des3|3des|tripledes|des-ede|triple-des|id-smime-alg-cms3deswrap)(?=-|$)/,
    family: '3des',
    display: 'Triple DES',
    weakness: 'small-block',
    reason: 'a 64-bit block (Sweet32), and NIST SP 800-131A disallows it for encryption after 2023',
  },
  { pattern: /^desx(?=-|$)/, family: 'desx', display: 'DESX', weakness: 'broken', reason: 'a DES variant with a 64-bit block' },
  {
    pattern: /^des(?=-|$)/,
    family: 'des',
    display: 'DES',
    weakness: 'broken',
    reason: 'a 56-bit key that is brute-forced in hours',
  },
  {
    pattern: /^rc4-40(?=-|$)/,
    family: 'rc4',
    display: 'RC4-40',
    weakness: 'export',
    reason: 'export-grade 40-bit RC4',
  },
  {
    pattern: /^(rc4|arc4|arcfour)(?=-|$)/,
    family: 'rc4',
    display: 'RC4',
    weakness: 'broken',
    reason: 'a biased keystream (prohibited in TLS by RFC 7465)',
  },
  {
    pattern: /^rc2-40(?=-|$)/,
    family: 'rc2',
    display: 'RC2-40',
    weakness: 'export',
    reason: 'export-grade 40-bit RC2',
  },
  {
    pattern: /^rc2(?=-|$)/,
    family: 'rc2',
    display: 'RC2',
    weakness: 'broken',
    reason: 'a 64-bit block and related-key attacks',
  },
  {
    pattern: /^(bf|blowfish)(?=-|$)/,
    family: 'bf',
    display: 'Blowfish',
    weakness: 'small-block',
    reason: 'a 64-bit block (Sweet32)',
  },
  {
    pattern: /^cast5?(?=-|$)/,
    family: 'cast5',
    display: 'CAST5',
    weakness: 'small-block',
    reason: 'a 64-bit block (Sweet32)',
  },
  { pattern: /^idea(?=-|$)/, family: 'idea', display: 'IDEA', weakness: 'small-block', reason: 'a 64-bit block (Sweet32)' },
  {
    pattern: /^seed(?=-|$)/,
    family: 'seed',
    display: 'SEED',
    weakness: 'broken',
    reason: 'no longer approved anywhere and unmaintained in OpenSSL (legacy provider only)',
  },
  {
    pattern: /^(null|enull|cipher-null)$/,
    family: 'null',
    display: 'the NULL cipher',
    weakness: 'null',
    reason: 'no encryption at all',
  },
  { pattern: /^(id-)?aes-?(128|192|256)?(?=-|$|\d)/, family: 'aes', display: 'AES' },
  { pattern: /^(aes|aria|camellia|sm4|chacha20|rabbit)/, family: 'other', display: 'cipher' },
];

const MODE_PATTERN = /-(ecb|cbc|cfb1|cfb8|cfb|ofb|ctr|gcm|ccm|ocb|xts|wrap|wrap-pad|siv|gcm-siv|poly1305)$/;

/** Parses an algorithm name used as a cipher; undefined when it is not a cipher name at all. */
export function parseCipherName(raw: string): CipherInfo | undefined {
  const name = raw.trim().toLowerCase();
  if (name === '' || name.length > 64) return undefined;
  const rule = FAMILIES.find((candidate) => candidate.pattern.test(name));
  if (!rule) return undefined;
  const mode = MODE_PATTERN.exec(name)?.[1] ?? (name === 'ecb' ? 'ecb' : undefined);
  const info: CipherInfo = { family: rule.family, display: rule.display };
  if (mode) info.mode = mode;
  if (rule.weakness) info.weakness = rule.weakness;
  if (rule.reason) info.reason = rule.reason;
  return info;
}

/** Is this (crypto-js / forge) mode name ECB? */
export function isEcbModeName(raw: string): boolean {
  return raw.trim().toLowerCase() === 'ecb';
}

/** Sizes of named curves whose size cannot be read from the name. */
const CURVE_BITS: Readonly<Record<string, number>> = {
  'p-256': 256,
  'p-384': 384,
  'p-521': 521,
  'p-224': 224,
  'p-192': 192,
  x25519: 255,
  ed25519: 255,
  curve25519: 255,
  x448: 448,
  ed448: 448,
  'wap-wsg-idm-ecid-wtls1': 113,
  'wap-wsg-idm-ecid-wtls3': 163,
  'wap-wsg-idm-ecid-wtls4': 113,
  'wap-wsg-idm-ecid-wtls5': 163,
  'wap-wsg-idm-ecid-wtls6': 112,
  'wap-wsg-idm-ecid-wtls7': 160,
  'wap-wsg-idm-ecid-wtls8': 112,
  'wap-wsg-idm-ecid-wtls9': 160,
  'wap-wsg-idm-ecid-wtls10': 233,
  'wap-wsg-idm-ecid-wtls11': 233,
  'wap-wsg-idm-ecid-wtls12': 224,
  'oakley-ec2n-3': 155,
  'oakley-ec2n-4': 185,
};

/** The field size in bits of a named elliptic curve, when known. */
export function curveBits(raw: string): number | undefined {
  const name = raw.trim().toLowerCase();
  const known = CURVE_BITS[name];
  if (known !== undefined) return known;
  const match = /^(?:secp|sect|prime|brainpoolp|c2[pt]nb|p-?|nistp|ansip|ansit)(\d{3})/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** Modulus sizes of Node's named MODP groups (RFC 2409, RFC 3526). */
const DH_GROUP_BITS: Readonly<Record<string, number>> = {
  modp1: 768,
  modp2: 1024,
  modp5: 1536,
  modp14: 2048,
  modp15: 3072,
  modp16: 4096,
  modp17: 6144,
  modp18: 8192,
  ffdhe2048: 2048,
  ffdhe3072: 3072,
  ffdhe4096: 4096,
  ffdhe6144: 6144,
  ffdhe8192: 8192,
};

export function dhGroupBits(raw: string): number | undefined {
  return DH_GROUP_BITS[raw.trim().toLowerCase()];
}

/** Which asymmetric family a key-type or Web Crypto algorithm name denotes. */
export type KeyFamily = 'rsa' | 'dsa' | 'dh' | 'ec' | 'symmetric';

export function keyFamily(raw: string): KeyFamily | undefined {
  const name = raw.trim().toLowerCase();
  if (name === 'rsa' || name === 'rsa-pss' || name.startsWith('rsassa') || name.startsWith('rsa-')) return 'rsa';
  if (name === 'dsa') return 'dsa';
  if (name === 'dh') return 'dh';
  if (name === 'ec' || name === 'ecdsa' || name === 'ecdh') return 'ec';
  if (name === 'hmac' || name === 'aes' || name.startsWith('aes-')) return 'symmetric';
  return undefined;
}

// ------------------------------------------------------------------ digests

/** What a hash algorithm name denotes. */
export interface DigestInfo {
  /** canonical family: `md2`, `md4`, `md5`, `sha1`, `ripemd160`, `sha224`, `sha256`, `sha384`, `sha512`, `sha3`, `blake2`, `other` */
  family: string;
  /** a human name for messages: `MD5`, `SHA-1` */
  display: string;
  /**
   * `broken`: practical collisions (MD2, MD4, MD5, SHA-1);
   * `legacy`: no practical attack but superseded (RIPEMD-160, reported under strict only).
   */
  weakness?: 'broken' | 'legacy';
  /** the name itself selects a signature scheme: `RSA-SHA1`, `sha1WithRSAEncryption`, `ecdsa-with-SHA1` */
  signature: boolean;
}

const DIGEST_FAMILIES: readonly { pattern: RegExp; family: string; display: string; weakness?: 'broken' | 'legacy' }[] = [
  { pattern: /^md2$/, family: 'md2', display: 'MD2', weakness: 'broken' },
  { pattern: /^md4$/, family: 'md4', display: 'MD4', weakness: 'broken' },
  { pattern: /^md5(-sha1)?$/, family: 'md5', display: 'MD5', weakness: 'broken' },
  { pattern: /^(sha-?1|sha)(-2|-old)?$/, family: 'sha1', display: 'SHA-1', weakness: 'broken' },
  { pattern: /^(ripemd-?160|rmd-?160|ripemd)$/, family: 'ripemd160', display: 'RIPEMD-160', weakness: 'legacy' },
  { pattern: /^sha-?224$|^sha-?512[-/]224$/, family: 'sha224', display: 'SHA-224' },
  { pattern: /^sha-?256$|^sha-?512[-/]256$/, family: 'sha256', display: 'SHA-256' },
  { pattern: /^sha-?384$/, family: 'sha384', display: 'SHA-384' },
  { pattern: /^sha-?512$/, family: 'sha512', display: 'SHA-512' },
  { pattern: /^(sha3-?(224|256|384|512)|shake(128|256))$/, family: 'sha3', display: 'SHA-3' },
  { pattern: /^blake2[bs](256|512)?$/, family: 'blake2', display: 'BLAKE2' },
  { pattern: /^(sm3|whirlpool|mdc2)$/, family: 'other', display: 'hash' },
];

/**
 * Parses a hash algorithm name in any spelling keyguard meets: Node/OpenSSL
 * (`md5`, `RSA-SHA1`, `sha1WithRSAEncryption`, `ecdsa-with-SHA1`, `ssl3-md5`),
 * Web Crypto (`SHA-1`), crypto-js and node-forge (`SHA1`, `MD5`). Undefined
 * when the name is not a digest name.
 */
export function parseDigestName(raw: string): DigestInfo | undefined {
  let name = raw.trim().toLowerCase();
  if (name === '' || name.length > 64) return undefined;
  let signature = false;
  const prefix = /^(rsa-|dsa-|ecdsa-with-|dsawith|ssl3-|id-)/.exec(name);
  if (prefix) {
    name = name.slice(prefix[0].length);
    signature = prefix[1] !== 'ssl3-' && prefix[1] !== 'id-';
  }
  const suffix = /(withrsaencryption|withrsa|-with-rsa|withdsa|withecdsa)$/.exec(name);
  if (suffix) {
    name = name.slice(0, name.length - suffix[0].length);
    signature = true;
  }
  const rule = DIGEST_FAMILIES.find((candidate) => candidate.pattern.test(name));
  if (!rule) return undefined;
  const info: DigestInfo = { family: rule.family, display: rule.display, signature };
  if (rule.weakness) info.weakness = rule.weakness;
  return info;
}
