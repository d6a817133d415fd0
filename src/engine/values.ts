import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionSpec } from '../catalogue/index.js';
import type { CallFact } from './facts.js';

type Node = TSESTree.Node;

export type Primitive = string | number | boolean | bigint | null | undefined;

/** Where a value came from, beyond "it is this literal". */
export type Provenance = 'literal' | 'constant' | 'untrusted' | 'weak-random' | 'key-material';

/** A statically known primitive. */
export interface LitValue {
  kind: 'lit';
  value: Primitive;
  /** the node that wrote it (a Literal, a template, an enum member); null when implied by an API */
  node: Node | null;
  /** a name for it: the constant it came through (`LEGACY_CIPHER`) or the API constant (`CryptoJS.mode.ECB`) */
  label?: string;
  /** the value before unit normalisation (crypto-js words, bytes) */
  raw?: Primitive;
  /** `default`: not written anywhere, the library's default for an absent argument or option */
  implied?: 'default';
}

/** An object literal (properties are resolved lazily). */
export interface ObjectValue {
  kind: 'object';
  node: TSESTree.ObjectExpression;
}

/** An array literal (elements are resolved lazily). */
export interface ArrayValue {
  kind: 'array';
  node: TSESTree.ArrayExpression;
}

/** A function defined in this file. */
export interface FunctionValue {
  kind: 'function';
  node: TSESTree.FunctionLike;
}

/** A class defined in this file. */
export interface ClassValue {
  kind: 'class';
  node: TSESTree.ClassDeclaration | TSESTree.ClassExpression;
}

/** An object constructed from a class defined in this file (`new Vault()`). */
export interface InstanceValue {
  kind: 'instance';
  node: TSESTree.ClassDeclaration | TSESTree.ClassExpression;
}

/** A TypeScript namespace defined in this file. */
export interface NamespaceValue {
  kind: 'namespace';
  node: TSESTree.TSModuleDeclaration;
}

/** A TypeScript enum defined in this file. */
export interface EnumValue {
  kind: 'enum';
  node: TSESTree.TSEnumDeclaration;
}

/** An object of a catalogued type: a module, a namespace, or an instance returned by a catalogued call. */
export interface TypeValue {
  kind: 'type';
  type: string;
  library: string;
  /** the call that created it, for instances (`createCipheriv(...)` for a Cipher) */
  origin?: CallFact;
}

/** A catalogued function, possibly bound to the object it was read from. */
export interface CallableValue {
  kind: 'callable';
  spec: FunctionSpec;
  library: string;
  /** `crypto.createCipheriv`, `CryptoJS.DES.encrypt` */
  display: string;
  receiver?: TypeValue;
}

/** A JavaScript builtin reached through a global: `Buffer.from`, `Math.random`, `globalThis`. */
export interface BuiltinValue {
  kind: 'builtin';
  path: string;
}

/** A method of a known value, before it is called: `'DES'.toLowerCase`, `['aes', 256].join`. */
export interface BoundMethodValue {
  kind: 'bound';
  receiver: AValue;
  name: string;
}

/** How a byte buffer was produced. */
export type BytesOrigin =
  /** from literal data: `Buffer.from('00ff...', 'hex')`, `new Uint8Array([1, 2])` */
  | 'literal'
  /** `Buffer.alloc(16)`, `new Uint8Array(12)` */
  | 'zero-filled'
  /** `Buffer.alloc(16, 1)` */
  | 'constant-filled'
  /** a CSPRNG: `randomBytes`, `getRandomValues` */
  | 'random'
  /** computed from other data (a hash, a slice of a key): see `from` */
  | 'derived'
  | 'unknown';

/** A byte buffer (Buffer, Uint8Array, crypto-js WordArray) with what is known of its content. */
export interface BytesValue {
  kind: 'bytes';
  node: Node;
  origin: BytesOrigin;
  /** length in bytes, when known */
  length?: number;
  /** the values the bytes were made from (the string of `Buffer.from(s)`, the elements of an array) */
  from?: AValue[];
  /** the encoding the source text was decoded with (`hex`, `base64`, `utf8`) */
  encoding?: string;
}

/** A value the engine cannot know. Never guessed at. */
export interface UnknownValue {
  kind: 'unknown';
  reason: string;
  node?: Node;
  provenance?: Provenance;
  /** the catalogued call that produced it (a key object from `subtle.importKey`, a shared secret): see key-literals.ts */
  origin?: CallFact;
}

export type AValue =
  | LitValue
  | ObjectValue
  | ArrayValue
  | FunctionValue
  | ClassValue
  | InstanceValue
  | NamespaceValue
  | EnumValue
  | TypeValue
  | CallableValue
  | BuiltinValue
  | BoundMethodValue
  | BytesValue
  | UnknownValue;

/** Values sets are capped: past this, the set gains an unknown member instead of growing. */
export const MAX_VALUES = 48;

export function unknown(reason: string, node?: Node): UnknownValue {
  return node ? { kind: 'unknown', reason, node } : { kind: 'unknown', reason };
}

export function lit(value: Primitive, node: Node | null, label?: string): LitValue {
  return label === undefined ? { kind: 'lit', value, node } : { kind: 'lit', value, node, label };
}

function sameValue(a: AValue, b: AValue): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'lit':
      return b.kind === 'lit' && Object.is(a.value, b.value) && a.node === b.node && a.label === b.label;
    case 'object':
    case 'array':
    case 'function':
    case 'class':
    case 'instance':
    case 'namespace':
    case 'enum':
      return (b as { node: Node }).node === a.node;
    case 'type':
      return b.kind === 'type' && a.type === b.type && a.origin === b.origin;
    case 'callable':
      return b.kind === 'callable' && a.spec === b.spec && a.receiver === b.receiver;
    case 'builtin':
      return b.kind === 'builtin' && a.path === b.path;
    case 'bytes':
      return b.kind === 'bytes' && a.node === b.node && a.origin === b.origin;
    case 'unknown':
      return b.kind === 'unknown' && a.reason === b.reason && a.provenance === b.provenance && a.origin === b.origin;
    default:
      return false;
  }
}

/** Union of value sets, deduplicated and capped. */
export function union(...sets: readonly (readonly AValue[])[]): AValue[] {
  const out: AValue[] = [];
  for (const set of sets) if (!unionInto(out, set)) break;
  return out;
}

/**
 * Adds a set to `out` in place, as `union` does. Returns false once `out` is full (it then ends with an
 * unknown 'too many values'), so a caller walking a large array can stop evaluating its elements.
 */
export function unionInto(out: AValue[], set: readonly AValue[]): boolean {
  for (const value of set) {
    if (out.some((existing) => sameValue(existing, value))) continue;
    if (out.length >= MAX_VALUES) {
      if (!out.some((existing) => existing.kind === 'unknown' && existing.reason === 'too many values')) {
        out.push(unknown('too many values'));
      }
      return false;
    }
    out.push(value);
  }
  return true;
}

export function isLit(value: AValue): value is LitValue {
  return value.kind === 'lit';
}

export function stringLits(values: readonly AValue[]): LitValue[] {
  return values.filter((value): value is LitValue => value.kind === 'lit' && typeof value.value === 'string');
}

export function numberLits(values: readonly AValue[]): LitValue[] {
  return values.filter((value): value is LitValue => value.kind === 'lit' && typeof value.value === 'number');
}
