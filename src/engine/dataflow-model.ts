import type { TSESTree } from '@typescript-eslint/utils';
import { METADATA_MEMBERS } from '../catalogue/sources.js';

type Node = TSESTree.Node;
export type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** What a tainted value is. */
export type TaintKind = 'key-material' | 'plaintext' | 'untrusted';

/** Where untrusted input came from: only `network` is untrusted by default. */
export type UntrustedOrigin = 'network' | 'environment' | 'config';

/** One origin of taint: an API result, a named variable, a request field. */
export interface TaintSource {
  id: number;
  kind: TaintKind;
  /** where it is (its line goes into messages) */
  node: Node;
  /** `private key from crypto.generateKeyPairSync`, `request data (req.query)` */
  description: string;
  /**
   * 0: an API result (generateKeyPair, Keypair.secretKey, req.body); 1: a value
   * used in a key role or CSPRNG output named as a key; 2: a name only.
   * At a sink only the best-ranked sources are reported.
   */
  rank: 0 | 1 | 2;
  /** name-only sources carry lower confidence, and messages say so */
  nameOnly: boolean;
  origin?: UntrustedOrigin;
  /** Web Crypto keys created with `extractable: true`: the `true` */
  extractable?: Node;
}

/**
 * A taint label on a value: the source, the property path inside the value
 * that holds the tainted data (`['privateKey']` on a key pair; `[]` is the
 * whole value), the same-file helper calls it entered (outermost first), and
 * whether it has been hashed (a digest of plaintext is still reported).
 */
export interface Label {
  readonly source: TaintSource;
  readonly path: readonly string[];
  readonly via: readonly CallNode[];
  readonly hashed: boolean;
  readonly key: string;
}

/** How a label changes along one edge of the flow graph. */
export type Op =
  /** stored under a property: `{ k: v }`, `o.k = v` */
  | { op: 'prefix'; key: string }
  /** read from a property (`null`: an unknown key or an element) */
  | { op: 'project'; key: string | null }
  /** turned into one opaque value: strings, encodings, serialisation */
  | { op: 'collapse' }
  /**
   * coerced to a string by a template literal or `+`: a value held under a
   * named property of a plain object becomes `[object Object]`, so only whole
   * values and array elements (which `Array#toString` joins) pass, collapsed
   */
  | { op: 'coerce' }
  /** hashed, MACed or signed: key material and untrusted data are cleansed, plaintext becomes a digest of it */
  | { op: 'hash' }
  /** only labels of this kind pass */
  | { op: 'only'; kind: TaintKind }
  /** into a same-file function's parameter at this call */
  | { op: 'enter'; site: CallNode }
  /** out of a same-file function's return at this call */
  | { op: 'exit'; site: CallNode };

/** Past this length a property path is truncated (the prefix stays tainted: an over-approximation). */
const MAX_PATH = 4;
/** Past this depth of helper calls a label is dropped: keeps the fixpoint finite. */
const MAX_VIA = 3;

export function makeLabel(source: TaintSource, path: readonly string[], via: readonly CallNode[], hashed: boolean): Label {
  const key = `${source.id}|${path.join('\u0001')}|${via.map((site) => site.range[0]).join(',')}|${hashed ? 1 : 0}`;
  return { source, path, via, hashed, key };
}

export function applyOps(label: Label, ops: readonly Op[]): Label | null {
  let { path, via, hashed } = label;
  const kind = label.source.kind;
  for (const step of ops) {
    switch (step.op) {
      case 'prefix':
        path = [step.key, ...path].slice(0, MAX_PATH);
        break;
      case 'project': {
        if (path.length) {
          const head = path[0]!;
          if (step.key !== null && head !== '*' && head !== step.key) return null;
          path = path.slice(1);
          break;
        }
        // The whole value is tainted: what does reading a property of it give?
        if (kind === 'untrusted') break;
        if (step.key !== null && METADATA_MEMBERS.has(step.key)) return null;
        // A property of a plaintext object (its recipient, its id) is not the plaintext.
        if (kind === 'plaintext' && step.key !== null && !/^\d+$/.test(step.key)) return null;
        break;
      }
      case 'collapse':
        if (path.length) path = [];
        break;
      case 'coerce':
        if (path.length) {
          const head = path[0]!;
          if (head !== '*' && !/^\d+$/.test(head)) return null;
          path = [];
        }
        break;
      case 'hash':
        if (kind !== 'plaintext') return null;
        hashed = true;
        path = [];
        break;
      case 'only':
        if (kind !== step.kind) return null;
        break;
      case 'enter':
        if (via.length >= MAX_VIA) return null;
        via = [...via, step.site];
        break;
      case 'exit':
        if (via.length) {
          if (via[via.length - 1] !== step.site) return null;
          via = via.slice(0, -1);
        }
        break;
    }
  }
  if (path === label.path && via === label.via && hashed === label.hashed) return label;
  return makeLabel(label.source, path, via, hashed);
}

/** Labels per cell are capped; past the cap new labels are ignored (bounded fixpoint). */
export const MAX_LABELS = 48;

export interface Edge {
  to: Cell;
  ops: readonly Op[];
}

/** What a cell stands for: its outgoing edges are built from it on demand. */
export type CellKind = 'node' | 'var' | 'global' | 'field' | 'return' | 'seed';

/**
 * A node of the flow graph: an expression, a variable, a global, a class
 * field, a function's return, or a source's own cell. Its labels and edges are
 * allocated only when used, so untouched code costs one map entry at most.
 */
export class Cell {
  labels: Map<string, Label> | null = null;
  out: Edge[] | null = null;
  expanded = false;
  constructor(
    readonly kind: CellKind,
    readonly ref: unknown,
    readonly key?: string,
  ) {}
}
