import type { TSESTree } from '@typescript-eslint/utils';
import { ENVIRONMENT } from '../catalogue/tls.js';
import type { Role } from '../catalogue/index.js';
import type { FileAnalysis } from './analysis.js';
import type { Evaluator } from './evaluator.js';
import { propertyName } from './evaluator.js';
import type { AValue, LitValue } from './values.js';
import { pushChildren, visitorKeysOf } from './ast.js';

type Node = TSESTree.Node;
type FunctionNode = TSESTree.FunctionLike;

/*
 * Helpers for the TLS and trust rules: which condition a setting hides
 * behind, environment writes the catalogue cannot express as one call
 * (`Object.assign(process.env, {...})`), the text of connection strings
 * built from partly unknown parts, and the trust anchors of a `ca` value.
 */

/** Past this many nodes, an expression is not searched further for environment reads. */
const MAX_SEARCH = 400;

function isFunction(node: Node): node is FunctionNode {
  return (
    node.type === 'FunctionDeclaration' ||
    node.type === 'FunctionExpression' ||
    node.type === 'ArrowFunctionExpression' ||
    node.type === 'TSDeclareFunction' ||
    node.type === 'TSEmptyBodyFunctionExpression'
  );
}

/** Whether a member expression reads the environment: `process.env.X`, `env['X']`, `import.meta.env.X`. */
function envReadName(evaluator: Evaluator, node: TSESTree.MemberExpression): string | null {
  const key = node.computed ? evaluator.staticString(node.property) : propertyName(node.property);
  const object = node.object;
  if (object.type === 'MemberExpression' && object.object.type === 'MetaProperty' && propertyName(object.property) === 'env') {
    return `import.meta.env.${key ?? '[…]'}`;
  }
  const isEnv = evaluator.evaluate(object).some((value) => value.kind === 'builtin' && value.path === 'process.env');
  return isEnv ? `process.env.${key ?? '[…]'}` : null;
}

/**
 * The first environment variable an expression reads, directly or through
 * the initialisers of the constants it uses: `process.env.INSECURE !== '0'`,
 * `isDev` with `const isDev = process.env.NODE_ENV !== 'production'`.
 */
export function envFlagIn(evaluator: Evaluator, root: Node): string | null {
  const keys = visitorKeysOf(evaluator.sourceCode);
  const seen = new Set<Node>();
  const stack: Node[] = [root];
  while (stack.length && seen.size < MAX_SEARCH) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.type === 'MemberExpression') {
      const name = envReadName(evaluator, node);
      if (name) return name;
    }
    if (node.type === 'Identifier') {
      const variable = evaluator.findVariable(node);
      for (const def of variable?.defs ?? []) {
        if (def.type === 'Variable' && def.node.init) stack.push(def.node.init);
      }
      for (const reference of variable?.references ?? []) {
        if (reference.writeExpr && !reference.init) stack.push(reference.writeExpr);
      }
      continue;
    }
    if (isFunction(node) && node !== root) continue;
    pushChildren(stack, node, keys);
  }
  return null;
}

/** A statement that always leaves its block: `return`, `throw`, or a block ending in one. */
function exits(node: TSESTree.Statement): boolean {
  if (node.type === 'ReturnStatement' || node.type === 'ThrowStatement') return true;
  if (node.type === 'BlockStatement') {
    const last = node.body[node.body.length - 1];
    return last !== undefined && exits(last);
  }
  return false;
}

/**
 * The conditions under which `node` runs, innermost first: tests of the `if`,
 * `?:`, `&&`/`||`/`??` and `switch` it sits in, and early-exit `if`s before it
 * in its blocks. Stops at `root` when given, else at the first function.
 */
export function guardsOf(node: Node, root?: Node): Node[] {
  const tests: Node[] = [];
  let child: Node = node;
  let current: Node | undefined = node.parent;
  while (current && current !== root) {
    switch (current.type) {
      case 'IfStatement':
        if (child !== current.test) tests.push(current.test);
        break;
      case 'ConditionalExpression':
        if (child !== current.test) tests.push(current.test);
        break;
      case 'LogicalExpression':
        if (child === current.right) tests.push(current.left);
        break;
      case 'SwitchCase':
        if (current.test) tests.push(current.test);
        if (current.parent.type === 'SwitchStatement') tests.push(current.parent.discriminant);
        break;
      case 'BlockStatement':
      case 'Program':
      case 'StaticBlock': {
        const body = current.body as readonly Node[];
        for (const sibling of body.slice(0, body.indexOf(child))) {
          if (sibling.type === 'IfStatement' && (exits(sibling.consequent) || (sibling.alternate && exits(sibling.alternate)))) {
            tests.push(sibling.test);
          }
        }
        break;
      }
      default:
        break;
    }
    if (root === undefined && isFunction(current)) break;
    child = current;
    current = current.parent;
  }
  return tests;
}

