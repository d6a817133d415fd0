import { X509Certificate, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FileAnalysis } from './analysis.js';
import { isFilledLater } from './derivation.js';
import type { Evaluator } from './evaluator.js';
import type { CallFact, RoleBinding } from './facts.js';
import type { AValue, BytesValue, ObjectValue } from './values.js';

type Node = TSESTree.Node;

/**
 * Recognition of key material written in the source: PEM blocks, DER
 * structures in base64 or hex, JWK objects, raw key-sized byte strings and
 * byte arrays, text secrets, and key objects imported from any of these.
 *
 * Nothing here ever returns the material to a rule: a recognised literal is
 * described by its kind and length, and a public key by its SHA-256
 * fingerprint (see fingerprint.ts). Messages must stay that way.
 */

/** `private` and `secret` must never be in the code; `public` and `certificate` may, but are recipients to watch. */
export type KeyKind = 'private' | 'secret' | 'public' | 'certificate';

/** What the place a value reaches expects: a secret or private key, a public key, or either. */
export type KeyExpectation = 'secret' | 'public' | 'any';

export interface KeyLiteral {
  kind: KeyKind;
  /** for messages, never material: `RSA-2048 private key (PEM)`, `secret (32 bytes, hex)` */
  description: string;
  /** where the literal (or the array, the object) was written; null when it has no single place */
  node: Node | null;
  /** the encoding itself says what it is (PEM label, DER structure, JWK fields), not just where it is used */
  selfDescribing: boolean;
  /** the public key to fingerprint: SPKI DER when Node can parse it, otherwise its raw bytes */
  publicMaterial?: { spki: Buffer } | { raw: Buffer };
  /** the catalogued call that turned the literal into a key object, when it arrived as one */
  via?: CallFact;
}

/** PEM labels and the kind they carry. */
const PEM = /-----BEGIN ([A-Z0-9 ]{3,40})-----([\s\S]*?)-----END \1-----/;

function pemKind(label: string): KeyKind | null {
  if (/PRIVATE KEY/.test(label)) return 'private';
  if (/PUBLIC KEY/.test(label)) return 'public';
  if (/^(X509 |TRUSTED )?CERTIFICATE$/.test(label)) return 'certificate';
  return null;
}

/** Key sizes (bytes) raw secret keys come in: AES-128/192/256, HMAC/ChaCha/NaCl 32, Ed25519 seeds+public 64. */
const RAW_SECRET_SIZES = new Set([16, 24, 32, 64]);
/** Raw public keys: X25519/Ed25519 32, X448 56, Ed448 57, compressed/uncompressed EC points. */
const RAW_PUBLIC_SIZES = new Set([32, 33, 56, 57, 65, 97, 133]);
/** Past this, a byte array literal is data, not a key. */
const MAX_ARRAY = 4096;
const MAX_DEPTH = 8;

const PUBLIC_KEY_ALGORITHMS = /^(ecdh|ecdsa|x25519|x448|ed25519|ed448|rsa-oaep|rsa-pss|rsassa-pkcs1-v1_5)$/i;

/** Roles whose values are key material, and what each expects. */
export const KEY_ROLES: Readonly<Record<string, KeyExpectation>> = {
  key: 'secret',
  keyData: 'any',
  publicKey: 'public',
  recipientKey: 'public',
};

function isPemBody(text: string): boolean {
  const body = text
    .split(/\r?\n/)
    .filter((line) => line && !line.includes(':') && !/^=[A-Za-z0-9+/]{4}$/.test(line.trim()))
    .join('')
    .replace(/\s+/g, '');
  return body.length >= 40 && /^[A-Za-z0-9+/=]+$/.test(body);
}

function pemBodyBytes(text: string): Buffer {
  const body = text
    .split(/\r?\n/)
    .filter((line) => line.trim() && !line.includes(':') && !/^=[A-Za-z0-9+/]{4}$/.test(line.trim()))
    .join('')
    .replace(/\s+/g, '');
  return Buffer.from(body, 'base64');
}

