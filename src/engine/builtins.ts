import type { TSESTree } from '@typescript-eslint/utils';
import type { Evaluator } from './evaluator.js';
import { lit, union, unknown, type AValue, type BoundMethodValue, type BytesValue, type Primitive } from './values.js';

type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** Globals the evaluator models (everything else unresolved is unknown). */
export const BUILTIN_GLOBALS: ReadonlySet<string> = new Set([
  'globalThis',
  'window',
  'self',
  'global',
  'Buffer',
  'Math',
  'Date',
  'JSON',
  'String',
  'Number',
  'Object',
  'Array',
  'parseInt',
  'parseFloat',
  'process',
  'Uint8Array',
  'TextEncoder',
  'atob',
  'btoa',
  'performance',
]);

/** Names that denote the global object itself. */
export const GLOBAL_OBJECT_NAMES: ReadonlySet<string> = new Set(['globalThis', 'window', 'self', 'global']);

/** Cap on cartesian products when folding calls over value sets. */
const MAX_PRODUCT = 48;

type BuiltinHandler = (evaluator: Evaluator, node: CallNode, args: AValue[][]) => AValue[];

const identity: BuiltinHandler = (_evaluator, node, args) => args[0] ?? [lit(undefined, node)];

const mapLits =
  (fn: (value: Primitive, rest: Primitive[]) => Primitive): BuiltinHandler =>
  (_evaluator, node, args) =>
    product(args, node).map((tuple) => {
      if (!tuple.every((value) => value.kind === 'lit')) {
        // `String(Math.random())` is still weak randomness (issue 3).
        return tuple.find((value) => value.kind === 'unknown' && value.provenance === 'weak-random') ?? unknown('non-literal argument', node);
      }
      const [first, ...rest] = tuple.map((value) => (value.kind === 'lit' ? value.value : undefined));
      const source = tuple[0];
      return lit(fn(first, rest), node, source?.kind === 'lit' ? source.label : undefined);
    });

/**
 * Pure builtins whose result is folded when their arguments are known. Later
 * value kinds (byte buffers, random sources) register their constructors here.
 */
export const BUILTIN_CALLS: Record<string, BuiltinHandler> = {
  String: mapLits((value) => String(value)),
  Number: mapLits((value) => Number(value)),
  parseInt: mapLits((value, [radix]) => Number.parseInt(String(value), typeof radix === 'number' ? radix : 10)),
  'Number.parseInt': mapLits((value, [radix]) => Number.parseInt(String(value), typeof radix === 'number' ? radix : 10)),
  parseFloat: mapLits((value) => Number.parseFloat(String(value))),
  'Object.freeze': identity,
  'Object.seal': identity,
  'process.getBuiltinModule': (evaluator, node, args) => evaluator.moduleValues(args[0] ?? [], node),
  'Buffer.from': (evaluator, node, args) => bytesFrom(node, args[0], args[1], evaluator),
  'Buffer.alloc': (_evaluator, node, args) => allocated(node, args[0], args[1]),
  'Buffer.allocUnsafe': (_evaluator, node) => [{ kind: 'bytes', node, origin: 'unknown' }],
  Uint8Array: (evaluator, node, args) => typedArray(node, args[0], evaluator),
  'Uint8Array.from': (evaluator, node, args) => bytesFrom(node, args[0], undefined, evaluator),
  'Uint8Array.of': (_evaluator, node, args) => [bytesOf(node, args.flat())],
  TextEncoder: () => [{ kind: 'builtin', path: 'TextEncoder#instance' }],
  'TextEncoder#instance.encode': (_evaluator, node, args) => bytesFrom(node, args[0], [lit('utf8', node)]),
  // --- key literals (issue 5): base64 of literals folds, so a key decoded with atob is still recognised ---
  atob: mapLits((value) => (typeof value === 'string' && /^[A-Za-z0-9+/=\s]*$/.test(value) ? Buffer.from(value, 'base64').toString('latin1') : undefined)),
  btoa: mapLits((value) => (typeof value === 'string' && !/[^\u0000-\u00ff]/.test(value) ? Buffer.from(value, 'latin1').toString('base64') : undefined)),
  // --- weak randomness (issue 3): predictable values, never a key, IV, salt or token ---
  'Math.random': weakRandom('Math.random()'),
  'Date.now': weakRandom('Date.now()'),
  'performance.now': weakRandom('performance.now()'),
  'process.hrtime': weakRandom('process.hrtime()'),
  'process.hrtime.bigint': weakRandom('process.hrtime.bigint()'),
  Date: (evaluator, node, args) => (args.length ? [unknown('a date', node)] : weakRandom('new Date()')(evaluator, node, args)),
  'Math.floor': mapLits((value) => Math.floor(Number(value))),
  'Math.ceil': mapLits((value) => Math.ceil(Number(value))),
  'Math.round': mapLits((value) => Math.round(Number(value))),
  'Math.trunc': mapLits((value) => Math.trunc(Number(value))),
  'Math.abs': mapLits((value) => Math.abs(Number(value))),
};

