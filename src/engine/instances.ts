import type { TSESTree } from '@typescript-eslint/utils';
import type { Role } from '../catalogue/index.js';
import type { FileAnalysis } from './analysis.js';
import type { CallFact } from './facts.js';
import type { AValue, LitValue } from './values.js';
import { pushChildren, visitorKeysOf, type VisitorKeys } from './ast.js';

type Node = TSESTree.Node;

/**
 * Reasoning over catalogued *instances*: the objects a catalogued call
 * creates (a Hash, a Decipher, a forge message digest) and the calls made on
 * them later, linked by `fact.receiverFact`. `createHash('md5').update(pw)`
 * is two facts; the digest is bound on the first and the message on the second.
 */
export class Instances {
  private readonly childrenOf = new Map<CallFact, CallFact[]>();

  constructor(readonly analysis: FileAnalysis) {
    for (const fact of analysis.facts) {
      if (!fact.receiverFact) continue;
      const list = this.childrenOf.get(fact.receiverFact);
      if (list) list.push(fact);
      else this.childrenOf.set(fact.receiverFact, [fact]);
    }
  }

  /** Calls made directly on the instance a fact created (`update`, `final` on a Decipher). */
  children(fact: CallFact): readonly CallFact[] {
    return this.childrenOf.get(fact) ?? [];
  }

