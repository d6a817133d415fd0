import type { TSESTree } from '@typescript-eslint/utils';
import type { FileAnalysis } from './analysis.js';
import { factsAt, identifierWords } from './derivation.js';
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
export function weakRandomSource(analysis: FileAnalysis, expression: Node): WeakSource | null {
  let memo = cache.get(analysis);
  if (!memo) cache.set(analysis, (memo = new Map()));
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
        // A local function: what it returns.
        for (const callee of evaluator.evaluate(node.callee)) {
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
        // `Math.random().toString(36)`, `chars.charAt(Math.random() * n)`, `arr.map(() => Math.random())`.
        if (node.callee.type === 'MemberExpression') {
          const found = visit(node.callee.object, depth + 1);
          if (found) return found;
        }
        for (const arg of node.arguments) {
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
        return node.object.type === 'ThisExpression' ? null : visit(node.object, depth + 1);
      }
      case 'TemplateLiteral':
        return first(node.expressions, depth);
      case 'ObjectExpression':
        // An options object (`{ name: 'AES-GCM', iv }`) held in a variable: its property values.
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

  return visit(expression, 0);
}

/** What a secret-looking name is, for messages: `a token`, `a password`. Null for anything else. */
export function secretKindOf(name: string): string | null {
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