/** A clock reading or `Math.random()`: unknown, with the provenance rules look for. */
function weakRandom(reason: string): BuiltinHandler {
  return (_evaluator, node) => [{ kind: 'unknown', reason, node, provenance: 'weak-random' }];
}

/** `Buffer.from(x, enc)`, `Uint8Array.from(x)`, `TextEncoder#encode(x)`: bytes made from x. */
function bytesFrom(node: CallNode, source: AValue[] | undefined, encoding?: AValue[], evaluator?: Evaluator): AValue[] {
  if (!source) return [{ kind: 'bytes', node, origin: 'unknown' }];
  const enc = encoding?.length === 1 && encoding[0]?.kind === 'lit' ? String(encoding[0].value) : undefined;
  return source.map((value): AValue => {
    if (value.kind === 'bytes') return value;
    if (value.kind === 'lit' && typeof value.value === 'string') {
      return { kind: 'bytes', node, origin: 'literal', from: [value], ...(enc ? { encoding: enc } : {}) };
    }
    if (value.kind === 'array') return arrayBytes(node, value, evaluator);
    return { kind: 'bytes', node, origin: 'unknown', from: [value] };
  });
}

/** Bytes decoded from a string in a known encoding (crypto-js `enc.Hex.parse(s)`), as `Buffer.from(s, encoding)`. */
export function decodedBytes(node: CallNode, source: AValue[] | undefined, encoding: string): AValue[] {
  return bytesFrom(node, source, [lit(encoding, node)]);
}

function bytesOf(node: CallNode, elements: AValue[]): AValue {
  const literal = elements.every((value) => value.kind === 'lit' && typeof value.value === 'number');
  return { kind: 'bytes', node, origin: literal ? 'literal' : 'unknown', length: elements.length, from: elements };
}

/** `Buffer.alloc(n)` is zero-filled; `Buffer.alloc(n, fill)` is constant-filled. */
function allocated(node: CallNode, size: AValue[] | undefined, fill: AValue[] | undefined): AValue[] {
  const n = size?.length === 1 && size[0]?.kind === 'lit' && typeof size[0].value === 'number' ? size[0].value : undefined;
  const origin = fill ? 'constant-filled' : 'zero-filled';
  return [{ kind: 'bytes', node, origin, ...(n === undefined ? {} : { length: n }) }];
}

/** `new Uint8Array(16)` (zero-filled), `new Uint8Array([1, 2])` (literal), `new Uint8Array(buffer)` (a copy). */
/** `[0, 1, 2]` as bytes: `literal` (with its length) when every element is a number literal and nothing is pushed later. */
function arrayBytes(node: CallNode, value: AValue & { kind: 'array' }, evaluator?: Evaluator): AValue {
  const elements = value.node.elements;
  const literal =
    !!evaluator &&
    elements.length > 0 &&
    elements.every(
      (element) =>
        element !== null &&
        element.type !== 'SpreadElement' &&
        evaluator.evaluate(element).every((v) => v.kind === 'lit' && typeof v.value === 'number'),
    ) &&
    evaluator.index.arrayPushes(evaluator, value.node).length === 0;
  return literal
    ? { kind: 'bytes', node, origin: 'literal', length: elements.length, from: [value] }
    : { kind: 'bytes', node, origin: 'unknown', from: [value] };
}

function typedArray(node: CallNode, arg: AValue[] | undefined, evaluator?: Evaluator): AValue[] {
  if (!arg) return [{ kind: 'bytes', node, origin: 'zero-filled', length: 0 }];
  return arg.map((value): AValue => {
    if (value.kind === 'lit' && typeof value.value === 'number') {
      return { kind: 'bytes', node, origin: 'zero-filled', length: value.value };
    }
    if (value.kind === 'bytes') return value;
    if (value.kind === 'array') return arrayBytes(node, value, evaluator);
    return { kind: 'bytes', node, origin: 'unknown', from: [value] };
  });
}

export function callBuiltin(evaluator: Evaluator, path: string, node: CallNode): AValue[] {
  const handler = BUILTIN_CALLS[path];
  if (!handler) return [unknown(`result of ${path}`, node)];
  if (node.arguments.some((arg) => arg.type === 'SpreadElement')) return [unknown('spread arguments', node)];
  return handler(evaluator, node, node.arguments.map((arg) => evaluator.evaluate(arg)));
}