function keyName(key: KeyObject): string {
  const type = key.asymmetricKeyType ?? 'asymmetric';
  const details = key.asymmetricKeyDetails;
  if (details?.modulusLength) return `${type.toUpperCase()}-${details.modulusLength}`;
  if (details?.namedCurve) return `EC ${details.namedCurve}`;
  return /^(ed|x)(25519|448)$/.test(type) ? type.replace(/^./, (c) => c.toUpperCase()) : type.toUpperCase();
}

function spkiOf(key: KeyObject): Buffer | null {
  try {
    return key.export({ type: 'spki', format: 'der' });
  } catch {
    return null;
  }
}

/** A PEM block, by label; public halves and certificates are parsed by node:crypto for their SPKI. */
export function recognizePem(text: string, node: Node | null, expect: KeyExpectation): KeyLiteral | null {
  const normalised = text.includes('\\n') && !text.includes('\n') ? text.replace(/\\n/g, '\n') : text;
  const match = PEM.exec(normalised);
  if (!match) return null;
  const label = match[1]!;
  const kind = pemKind(label);
  if (!kind || !isPemBody(match[2]!)) return null;
  const block = match[0];
  const bytes = pemBodyBytes(match[2]!).length;
  const form = /PGP/.test(label) ? 'OpenPGP armored' : /OPENSSH/.test(label) ? 'OpenSSH' : 'PEM';
  if (kind === 'private') {
    let name = /ENCRYPTED/.test(label) ? 'encrypted private key' : 'private key';
    let publicMaterial: KeyLiteral['publicMaterial'];
    try {
      if (form === 'PEM' && !/ENCRYPTED/.test(label) && !/Proc-Type: 4,ENCRYPTED/.test(block)) {
        const key = createPrivateKey(block);
        name = `${keyName(key)} private key`;
        if (expect === 'public') {
          const spki = spkiOf(createPublicKey(key));
          if (spki) publicMaterial = { spki };
        }
      }
    } catch {
      // An unparsable block is still a private key by its label.
    }
    if (form !== 'PEM') name = form === 'OpenSSH' ? 'OpenSSH private key' : 'OpenPGP private key block';
    return { kind, description: `${name} (${form}, ${bytes} bytes)`, node, selfDescribing: true, ...(publicMaterial ? { publicMaterial } : {}) };
  }
  if (form === 'OpenPGP armored') {
    return { kind: 'public', description: `OpenPGP public key block (${bytes} bytes)`, node, selfDescribing: true, publicMaterial: { raw: pemBodyBytes(match[2]!) } };
  }
  if (kind === 'certificate') {
    try {
      const cert = new X509Certificate(block);
      const spki = spkiOf(cert.publicKey);
      return { kind, description: `X.509 certificate with an ${keyName(cert.publicKey)} key (PEM)`, node, selfDescribing: true, ...(spki ? { publicMaterial: { spki } } : {}) };
    } catch {
      return { kind, description: `X.509 certificate (PEM, ${bytes} bytes)`, node, selfDescribing: true, publicMaterial: { raw: pemBodyBytes(match[2]!) } };
    }
  }
  try {
    const key = createPublicKey(block);
    const spki = spkiOf(key);
    return { kind, description: `${keyName(key)} public key (PEM)`, node, selfDescribing: true, ...(spki ? { publicMaterial: { spki } } : {}) };
  } catch {
    return { kind, description: `public key (PEM, ${bytes} bytes)`, node, selfDescribing: true, publicMaterial: { raw: pemBodyBytes(match[2]!) } };
  }
}

