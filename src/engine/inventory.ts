/**
 * The crypto inventory (issue 8, `keyguard --format cbom`): every
 * cryptographic algorithm a file uses, derived from the same facts and role
 * bindings the rules judge. Each catalogued call becomes zero or more asset
 * uses: the algorithm (name, primitive, mode, padding, key size or curve)
 * with where it is used and which source ranges named it, so findings
 * reported there can be attached to it.
 *
 * Nothing is guessed: a name the evaluator cannot resolve becomes an asset
 * marked unresolved, and a size it cannot resolve is left out with a note.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { curveBits, dhGroupBits, parseCipherName, parseDigestName } from '../catalogue/algorithms.js';
import type { Operation, Role } from '../catalogue/index.js';
import type { FileAnalysis } from './analysis.js';
import type { CallFact, RoleBinding } from './facts.js';
import type { AValue, LitValue } from './values.js';

type Node = TSESTree.Node;

/** CycloneDX 1.6 `algorithmProperties.primitive`. */
export type CdxPrimitive =
  | 'drbg'
  | 'mac'
  | 'block-cipher'
  | 'stream-cipher'
  | 'signature'
  | 'hash'
  | 'pke'
  | 'xof'
  | 'kdf'
  | 'key-agree'
  | 'kem'
  | 'ae'
  | 'combiner'
  | 'other'
  | 'unknown';
/** CycloneDX 1.6 `algorithmProperties.mode`. */
export type CdxMode = 'cbc' | 'ecb' | 'ccm' | 'gcm' | 'cfb' | 'ofb' | 'ctr' | 'other' | 'unknown';
/** CycloneDX 1.6 `algorithmProperties.padding`. */
export type CdxPadding = 'pkcs5' | 'pkcs7' | 'pkcs1v15' | 'oaep' | 'raw' | 'other' | 'unknown';
/** CycloneDX 1.6 `algorithmProperties.cryptoFunctions` items. */
export type CdxFunction =
  | 'generate'
  | 'keygen'
  | 'encrypt'
  | 'decrypt'
  | 'digest'
  | 'tag'
  | 'keyderive'
  | 'sign'
  | 'verify'
  | 'encapsulate'
  | 'decapsulate'
  | 'other'
  | 'unknown';

/** What one algorithm is, independent of where it is used. Two equal descriptions are one asset. */
export interface AssetDescription {
  /** `AES-256-GCM`, `RSA-1024`, `SHA-256`, `ECDH-P-256`, `HMAC-SHA-256`, `cipher (unresolved)` */
  name: string;
  primitive: CdxPrimitive;
  mode?: CdxMode;
  padding?: CdxPadding;
  /** key size, digest size or named group: `256`, `1024`, `modp14` */
  parameterSetIdentifier?: string;
  /** canonical curve name: `P-256`, `secp256k1`, `Curve25519` */
  curve?: string;
  /** classical security strength in bits (NIST SP 800-57 Part 1 Table 2 for sizes), only where it is established */
  classicalSecurityLevel?: number;
  /** what the code computes at run time and keyguard could not resolve */
  unresolved?: string;
}

