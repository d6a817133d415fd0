import type { TSESTree } from '@typescript-eslint/utils';
import type { FileAnalysis } from './analysis.js';
import { factsAt, identifierWords } from './derivation.js';
import { valueTarget } from './evaluator.js';
import type { CallFact } from './facts.js';
import type { AValue } from './values.js';

type Node = TSESTree.Node;

/**
 * Predictable "randomness" (issue 3, no-insecure-randomness): `Math.random()`,
 * clock readings (`Date.now()`, `performance.now()`, `new Date()`,
 * `process.hrtime()`), and the output of a generator whose seed is a
 * constant, a clock reading, or predictable by default.
 */
export interface WeakSource {
  /** the call that produced it */
  node: Node;
  /** `Math.random()`, `Date.now()`, `a generator seeded with a constant (line 3)` */
  what: string;
}

const MAX_DEPTH = 10;
const cache = new WeakMap<FileAnalysis, Map<Node, WeakSource | null>>();
const namedCache = new WeakMap<FileAnalysis, Map<Node, WeakSource | null>>();

/** How far weakness is followed. */
export interface WeakRandomOptions {
  /**
   * Judge the value itself, for a secret-looking NAME: an object literal is a
   * record, not the secret (`{ accessToken, expiry: Date.now() + ttl }` is not a
   * predictable token), so its properties are not searched. Role bindings
   * (an options object bound as a whole) keep searching them.
   */
  valueOnly?: boolean;
}

/** Value kinds that hold code or records, not data: a method call on them says nothing about its result. */
const CONTAINER_KINDS = new Set(['object', 'function', 'class', 'instance', 'namespace', 'enum']);

/** Globals whose result is a plain transformation of their arguments (`String(Date.now())`, `Math.floor(Math.random() * n)`). */
const TRANSPARENT_CONSTRUCTORS = new Set(['String', 'Number', 'BigInt', 'Date', 'Array', 'Uint8Array', 'Uint16Array', 'Uint32Array', 'Buffer']);

/**
 * Methods of unknown receivers whose result is built from their arguments (string, array, encoding and
 * digest methods): `chars.charAt(Math.random() * n)`, `hash.update(String(Date.now()))`. Any other method of
 * an unknown object (`key.isValid(date)`, `utils.getProp(obj, 'password')`) consumes its arguments.
 */
const TRANSFORM_METHODS = new Set([
  'charAt', 'charCodeAt', 'codePointAt', 'at', 'substring', 'substr', 'slice', 'concat', 'padStart', 'padEnd', 'repeat',
  'replace', 'replaceAll', 'split', 'join', 'map', 'flatMap', 'from', 'of', 'fromCharCode', 'fromCodePoint', 'toString',
  'toFixed', 'toPrecision', 'update', 'digest', 'encode', 'hash', 'hex', 'stringify', 'reduce', 'reduceRight', 'then',
]);

/** Methods whose result is what their callback returns (not `filter`, `some`, `forEach`: predicates and effects). */
const CALLBACK_RESULT_METHODS = new Set(['map', 'flatMap', 'from', 'reduce', 'reduceRight', 'replace', 'replaceAll', 'then']);

/** An argument that adds no data of its own: literals, callbacks, literal options (`{ length: 6 }`). */
function isInertArgument(node: TSESTree.CallExpressionArgument): boolean {
  switch (node.type) {
    case 'Literal':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return true;
    case 'TemplateLiteral':
      return node.expressions.length === 0;
    case 'UnaryExpression':
      return node.argument.type === 'Literal';
    case 'ObjectExpression':
      return node.properties.every((property) => property.type === 'Property' && property.value.type === 'Literal');
    default:
      return false;
  }
}

/** Why a seeded generator's output is predictable, or null when its seed is unknown or random. */
export function predictableSeed(analysis: FileAnalysis, creator: CallFact): string | null {
  const seeds = creator.bindings.filter((binding) => binding.role === 'seed');
  if (!seeds.length) {
    const fallback = creator.spec.defaults?.seed;
    return fallback === undefined ? null : `seeded by default from ${String(fallback)}`;
  }
  for (const binding of seeds) {
    for (const value of binding.values) {
      if (isConstantSeed(value)) return 'seeded with a constant';
      if (value.kind === 'unknown' && value.provenance === 'weak-random') return `seeded with ${value.reason}`;
    }
    const source = weakRandomSource(analysis, binding.node);
    if (source) return `seeded with ${source.what}`;
  }
  return null;
}

