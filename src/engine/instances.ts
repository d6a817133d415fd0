import type { TSESTree } from '@typescript-eslint/utils';
import type { Role } from '../catalogue/index.js';
import type { FileAnalysis } from './analysis.js';
import type { CallFact } from './facts.js';
import type { AValue, LitValue } from './values.js';

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
