import type { TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/** How many algorithm names a `switch` must dispatch on to be a negotiation table rather than a flag. */
const MIN_CASES = 4;

/**
 * Protocol negotiation (issue 7): a parameter chosen inside one case of a
 * `switch` over algorithm NAMES (`case 'diffie-hellman-group1-sha1': return
 * new DHExchange('modp2', ...)`) is what a protocol implementation does to
 * support every algorithm the protocol lists: the weak one is used only when
 * the peer and the configuration agree on that name. The issue reports such
 * protocol-mandated legacy uses under the strict profile only. A `switch`
 * with fewer than four string cases is a flag, not a table, and is not this.
 * Returns the case's name, or null.
 */
export function negotiatedCase(node: Node | null | undefined): string | null {
  for (let current = node?.parent; current; current = current.parent) {
    if (current.type === 'FunctionDeclaration' || current.type === 'FunctionExpression' || current.type === 'ArrowFunctionExpression') {
      // A helper called from the case (`new DHExchange('modp2')` is written in the case itself): stop at the function.
      return null;
    }
    if (current.type !== 'SwitchCase') continue;
    const test = current.test;
    if (test?.type !== 'Literal' || typeof test.value !== 'string') return null;
    const statement = current.parent;
    if (statement?.type !== 'SwitchStatement' || statement.discriminant.type === 'Literal') return null;
    const named = statement.cases.filter((each) => each.test?.type === 'Literal' && typeof each.test.value === 'string').length;
    return named >= MIN_CASES ? test.value : null;
  }
  return null;
}