/** DER structures: SPKI, PKCS#1, PKCS#8, SEC1, X.509; parsed by node:crypto, never guessed. */
export function recognizeDer(bytes: Buffer, node: Node | null, encoding: string, expect: KeyExpectation): KeyLiteral | null {
  if (bytes.length < 24 || bytes[0] !== 0x30) return null;
  for (const type of ['spki', 'pkcs1'] as const) {
    try {
      const key = createPublicKey({ key: bytes, format: 'der', type });
      const spki = spkiOf(key);
      return { kind: 'public', description: `${keyName(key)} public key (DER, ${encoding})`, node, selfDescribing: true, ...(spki ? { publicMaterial: { spki } } : {}) };
    } catch {
      // not this structure
    }
  }
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      const key = createPrivateKey({ key: bytes, format: 'der', type });
      const spki = expect === 'public' ? spkiOf(createPublicKey(key)) : null;
      return { kind: 'private', description: `${keyName(key)} private key (DER, ${encoding})`, node, selfDescribing: true, ...(spki ? { publicMaterial: { spki } } : {}) };
    } catch {
      // not this structure
    }
  }
  try {
    const cert = new X509Certificate(bytes);
    const spki = spkiOf(cert.publicKey);
    return { kind: 'certificate', description: `X.509 certificate (DER, ${encoding})`, node, selfDescribing: true, ...(spki ? { publicMaterial: { spki } } : {}) };
  } catch {
    return null;
  }
}

/** Raw bytes of a plausible key size: public in a public place, secret otherwise. */
function recognizeRaw(bytes: Buffer, node: Node | null, encoding: string, expect: KeyExpectation, textLength?: number): KeyLiteral | null {
  const der = recognizeDer(bytes, node, encoding, expect);
  if (der) return der;
  if (expect === 'public') {
    if (!RAW_PUBLIC_SIZES.has(bytes.length)) return null;
    if ((bytes.length === 33 && bytes[0] !== 2 && bytes[0] !== 3) || ((bytes.length === 65 || bytes.length === 97 || bytes.length === 133) && bytes[0] !== 4)) return null;
    return { kind: 'public', description: `public key (${bytes.length} raw bytes, ${encoding})`, node, selfDescribing: false, publicMaterial: { raw: bytes } };
  }
  if (expect === 'any' && !RAW_SECRET_SIZES.has(bytes.length)) return null;
  const size = textLength !== undefined ? `${textLength}-character string` : `${bytes.length} bytes, ${encoding}`;
  return { kind: 'secret', description: `secret (${size})`, node, selfDescribing: false };
}

const HEX = /^(?:[0-9a-f]{2})+$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * A string written in the code. With a known encoding (`Buffer.from(s, 'hex')`)
 * it is decoded that way; a bare string is a PEM block, a base64 or hex DER
 * structure, or (where a key is expected) the key text itself.
 */
export function recognizeString(text: string, node: Node | null, expect: KeyExpectation, encoding?: string): KeyLiteral | null {
  if (!text) return null;
  if (text.includes('-----BEGIN')) return recognizePem(text, node, expect);
  const enc = encoding?.toLowerCase().replace('-', '');
  if (enc === 'hex') return HEX.test(text) ? recognizeRaw(Buffer.from(text, 'hex'), node, 'hex', expect) : null;
  if (enc === 'base64' || enc === 'base64url') {
    const clean = text.replace(/\s+/g, '');
    return BASE64.test(clean) || BASE64URL.test(clean) ? recognizeRaw(Buffer.from(clean, enc), node, enc, expect) : null;
  }
  if (enc === 'latin1' || enc === 'binary' || enc === 'ascii') return recognizeRaw(Buffer.from(text, 'latin1'), node, enc, expect, text.length);
  // A binary string (from atob): raw bytes.
  if (/[\u0000-\u0008\u0080-\u00ff]/.test(text) && !/[^\u0000-\u00ff]/.test(text)) {
    return recognizeRaw(Buffer.from(text, 'latin1'), node, 'binary string', expect);
  }
  // utf8 text (an explicit encoding or none): DER in base64/hex is recognised by structure only.
  const clean = text.replace(/\s+/g, '');
  if (clean.length >= 32 && BASE64.test(clean)) {
    const der = recognizeDer(Buffer.from(clean, 'base64'), node, 'base64', expect);
    if (der) return der;
  }
  if (clean.length >= 48 && HEX.test(clean)) {
    const der = recognizeDer(Buffer.from(clean, 'hex'), node, 'hex', expect);
    if (der) return der;
  }
  if (expect === 'public') {
    // A raw public key given as hex or base64 text (`ecdh.computeSecret(hex, 'hex')`, `keyFromPublic(hex)`).
    if (HEX.test(clean)) return recognizeRaw(Buffer.from(clean, 'hex'), node, 'hex', expect);
    if (BASE64.test(clean) && clean.length >= 40) return recognizeRaw(Buffer.from(clean, 'base64'), node, 'base64', expect);
    return null;
  }
  if (expect === 'any') return null;
  if (enc === 'utf8') return { kind: 'secret', description: `secret (${Buffer.byteLength(text)} bytes of text)`, node, selfDescribing: false };
  // Where a secret is expected, the text itself is the secret (a JWT HMAC secret, a crypto-js passphrase).
  if (HEX.test(clean) && clean.length >= 32) return { kind: 'secret', description: `secret (${clean.length / 2} bytes, hex)`, node, selfDescribing: false };
  return { kind: 'secret', description: `secret (${[...text].length}-character string)`, node, selfDescribing: false };
}

