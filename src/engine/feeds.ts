import type { TSESTree } from '@typescript-eslint/utils';
import type { FileAnalysis } from './analysis.js';
import type { CallFact } from './facts.js';

type Node = TSESTree.Node;

/**
 * What an expression is computed from, as a set of AST nodes (issue 7: the
 * purpose of a hash is where its output goes). Walks backwards from a use
 * through local variables (initialisers and every assignment), parameters of
 * local functions (the arguments at every call site), local functions' returns,
 * call arguments and receivers, and operators, to a bounded depth and size.
 * A node in the set may contribute to the expression's value (may-analysis):
 * `feedsInto(analysis, [decipherKey]).has(digestCall)` answers "may this
 * digest end up as that key?". `stop` ends the walk at a node (kept in the set).
 */
const MAX_DEPTH = 12;
const MAX_NODES = 4000;

export function feedsInto(analysis: FileAnalysis, starts: readonly Node[], stop?: (node: Node) => boolean): Set<Node> {
  const evaluator = analysis.evaluator;
  const out = new Set<Node>();
  const seen = new Set<string>();

  const argumentsAt = (fn: TSESTree.FunctionLike, index: number): Node[] => {
    let id: TSESTree.Identifier | null = null;
    if (fn.type === 'FunctionDeclaration' && fn.id) id = fn.id;
    else if (fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier') id = fn.parent.id;
    if (!id) return [];
    const variable = evaluator.findVariable(id);
    const found: Node[] = [];
    for (const reference of variable?.references ?? []) {
      const call = reference.identifier.parent;
      if ((call?.type === 'CallExpression' || call?.type === 'NewExpression') && call.callee === reference.identifier) {
        const arg = call.arguments[index];
        if (arg) found.push(arg);
      }
    }
    return found;
  };

  /**
   * `context`: the calls through which the walk entered local functions, innermost first, so that a parameter
   * maps to the argument of THAT call (`combineBuffers(a, b)` at one site does not pull in every other site).
   */
  type Context = { fn: TSESTree.FunctionLike; call: TSESTree.CallExpression | TSESTree.NewExpression; outer: Context } | null;

  const visit = (node: Node | null | undefined, depth: number, context: Context = null): void => {
    if (!node || depth > MAX_DEPTH || out.size >= MAX_NODES) return;
    const key = `${node.range[0]}:${node.range[1]}:${node.type}@${context ? context.call.range[0] : '-'}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.add(node);
    if (stop?.(node)) return;
    const next = depth + 1;
    const visitNext = (child: Node | null | undefined): void => visit(child, next, context);
    switch (node.type) {
      case 'Identifier': {
        const variable = evaluator.findVariable(node);
        if (!variable) return;
        for (const def of variable.defs) {
          if (def.type === 'Variable' && def.node.init) visitNext(def.node.init);
          if (def.type === 'Parameter') {
            const fn = def.node as TSESTree.FunctionLike;
            const index = fn.params.findIndex((param) => param === def.name || (param.type === 'AssignmentPattern' && param.left === def.name));
            if (index < 0) continue;
            let entered: Context = context;
            while (entered && entered.fn !== fn) entered = entered.outer;
            if (entered) {
              const arg = entered.call.arguments[index];
              visit(arg?.type === 'SpreadElement' ? arg.argument : arg, next, entered.outer);
            } else {
              for (const arg of argumentsAt(fn, index)) visit(arg, next, null);
            }
          }
        }
        for (const reference of variable.references) {
          if (reference.isWrite() && !reference.init && reference.writeExpr) visitNext(reference.writeExpr);
        }
        return;
      }
      case 'MemberExpression':
        if (node.object.type !== 'ThisExpression') visitNext(node.object);
        return;
      case 'CallExpression':
      case 'NewExpression': {
        let local = false;
        for (const callee of evaluator.evaluate(node.callee)) {
          if (callee.kind !== 'function' || !callee.node.body) continue;
          local = true;
          const inner: Context = { fn: callee.node, call: node, outer: context };
          if (callee.node.body.type !== 'BlockStatement') visit(callee.node.body, next, inner);
          else for (const ret of evaluator.index.returnsOf(callee.node)) visit(ret.argument, next, inner);
        }
        // A local function's arguments count through its parameters; an unknown call may return any of them.
        if (local) return;
        if (node.callee.type === 'MemberExpression') visitNext(node.callee.object);
        for (const arg of node.arguments) visitNext(arg.type === 'SpreadElement' ? arg.argument : arg);
        return;
      }
      case 'TemplateLiteral':
        for (const part of node.expressions) visitNext(part);
        return;
      case 'BinaryExpression':
      case 'LogicalExpression':
        visitNext(node.left);
        visitNext(node.right);
        return;
      case 'ConditionalExpression':
        visitNext(node.consequent);
        visitNext(node.alternate);
        return;
      case 'ArrayExpression':
        for (const element of node.elements) visitNext(element?.type === 'SpreadElement' ? element.argument : element);
        return;
      case 'ObjectExpression':
        for (const property of node.properties) visitNext(property.type === 'Property' ? property.value : property.argument);
        return;
      case 'SequenceExpression':
        visitNext(node.expressions.at(-1));
        return;
      case 'AwaitExpression':
      case 'UnaryExpression':
      case 'SpreadElement':
        visitNext(node.argument);
        return;
      case 'ChainExpression':
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
        visitNext(node.expression);
        return;
      default:
        return;
    }
  };

  for (const start of starts) visit(start, 0);
  return out;
}

/** True when any of these calls (a hash and the calls chained on it) is in the set. */
export function anyIn(nodes: ReadonlySet<Node>, facts: readonly CallFact[]): boolean {
  return facts.some((fact) => nodes.has(fact.node));
}
