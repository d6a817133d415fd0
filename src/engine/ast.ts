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
