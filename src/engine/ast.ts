import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/** The parser's visitor keys: which properties of each node type hold child nodes. */
export type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

export function visitorKeysOf(sourceCode: TSESLint.SourceCode): VisitorKeys {
  return sourceCode.visitorKeys as VisitorKeys;
}

export interface PushOptions {
  /** push the last child first, so children pop off the stack in source order */
  sourceOrder?: boolean;
  /** child keys to leave out (`typeAnnotation`, ...) */
  skipKeys?: ReadonlySet<string>;
}

const NO_OPTIONS: PushOptions = {};

/**
 * Pushes a node's child nodes onto an explicit depth-first stack. Every walk of the engine uses a stack
 * rather than recursion, so nesting as deep as the parsers accept never overflows the call stack.
 */
export function pushChildren(stack: Node[], node: Node, keys: VisitorKeys, options: PushOptions = NO_OPTIONS): void {
  const childKeys = keys[node.type];
  if (!childKeys) return;
  const { sourceOrder = false, skipKeys } = options;
  for (let k = 0; k < childKeys.length; k++) {
    const key = childKeys[sourceOrder ? childKeys.length - 1 - k : k]!;
    if (skipKeys?.has(key)) continue;
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (let i = 0; i < child.length; i++) {
        const item = child[sourceOrder ? child.length - 1 - i : i] as Node | null;
        if (item && typeof item.type === 'string') stack.push(item);
      }
    } else if (child && typeof (child as Node).type === 'string') {
      stack.push(child as Node);
    }
  }
}

/** What `SourceCode#traverse()` returns: the linter's own traversal, one step per node entered and left. */
interface TraversalStep {
  kind: number;
  phase?: number;
  target: unknown;
}

export interface ForEachOptions {
  /** true: leave out this node and everything under it */
  skip?: (node: Node) => boolean;
  /** stop after visiting this many nodes */
  limit?: number;
}

/**
 * Visits every node of a file once, in source order (a parent before its children), and returns how
 * many it visited. The linter has already traversed the file: since ESLint 9.7 `SourceCode#traverse()`
 * returns that traversal's steps, computed once per file and cached, so reading them costs no second
 * walk. Without it (a SourceCode built by hand), the tree is walked with an explicit stack.
 */
export function forEachNode(sourceCode: TSESLint.SourceCode, visit: (node: Node) => void, options: ForEachOptions = NO_FOR_EACH): number {
  const { skip, limit = Infinity } = options;
  const steps = linterSteps(sourceCode);
  let count = 0;
  if (steps) {
    let skipping: unknown = null;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      if (step.kind !== 1) continue;
      if (skipping !== null) {
        if (step.phase === 2 && step.target === skipping) skipping = null;
        continue;
      }
      if (step.phase !== 1) continue;
      const node = step.target as Node;
      if (skip?.(node)) {
        skipping = node;
        continue;
      }
      if (++count > limit) return count;
      visit(node);
    }
    return count;
  }
  const keys = visitorKeysOf(sourceCode);
  const stack: Node[] = [sourceCode.ast];
  while (stack.length) {
    const node = stack.pop()!;
    if (skip?.(node)) continue;
    if (++count > limit) return count;
    visit(node);
    pushChildren(stack, node, keys, SOURCE_ORDER);
  }
  return count;
}

/**
 * Whether a file has more than `limit` nodes, cheaper than visiting them: the linter's traversal has an
 * enter and an exit step per node, so a file with at most twice `limit` steps has at most `limit` nodes,
 * and a longer one is counted without a callback per node.
 */
export function hasMoreNodesThan(sourceCode: TSESLint.SourceCode, limit: number): boolean {
  const steps = linterSteps(sourceCode);
  if (!steps) return forEachNode(sourceCode, () => undefined, { limit }) > limit;
  if (steps.length <= 2 * limit) return false;
  let count = 0;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.kind === 1 && step.phase === 1 && ++count > limit) return true;
  }
  return false;
}

/** The linter's cached traversal of the file (ESLint >= 9.7), or null for a SourceCode built by hand. */
function linterSteps(sourceCode: TSESLint.SourceCode): readonly TraversalStep[] | null {
  const traverse = (sourceCode as unknown as { traverse?: () => Iterable<TraversalStep> }).traverse;
  const steps = typeof traverse === 'function' ? traverse.call(sourceCode) : null;
  return Array.isArray(steps) ? (steps as TraversalStep[]) : null;
}

const NO_FOR_EACH: ForEachOptions = {};
const SOURCE_ORDER: PushOptions = { sourceOrder: true };