/** Per-analysis recognition, cached. */
export class KeyLiterals {
  private readonly cache = new Map<AValue, Map<KeyExpectation, KeyLiteral[]>>();
  private readonly evaluator: Evaluator;

  constructor(private readonly analysis: FileAnalysis) {
    this.evaluator = analysis.evaluator;
  }

  /** What a role binding's values are, as keys (the place decides what ambiguous material means). */
  ofBinding(binding: RoleBinding): KeyLiteral[] {
    const expect = expectationOf(binding);
    return binding.values.flatMap((value) => this.ofValue(value, expect));
  }

  /** A value as key material: literals, bytes, JWK objects, key objects imported from them. */
  ofValue(value: AValue, expect: KeyExpectation, depth = 0): KeyLiteral[] {
    if (depth > MAX_DEPTH) return [];
    let byExpectation = this.cache.get(value);
    const hit = byExpectation?.get(expect);
    if (hit) return hit;
    const out = this.compute(value, expect, depth);
    if (!byExpectation) this.cache.set(value, (byExpectation = new Map()));
    byExpectation.set(expect, out);
    return out;
  }

  private compute(value: AValue, expect: KeyExpectation, depth: number): KeyLiteral[] {
    switch (value.kind) {
      case 'lit': {
        if (typeof value.value !== 'string' || value.implied) return [];
        const found = recognizeString(value.value, value.node, expect);
        return found ? [found] : [];
      }
      case 'bytes':
        return this.bytes(value, expect, depth);
      case 'object': {
        const jwk = this.jwk(value);
        return jwk ? [jwk] : [];
      }
      case 'type':
      case 'unknown': {
        const origin = value.origin;
        if (origin) return this.keyObject(origin, expect, depth);
        if (value.kind === 'unknown') return this.helperResult(value, expect, depth);
        return [];
      }
      default:
        return [];
    }
  }