  /** Every call made on the instance, or on instances those calls return (`hash.update(a).update(b)`). */
  descendants(fact: CallFact): CallFact[] {
    const out: CallFact[] = [];
    const stack = [...this.children(fact)];
    while (stack.length && out.length < 500) {
      const next = stack.pop()!;
      if (out.includes(next)) continue;
      out.push(next);
      stack.push(...this.children(next));
    }
    return out.sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  /** Bindings of a role on a fact, or on the call that created its receiver (and so on up). */
  inherited(fact: CallFact, role: Role): { fact: CallFact; values: AValue[]; node: Node }[] {
    for (let current: CallFact | undefined = fact, hops = 0; current && hops < 20; current = current.receiverFact, hops++) {
      const own = current.bindings.filter((binding) => binding.role === role);
      if (own.length) return own.map((binding) => ({ fact: current!, values: binding.values, node: binding.node }));
    }
    return [];
  }

  /**
   * The digest names a `digest` binding may take, looking through instances:
   * forge's `key.sign(md)` takes a message-digest object whose digest was
   * fixed by `forge.md.sha1.create()`.
   */
  digestLiterals(values: readonly AValue[]): LitValue[] {
    const out: LitValue[] = [];
    const visit = (set: readonly AValue[], depth: number): void => {
      for (const value of set) {
        if (value.kind === 'lit' && typeof value.value === 'string') out.push(value);
        else if (value.kind === 'type' && value.origin && depth < 5) {
          for (const found of this.inherited(value.origin, 'digest')) visit(found.values, depth + 1);
        }
      }
    };
    visit(values, 0);
    return out;
  }
}

const cache = new WeakMap<FileAnalysis, Instances>();

/** The instance index of a file's analysis, built once and shared by every rule. */
export function instancesOf(analysis: FileAnalysis): Instances {
  let instances = cache.get(analysis);
  if (!instances) {
    instances = new Instances(analysis);
    cache.set(analysis, instances);
  }
  return instances;
}

// ---------------------------------------------------------------- AEAD

/** Methods that use a Decipher in place; any other use (pipe, on, return, argument) hands it to unseen code. */
const IN_PLACE_METHODS = new Set(['update', 'final', 'setAuthTag', 'setAAD', 'setAutoPadding']);

/**
 * Does the instance a call creates escape this function: returned, stored,
 * passed to other code or used as a stream? Then its later calls are unknown.
 */
export function instanceEscapes(analysis: FileAnalysis, creation: Node): boolean {
  let node: Node = creation;
  while (node.parent && ['AwaitExpression', 'TSAsExpression', 'TSNonNullExpression', 'ChainExpression'].includes(node.parent.type)) {
    node = node.parent;
  }
  const parent = node.parent;
  if (!parent) return true;
  if (parent.type === 'MemberExpression' && parent.object === node) return !inPlaceCall(parent);
  if (parent.type !== 'VariableDeclarator' || parent.init !== node || parent.id.type !== 'Identifier') return true;
  const variable = analysis.evaluator.findVariable(parent.id);
  if (!variable) return true;
  for (const reference of variable.references) {
    if (reference.init) continue;
    if (reference.isWrite()) return true;
    const use = reference.identifier.parent;
    if (use?.type !== 'MemberExpression' || use.object !== reference.identifier || !inPlaceCall(use)) return true;
  }
  return false;
}

function inPlaceCall(member: TSESTree.MemberExpression): boolean {
  const name = !member.computed && member.property.type === 'Identifier' ? member.property.name : null;
  return name !== null && IN_PLACE_METHODS.has(name) && member.parent?.type === 'CallExpression' && member.parent.callee === member;
}

/** Is a call's result used at all (not a bare expression statement)? */
export function resultUsed(call: Node): boolean {
  let node = call;
  while (node.parent && ['AwaitExpression', 'TSAsExpression', 'TSNonNullExpression', 'ChainExpression'].includes(node.parent.type)) {
    node = node.parent;
  }
  return node.parent?.type !== 'ExpressionStatement';
}

function isFunction(node: Node): node is TSESTree.FunctionLike {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/** Does a block (not counting nested functions) contain a node matching the predicate? */
function contains(root: Node, predicate: (node: Node) => boolean, visitorKeys: VisitorKeys): boolean {
  const stack: Node[] = [root];
  let budget = 5000;
  while (stack.length && budget-- > 0) {
    const node = stack.pop()!;
    if (predicate(node)) return true;
    if (node !== root && isFunction(node)) continue;
    pushChildren(stack, node, visitorKeys);
  }
  return false;
}

/** `console.warn(e)`, `logger.error(e)`, `log(e)`: logging an error does not handle it. */
function isLogging(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : '';
  const object = callee.type === 'MemberExpression' && callee.object.type === 'Identifier' ? callee.object.name : '';
  return /^(log|warn|error|info|debug|trace)$/.test(name) || /^(console|logger|log)$/i.test(object);
}

/**
 * A catch handler (or promise rejection handler) that swallows the error: it
 * neither rethrows, nor returns, nor hands the error to a callback.
 */
function swallows(body: Node, errorName: string | null, visitorKeys: VisitorKeys): boolean {
  return !contains(
    body,
    (node) =>
      node.type === 'ThrowStatement' ||
      node.type === 'ReturnStatement' ||
      (errorName !== null &&
        node.type === 'CallExpression' &&
        !isLogging(node) &&
        node.arguments.some((arg) => arg.type === 'Identifier' && arg.name === errorName)),
    visitorKeys,
  );
}

export type FinalFailure = { kind: 'try'; handler: TSESTree.CatchClause; block: TSESTree.BlockStatement } | { kind: 'promise'; handler: Node };

/**
 * How the error a `final()` call throws (tag mismatch) is swallowed, if it is:
 * an enclosing `try` whose `catch` neither rethrows nor returns, or a promise
 * chain around it ending in `.catch(() => {})` / `.then(ok, () => {})`.
 */
export function swallowedFailure(analysis: FileAnalysis, call: Node): FinalFailure | undefined {
  const keys = visitorKeysOf(analysis.sourceCode);
  let child: Node = call;
  for (let node = call.parent; node; child = node, node = node.parent) {
    if (node.type === 'TryStatement' && node.block === child && node.handler) {
      const param = node.handler.param?.type === 'Identifier' ? node.handler.param.name : null;
      return swallows(node.handler.body, param, keys) ? { kind: 'try', handler: node.handler, block: node.block } : undefined;
    }
    if (isFunction(node)) {
      // `promise.then(() => d.final()).catch(() => {})`
      let chain: Node = node;
      while (chain.parent?.type === 'CallExpression') {
        const outer: TSESTree.CallExpression = chain.parent;
        if (outer.callee === chain) break;
        let link: Node = outer;
        while (link.parent?.type === 'MemberExpression' && link.parent.parent?.type === 'CallExpression') {
          const member = link.parent;
          const next = member.parent as TSESTree.CallExpression;
          const name = member.property.type === 'Identifier' ? member.property.name : '';
          const handler = name === 'catch' ? next.arguments[0] : name === 'then' ? next.arguments[1] : undefined;
          if (handler && isFunction(handler)) {
            const param = handler.params[0]?.type === 'Identifier' ? handler.params[0].name : null;
            const body = handler.body;
            const empty = body.type === 'BlockStatement' ? swallows(body, param, keys) : !contains(body, (n) => n.type === 'Identifier' && n.name === param, keys);
            if (empty) return { kind: 'promise', handler };
          }
          link = next;
        }
        chain = outer;
      }
      return undefined;
    }
  }
  return undefined;
}

/** Is `inner` inside `outer`? */
export function within(inner: Node, outer: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * The length a `.slice(a, b)` / `.subarray(a, b)` call keeps, when its
 * arguments are constants: `tag.subarray(0, 8)` -> 8, `buf.slice(-16)` -> 16,
 * `buf.subarray(i, i + 16)` -> 16. Undefined when not a slice or unknown.
 */
export function sliceLength(analysis: FileAnalysis, node: Node): number | undefined {
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier') return undefined;
  if (!['slice', 'subarray'].includes(node.callee.property.name)) return undefined;
  const [start, end] = node.arguments;
  const number = (arg: Node | undefined): number | undefined => {
    if (!arg || arg.type === 'SpreadElement') return undefined;
    const values = analysis.evaluator.evaluate(arg);
    const only = values.length === 1 ? values[0] : undefined;
    return only?.kind === 'lit' && typeof only.value === 'number' ? only.value : undefined;
  };
  const a = number(start);
  if (end === undefined) {
    if (a !== undefined) return a < 0 ? -a : undefined;
    // `data.subarray(data.length - 16)`
    const receiver = analysis.sourceCode.getText(node.callee.object);
    if (start?.type === 'BinaryExpression' && start.operator === '-' && start.left.type === 'MemberExpression') {
      const left = start.left;
      if (!left.computed && left.property.type === 'Identifier' && left.property.name === 'length' && analysis.sourceCode.getText(left.object) === receiver) {
        return number(start.right);
      }
    }
    return undefined;
  }
  const b = number(end);
  if (a !== undefined && b !== undefined && a >= 0 && b >= a) return b - a;
  // `subarray(i, i + 16)`
  if (start && end.type === 'BinaryExpression' && end.operator === '+') {
    const text = analysis.sourceCode.getText(start);
    if (analysis.sourceCode.getText(end.left) === text) return number(end.right);
    if (analysis.sourceCode.getText(end.right) === text) return number(end.left as Node);
  }
  return undefined;
}

/** Reads of a call's result: the call itself, and every read of the variable it initialises. */
export function resultReads(analysis: FileAnalysis, call: Node): Node[] {
  const out: Node[] = [call];
  const parent = call.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === call && parent.id.type === 'Identifier') {
    const variable = analysis.evaluator.findVariable(parent.id);
    for (const reference of variable?.references ?? []) if (reference.isRead()) out.push(reference.identifier);
  }
  return out;
}