/** What a set of guards amounts to, for messages: an environment flag, another condition, or none. */
export type Condition = { kind: 'none' } | { kind: 'env'; name: string } | { kind: 'other' };

export function conditionOf(evaluator: Evaluator, tests: readonly Node[]): Condition {
  if (!tests.length) return { kind: 'none' };
  for (const test of tests) {
    const name = envFlagIn(evaluator, test);
    if (name) return { kind: 'env', name };
  }
  return { kind: 'other' };
}

/** `when process.env.X is set` / `when a runtime condition holds`, for messages. */
export function describeCondition(condition: Condition): string {
  return condition.kind === 'env' ? `${condition.name} is set` : 'a runtime condition holds';
}

/** Whether `inner` lies inside `outer`. */
export function within(inner: Node, outer: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** The option name a literal was written under (`rejectUnauthorized` for `{ rejectUnauthorized: false }`). */
export function optionNameOf(value: LitValue): string | null {
  let node: Node | null = value.node;
  // Through `flag ? false : true`, `x ?? false`, `false as boolean`.
  while (
    node?.parent &&
    (node.parent.type === 'ConditionalExpression' ||
      node.parent.type === 'LogicalExpression' ||
      node.parent.type === 'TSAsExpression' ||
      node.parent.type === 'TSSatisfiesExpression') &&
    (node.parent.type !== 'ConditionalExpression' || node.parent.test !== node)
  ) {
    node = node.parent;
  }
  const parent = node?.parent;
  if (parent?.type === 'Property' && parent.value === node) return parent.computed ? null : propertyName(parent.key);
  return null;
}

// ------------------------------------------------------------ environment

/** An environment variable set through `Object.assign(process.env, {...})`. */
export interface EnvironmentWrite {
  role: Extract<Role, 'envTlsRejectUnauthorized' | 'envExtraCaCerts'>;
  /** where to report: the property value when written inline, else the source argument */
  node: Node;
  values: AValue[];
  api: string;
}

/** `Object.assign(process.env, { NODE_TLS_REJECT_UNAUTHORIZED: '0' })` and `Object.defineProperty(process.env, name, { value })`. */
export function environmentAssignments(analysis: FileAnalysis): readonly EnvironmentWrite[] {
  // Two rules ask (no-disabled-tls-verification, no-injected-trust-anchor): scan the file's calls once.
  let cached = environmentCache.get(analysis);
  if (!cached) environmentCache.set(analysis, (cached = findEnvironmentAssignments(analysis)));
  return cached;
}

const environmentCache = new WeakMap<FileAnalysis, readonly EnvironmentWrite[]>();

function findEnvironmentAssignments(analysis: FileAnalysis): EnvironmentWrite[] {
  const { evaluator } = analysis;
  const out: EnvironmentWrite[] = [];
  const names = Object.entries(ENVIRONMENT.options ?? {}) as [string, EnvironmentWrite['role']][];
  for (const call of analysis.index.calls) {
    const callee = call.callee;
    if (call.type !== 'CallExpression' || callee.type !== 'MemberExpression') continue;
    const method = propertyName(callee.property);
    if (method !== 'assign' && method !== 'defineProperty') continue;
    const [target, ...rest] = call.arguments;
    if (!target || target.type === 'SpreadElement') continue;
    if (!evaluator.evaluate(callee).some((value) => value.kind === 'builtin' && value.path === `Object.${method}`)) continue;
    if (!evaluator.evaluate(target).some((value) => value.kind === 'builtin' && value.path === 'process.env')) continue;
    const api = `Object.${method}(process.env)`;
    if (method === 'defineProperty') {
      const [name, descriptor] = rest;
      if (!name || !descriptor || name.type === 'SpreadElement' || descriptor.type === 'SpreadElement') continue;
      const key = evaluator.staticString(name);
      const role = names.find(([envName]) => envName === key)?.[1];
      if (!role) continue;
      for (const object of evaluator.evaluate(descriptor)) {
        if (object.kind !== 'object') continue;
        const { values, node } = evaluator.objectProperty(object, 'value', descriptor);
        if (node) out.push({ role, node: within(node, descriptor) ? node : descriptor, values, api });
      }
      continue;
    }
    for (const source of rest) {
      if (source.type === 'SpreadElement') continue;
      for (const object of evaluator.evaluate(source)) {
        if (object.kind !== 'object') continue;
        for (const [envName, role] of names) {
          const { values, node } = evaluator.objectProperty(object, envName, source);
          if (!node) continue;
          out.push({ role, node: within(node, source) ? node : source, values, api });
        }
      }
    }
  }
  return out;
}

// ------------------------------------------------------- partial strings

/** Marks an unknown part of a string built from known and unknown parts. */
export const HOLE = '\u0000';
const MAX_STRINGS = 16;

/**
 * The strings an expression may denote, with unknown parts replaced by
 * `HOLE`: `` `postgres://${user}@db/app?sslmode=no-verify` `` keeps its
 * known text even though `user` is unknown.
 */
export function partialStrings(evaluator: Evaluator, node: Node, depth = 0): string[] {
  if (depth > 8) return [HOLE];
  const known = evaluator.evaluate(node);
  if (known.every((value) => value.kind === 'lit')) {
    return known.map((value) => ((value as LitValue).value == null ? HOLE : String((value as LitValue).value)));
  }
  switch (node.type) {
    case 'TemplateLiteral': {
      let acc = [node.quasis[0]?.value.cooked ?? ''];
      node.expressions.forEach((expression, i) => {
        const parts = partialStrings(evaluator, expression, depth + 1);
        const tail = node.quasis[i + 1]?.value.cooked ?? '';
        acc = acc.flatMap((prefix) => parts.map((part) => prefix + part + tail)).slice(0, MAX_STRINGS);
      });
      return acc;
    }
    case 'BinaryExpression': {
      if (node.operator !== '+') return [HOLE];
      const left = partialStrings(evaluator, node.left, depth + 1);
      const right = partialStrings(evaluator, node.right, depth + 1);
      return left.flatMap((a) => right.map((b) => a + b)).slice(0, MAX_STRINGS);
    }
    case 'ConditionalExpression':
      return [...partialStrings(evaluator, node.consequent, depth + 1), ...partialStrings(evaluator, node.alternate, depth + 1)].slice(
        0,
        MAX_STRINGS,
      );
    case 'LogicalExpression':
      return [...partialStrings(evaluator, node.left, depth + 1), ...partialStrings(evaluator, node.right, depth + 1)].slice(0, MAX_STRINGS);
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
      return partialStrings(evaluator, node.expression, depth + 1);
    case 'Identifier': {
      const variable = evaluator.findVariable(node);
      const inits: Node[] = [];
      for (const def of variable?.defs ?? []) {
        if (def.type === 'Variable' && def.node.init && def.node.id.type === 'Identifier') inits.push(def.node.init);
      }
      for (const reference of variable?.references ?? []) {
        if (reference.writeExpr && !reference.init) inits.push(reference.writeExpr);
      }
      if (!inits.length) return [HOLE];
      return inits.flatMap((init) => partialStrings(evaluator, init, depth + 1)).slice(0, MAX_STRINGS);
    }
    default:
      return known
        .flatMap((value) => {
          if (value.kind === 'lit') return [value.value != null ? String(value.value) : HOLE];
          // A wrapped string (`wrap(\`...${user}...\`)`, `[url][0]`, `({ value: url }).value`): the partial strings of
          // the expression that made each value the evaluator resolves it to. An unknown part of a template or
          // concatenation stands for the whole string built around it (the evaluator passes the part's unknown on).
          const made = 'node' in value && value.node ? stringBuiltAround(value.node) : null;
          return made && !within(node, made) ? partialStrings(evaluator, made, depth + 1) : [HOLE];
        })
        .slice(0, MAX_STRINGS);
  }
}

/** The outermost template or `+` concatenation a node is a part of, or the node itself. */
function stringBuiltAround(node: Node): Node {
  let current = node;
  for (let parent = current.parent; parent; parent = current.parent) {
    const isPart =
      (parent.type === 'TemplateLiteral' && parent.expressions.includes(current as TSESTree.Expression)) ||
      (parent.type === 'BinaryExpression' && parent.operator === '+');
    if (!isPart) break;
    current = parent;
  }
  return current;
}

// ---------------------------------------------------------- trust anchors

/** What a `ca` value trusts: the system roots, and certificates fixed in the code. */
export interface TrustAnchors {
  /** the system / bundled roots are kept (`...tls.rootCertificates`, `tls.getCACertificates()`) */
  systemRoots: boolean;
  /** certificates written in the code (PEM literals, literal bytes, files read from a constant path) */
  constants: Node[];
}

const PEM = /-----BEGIN [A-Z0-9 ]*CERTIFICATE-----/;

function isRoots(value: AValue): boolean {
  return value.kind === 'type' && value.type === 'node:tls.RootCertificates';
}

/** `fs.readFileSync('certs/corp-root.pem')`: a certificate file shipped with the code. */
function isConstantFileRead(evaluator: Evaluator, node: Node): boolean {
  if (node.type !== 'CallExpression') return false;
  const callee = node.callee.type === 'MemberExpression' ? node.callee.property : node.callee;
  if (callee.type !== 'Identifier' || (callee.name !== 'readFileSync' && callee.name !== 'readFile')) return false;
  const path = node.arguments[0];
  if (!path || path.type === 'SpreadElement') return false;
  const strings = partialStrings(evaluator, path);
  return strings.length > 0 && strings.every((text) => /\.(pem|crt|cer|der)$/i.test(text) && !text.startsWith(HOLE));
}

/** Whether a value is a certificate fixed in the code. */
export function isConstantCertificate(evaluator: Evaluator, value: AValue, files = true): boolean {
  if (value.kind === 'lit') return typeof value.value === 'string' && PEM.test(value.value);
  if (value.kind === 'bytes') {
    return value.origin === 'literal' && (value.from ?? []).every((source) => source.kind === 'lit');
  }
  if (value.kind === 'unknown' && value.node) return files && isConstantFileRead(evaluator, value.node);
  return false;
}

/**
 * The trust anchors a `ca`-like value holds: arrays, spreads, `concat`, `push`ed elements.
 * `files`: count a certificate file read from a constant path as fixed in the code.
 */
export function trustAnchorsOf(evaluator: Evaluator, values: readonly AValue[], files = true): TrustAnchors {
  const result: TrustAnchors = { systemRoots: false, constants: [] };
  const seen = new Set<Node>();
  const visit = (value: AValue, depth: number): void => {
    if (depth > 6) return;
    if (isRoots(value)) {
      result.systemRoots = true;
      return;
    }
    if (isConstantCertificate(evaluator, value, files)) {
      // Point at the PEM text itself when bytes were made from it.
      const source = value.kind === 'bytes' ? value.from?.find((part) => part.kind === 'lit' && part.node) : undefined;
      const node =
        source?.kind === 'lit' ? source.node : value.kind === 'lit' || value.kind === 'bytes' || value.kind === 'unknown' ? (value.node ?? null) : null;
      if (node && !seen.has(node)) {
        seen.add(node);
        result.constants.push(node);
      }
      return;
    }
    if (value.kind === 'array') {
      if (seen.has(value.node)) return;
      seen.add(value.node);
      for (const element of value.node.elements) {
        if (!element) continue;
        const inner = element.type === 'SpreadElement' ? element.argument : element;
        for (const each of evaluator.evaluate(inner)) visit(each, depth + 1);
      }
      for (const pushed of evaluator.index.arrayPushes(evaluator, value.node)) {
        for (const each of evaluator.evaluate(pushed)) visit(each, depth + 1);
      }
      return;
    }
    // `roots.concat(pem)`, `[...].concat(...)`, `Array.from(roots)`, `roots.slice()`: look through.
    if (value.kind === 'unknown' && value.node?.type === 'CallExpression') {
      const call = value.node;
      const callee = call.callee;
      const method = callee.type === 'MemberExpression' ? propertyName(callee.property) : null;
      if (callee.type === 'MemberExpression' && (method === 'concat' || method === 'slice' || method === 'filter')) {
        for (const each of evaluator.evaluate(callee.object)) visit(each, depth + 1);
        if (method === 'concat') {
          for (const arg of call.arguments) {
            const inner = arg.type === 'SpreadElement' ? arg.argument : arg;
            for (const each of evaluator.evaluate(inner)) visit(each, depth + 1);
          }
        }
      } else if (method === 'from' && call.arguments[0] && call.arguments[0].type !== 'SpreadElement') {
        for (const each of evaluator.evaluate(call.arguments[0])) visit(each, depth + 1);
      }
      // `const list = roots.slice(); list.push(pem)`
      for (const pushed of pushesInto(evaluator, call)) {
        for (const each of evaluator.evaluate(pushed)) visit(each, depth + 1);
      }
    }
  };
  for (const value of values) visit(value, 0);
  return result;
}

/** Arguments of `v.push(...)` / `v.unshift(...)` where `v` is initialised with `init`. */
function pushesInto(evaluator: Evaluator, init: Node): Node[] {
  const declarator = init.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== init || declarator.id.type !== 'Identifier') return [];
  const variable = evaluator.findVariable(declarator.id);
  const out: Node[] = [];
  for (const reference of variable?.references ?? []) {
    const member = reference.identifier.parent;
    if (member?.type !== 'MemberExpression' || member.object !== reference.identifier) continue;
    const name = propertyName(member.property);
    const call = member.parent;
    if ((name !== 'push' && name !== 'unshift') || call?.type !== 'CallExpression' || call.callee !== member) continue;
    for (const arg of call.arguments) out.push(arg.type === 'SpreadElement' ? arg.argument : arg);
  }
  return out;
}