const STRING_METHODS: Readonly<Record<string, (self: string, args: Primitive[]) => Primitive>> = {
  toLowerCase: (self) => self.toLowerCase(),
  toUpperCase: (self) => self.toUpperCase(),
  toLocaleLowerCase: (self) => self.toLowerCase(),
  toLocaleUpperCase: (self) => self.toUpperCase(),
  trim: (self) => self.trim(),
  trimStart: (self) => self.trimStart(),
  trimEnd: (self) => self.trimEnd(),
  toString: (self: string) => self,
  valueOf: (self: string) => self,
  normalize: (self) => self.normalize(),
  concat: (self, args) => self.concat(...args.map(String)),
  slice: (self, [a, b]) => self.slice(num(a), num(b)),
  substring: (self, [a, b]) => self.substring(num(a) ?? 0, num(b)),
  at: (self, [a]) => self.at(num(a) ?? 0),
  padStart: (self, [a, b]) => self.padStart(Math.min(num(a) ?? 0, 4096), b === undefined ? undefined : String(b)),
  padEnd: (self, [a, b]) => self.padEnd(Math.min(num(a) ?? 0, 4096), b === undefined ? undefined : String(b)),
  replace: (self, [a, b]) => self.replace(String(a), String(b)),
  replaceAll: (self, [a, b]) => self.replaceAll(String(a), String(b)),
  repeat: (self, [a]) => self.repeat(Math.min(num(a) ?? 0, 64)),
};

const ARRAY_METHODS = new Set(['join', 'toString', 'concat', 'at']);

function num(value: Primitive): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

export function isKnownMethod(receiver: AValue, name: string): boolean {
  if (receiver.kind === 'lit') return typeof receiver.value === 'string' && Object.hasOwn(STRING_METHODS, name);
  if (receiver.kind === 'array') return ARRAY_METHODS.has(name);
  if (receiver.kind === 'bytes') return BYTES_METHODS.has(name);
  return false;
}

/** Views and copies of byte buffers keep what is known of their content (issue 3). */
const BYTES_METHODS = new Set(['subarray', 'slice']);

/** Calls a method of a known string or array with folded arguments. */
export function callMethod(evaluator: Evaluator, bound: BoundMethodValue, node: CallNode): AValue[] {
  if (node.arguments.some((arg) => arg.type === 'SpreadElement')) return [unknown('spread arguments', node)];
  const args = node.arguments.map((arg) => evaluator.evaluate(arg));
  const receiver = bound.receiver;
  if (receiver.kind === 'bytes') return [slicedBytes(node, receiver, args)];
  if (receiver.kind === 'lit' && typeof receiver.value === 'string') {
    const method = STRING_METHODS[bound.name]!;
    const self = receiver.value;
    return product(args, node).map((tuple) =>
      tuple.every((value) => value.kind === 'lit')
        ? lit(method(self, tuple.map((value) => (value.kind === 'lit' ? value.value : undefined))), node, receiver.label)
        : unknown('non-literal argument', node),
    );
  }
  if (receiver.kind === 'array') {
    if (bound.name === 'concat') return [unknown('array concat', node)];
    const elements = receiver.node.elements;
    if (elements.some((element) => element === null || element.type === 'SpreadElement')) {
      return [unknown('array with holes or spreads', node)];
    }
    const parts = elements.map((element) => evaluator.evaluate(element as TSESTree.Expression));
    const separators = bound.name === 'join' && args[0] ? args[0] : [lit(',', node)];
    const out: AValue[] = [];
    for (const separator of separators) {
      for (const tuple of product(parts, node)) {
        if (separator.kind !== 'lit' || !tuple.every((value) => value.kind === 'lit')) {
          out.push(unknown('join of unknown parts', node));
          continue;
        }
        const text = tuple.map((value) => (value.kind === 'lit' && value.value != null ? String(value.value) : '')).join(String(separator.value));
        if (bound.name === 'at') return [unknown('array at', node)];
        out.push(lit(text, node));
      }
    }
    return union(out);
  }
  return [unknown('method call', node)];
}

/** `buf.subarray(a, b)` / `buf.slice(a, b)`: the same kind of bytes, with the length when it folds. */
function slicedBytes(node: CallNode, receiver: BytesValue, args: AValue[][]): BytesValue {
  const at = (i: number): number | undefined => {
    const only = args[i]?.length === 1 ? args[i]![0] : undefined;
    return only?.kind === 'lit' && typeof only.value === 'number' ? only.value : undefined;
  };
  let length: number | undefined;
  const start = args.length ? at(0) : 0;
  const end = args.length > 1 ? at(1) : receiver.length;
  if (start !== undefined && end !== undefined && start >= 0 && end >= 0) length = Math.max(0, end - start);
  if (receiver.length !== undefined && length !== undefined) length = Math.min(length, receiver.length);
  const from: AValue[] = [receiver];
  return { kind: 'bytes', node, origin: receiver.origin, from, ...(length === undefined ? {} : { length }) };
}

/** The cartesian product of argument value sets, capped. */
function product(sets: readonly AValue[][], node: CallNode | TSESTree.Node): AValue[][] {
  let acc: AValue[][] = [[]];
  for (const set of sets) {
    const next: AValue[][] = [];
    for (const prefix of acc) {
      for (const value of set) {
        if (next.length >= MAX_PRODUCT) return [...next, sets.map(() => unknown('too many combinations', node))];
        next.push([...prefix, value]);
      }
    }
    acc = next;
  }
  return acc;
}