  private bytes(value: BytesValue, expect: KeyExpectation, depth: number): KeyLiteral[] {
    if (value.origin === 'zero-filled' || value.origin === 'constant-filled') {
      if (expect !== 'secret' || !value.length) return [];
      // A buffer allocated and then filled (`const out = new Uint8Array(64); out.set(seed)`) is an output, not a constant.
      if (isFilledLater(this.analysis, allocationOf(value))) return [];
      return [{ kind: 'secret', description: `secret (${value.length} ${value.origin} bytes)`, node: value.node, selfDescribing: false }];
    }
    if (value.origin === 'random') return [];
    const out: KeyLiteral[] = [];
    const numbers: number[] = [];
    let allNumbers = (value.from?.length ?? 0) > 0;
    for (const source of value.from ?? []) {
      if (source.kind === 'lit' && typeof source.value === 'string') {
        const found = recognizeString(source.value, source.node, expect, value.encoding ?? 'utf8');
        if (found) out.push(found.node ? found : { ...found, node: value.node });
        allNumbers = false;
      } else if (source.kind === 'lit' && typeof source.value === 'number') {
        numbers.push(source.value);
      } else if (source.kind === 'array') {
        const elements = this.numbersOf(source.node);
        if (elements) numbers.push(...elements);
        else allNumbers = false;
      } else if (source.kind === 'bytes') {
        out.push(...this.bytes(source, expect, depth + 1));
        allNumbers = false;
      } else {
        out.push(...this.ofValue(source, expect, depth + 1));
        allNumbers = false;
      }
    }
    if (allNumbers && numbers.length && numbers.every((n) => Number.isInteger(n) && n >= 0 && n <= 255)) {
      const found = recognizeRaw(Buffer.from(numbers), value.node, 'byte array', expect);
      if (found) out.push(found);
    }
    return out;
  }

  private numbersOf(array: TSESTree.ArrayExpression): number[] | null {
    if (array.elements.length > MAX_ARRAY) return null;
    const out: number[] = [];
    for (const element of array.elements) {
      if (!element || element.type === 'SpreadElement') return null;
      const values = this.evaluator.evaluate(element);
      const only = values.length === 1 ? values[0] : undefined;
      if (only?.kind !== 'lit' || typeof only.value !== 'number') return null;
      out.push(only.value);
    }
    return out;
  }

  /** A JWK: `kty` and its fields as literals. Private with `d`, secret with `k` (`oct`), public otherwise. */
  jwk(object: ObjectValue): KeyLiteral | null {
    const field = (name: string): string | undefined => {
      const { values, node } = this.evaluator.objectProperty(object, name, object.node);
      if (!node) return undefined;
      const only = values.length === 1 ? values[0] : undefined;
      return only?.kind === 'lit' && typeof only.value === 'string' ? only.value : undefined;
    };
    const kty = field('kty');
    if (!kty || !/^(RSA|EC|OKP|oct)$/.test(kty)) return null;
    const crv = field('crv');
    const name = kty === 'RSA' ? 'RSA' : kty === 'oct' ? 'symmetric' : `${kty}${crv ? ` ${crv}` : ''}`;
    const k = field('k');
    // `{ kty: 'oct', k: b64u(key) }` serialises a key held elsewhere: only a literal `k` is key material in the source.
    if (kty === 'oct' && k === undefined) return null;
    if (kty === 'oct' || k !== undefined) {
      const length = k ? Buffer.from(k, 'base64url').length : undefined;
      return { kind: 'secret', description: `JWK secret${length ? ` (${length} bytes)` : ''}`, node: object.node, selfDescribing: true };
    }
    if (field('d') !== undefined) return { kind: 'private', description: `JWK ${name} private key`, node: object.node, selfDescribing: true };
    const jwk: Record<string, string> = { kty };
    for (const name of ['crv', 'x', 'y', 'n', 'e']) {
      const value = field(name);
      if (value !== undefined) jwk[name] = value;
    }
    if (!jwk.x && !jwk.n) return null;
    let publicMaterial: KeyLiteral['publicMaterial'];
    try {
      const spki = spkiOf(createPublicKey({ key: jwk, format: 'jwk' }));
      if (spki) publicMaterial = { spki };
    } catch {
      publicMaterial = { raw: Buffer.from(jwk.x ?? jwk.n ?? '', 'base64url') };
    }
    return { kind: 'public', description: `JWK ${name} public key`, node: object.node, selfDescribing: true, ...(publicMaterial ? { publicMaterial } : {}) };
  }