const WEAK_BUILTINS = new Set(['Math.random', 'Date.now', 'performance.now', 'process.hrtime', 'process.hrtime.bigint', 'Date']);
/** The last segment of each weak builtin's path: the member names through which one can be called. */
const WEAK_BUILTIN_NAMES = new Set([...WEAK_BUILTINS].map((path) => path.slice(path.lastIndexOf('.') + 1)));

/**
 * Does the file call any weak source at all (a clock, `Math.random`, a seeded generator)? Cheap, from the
 * callees the engine already resolved: files without one cannot have a weak-randomness finding, so rules
 * skip their per-node walks there.
 */
export function hasWeakRandomCall(analysis: FileAnalysis): boolean {
  let found = weakCallCache.get(analysis);
  if (found !== undefined) return found;
  found = analysis.bindings('seed').length > 0;
  if (!found) {
    // Calls named like a weak builtin (`Date.now()`, `new Date()`) are resolved first: a file that has a weak
    // call almost always has one of those, found then without resolving every other callee before it. The
    // answer is the same in any order.
    const evaluator = analysis.evaluator;
    const calls = analysis.index.calls;
    const others: number[] = [];
    for (let i = 0; i < calls.length; i++) {
      const callee = calls[i]!.callee;
      if (!namedLikeWeakBuiltin(callee)) others.push(i);
      else if ((found = isWeakCallee(evaluator, callee))) break;
    }
    // A weak value starts at a call of a weak builtin or a catalogued generator; `Math.random().toString(36)`
    // is reached through the inner call, which is in this list too. These callees are not named like a weak
    // builtin, so the catalogue's callee filter decides them: the facts' answer where they asked, else asked here.
    for (let i = 0; !found && i < others.length; i++) {
      const index = others[i]!;
      const callee = calls[index]!.callee;
      const ruledOut = analysis.calleeRuledOut(index) ?? !evaluator.calleeMayBeCatalogued(callee);
      found = !ruledOut && isWeakCallee(evaluator, callee);
    }
  }
  weakCallCache.set(analysis, found);
  return found;
}

/** A callee that is a weak builtin, a catalogued generator, or a weak value itself. */
function isWeakCallee(evaluator: FileAnalysis['evaluator'], callee: Node): boolean {
  return evaluator
    .evaluate(callee)
    .some(
      (value) =>
        (value.kind === 'builtin' && WEAK_BUILTINS.has(value.path)) ||
        (value.kind === 'callable' && value.spec.result === 'pseudo-random') ||
        (value.kind === 'unknown' && value.provenance === 'weak-random'),
    );
}

/** `Date.now`, `random`, `new Date`: a callee whose (last) name is one of the weak builtins'. */
function namedLikeWeakBuiltin(node: Node): boolean {
  const callee = valueTarget(node);
  if (callee.type === 'Identifier') return WEAK_BUILTIN_NAMES.has(callee.name);
  return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && WEAK_BUILTIN_NAMES.has(callee.property.name);
}

const weakCallCache = new WeakMap<FileAnalysis, boolean>();

/** A literal seed, or constant bytes (`new Uint8Array(32)`, `Buffer.from('seed')`). */
export function isConstantSeed(value: AValue): boolean {
  if (value.kind === 'lit') return value.value !== undefined && value.value !== null;
  return value.kind === 'bytes' && (value.origin === 'literal' || value.origin === 'zero-filled' || value.origin === 'constant-filled');
}