/** A source range in 1-based lines and 0-based columns (ESLint's `loc`). */
export interface Span {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

/** One use of an asset at one catalogued call. */
export interface AssetUse {
  asset: AssetDescription;
  /** catalogue library id: `node:crypto`, `crypto-js`, `webcrypto` */
  library: string;
  /** the API called: `crypto.createCipheriv` */
  api: string;
  operation: Operation | undefined;
  /** what the code does with it here: the call's operation, or the operations of the calls on the object it returns */
  cryptoFunctions: CdxFunction[];
  /** the call (or property write) */
  call: Span;
  /** the argument / option nodes whose values named this asset */
  bindings: Span[];
  /** the literals that named it, wherever they are written (a constant on another line) */
  values: Span[];
  /** those literals' values (`'des-cbc'`, `1024`): tell apart the branches of one ternary argument */
  literals: (string | number)[];
}

// ---------------------------------------------------------------- naming helpers

const CIPHER_MODES: Readonly<Record<string, CdxMode>> = {
  ecb: 'ecb',
  cbc: 'cbc',
  ccm: 'ccm',
  gcm: 'gcm',
  cfb: 'cfb',
  cfb1: 'cfb',
  cfb8: 'cfb',
  ofb: 'ofb',
  ctr: 'ctr',
  ctrgladman: 'ctr',
};

function cdxMode(raw: string): CdxMode {
  return CIPHER_MODES[raw.toLowerCase()] ?? 'other';
}

const AEAD_MODES = new Set(['gcm', 'ccm', 'ocb', 'siv', 'gcm-siv', 'poly1305']);

/** NIST SP 800-57 Part 1 Table 2: strength of RSA/DSA/DH moduli (floor to the nearest listed size). */
function finiteFieldStrength(bits: number): number | undefined {
  if (bits >= 15360) return 256;
  if (bits >= 7680) return 192;
  if (bits >= 3072) return 128;
  if (bits >= 2048) return 112;
  if (bits >= 1024) return 80;
  return undefined;
}

/** Elliptic curves: half the field size (capped at 256). */
function curveStrength(bits: number): number {
  return Math.min(256, Math.round(bits / 2));
}

const NIST_CURVES: Readonly<Record<string, string>> = {
  prime256v1: 'P-256',
  secp256r1: 'P-256',
  'p-256': 'P-256',
  p256: 'P-256',
  nistp256: 'P-256',
  secp384r1: 'P-384',
  'p-384': 'P-384',
  p384: 'P-384',
  nistp384: 'P-384',
  secp521r1: 'P-521',
  'p-521': 'P-521',
  p521: 'P-521',
  nistp521: 'P-521',
  secp224r1: 'P-224',
  'p-224': 'P-224',
  prime192v1: 'P-192',
  secp192r1: 'P-192',
  'p-192': 'P-192',
  ed25519: 'Ed25519',
  x25519: 'Curve25519',
  curve25519: 'Curve25519',
  ed448: 'Ed448',
  x448: 'Curve448',
};

/** Canonical curve name (NIST names for the NIST curves, SECG/Brainpool names as written otherwise). */
export function canonicalCurve(raw: string): string {
  const name = raw.trim();
  return NIST_CURVES[name.toLowerCase()] ?? name;
}

function curveDescription(raw: string, prefix: string, primitive: CdxPrimitive): AssetDescription {
  const curve = canonicalCurve(raw);
  const bits = curveBits(raw);
  return {
    name: prefix ? `${prefix}-${curve}` : curve,
    primitive,
    curve,
    ...(bits ? { classicalSecurityLevel: curveStrength(bits) } : {}),
  };
}

interface DigestName {
  name: string;
  size?: number;
  level?: number;
  xof?: boolean;
}

/** Names a digest precisely: `SHA-256`, `SHA3-256`, `SHAKE128`, `SHA-512/256`, `BLAKE2b-512`, `MD5`. */
export function digestName(raw: string): DigestName | undefined {
  const info = parseDigestName(raw);
  if (!info) return undefined;
  const lower = raw.trim().toLowerCase();
  switch (info.family) {
    case 'sha224':
    case 'sha256': {
      const truncated = /512[-/](224|256)$/.exec(lower);
      if (truncated) return { name: `SHA-512/${truncated[1]}`, size: Number(truncated[1]), level: Number(truncated[1]) / 2 };
      const size = info.family === 'sha224' ? 224 : 256;
      return { name: `SHA-${size}`, size, level: size / 2 };
    }
    case 'sha384':
      return { name: 'SHA-384', size: 384, level: 192 };
    case 'sha512':
      return { name: 'SHA-512', size: 512, level: 256 };
    case 'sha3': {
      const shake = /shake(128|256)/.exec(lower);
      if (shake) return { name: `SHAKE${shake[1]}`, size: Number(shake[1]), level: Number(shake[1]), xof: true };
      const size = Number(/(224|256|384|512)/.exec(lower)?.[1] ?? 0);
      return size ? { name: `SHA3-${size}`, size, level: size / 2 } : { name: 'SHA-3' };
    }
    case 'blake2': {
      const match = /blake2([bs])(256|512)?/.exec(lower);
      const variant = match?.[1] ?? 'b';
      const size = Number(match?.[2] ?? (variant === 'b' ? 512 : 256));
      return { name: `BLAKE2${variant}-${size}`, size, level: size / 2 };
    }
    case 'ripemd160':
      return { name: 'RIPEMD-160', size: 160, level: 80 };
    case 'sha1':
      return { name: 'SHA-1', size: 160 };
    case 'md5':
      return { name: 'MD5', size: 128 };
    case 'md4':
      return { name: 'MD4', size: 128 };
    case 'md2':
      return { name: 'MD2', size: 128 };
    default:
      return { name: raw.trim().toUpperCase() };
  }
}

function hashDescription(raw: string): AssetDescription | undefined {
  const digest = digestName(raw);
  if (!digest) return undefined;
  return {
    name: digest.name,
    primitive: digest.xof ? 'xof' : 'hash',
    ...(digest.size ? { parameterSetIdentifier: String(digest.size) } : {}),
    ...(digest.level ? { classicalSecurityLevel: digest.level } : {}),
  };
}

/** The key size an OpenSSL-style cipher name states: `aes-256-gcm` (256), `aes128` (128), `des-ede3` (168). */
function cipherKeyBits(family: string, lower: string): number | undefined {
  if (family === 'aes') {
    const bits = /aes-?(128|192|256)/.exec(lower)?.[1];
    return bits ? Number(bits) : undefined;
  }
  if (family === 'des') return 56;
  if (family === '3des') return /ede3|des3|3des|tripledes|triple-des/.test(lower) ? 168 : 112;
  const export40 = /-40(?:-|$)/.test(lower);
  if (export40) return 40;
  if (/^(chacha20|xchacha20|salsa20|xsalsa20)/.test(lower)) return 256;
  return undefined;
}

const CIPHER_DISPLAY: Readonly<Record<string, string>> = {
  aes: 'AES',
  des: 'DES',
  '3des': '3DES',
  desx: 'DESX',
  rc4: 'RC4',
  rc2: 'RC2',
  bf: 'Blowfish',
  cast5: 'CAST5',
  idea: 'IDEA',
  seed: 'SEED',
  null: 'NULL',
};

/** An OpenSSL / crypto-js / forge cipher name as an asset, with an explicit mode when the call gives one separately. */
export function cipherDescription(raw: string, separateMode?: string): AssetDescription | undefined {
  const info = parseCipherName(raw);
  const lower = raw.trim().toLowerCase();
  if (!info) return undefined;
  const modeName = (info.mode ?? separateMode)?.toLowerCase();
  let base: string;
  if (info.family === 'other') {
    // chacha20-poly1305, aria-256-gcm, camellia-128-cbc, sm4-cbc, rabbit: as written, mode suffix stripped
    base = lower.replace(/-(ecb|cbc|cfb1|cfb8|cfb|ofb|ctr|gcm|ccm|ocb|xts|wrap|wrap-pad|siv|gcm-siv)$/, '').toUpperCase();
    base = base.replace(/^CHACHA20-POLY1305$/, 'ChaCha20-Poly1305').replace(/^CHACHA20$/, 'ChaCha20').replace(/^RABBIT$/, 'Rabbit');
  } else {
    base = CIPHER_DISPLAY[info.family] ?? info.display;
  }
  const bits = cipherKeyBits(info.family, lower);
  const stream = info.family === 'rc4' || /^(chacha20|rabbit|salsa20)/.test(lower);
  const aead = (modeName !== undefined && AEAD_MODES.has(modeName)) || /poly1305/.test(lower);
  const parts = [base];
  if (bits && info.family === 'aes') parts.push(String(bits));
  else if (bits === 40) parts[0] = `${base}-40`;
  if (modeName && info.family !== 'other') parts.push(modeName.toUpperCase());
  else if (modeName && info.family === 'other' && !/poly1305$/.test(lower)) parts.push(modeName.toUpperCase());
  const description: AssetDescription = {
    name: parts.join('-'),
    primitive: aead ? 'ae' : stream ? 'stream-cipher' : 'block-cipher',
  };
  if (modeName && !stream && !/poly1305/.test(modeName)) description.mode = cdxMode(modeName);
  if (bits) description.parameterSetIdentifier = String(bits);
  const level = symmetricStrength(info.family, bits, info.weakness);
  if (level) description.classicalSecurityLevel = level;
  return description;
}

function symmetricStrength(family: string, bits: number | undefined, weakness: string | undefined): number | undefined {
  if (family === '3des') return bits === 168 ? 112 : 80;
  if (weakness === 'broken' || weakness === 'export' || weakness === 'null') return family === 'des' ? 56 : undefined;
  if (weakness === 'small-block') return undefined;
  return bits;
}

// ---------------------------------------------------------------- RSA padding

interface PaddingName {
  padding: CdxPadding;
  /** the scheme the name denotes, for RSA names */
  scheme?: string;
  signature?: boolean;
}

/** Node's `crypto.constants.RSA_*_PADDING` values, forge and node-rsa scheme names, crypto-js paddings. */
function paddingName(value: string | number): PaddingName | undefined {
  if (typeof value === 'number') {
    switch (value) {
      case 1:
        return { padding: 'pkcs1v15', scheme: 'PKCS1v1.5' };
      case 2:
        return { padding: 'other', scheme: 'SSLv23' };
      case 3:
        return { padding: 'raw', scheme: 'raw' };
      case 4:
        return { padding: 'oaep', scheme: 'OAEP' };
      case 5:
        return { padding: 'other', scheme: 'X9.31', signature: true };
      case 6:
        return { padding: 'other', scheme: 'PSS', signature: true };
      default:
        return undefined;
    }
  }
  const name = value.trim().toLowerCase().replace(/_/g, '-');
  if (/oaep/.test(name)) return { padding: 'oaep', scheme: 'OAEP' };
  if (/pss/.test(name)) return { padding: 'other', scheme: 'PSS', signature: true };
  if (/pkcs1/.test(name) || name === 'rsaes-pkcs1-v1-5') return { padding: 'pkcs1v15', scheme: 'PKCS1v1.5' };
  if (name === 'raw' || name === 'none' || name === 'nopadding') return { padding: 'raw', scheme: 'raw' };
  if (name === 'pkcs7') return { padding: 'pkcs7' };
  if (name === 'pkcs5') return { padding: 'pkcs5' };
  if (['ansix923', 'iso10126', 'iso97971', 'zeropadding'].includes(name)) return { padding: 'other' };
  return undefined;
}

// ---------------------------------------------------------------- Web Crypto and JWT names

const WEBCRYPTO: Readonly<Record<string, AssetDescription>> = {
  'aes-gcm': { name: 'AES-GCM', primitive: 'ae', mode: 'gcm' },
  'aes-cbc': { name: 'AES-CBC', primitive: 'block-cipher', mode: 'cbc', padding: 'pkcs7' },
  'aes-ctr': { name: 'AES-CTR', primitive: 'block-cipher', mode: 'ctr' },
  'aes-kw': { name: 'AES-KW', primitive: 'block-cipher', mode: 'other' },
  'rsa-oaep': { name: 'RSA-OAEP', primitive: 'pke', padding: 'oaep' },
  'rsa-pss': { name: 'RSA-PSS', primitive: 'signature' },
  'rsassa-pkcs1-v1_5': { name: 'RSASSA-PKCS1-v1_5', primitive: 'signature', padding: 'pkcs1v15' },
  ecdsa: { name: 'ECDSA', primitive: 'signature' },
  ecdh: { name: 'ECDH', primitive: 'key-agree' },
  hmac: { name: 'HMAC', primitive: 'mac' },
  pbkdf2: { name: 'PBKDF2', primitive: 'kdf' },
  hkdf: { name: 'HKDF', primitive: 'kdf' },
  ed25519: { name: 'Ed25519', primitive: 'signature', curve: 'Ed25519', classicalSecurityLevel: 128 },
  ed448: { name: 'Ed448', primitive: 'signature', curve: 'Ed448', classicalSecurityLevel: 224 },
  x25519: { name: 'X25519', primitive: 'key-agree', curve: 'Curve25519', classicalSecurityLevel: 128 },
  x448: { name: 'X448', primitive: 'key-agree', curve: 'Curve448', classicalSecurityLevel: 224 },
};

/** JWS `alg` values (RFC 7518 section 3.1) as the algorithms they select. */
function jwsDescription(raw: string): AssetDescription | undefined {
  const alg = raw.trim();
  if (alg.toLowerCase() === 'none') return { name: 'none (unsecured JWS)', primitive: 'other' };
  if (alg === 'EdDSA' || alg === 'Ed25519') return { name: 'EdDSA', primitive: 'signature' };
  if (alg === 'ES256K') return { name: 'ECDSA-secp256k1-SHA-256', primitive: 'signature', curve: 'secp256k1', classicalSecurityLevel: 128 };
  const match = /^(HS|RS|PS|ES)(256|384|512)$/.exec(alg);
  if (!match) return undefined;
  const size = match[2]!;
  switch (match[1]) {
    case 'HS':
      return { name: `HMAC-SHA-${size}`, primitive: 'mac', parameterSetIdentifier: size };
    case 'RS':
      return { name: `RSASSA-PKCS1-v1_5-SHA-${size}`, primitive: 'signature', padding: 'pkcs1v15' };
    case 'PS':
      return { name: `RSA-PSS-SHA-${size}`, primitive: 'signature' };
    default: {
      const curve = size === '256' ? 'P-256' : size === '384' ? 'P-384' : 'P-521';
      return { name: `ECDSA-${curve}-SHA-${size}`, primitive: 'signature', curve, classicalSecurityLevel: curveStrength(curveBits(curve) ?? 0) };
    }
  }
}

// ---------------------------------------------------------------- APIs that imply their algorithm

/**
 * Calls whose algorithm is fixed by the API itself rather than by an argument
 * (nacl.box is always X25519 + XSalsa20-Poly1305). Matched on the catalogue's
 * API display name. Used only when the call binds no algorithm role.
 */
const IMPLIED: readonly { library: string; api: RegExp; assets: readonly AssetDescription[] }[] = [
  { library: 'node:crypto', api: /^crypto\.(publicEncrypt|privateDecrypt)$/, assets: [{ name: 'RSA', primitive: 'pke' }] },
  { library: 'node:crypto', api: /^crypto\.(privateEncrypt|publicDecrypt)$/, assets: [{ name: 'RSA', primitive: 'signature' }] },
  { library: 'node:crypto', api: /^crypto\.hkdf(Sync)?$/, assets: [{ name: 'HKDF', primitive: 'kdf' }] },
  { library: 'tweetnacl', api: /^nacl\.box(\.open)?$/, assets: [x25519(), xsalsaPoly()] },
  { library: 'tweetnacl', api: /^nacl\.box\.before$/, assets: [x25519()] },
  { library: 'tweetnacl', api: /^nacl\.box\.after$/, assets: [xsalsaPoly()] },
  { library: 'tweetnacl', api: /^nacl\.secretbox(\.open)?$/, assets: [xsalsaPoly()] },
  { library: 'tweetnacl', api: /^nacl\.scalarMult$/, assets: [x25519()] },
  { library: 'tweetnacl', api: /^nacl\.sign(\.open|\.detached|\.detached\.verify)?$/, assets: [ed25519()] },
  { library: 'libsodium', api: /\.crypto_box_(easy|detached|open_easy|beforenm|seal|seal_open)$/, assets: [x25519(), xsalsaPoly()] },
  { library: 'libsodium', api: /\.crypto_box_(easy|open_easy)_afternm$/, assets: [xsalsaPoly()] },
  { library: 'libsodium', api: /\.crypto_(scalarmult|kx_client_session_keys|kx_server_session_keys)$/, assets: [x25519()] },
  { library: 'libsodium', api: /\.crypto_secretbox_/, assets: [xsalsaPoly()] },
  { library: 'libsodium', api: /\.crypto_(aead_xchacha20poly1305_ietf_|secretstream_xchacha20poly1305_)/, assets: [chachaPoly('XChaCha20-Poly1305')] },
  { library: 'libsodium', api: /\.crypto_aead_chacha20poly1305_/, assets: [chachaPoly('ChaCha20-Poly1305')] },
  {
    library: 'libsodium',
    api: /\.crypto_aead_aes256gcm_/,
    assets: [{ name: 'AES-256-GCM', primitive: 'ae', mode: 'gcm', parameterSetIdentifier: '256', classicalSecurityLevel: 256 }],
  },
  { library: 'libsodium', api: /\.crypto_stream_xchacha20_xor$/, assets: [stream('XChaCha20')] },
  { library: 'libsodium', api: /\.crypto_stream_(chacha20|chacha20_ietf)_xor$/, assets: [stream('ChaCha20')] },
  { library: 'libsodium', api: /\.crypto_stream_xor$/, assets: [stream('XSalsa20')] },
  { library: 'libsodium', api: /\.crypto_auth(_verify)?$/, assets: [{ name: 'HMAC-SHA-512/256', primitive: 'mac', parameterSetIdentifier: '256' }] },
  { library: 'libsodium', api: /\.crypto_sign(_detached|_open|_verify_detached)?$/, assets: [ed25519()] },
  { library: 'libsodium', api: /\.crypto_kdf_derive_from_key$/, assets: [{ name: 'BLAKE2b', primitive: 'kdf' }] },
  { library: 'noble', api: /\.(gcm)$/, assets: [{ name: 'AES-GCM', primitive: 'ae', mode: 'gcm' }] },
  { library: 'noble', api: /\.(gcmsiv)$/, assets: [{ name: 'AES-GCM-SIV', primitive: 'ae', mode: 'other' }] },
  { library: 'noble', api: /\.(siv)$/, assets: [{ name: 'AES-SIV', primitive: 'ae', mode: 'other' }] },
  { library: 'noble', api: /\.cbc$/, assets: [{ name: 'AES-CBC', primitive: 'block-cipher', mode: 'cbc' }] },
  { library: 'noble', api: /\.ctr$/, assets: [{ name: 'AES-CTR', primitive: 'block-cipher', mode: 'ctr' }] },
  { library: 'noble', api: /\.cfb$/, assets: [{ name: 'AES-CFB', primitive: 'block-cipher', mode: 'cfb' }] },
  { library: 'noble', api: /\.ecb$/, assets: [{ name: 'AES-ECB', primitive: 'block-cipher', mode: 'ecb' }] },
  { library: 'noble', api: /\.aeskwp?$/, assets: [{ name: 'AES-KW', primitive: 'block-cipher', mode: 'other' }] },
  { library: 'noble', api: /\.chacha20poly1305$/, assets: [chachaPoly('ChaCha20-Poly1305')] },
  { library: 'noble', api: /\.xchacha20poly1305$/, assets: [chachaPoly('XChaCha20-Poly1305')] },
  { library: 'noble', api: /\.(xsalsa20poly1305|secretbox)$/, assets: [xsalsaPoly()] },
  { library: 'noble', api: /\.chacha20$/, assets: [stream('ChaCha20')] },
  { library: 'noble', api: /\.xchacha20$/, assets: [stream('XChaCha20')] },
  { library: 'noble', api: /\.salsa20$/, assets: [stream('Salsa20')] },
  { library: 'noble', api: /\.xsalsa20$/, assets: [stream('XSalsa20')] },
  { library: 'noble', api: /^noble EdDSA\.(sign|verify)$/, assets: [{ name: 'EdDSA', primitive: 'signature' }] },
  { library: 'noble', api: /^noble curve\.(sign|verify)$/, assets: [{ name: 'ECDSA', primitive: 'signature', unresolved: 'the curve is not recorded for @noble/curves calls' }] },
  { library: 'noble', api: /^noble curve\.getSharedSecret$/, assets: [{ name: 'ECDH', primitive: 'key-agree', unresolved: 'the curve is not recorded for @noble/curves calls' }] },
  { library: 'noble', api: /^noble X25519\/X448\.(getSharedSecret|scalarMult)$/, assets: [{ name: 'X25519/X448', primitive: 'key-agree' }] },
];

function x25519(): AssetDescription {
  return { name: 'X25519', primitive: 'key-agree', curve: 'Curve25519', classicalSecurityLevel: 128 };
}
function ed25519(): AssetDescription {
  return { name: 'Ed25519', primitive: 'signature', curve: 'Ed25519', classicalSecurityLevel: 128 };
}
function xsalsaPoly(): AssetDescription {
  return { name: 'XSalsa20-Poly1305', primitive: 'ae', parameterSetIdentifier: '256', classicalSecurityLevel: 256 };
}
function chachaPoly(name: string): AssetDescription {
  return { name, primitive: 'ae', parameterSetIdentifier: '256', classicalSecurityLevel: 256 };
}
function stream(name: string): AssetDescription {
  return { name, primitive: 'stream-cipher', parameterSetIdentifier: '256', classicalSecurityLevel: 256 };
}

// ---------------------------------------------------------------- from facts to uses

const FUNCTIONS: Readonly<Partial<Record<Operation, CdxFunction>>> = {
  encrypt: 'encrypt',
  decrypt: 'decrypt',
  wrap: 'encrypt',
  unwrap: 'decrypt',
  sign: 'sign',
  verify: 'verify',
  hash: 'digest',
  mac: 'tag',
  generate: 'keygen',
  derive: 'keyderive',
  agree: 'keyderive',
  random: 'generate',
};

/** The roles that name an algorithm by themselves. */
const NAMING_ROLES: readonly Role[] = ['cipher', 'algorithm', 'keyType', 'kdf', 'digest', 'curve', 'dhGroup', 'primeBits', 'jwtAlgorithms'];
/** The roles that qualify an algorithm named by another role. */
const QUALIFIER_ROLES: readonly Role[] = ['cipherMode', 'padding', 'modulusBits', 'symmetricKeyBits'];

/** A value a role may take, with where it came from. */
interface Choice {
  value: string | number | undefined;
  binding: RoleBinding;
  lit?: LitValue;
  reason?: string;
}

/** At most this many assets per call, so a wide ternary cannot blow up the inventory. */
const MAX_ASSETS_PER_CALL = 64;

function span(node: Node): Span {
  return { start: { ...node.loc.start }, end: { ...node.loc.end } };
}

/**
 * Every algorithm a file uses, one entry per (call, asset), in source order.
 * Never throws on odd input: values it does not understand become unresolved assets.
 */
export function inventory(analysis: FileAnalysis): AssetUse[] {
  const uses: AssetUse[] = [];
  // `gcm(key, nonce).encrypt(data)`: the constructor has no operation, the calls on its result do.
  const laterOperations = new Map<CallFact, Set<Operation>>();
  for (const fact of analysis.facts) {
    if (!fact.receiverFact || !fact.operation) continue;
    let set = laterOperations.get(fact.receiverFact);
    if (!set) laterOperations.set(fact.receiverFact, (set = new Set()));
    set.add(fact.operation);
  }
  for (const fact of analysis.facts) {
    const operations = fact.operation ? [fact.operation] : [...(laterOperations.get(fact) ?? [])].sort();
    for (const slot of slotsOf(fact)) uses.push(...usesOf(analysis, fact, slot, operations));
  }
  return dedupe(uses);
}

/**
 * The groups of bindings of one call that describe one algorithm each. A Web
 * Crypto `deriveKey(PBKDF2 params, key, AES-GCM params)` has two; most calls one.
 */
function slotsOf(fact: CallFact): RoleBinding[][] {
  const node = fact.node;
  const args = node.type === 'AssignmentExpression' ? [] : node.arguments;
  const algorithmArgs = args.filter((arg) =>
    fact.bindings.some((binding) => binding.role === 'algorithm' && within(binding.node, arg)),
  );
  if (algorithmArgs.length < 2) return [[...fact.bindings]];
  const slots: RoleBinding[][] = algorithmArgs.map(() => []);
  for (const binding of fact.bindings) {
    const index = algorithmArgs.findIndex((arg) => within(binding.node, arg));
    slots[index < 0 ? 0 : index]!.push(binding);
  }
  return slots;
}

function within(inner: Node, outer: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** The literal choices of a role in a slot; non-literal values become a choice with a reason. */
function choicesOf(analysis: FileAnalysis, slot: readonly RoleBinding[], role: Role): Choice[] {
  const out: Choice[] = [];
  for (const binding of slot) {
    if (binding.role !== role) continue;
    for (const value of expand(analysis, binding, binding.values)) {
      if (value.kind === 'lit') {
        if (typeof value.value === 'string' || typeof value.value === 'number') out.push({ value: value.value, binding, lit: value });
        else if (value.value === null || value.value === undefined) continue; // absent: the library decides
        else out.push({ value: undefined, binding, reason: `${role} is not a name` });
      } else {
        out.push({ value: undefined, binding, reason: unresolvedReason(role, value) });
      }
    }
  }
  return out;
}

/** Arrays (JWT allow-lists) stand for their elements. */
function expand(analysis: FileAnalysis, binding: RoleBinding, values: readonly AValue[]): AValue[] {
  const out: AValue[] = [];
  for (const value of values) {
    if (value.kind === 'array' && binding.role === 'jwtAlgorithms') out.push(...analysis.evaluator.elementsOf([value], binding.node));
    else if (value.kind === 'type' && value.origin) {
      // an object made by a catalogued call names its algorithm there: forge `key.sign(forge.md.sha256.create())`
      const named = value.origin.bindings.filter((other) => other.role === binding.role).flatMap((other) => other.values);
      out.push(...(named.length ? named.filter((other) => other.kind !== 'type') : [value]));
    }
    else if (value.kind === 'object' || value.kind === 'function' || value.kind === 'bytes') continue;
    else out.push(value);
  }
  return out;
}

const ROLE_LABELS: Readonly<Partial<Record<Role, string>>> = {
  cipher: 'cipher',
  algorithm: 'Web Crypto algorithm',
  keyType: 'key type',
  kdf: 'key derivation function',
  digest: 'hash',
  curve: 'elliptic curve',
  dhGroup: 'Diffie-Hellman group',
  primeBits: 'Diffie-Hellman prime size',
  jwtAlgorithms: 'JWT algorithm',
  cipherMode: 'cipher mode',
  padding: 'padding',
  modulusBits: 'modulus size',
  symmetricKeyBits: 'key size',
};

function unresolvedReason(role: Role, value: AValue): string {
  const label = ROLE_LABELS[role] ?? role;
  if (value.kind === 'unknown' && value.reason === 'too many values') return `the ${label} may take too many values to list`;
  return `the ${label} is computed at run time`;
}

function primitiveOfRole(role: Role, operation: Operation | undefined): CdxPrimitive {
  if (role === 'digest') return 'hash';
  if (role === 'kdf') return 'kdf';
  if (role === 'curve' || role === 'dhGroup' || role === 'primeBits') return operation === 'agree' ? 'key-agree' : 'unknown';
  return 'unknown';
}

interface Draft {
  asset: AssetDescription;
  from: Choice[];
}

function usesOf(analysis: FileAnalysis, fact: CallFact, slot: readonly RoleBinding[], operations: readonly Operation[]): AssetUse[] {
  const choices = new Map<Role, Choice[]>();
  for (const role of [...NAMING_ROLES, ...QUALIFIER_ROLES]) {
    const list = choicesOf(analysis, slot, role);
    if (list.length) choices.set(role, list);
  }
  const drafts: Draft[] = [];
  const get = (role: Role): Choice[] => choices.get(role) ?? [];
  const resolved = (role: Role): Choice[] => get(role).filter((choice) => choice.value !== undefined);
  const unresolvedOf = (role: Role): Choice | undefined => get(role).find((choice) => choice.value === undefined);

  // A name nobody could resolve is still a use of crypto: record it as such.
  for (const role of NAMING_ROLES) {
    const unknown = unresolvedOf(role);
    if (unknown) {
      drafts.push({
        asset: { name: `${ROLE_LABELS[role] ?? role} (unresolved)`, primitive: primitiveOfRole(role, fact.operation), unresolved: unknown.reason! },
        from: [unknown],
      });
    }
  }

  const digests = resolved('digest');
  const digestFolded = new Set<Choice>();
  const digestSuffix = (choice: Choice | undefined): string => {
    const name = choice ? digestName(String(choice.value))?.name : undefined;
    return name ? `-${name}` : '';
  };
  /** Pairs each base with each digest (or with none), folding the digest into the name. */
  const withDigests = (base: Draft, prefix: string): Draft[] => {
    if (!digests.length) {
      const implied = typeof fact.spec.defaults?.digest === 'string' ? digestName(fact.spec.defaults.digest)?.name : undefined;
      return [implied ? { ...base, asset: { ...base.asset, name: `${prefix}-${implied}` } } : base];
    }
    return digests.map((digest) => {
      digestFolded.add(digest);
      return { asset: { ...base.asset, name: `${prefix}${digestSuffix(digest)}` }, from: [...base.from, digest] };
    });
  };
  const qualifierNotes: string[] = [];

  // Ciphers: `aes-256-gcm`, crypto-js `CryptoJS.AES` with `mode`, forge `createCipher('AES-CBC')`.
  for (const cipher of resolved('cipher')) {
    const modes = resolved('cipherMode');
    for (const mode of modes.length ? modes : [undefined]) {
      const asset = cipherDescription(String(cipher.value), mode ? String(mode.value) : undefined);
      if (!asset) {
        drafts.push({ asset: { name: String(cipher.value), primitive: 'unknown', unresolved: 'not a cipher name keyguard knows' }, from: [cipher] });
        continue;
      }
      const paddings = resolved('padding');
      for (const padding of paddings.length ? paddings : [undefined]) {
        const pad = padding ? paddingName(padding.value!) : undefined;
        const withPad = pad && asset.primitive === 'block-cipher' ? { ...asset, padding: pad.padding } : asset;
        drafts.push({ asset: withPad, from: [cipher, ...(mode ? [mode] : []), ...(padding && pad ? [padding] : [])] });
      }
    }
  }
  if (!resolved('cipher').length && resolved('cipherMode').length && !resolved('algorithm').length) {
    // a mode alone (`@noble/ciphers` ecb, forge legacy helpers with the cipher fixed elsewhere)
    for (const mode of resolved('cipherMode')) {
      if (fact.library === 'noble') continue; // the implied table names it
      drafts.push({ asset: { name: `block cipher (${String(mode.value).toUpperCase()})`, primitive: 'block-cipher', mode: cdxMode(String(mode.value)), unresolved: 'only the mode is known' }, from: [mode] });
    }
  }

  // Web Crypto algorithm names.
  for (const algorithm of resolved('algorithm')) {
    const key = String(algorithm.value).trim().toLowerCase();
    const known = WEBCRYPTO[key];
    if (!known) {
      drafts.push({ asset: { name: String(algorithm.value), primitive: 'unknown', unresolved: 'not a Web Crypto algorithm keyguard knows' }, from: [algorithm] });
      continue;
    }
    if (key.startsWith('aes-')) {
      const lengths = resolved('symmetricKeyBits');
      for (const length of lengths.length ? lengths : [undefined]) {
        const bits = length ? Number(length.value) : undefined;
        const asset: AssetDescription = bits
          ? { ...known, name: known.name.replace('AES-', `AES-${bits}-`), parameterSetIdentifier: String(bits), classicalSecurityLevel: bits }
          : known;
        drafts.push({ asset, from: [algorithm, ...(length ? [length] : [])] });
      }
    } else if (key.startsWith('rsa')) {
      const sizes = resolved('modulusBits');
      for (const size of sizes.length ? sizes : [undefined]) {
        drafts.push({ asset: rsaAsset(known, size ? Number(size.value) : undefined), from: [algorithm, ...(size ? [size] : [])] });
      }
    } else if (key === 'ecdsa' || key === 'ecdh') {
      const curves = resolved('curve');
      for (const curve of curves.length ? curves : [undefined]) {
        const asset = curve ? curveDescription(String(curve.value), known.name, known.primitive) : known;
        drafts.push({ asset, from: [algorithm, ...(curve ? [curve] : [])] });
      }
      curves.forEach((curve) => digestFolded.add(curve)); // the curve is part of this asset
    } else if (key === 'hmac' || key === 'pbkdf2' || key === 'hkdf') {
      const prefix = key === 'pbkdf2' ? 'PBKDF2-HMAC' : known.name;
      drafts.push(...withDigests({ asset: known, from: [algorithm] }, prefix));
    } else {
      drafts.push({ asset: known, from: [algorithm] });
    }
  }

  // Key types: generateKeyPair('rsa' | 'ec' | 'ed25519' | 'dh' ...), NodeRSA, forge.
  for (const keyType of resolved('keyType')) {
    const type = String(keyType.value).trim().toLowerCase();
    if (type === 'rsa' || type === 'rsa-pss' || type === 'dsa') {
      const paddings = resolved('padding');
      const base: AssetDescription =
        type === 'dsa'
          ? { name: 'DSA', primitive: 'signature' }
          : type === 'rsa-pss'
            ? { name: 'RSA-PSS', primitive: 'signature' }
            : { name: 'RSA', primitive: fact.operation === 'sign' || fact.operation === 'verify' ? 'signature' : 'pke' };
      const sizes = resolved('modulusBits');
      for (const size of sizes.length ? sizes : [undefined]) {
        for (const padding of type === 'rsa' && paddings.length ? paddings : [undefined]) {
          const pad = padding ? paddingName(padding.value!) : undefined;
          const named = pad?.scheme ? { ...base, name: rsaScheme(pad), padding: pad.padding, primitive: pad.signature ? 'signature' as const : 'pke' as const } : base;
          drafts.push({ asset: rsaAsset(named, size ? Number(size.value) : undefined), from: [keyType, ...(size ? [size] : []), ...(padding ? [padding] : [])] });
        }
      }
    } else if (type === 'ec') {
      const curves = resolved('curve');
      for (const curve of curves.length ? curves : [undefined]) {
        const primitive: CdxPrimitive = fact.operation === 'agree' ? 'key-agree' : fact.operation === 'sign' || fact.operation === 'verify' ? 'signature' : 'unknown';
        drafts.push({ asset: curve ? curveDescription(String(curve.value), 'EC', primitive) : { name: 'EC', primitive }, from: [keyType, ...(curve ? [curve] : [])] });
      }
      curves.forEach((curve) => digestFolded.add(curve));
    } else if (type === 'dh') {
      // sized by primeBits / dhGroup below
      if (!resolved('primeBits').length && !resolved('dhGroup').length) drafts.push({ asset: { name: 'DH', primitive: 'key-agree' }, from: [keyType] });
    } else if (WEBCRYPTO[type] && ['ed25519', 'ed448', 'x25519', 'x448'].includes(type)) {
      drafts.push({ asset: WEBCRYPTO[type], from: [keyType] });
    } else if (type === 'hmac' || type === 'aes') {
      const lengths = resolved('symmetricKeyBits');
      for (const length of lengths.length ? lengths : [undefined]) {
        const bits = length ? Number(length.value) : undefined;
        const name = type === 'hmac' ? 'HMAC' : 'AES';
        drafts.push({
          asset: {
            name: bits ? `${name}-${bits}` : name,
            primitive: type === 'hmac' ? 'mac' : 'block-cipher',
            ...(bits ? { parameterSetIdentifier: String(bits) } : {}),
            ...(bits && type === 'aes' ? { classicalSecurityLevel: bits } : {}),
          },
          from: [keyType, ...(length ? [length] : [])],
        });
      }
    } else {
      drafts.push({ asset: { name: String(keyType.value), primitive: 'unknown', unresolved: 'not a key type keyguard knows' }, from: [keyType] });
    }
  }

  // Curves named on their own: createECDH('prime256v1'), new EC('secp256k1').
  if (!resolved('keyType').length && !resolved('algorithm').length) {
    for (const curve of resolved('curve')) {
      const raw = String(curve.value);
      const eddsa = /^ed(25519|448)$/i.test(raw);
      const prefix = eddsa ? '' : fact.operation === 'agree' ? 'ECDH' : fact.library === 'elliptic' ? 'EC' : 'EC';
      const primitive: CdxPrimitive = eddsa ? 'signature' : fact.operation === 'agree' ? 'key-agree' : 'unknown';
      drafts.push({ asset: curveDescription(raw, prefix, primitive), from: [curve] });
    }
  }

  // Finite-field Diffie-Hellman: named groups and prime sizes.
  for (const group of resolved('dhGroup')) {
    const name = String(group.value);
    const bits = dhGroupBits(name);
    const level = bits ? finiteFieldStrength(bits) : undefined;
    drafts.push({
      asset: {
        name: `DH-${name.toLowerCase()}`,
        primitive: 'key-agree',
        parameterSetIdentifier: name.toLowerCase(),
        ...(level ? { classicalSecurityLevel: level } : {}),
        ...(bits ? {} : { unresolved: 'not a group keyguard knows the size of' }),
      },
      from: [group],
    });
  }
  for (const prime of resolved('primeBits')) {
    const bits = Number(prime.value);
    if (!Number.isFinite(bits)) continue;
    const level = finiteFieldStrength(bits);
    drafts.push({
      asset: { name: `DH-${bits}`, primitive: 'key-agree', parameterSetIdentifier: String(bits), ...(level ? { classicalSecurityLevel: level } : {}) },
      from: [prime],
    });
  }

  // Key derivation functions: pbkdf2 (with its digest), scrypt, argon2, bcrypt, EVP_BytesToKey.
  for (const kdf of resolved('kdf')) {
    const id = String(kdf.value).toLowerCase();
    const names: Record<string, string> = {
      pbkdf2: 'PBKDF2-HMAC',
      scrypt: 'scrypt',
      argon2: 'Argon2',
      'sodium-pwhash': 'Argon2',
      bcrypt: 'bcrypt',
      'evp-bytestokey': 'EVP_BytesToKey',
    };
    const name = names[id] ?? String(kdf.value);
    const base: Draft = { asset: { name, primitive: 'kdf' }, from: [kdf] };
    if (id === 'pbkdf2' || id === 'evp-bytestokey') drafts.push(...withDigests(base, name));
    else drafts.push(base);
  }

  // JWT algorithms.
  for (const alg of resolved('jwtAlgorithms')) {
    const asset = jwsDescription(String(alg.value));
    drafts.push({ asset: asset ?? { name: String(alg.value), primitive: 'unknown', unresolved: 'not a JWS algorithm keyguard knows' }, from: [alg] });
  }

  // RSA padding on calls that name no key type: publicEncrypt({ padding }), forge key.encrypt(data, scheme).
  const implied = IMPLIED.find((entry) => entry.library === fact.library && entry.api.test(fact.api));
  const namesSomething = drafts.length > 0;
  if (!resolved('cipher').length && !resolved('keyType').length && resolved('padding').length) {
    for (const padding of resolved('padding')) {
      const pad = paddingName(padding.value!);
      if (!pad?.scheme) continue;
      drafts.push({
        asset: { name: rsaScheme(pad), primitive: pad.signature || fact.operation === 'sign' || fact.operation === 'verify' ? 'signature' : 'pke', padding: pad.padding },
        from: [padding],
      });
    }
  } else if (!namesSomething && implied) {
    for (const asset of implied.assets) drafts.push({ asset, from: [] });
  }

  // Digests not folded into a MAC or KDF name are hash assets of their own.
  const hmac = fact.operation === 'mac' && !resolved('algorithm').length && !resolved('jwtAlgorithms').length;
  for (const digest of digests) {
    if (digestFolded.has(digest)) continue;
    const hash = hashDescription(String(digest.value));
    if (!hash) {
      drafts.push({ asset: { name: String(digest.value), primitive: 'hash', unresolved: 'not a hash name keyguard knows' }, from: [digest] });
      continue;
    }
    if (hmac) drafts.push({ asset: { name: `HMAC-${hash.name}`, primitive: 'mac', ...(hash.parameterSetIdentifier ? { parameterSetIdentifier: hash.parameterSetIdentifier } : {}) }, from: [digest] });
    else drafts.push({ asset: hash, from: [digest] });
    // a signature name (`RSA-SHA256`, `sha256WithRSAEncryption`) also selects the signature scheme
    const raw = String(digest.value).toLowerCase();
    if (parseDigestName(raw)?.signature) {
      const scheme = /ecdsa/.test(raw) ? 'ECDSA' : /dsa/.test(raw) && !/rsa/.test(raw) ? 'DSA' : 'RSA';
      drafts.push({ asset: { name: `${scheme}-${hash.name}`, primitive: 'signature' }, from: [digest] });
    }
  }

  // Sizes that were bound but could not be resolved: a note on every asset of this call.
  for (const role of QUALIFIER_ROLES) {
    const unknown = unresolvedOf(role);
    if (unknown) qualifierNotes.push(unknown.reason!);
  }

  return drafts.slice(0, MAX_ASSETS_PER_CALL).map((draft) => {
    const asset = qualifierNotes.length && !draft.asset.unresolved ? { ...draft.asset, unresolved: qualifierNotes.join('; ') } : draft.asset;
    const bindingSpans = draft.from.map((choice) => span(choice.binding.node));
    const valueSpans = draft.from.flatMap((choice) => (choice.lit?.node ? [span(choice.lit.node)] : []));
    return {
      asset,
      library: fact.library,
      api: fact.api,
      operation: fact.operation,
      cryptoFunctions: functionsOf(asset, operations),
      call: span(fact.node),
      bindings: bindingSpans,
      values: valueSpans,
      literals: draft.from.flatMap((choice) => (choice.value === undefined ? [] : [choice.value])),
    };
  });
}

function rsaScheme(pad: PaddingName): string {
  switch (pad.scheme) {
    case 'OAEP':
      return 'RSA-OAEP';
    case 'PSS':
      return 'RSA-PSS';
    case 'PKCS1v1.5':
      return 'RSA-PKCS1v1.5';
    case 'raw':
      return 'RSA-raw';
    default:
      return `RSA-${pad.scheme ?? 'unknown'}`;
  }
}

function rsaAsset(base: AssetDescription, bits: number | undefined): AssetDescription {
  if (bits === undefined || !Number.isFinite(bits)) return base;
  const level = finiteFieldStrength(bits);
  return { ...base, name: `${base.name}-${bits}`, parameterSetIdentifier: String(bits), ...(level ? { classicalSecurityLevel: level } : {}) };
}

function functionsOf(asset: AssetDescription, operations: readonly Operation[]): CdxFunction[] {
  if (asset.primitive === 'hash' || asset.primitive === 'xof') return ['digest'];
  if (!operations.length) return ['unknown'];
  const out = new Set<CdxFunction>();
  for (const operation of operations) {
    let fn: CdxFunction = FUNCTIONS[operation] ?? 'other';
    // a MAC computes a tag whichever API verb the library uses (jwt.sign with HS256)
    if (asset.primitive === 'mac' && fn === 'sign') fn = 'tag';
    // the key agreement inside nacl.box / crypto_box derives the box key
    if (asset.primitive === 'key-agree' && (fn === 'encrypt' || fn === 'decrypt')) fn = 'keyderive';
    out.add(fn);
  }
  return [...out].sort();
}

/** One use per (call, asset name): value sets often reach the same literal twice. */
function dedupe(uses: AssetUse[]): AssetUse[] {
  const seen = new Map<string, AssetUse>();
  for (const use of uses) {
    const key = `${use.call.start.line}:${use.call.start.column}:${use.api}:${JSON.stringify(use.asset)}`;
    const existing = seen.get(key);
    if (existing) {
      existing.bindings.push(...use.bindings);
      existing.values.push(...use.values);
      existing.literals.push(...use.literals);
    } else {
      seen.set(key, use);
    }
  }
  return [...seen.values()];
}