  /**
   * A key object: the material of the call that made it (`createPublicKey(pem)`,
   * `subtle.importKey('spki', der, ...)`, `new NodeRSA(pem)`), through accessors
   * (`key.getPublic()`) and later imports into the same object (`key.importKey(pem)`).
   */
  keyObject(fact: CallFact, expect: KeyExpectation, depth: number): KeyLiteral[] {
    if (depth > MAX_DEPTH) return [];
    const material = fact.bindings.filter((binding) => Object.hasOwn(KEY_ROLES, binding.role) && binding.role !== 'recipientKey');
    const importing = fact.operation === 'import' || material.some((binding) => binding.role === 'keyData' || binding.role === 'publicKey');
    if (importing && material.length) {
      return material.flatMap((binding) => {
        const own = expectationOf(binding);
        const wanted = own === 'any' ? expect : own;
        const found = binding.values.flatMap((value) => this.ofValue(value, wanted, depth + 1));
        if (!found.length) found.push(...this.helperCall(binding.node, wanted, depth + 1));
        return found.map((key) => ({ ...key, via: key.via ?? fact }));
      });
    }
    const out: KeyLiteral[] = [];
    // Later imports into the object this call created (node-rsa `key.importKey(pem, format)`).
    for (const other of this.analysis.facts) {
      if (other.receiverFact !== fact || other.operation !== 'import') continue;
      out.push(...this.keyObject(other, expect, depth + 1).map((found) => ({ ...found, via: fact })));
    }
    // Accessors of a key object (`key.getPublic()`, `keyPair.publicKey`) keep its provenance.
    if (fact.receiverFact && (fact.operation === 'export' || fact.operation === undefined)) {
      out.push(...this.keyObject(fact.receiverFact, expect, depth + 1));
    }
    return out;
  }

  /**
   * A local helper applied to a constant (`importKey('spki', pemToDer(PEM), ...)`,
   * MDN's `str2ab(atob(body))`): only a self-describing key among its
   * arguments counts, since the helper's effect is unknown.
   */
  private helperResult(value: AValue & { kind: 'unknown' }, expect: KeyExpectation, depth: number): KeyLiteral[] {
    return value.node ? this.helperCall(value.node, expect, depth) : [];
  }

  private helperCall(call: Node, expect: KeyExpectation, depth: number): KeyLiteral[] {
    if ((call.type !== 'CallExpression' && call.type !== 'NewExpression') || depth > 3) return [];
    const callees = this.evaluator.evaluate(call.callee);
    if (!callees.some((callee) => callee.kind === 'function')) return [];
    const out: KeyLiteral[] = [];
    for (const arg of call.arguments) {
      if (arg.type === 'SpreadElement') continue;
      for (const found of this.evaluator.evaluate(arg).flatMap((inner) => this.ofValue(inner, expect, depth + 1))) {
        if (found.selfDescribing) out.push(found);
      }
    }
    return out;
  }
}

/** The buffer a view or copy was taken from (`buf.subarray(0, 32)` -> `buf`), where it is filled if at all. */
function allocationOf(value: BytesValue): BytesValue {
  let current = value;
  for (let steps = 0; steps < 8; steps++) {
    const [source] = current.from ?? [];
    if (current.from?.length !== 1 || source?.kind !== 'bytes' || source.origin !== current.origin) break;
    current = source;
  }
  return current;
}

/** What a binding expects, from its role and the import format the call names (`spki`, `pkcs8`, `raw`). */
export function expectationOf(binding: RoleBinding): KeyExpectation {
  const base = KEY_ROLES[binding.role] ?? 'any';
  if (binding.role !== 'key' && binding.role !== 'keyData') return base;
  const formats = binding.fact.bindings
    .filter((other) => other.role === 'keyFormat')
    .flatMap((other) => other.values)
    .flatMap((value) => (value.kind === 'lit' && typeof value.value === 'string' ? [value.value.toLowerCase()] : []));
  if (formats.some((format) => format === 'spki' || /public/.test(format))) return 'public';
  if (formats.some((format) => format === 'pkcs8' || /private/.test(format))) return 'secret';
  if (formats.includes('raw')) {
    const algorithms = binding.fact.bindings
      .filter((other) => other.role === 'algorithm')
      .flatMap((other) => other.values)
      .flatMap((value) => (value.kind === 'lit' && typeof value.value === 'string' ? [value.value] : []));
    if (algorithms.length && algorithms.every((name) => PUBLIC_KEY_ALGORITHMS.test(name))) return 'public';
  }
  return base;
}