/** The arguments passed for a parameter at the call sites of a local function (`function f(a) {}; f(x)`). */
function argumentsFor(analysis: FileAnalysis, fn: TSESTree.FunctionLike, param: Node): Node[] {
  const index = fn.params.indexOf(param as TSESTree.Parameter);
  if (index < 0) return [];
  let id: TSESTree.Identifier | null = null;
  if (fn.type === 'FunctionDeclaration' && fn.id) id = fn.id;
  else if (fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier') id = fn.parent.id;
  if (!id) return [];
  const variable = analysis.evaluator.findVariable(id);
  const out: Node[] = [];
  for (const reference of variable?.references ?? []) {
    const call = reference.identifier.parent;
    if ((call?.type === 'CallExpression' || call?.type === 'NewExpression') && call.callee === reference.identifier) {
      const arg = call.arguments[index];
      if (arg && arg.type !== 'SpreadElement') out.push(arg);
    }
  }
  return out;
}

/** The weak source an expression's value may come from, if any (see {@link WeakSource}). */
export function weakRandomSource(analysis: FileAnalysis, expression: Node, options: WeakRandomOptions = {}): WeakSource | null {
  const valueOnly = options.valueOnly === true;
  const caches = valueOnly ? namedCache : cache;
  let memo = caches.get(analysis);
  if (!memo) caches.set(analysis, (memo = new Map()));
  const evaluator = analysis.evaluator;
  const seenVariables = new Set<unknown>();

  const visit = (node: Node, depth: number): WeakSource | null => {
    if (depth > MAX_DEPTH) return null;
    if (memo.has(node)) return memo.get(node)!;
    memo.set(node, null); // cycle guard
    const result = compute(node, depth);
    memo.set(node, result);
    return result;
  };

  const fromValues = (node: Node): WeakSource | null => {
    for (const value of evaluator.evaluate(node)) {
      if (value.kind === 'unknown' && value.provenance === 'weak-random') return { node: value.node ?? node, what: value.reason };
      if (value.kind === 'unknown' && value.origin?.spec.result === 'pseudo-random') {
        const creator = value.origin.receiverFact ?? value.origin;
        const why = predictableSeed(analysis, creator);
        if (why) return { node: value.origin.node, what: `a generator ${why}` };
      }
    }
    return null;
  };

  const compute = (node: Node, depth: number): WeakSource | null => {
    switch (node.type) {
      case 'CallExpression':
      case 'NewExpression': {
        const facts = factsAt(analysis, node);
        // A CSPRNG is never weak, whatever its arguments.
        if (facts.some((fact) => fact.operation === 'random' && fact.spec.result === 'random')) return null;
        for (const fact of facts) {
          if (fact.spec.result !== 'pseudo-random') continue;
          const why = predictableSeed(analysis, fact.receiverFact ?? fact);
          if (why) return { node, what: `a generator ${why}` };
        }
        const direct = fromValues(node);
        if (direct) return direct;
        // A local function: what it returns (its parameters are followed to every call site from there).
        // Its arguments do not make its result weak on their own: `new Packet(date, config)` is not a date.
        const callees = evaluator.evaluate(node.callee);
        const local = callees.length > 0 && callees.every((callee) => callee.kind === 'function' || callee.kind === 'class');
        for (const callee of callees) {
          if (callee.kind !== 'function') continue;
          const fn = callee.node;
          if (!fn.body) continue;
          if (fn.body.type !== 'BlockStatement') {
            const found = visit(fn.body, depth + 1);
            if (found) return found;
          } else {
            for (const ret of evaluator.index.returnsOf(fn)) {
              const found = ret.argument ? visit(ret.argument, depth + 1) : null;
              if (found) return found;
            }
          }
        }
        if (local) return null;
        // `Math.random().toString(36)`, `arr.map(() => Math.random())`: the receiver is the data, unless it is a
        // record or a namespace of functions (`utils.getProp(options, 'password')` is not made of `utils`).
        if (node.callee.type === 'MemberExpression' && !isContainer(node.callee.object)) {
          const found = visit(node.callee.object, depth + 1);
          if (found) return found;
        }
        // `chars.charAt(Math.random() * n)`, `String(Date.now())`: a call transforming ONE piece of data. A call
        // that combines it with other data (`decryptSessionKeys(keys, passwords, date)`) or constructs an
        // object from it (`new Packet(date)`) does not return the weak value itself.
        if (node.type === 'NewExpression' && !(node.callee.type === 'Identifier' && TRANSPARENT_CONSTRUCTORS.has(node.callee.name))) return null;
        if (node.arguments.filter((arg) => !isInertArgument(arg)).length > 1) return null;
        const method =
          node.callee.type === 'MemberExpression' && !node.callee.computed && node.callee.property.type === 'Identifier' ? node.callee.property.name : null;
        if (node.callee.type === 'MemberExpression') {
          const known = callees.some((callee) => callee.kind === 'builtin' || callee.kind === 'bound' || callee.kind === 'callable');
          if (!known && !(method && TRANSFORM_METHODS.has(method))) return null;
        }
        for (const arg of node.arguments) {
          if ((arg.type === 'ArrowFunctionExpression' || arg.type === 'FunctionExpression') && !(method && CALLBACK_RESULT_METHODS.has(method))) continue;
          const found = visitArgument(arg, depth + 1);
          if (found) return found;
        }
        return null;
      }
      case 'Identifier': {
        const direct = fromValues(node);
        if (direct) return direct;
        const variable = evaluator.findVariable(node);
        if (!variable || seenVariables.has(variable)) return null;
        seenVariables.add(variable);
        for (const def of variable.defs) {
          if (def.type === 'Variable' && def.node.init) {
            const found = visit(def.node.init, depth + 1);
            if (found) return found;
          }
          if (def.type === 'Parameter' && def.name.parent === def.node) {
            for (const arg of argumentsFor(analysis, def.node as TSESTree.FunctionLike, def.name)) {
              const found = visitArgument(arg as TSESTree.CallExpressionArgument, depth + 1);
              if (found) return found;
            }
          }
        }
        for (const reference of variable.references) {
          if (!reference.isWrite() || reference.init || !reference.writeExpr) continue;
          const found = visit(reference.writeExpr, depth + 1);
          if (found) return found;
        }
        // `parts.push(Math.random())` into an array held by this variable.
        for (const reference of variable.references) {
          const member = reference.identifier.parent;
          const call = member?.parent;
          if (
            member?.type === 'MemberExpression' &&
            member.object === reference.identifier &&
            call?.type === 'CallExpression' &&
            call.callee === member &&
            !member.computed &&
            member.property.type === 'Identifier' &&
            (member.property.name === 'push' || member.property.name === 'unshift')
          ) {
            for (const arg of call.arguments) {
              const found = visitArgument(arg, depth + 1);
              if (found) return found;
            }
          }
        }
        return null;
      }
      case 'MemberExpression': {
        const direct = fromValues(node);
        if (direct) return direct;
        if (node.computed) {
          const found = visit(node.property, depth + 1);
          if (found) return found;
        }
        if (node.object.type === 'ThisExpression') return null;
        // `options.date` of an object literal: that property only, not its siblings.
        const objects = evaluator.evaluate(node.object);
        if (objects.length && objects.every((value) => CONTAINER_KINDS.has(value.kind))) {
          const key = node.computed ? null : node.property.type === 'Identifier' ? node.property.name : null;
          if (key === null) return null;
          for (const object of objects) {
            if (object.kind !== 'object') continue;
            const where = evaluator.objectProperty(object, key, node).node;
            const found = where && where !== object.node ? visit(where, depth + 1) : null;
            if (found) return found;
          }
          return null;
        }
        return visit(node.object, depth + 1);
      }
      case 'TemplateLiteral':
        return first(node.expressions, depth);
      case 'ObjectExpression':
        // An options object (`{ name: 'AES-GCM', iv }`) held in a variable: its property values (roles only).
        if (valueOnly) return null;
        return first(
          node.properties.map((property) => (property.type === 'Property' ? property.value : property.argument)),
          depth,
        );
      case 'BinaryExpression':
        return node.left.type === 'PrivateIdentifier' ? visit(node.right, depth + 1) : first([node.left, node.right], depth);
      case 'LogicalExpression':
        return first([node.left, node.right], depth);
      case 'ConditionalExpression':
        return first([node.consequent, node.alternate], depth);
      case 'UnaryExpression':
      case 'AwaitExpression':
        return visit(node.argument, depth + 1);
      case 'SequenceExpression':
        return node.expressions.length ? visit(node.expressions[node.expressions.length - 1]!, depth + 1) : null;
      case 'ArrayExpression':
        return first(node.elements.filter((element): element is TSESTree.Expression => !!element && element.type !== 'SpreadElement'), depth);
      case 'ChainExpression':
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
        return visit(node.expression, depth + 1);
      default:
        return null;
    }
  };

  const first = (nodes: readonly Node[], depth: number): WeakSource | null => {
    for (const node of nodes) {
      const found = visit(node, depth + 1);
      if (found) return found;
    }
    return null;
  };

  /** Arguments, and the results of callbacks passed as arguments (`Array.from({ length }, () => ...)`). */
  const visitArgument = (arg: TSESTree.CallExpressionArgument, depth: number): WeakSource | null => {
    if (arg.type === 'SpreadElement') return visit(arg.argument, depth);
    if (arg.type === 'ArrowFunctionExpression' || arg.type === 'FunctionExpression') {
      if (arg.body.type !== 'BlockStatement') return visit(arg.body, depth);
      for (const ret of evaluator.index.returnsOf(arg)) {
        const found = ret.argument ? visit(ret.argument, depth) : null;
        if (found) return found;
      }
      return null;
    }
    return visit(arg, depth);
  };

  /** A record, function, class or module: calling a method on it does not transform it. */
  const isContainer = (node: Node): boolean => {
    const values = evaluator.evaluate(node);
    return values.length > 0 && values.every((value) => CONTAINER_KINDS.has(value.kind));
  };

  return visit(expression, 0);
}

/** What a secret-looking name is, for messages: `a token`, `a password`. Null for anything else. */
export function secretKindOf(name: string): string | null {
  // Every secret word contains one of these: most names fail this test and need no further look.
  if (!mayBeSecretName(name)) return null;
  // Names repeat across a file (and across files): classify each once.
  const cached = secretKindCache.get(name);
  if (cached !== undefined) return cached;
  const kind = classifySecretName(name);
  if (secretKindCache.size > 50_000) secretKindCache.clear();
  secretKindCache.set(detached(name), kind);
  return kind;
}

/**
 * False when neither `name` nor any part of it can be a secret-looking name: the cheap first test of
 * {@link secretKindOf}, for callers that would otherwise rewrite a name (drop a verb) before asking.
 */
export function mayBeSecretName(name: string): boolean {
  return SECRET_HINT.test(name);
}

/** Outlives the files it is filled from: its keys must not hold on to their source text (see {@link detached}). */
const secretKindCache = new Map<string, string | null>();

/**
 * A copy of a string that does not point into the text it was cut from. Parsers cut identifier names
 * out of the source, and V8 keeps a name of 13 characters or more as a view of the whole source text:
 * one long name in a process-wide cache kept a 6 MB bundle alive after its file was linted (about 300 MB
 * over the corpus's 850 analysed files). Concatenating and slicing again makes V8 flatten a new string.
 */
export function detached(text: string): string {
  return ` ${text}`.slice(1);
}
const SECRET_HINT = /pass|pwd|otp|code|pin|srf|token|secret|mnemonic|nonce|salt|iv|sid|session|key/i;

function classifySecretName(name: string): string | null {
  const words = identifierWords(name);
  if (!words.length || words.some((word) => METADATA_WORDS.has(word))) return null;
  const has = (...candidates: string[]) => candidates.some((candidate) => words.includes(candidate));
  if (has('password', 'passwd', 'pwd', 'passphrase', 'passcode')) return 'password';
  if (has('otp', 'totp', 'hotp') || (has('code') && has('verification', 'verify', 'reset', 'otp', 'auth', 'confirmation', 'activation', 'recovery', 'login', 'invite', 'mfa', 'sms'))) {
    return 'one-time code';
  }
  if (has('pin') && words.length <= 3) return 'PIN';
  if (has('csrf', 'xsrf')) return 'CSRF token';
  if (has('token', 'tokens')) return 'token';
  if (has('secret', 'secrets', 'mnemonic')) return 'secret';
  if (has('nonce')) return 'nonce';
  if (has('salt')) return 'salt';
  if (has('iv')) return 'IV';
  if (has('sid') || (has('session') && has('id', 'key', 'ident', 'identifier'))) return 'session id';
  if (has('apikey') || (has('key', 'keys') && words.some((word, i) => KEY_QUALIFIERS.has(word) && i < words.length - 1))) return 'key';
  return null;
}

/** Words before `key` that make it a cryptographic or access key (not a React list key or a cache key). */
const KEY_QUALIFIERS = new Set([
  'secret',
  'private',
  'api',
  'encryption',
  'encrypt',
  'enc',
  'signing',
  'sign',
  'session',
  'master',
  'aes',
  'hmac',
  'access',
  'auth',
  'crypto',
  'symmetric',
  'content',
  'data',
  'wrapping',
  'shared',
  'client',
  'license',
  'recovery',
  'root',
  'device',
  'room',
  'share',
  'invite',
]);

/** Words that make a secret-looking name about its metadata: `tokenExpiry`, `sessionCreatedAt`, `otpLength`. */
const METADATA_WORDS = new Set([
  'expiry',
  'expires',
  'expire',
  'expiration',
  'exp',
  'iat',
  'nbf',
  'ttl',
  'timeout',
  'time',
  'timestamp',
  'ts',
  'at',
  'date',
  'created',
  'updated',
  'issued',
  'seen',
  'last',
  'start',
  'end',
  'length',
  'len',
  'size',
  'count',
  'index',
  'idx',
  'attempts',
  'retries',
  'retry',
  'delay',
  'duration',
  'interval',
  'lifetime',
  'age',
  'ms',
  'seconds',
  'version',
  'type',
  'name',
  'label',
  'field',
  'header',
  'url',
  'path',
  'regex',
  'pattern',
  'hint',
  'policy',
  'strength',
  'min',
  'max',
  'jitter',
  'backoff',
]);