const perAnalysis = new WeakMap<FileAnalysis, KeyLiterals>();

/** The key recogniser of a file's analysis (one per file, cached). */
export function keyLiterals(analysis: FileAnalysis): KeyLiterals {
  let found = perAnalysis.get(analysis);
  if (!found) perAnalysis.set(analysis, (found = new KeyLiterals(analysis)));
  return found;
}

/** `RSA-2048 private key (PEM), written on line 3`: kind and size, never the material. */
export function describeKey(found: KeyLiteral, at: Node): string {
  const line = found.node && found.node.loc.start.line !== at.loc.start.line ? `, written on line ${found.node.loc.start.line}` : '';
  return `${found.description}${line}`;
}

/** `private`/`secret`: must not be in the code. */
export function isSecretKind(kind: KeyKind): boolean {
  return kind === 'private' || kind === 'secret';
}

/**
 * Private keys (PEM, any label with PRIVATE KEY) and private or secret JWKs
 * written anywhere in the file, used or not. A concatenation or template is
 * evaluated as a whole, so a PEM split over `+` lines is one finding, reported
 * on the whole expression; a string that only names a PEM header (a parser's
 * `startsWith('-----BEGIN PRIVATE KEY-----')`) has no body and is not a key.
 */
export function privateKeysInSource(analysis: FileAnalysis): KeyLiteral[] {
  const text = analysis.sourceCode.text;
  const hasPem = /PRIVATE KEY/.test(text) && text.includes('-----BEGIN');
  const hasJwk = text.includes('kty');
  if (!hasPem && !hasJwk) return [];
  const keys = keyLiterals(analysis);
  const out: KeyLiteral[] = [];
  const seen = new Set<Node>();
  for (const node of hasPem ? analysis.index.strings : []) {
    if (!/PRIVATE KEY/.test(node.type === 'Literal' ? node.value : node.quasis.map((q) => q.value.cooked ?? '').join(''))) continue;
    const top = outermostString(node);
    if (seen.has(top)) continue;
    seen.add(top);
    for (const value of analysis.evaluator.evaluate(top)) {
      if (value.kind !== 'lit' || typeof value.value !== 'string') continue;
      const found = recognizePem(value.value, top, 'any');
      if (found?.kind === 'private') {
        out.push(found);
        break;
      }
    }
  }
  for (const node of hasJwk ? analysis.index.objects : []) {
    if (!node.properties.some((prop) => prop.type === 'Property' && propertyKeyName(prop.key) === 'kty')) continue;
    const found = keys.jwk({ kind: 'object', node });
    if (found && isSecretKind(found.kind)) out.push(found);
  }
  return out.sort((a, b) => (a.node?.range[0] ?? 0) - (b.node?.range[0] ?? 0));
}

function propertyKeyName(key: Node): string | null {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'Literal') return String(key.value);
  return null;
}

/** The whole string expression a piece belongs to: `a + b + c`, a template, `[...lines].join('\n')`. */
function outermostString(node: Node): Node {
  let current: Node = node;
  for (;;) {
    const parent: Node | undefined = current.parent;
    if (!parent) return current;
    if (parent.type === 'BinaryExpression' && parent.operator === '+') current = parent;
    else if (parent.type === 'TemplateLiteral' && parent.expressions.includes(current as TSESTree.Expression)) current = parent;
    else if (
      parent.type === 'ArrayExpression' &&
      parent.parent?.type === 'MemberExpression' &&
      parent.parent.object === parent &&
      propertyKeyName(parent.parent.property) === 'join' &&
      parent.parent.parent?.type === 'CallExpression'
    ) {
      current = parent.parent.parent;
    } else return current;
  }
}
