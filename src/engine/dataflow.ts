import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  CALL_SINKS,
  PROPERTY_SINKS,
  THROWN_ERRORS,
  type CallSinkSpec,
  type SinkArg,
  type SinkKind,
} from '../catalogue/sinks.js';
import {
  CONFIG_SOURCES,
  ENVIRONMENT_SOURCES,
  KEY_NAME_MIN_LENGTH,
  KEY_NAME_TRIGGERS,
  METADATA_METHODS,
  NOT_A_KEY_NAME,
  RANDOM_KEY_NAME,
  REQUEST_DATA_MEMBERS,
  REQUEST_NAMES,
  RESPONSE_CALLBACK_CALLS,
  RESPONSE_CALLS,
  URL_SOURCES,
  isKeyName,
} from '../catalogue/sources.js';
import type { FileAnalysis } from './analysis.js';
import { applyOps, Cell, makeLabel, MAX_LABELS, type CallNode, type Label, type Op, type TaintKind, type TaintSource, type UntrustedOrigin } from './dataflow-model.js';
import { compilePatterns, lastNames, PathResolver } from './dataflow-paths.js';
import { enclosingClass, propertyName } from './evaluator.js';
import type { CallFact } from './facts.js';
import type { AValue } from './values.js';
import { pushChildren, visitorKeysOf } from './ast.js';
import { TriggerScanner } from './trigger.js';
import { fileTriggers } from './registry.js';

type Node = TSESTree.Node;
type FunctionNode = TSESTree.FunctionLike;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
type Variable = TSESLint.Scope.Variable;

export type { Label, TaintKind, TaintSource } from './dataflow-model.js';

/** Finds any of KEY_NAME_TRIGGERS in a file's text (see DataFlow.hasKeySources). */
let keyNameScanner: TriggerScanner | undefined;

/** Files whose flow graph was built, and the time spent building and solving them (the benchmark reports it). */
export const dataflowStats = { built: 0, ms: 0 };

/** Past this many label propagations the fixpoint stops (adversarial inputs); findings so far stand. */
const MAX_PROPAGATIONS = 2_000_000;
/** Past this nesting, destructuring patterns are not followed. */
const MAX_PATTERN_DEPTH = 32;

const COPY: readonly Op[] = [];
const COLLAPSE: readonly Op[] = [{ op: 'collapse' }];
const COERCE: readonly Op[] = [{ op: 'coerce' }];
const ELEMENT: readonly Op[] = [{ op: 'project', key: null }];
const UNTRUSTED_ONLY: readonly Op[] = [{ op: 'only', kind: 'untrusted' }, { op: 'collapse' }];

/** Type-only TypeScript nodes: their member reads are not sources (see inSkippedType). */
const SKIPPED_TS = /^TS(?!AsExpression|NonNullExpression|SatisfiesExpression|TypeAssertion|InstantiationExpression|ParameterProperty|ModuleDeclaration|ModuleBlock|ExportAssignment)/;

/** Functions whose result is an encoding, copy or parse of their arguments (`btoa(k)`, `Buffer.from(k)`). */
const ENCODING_FUNCTIONS = new Set([
  'String',
  'btoa',
  'atob',
  'encodeURIComponent',
  'encodeURI',
  'escape',
  'unescape',
  'structuredClone',
  'Number',
  'parseInt',
  'parseFloat',
  'BigInt',
  'Buffer',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int8Array',
  'Uint16Array',
  'Uint32Array',
  'DataView',
  'Array',
  'Blob',
  'File',
  'URL',
  'URLSearchParams',
  'Headers',
  'bytesToHex',
  'hexToBytes',
  'bytesToUtf8',
  'utf8ToBytes',
  'toHex',
  'fromHex',
  'hexlify',
  'arrayify',
  'encodeBase64',
  'decodeBase64',
  'encodeBase58',
  'decodeBase58',
  'encodeUTF8',
  'decodeUTF8',
  'toBase64',
  'fromBase64',
  'u8aToHex',
  'stringify',
  'inspect',
  'format',
]);

/** Methods whose result is an encoding or copy of their receiver and arguments (`key.toString('hex')`). */
const ENCODING_METHODS = new Set([
  'toString',
  'toJSON',
  'toLocaleString',
  'valueOf',
  'slice',
  'subarray',
  'substring',
  'substr',
  'concat',
  'join',
  'split',
  'trim',
  'trimStart',
  'trimEnd',
  'padStart',
  'padEnd',
  'replace',
  'replaceAll',
  'toUpperCase',
  'toLowerCase',
  'normalize',
  'repeat',
  'at',
  'charAt',
  'flat',
  'reverse',
  'toReversed',
  'toBase64',
  'toHex',
  'toBase58',
  'toBytes',
  'toBuffer',
  'toArray',
  'serialize',
  'toJSONString',
]);

/** Member functions (on any object) that encode or serialise their arguments: `bs58.encode(k)`, `JSON.stringify(o)`. */
const ENCODING_MEMBER_FUNCTIONS = new Set([
  'encode',
  'decode',
  'stringify',
  'parse',
  'from',
  'of',
  'concat',
  'hexlify',
  'arrayify',
  'toHex',
  'fromHex',
  'bytesToHex',
  'encodeBase64',
  'encodeBase58',
  'toBase64',
  'toBase58',
  'format',
  'inspect',
  'values',
  'entries',
  'resolve',
  'all',
  'allSettled',
  'clone',
  'cloneDeep',
  'assign',
  'freeze',
  'decodeUtf8',
  'encodeUtf8',
]);

/** Methods that read back what was stored in their receiver: `map.get(k)`, `params.get('alg')`. */
const READER_METHODS = new Set(['get', 'getAll', 'pop', 'shift', 'item', 'find', 'findLast']);

/** Methods that store their arguments into the receiver: `form.append('k', v)`, `list.push(v)`. */
const WRITER_METHODS = new Set(['append', 'set', 'push', 'unshift', 'add', 'write', 'put']);

/** Array methods whose callback's first parameter is an element of the receiver. */
const ELEMENT_CALLBACKS = new Set(['map', 'forEach', 'filter', 'find', 'findLast', 'findIndex', 'some', 'every', 'flatMap', 'sort']);

const ASYMMETRIC_ALGORITHMS = /^(rsa|ecdsa|ecdh|ed25519|ed448|x25519|x448)/i;
const SYMMETRIC_IMPORTS = /^(aes|hmac|hkdf|pbkdf2|chacha)/i;

/** Web Crypto calls whose `extractable` flag is this argument. */
const EXTRACTABLE_ARG: Readonly<Record<string, number>> = { generateKey: 1, importKey: 3, deriveKey: 3, unwrapKey: 5 };

export interface SinkPart {
  node: Node;
  part: string | undefined;
  options: Readonly<Record<string, string>> | undefined;
}

/** A place where data leaves: a sink call, a sink property write, a thrown error. */
export interface SinkSite {
  id: number;
  node: Node;
  kind: SinkKind;
  /** `fetch()`, `logger.info()`, `document.cookie` */
  display: string;
  parts: SinkPart[];
  /** the expression naming where the data goes, for allowed destinations */
  destination: Node | null;
  /** object argument whose property names the destination (`axios({ url })`) */
  destinationOption?: { node: Node; key: string };
  /** `throw new Error(...)`: a log sink under the strict profile only */
  strictOnly: boolean;
  /** the function the sink is in (null at module level) */
  fn: FunctionNode | null;
}

/** One source reaching one sink. */
export interface Flow {
  source: TaintSource;
  sink: SinkSite;
  /** what part of the sink carries it: `headers`, `body`, `URL` (joined when several) */
  parts: string[];
  /** where to report: the sink's argument, or the call passing the value into a helper that sinks it */
  node: Node;
  /** the helper call the flow is reported at, when it is */
  via: CallNode | null;
  /** only a hash of the value reaches the sink */
  hashed: boolean;
}

/**
 * Intra-file taint tracking (issue 6). One flow graph per file, built by one
 * iterative walk of the AST and solved by a bounded worklist fixpoint:
 *
 * - cells are expressions, variables, class fields (`this.x` across methods)
 *   and function returns; edges say how a label changes on the way (stored
 *   under a property, read from one, encoded, hashed, into or out of a helper);
 * - labels carry a property path, so `pair.publicKey` is clean while
 *   `pair.privateKey` and `JSON.stringify(pair)` are not;
 * - calls into same-file functions push the call site, returns pop it, so a
 *   helper's harmless callers stay quiet and a report can be placed at the
 *   call that passes key material into a helper that sends it out.
 *
 * Built lazily, the first time a rule asks, and only when the file has a
 * source at all.
 */
export class DataFlow {
  private built = false;
  private readonly nodeCells = new Map<Node, Cell>();
  private readonly varCells = new Map<Variable, Cell>();
  private readonly globalCells = new Map<string, Cell>();
  private readonly fieldCells = new Map<ClassNode, Map<string, Cell>>();
  private readonly returnCells = new Map<FunctionNode, Cell>();
  private readonly sources: TaintSource[] = [];
  private readonly seeds: [Cell, Label][] = [];
  private readonly sinks: SinkSite[] = [];
  /** nodes whose edges have been built */
  private readonly visited = new Set<Node>();
  /** worklist of the fixpoint, and what is left of its budget */
  private readonly queue: [Cell, Label][] = [];
  private budget = MAX_PROPAGATIONS;
  private globalRefs?: Map<string, TSESTree.Identifier[]>;
  private thisReads?: Map<ClassNode, Map<string, TSESTree.MemberExpression[]>>;
  private callsByName?: Map<string, CallNode[]>;
  private readonly paths: PathResolver;
  private readonly sourceCode: TSESLint.SourceCode;
  private readonly callSinks = compiledSinks().calls;
  private readonly propertySinks = compiledSinks().properties;
  private readonly flowCache = new Map<TaintKind, Flow[]>();
  private keySourceCandidates: boolean | undefined;
  /** kinds of taint whose sources have been seeded and propagated */
  private readonly solved = new Set<TaintKind>();

  constructor(private readonly analysis: FileAnalysis) {
    this.sourceCode = analysis.sourceCode;
    this.paths = new PathResolver(
      (id) => analysis.evaluator.findVariable(id),
      (name) => analysis.evaluator.nameDenotesItself(name),
    );
  }

  /**
   * Cheap check, without building anything: can key material appear in this
   * file at all (a catalogued key-producing call, a value in a key role, a
   * key-named identifier)?
   */
  get hasKeySources(): boolean {
    if (this.keySourceCandidates === undefined) {
      const registry = this.analysis.registry;
      this.keySourceCandidates =
        this.analysis.facts.some((fact) => {
          const spec = fact.spec;
          if (spec.result === 'key-material' || spec.result === 'random' || spec.callbackResults) return true;
          const returned = spec.returns ? registry.type(spec.returns)?.spec.memberResults : undefined;
          return returned !== undefined;
        }) ||
        this.analysis.bindings('key').length > 0 ||
        this.mentionsKeyName();
    }
    return this.keySourceCandidates;
  }

  /**
   * Whether the text has one of KEY_NAME_TRIGGERS. They are trigger words of the shared registry, so its
   * scan of the file has found them already; a registry without them (tests) gets a pass of its own.
   */
  private mentionsKeyName(): boolean {
    const registry = this.analysis.registry;
    if (!KEY_NAME_TRIGGERS.every((word) => registry.words.has(word))) {
      return (keyNameScanner ??= new TriggerScanner(KEY_NAME_TRIGGERS, [])).test(this.sourceCode.text);
    }
    const found = fileTriggers(this.sourceCode, registry);
    return KEY_NAME_TRIGGERS.some((word) => found.has(word));
  }

  /** Every flow of a kind of taint into a sink, best-ranked sources only, one per source and sink. */
  flows(kind: TaintKind): readonly Flow[] {
    let cached = this.flowCache.get(kind);
    if (!cached) {
      this.solve(kind);
      cached = this.computeFlows(kind);
      this.flowCache.set(kind, cached);
    }
    return cached;
  }

  /**
   * The labels that may reach an expression; with a kind, only that kind's
   * sources are looked for and propagated (the others cost nothing).
   */
  labelsAt(node: Node, kind?: TaintKind): readonly Label[] {
    if (kind) this.solve(kind);
    else for (const each of ALL_KINDS) this.solve(each);
    const cell = this.nodeCells.get(node);
    if (!cell?.labels) return [];
    const labels = [...cell.labels.values()];
    return kind ? labels.filter((label) => label.source.kind === kind) : labels;
  }

  /** Every source found in the file (for tests and the CBOM). */
  allSources(): readonly TaintSource[] {
    for (const kind of ALL_KINDS) this.solve(kind);
    return this.sources;
  }

  // ------------------------------------------------------------------ cells

  private cellOf(node: Node): Cell {
    let cell = this.nodeCells.get(node);
    if (!cell) this.nodeCells.set(node, (cell = new Cell('node', node)));
    return cell;
  }

  private varCell(variable: Variable): Cell {
    let cell = this.varCells.get(variable);
    if (!cell) this.varCells.set(variable, (cell = new Cell('var', variable)));
    return cell;
  }

  private globalCell(name: string): Cell {
    let cell = this.globalCells.get(name);
    if (!cell) this.globalCells.set(name, (cell = new Cell('global', name)));
    return cell;
  }

  private fieldCell(cls: ClassNode, key: string): Cell {
    let fields = this.fieldCells.get(cls);
    if (!fields) this.fieldCells.set(cls, (fields = new Map()));
    let cell = fields.get(key);
    if (!cell) fields.set(key, (cell = new Cell('field', cls, key)));
    return cell;
  }

  private returnCell(fn: FunctionNode): Cell {
    let cell = this.returnCells.get(fn);
    if (!cell) this.returnCells.set(fn, (cell = new Cell('return', fn)));
    return cell;
  }

  /** Adds an edge; labels already on its origin go through it at once. */
  private flow(from: Cell, to: Cell, ops: readonly Op[] = COPY): void {
    if (from === to && !ops.length) return;
    (from.out ??= []).push({ to, ops });
    if (from.labels) {
      for (const label of [...from.labels.values()]) {
        const next = applyOps(label, ops);
        if (next) this.add(to, next);
      }
    }
  }

  private flowNode(from: Node | null | undefined, to: Cell, ops: readonly Op[] = COPY): void {
    if (from) this.flow(this.cellOf(from.type === 'SpreadElement' ? from.argument : from), to, ops);
  }

  private variableOf(id: TSESTree.Identifier): Variable | null {
    return this.analysis.evaluator.findVariable(id);
  }

  // ---------------------------------------------------------------- sources

  private source(
    kind: TaintKind,
    node: Node,
    description: string,
    rank: TaintSource['rank'],
    extra: Partial<Pick<TaintSource, 'origin' | 'extractable'>> = {},
  ): TaintSource {
    const source: TaintSource = { id: this.sources.length, kind, node, description, rank, nameOnly: rank === 2, ...extra };
    this.sources.push(source);
    return source;
  }

  private seed(cell: Cell, source: TaintSource, path: readonly string[] = []): void {
    this.seeds.push([cell, makeLabel(source, path, [], false)]);
  }

  // ------------------------------------------------------------------ build

  /**
   * Finds one kind's sources and propagates them. Kinds are solved
   * independently and on demand (no-algorithm-downgrade needs only untrusted
   * input, no-key-exfiltration only key material), over one shared graph:
   * edges built while propagating one kind are reused by the next.
   */
  private solve(kind: TaintKind): void {
    if (this.solved.has(kind)) return;
    this.solved.add(kind);
    const start = performance.now();
    try {
      this.buildGraph(kind);
    } finally {
      if (!this.built) dataflowStats.built++;
      this.built = true;
      dataflowStats.ms += performance.now() - start;
    }
  }

  /**
   * Two phases. Seeds: a cheap pass finds the kind's sources (catalogued
   * results, key-named values, request data...) without building anything.
   * Then the fixpoint: a cell's outgoing edges are built the first time a
   * label reaches it, so only the code taint actually flows through is ever
   * modelled.
   */
  private buildGraph(kind: TaintKind): void {
    const first = this.seeds.length;
    switch (kind) {
      case 'key-material':
        this.keySeeds();
        this.scopeSeeds();
        this.keyRoleSeeds();
        break;
      case 'untrusted':
        this.untrustedWalk();
        break;
      case 'plaintext':
        this.plaintextSeeds();
        break;
    }
    for (let i = first; i < this.seeds.length; i++) this.add(this.seeds[i]![0], this.seeds[i]![1]);
    while (this.queue.length && this.budget > 0) {
      const [cell, label] = this.queue.pop()!;
      for (const edge of cell.out ?? []) {
        this.budget--;
        const next = applyOps(label, edge.ops);
        if (next) this.add(edge.to, next);
      }
    }
  }

  private add(cell: Cell, label: Label): void {
    if (cell.labels?.has(label.key)) return;
    if (!cell.expanded) {
      cell.expanded = true;
      this.expand(cell);
    }
    const labels = (cell.labels ??= new Map());
    if (labels.has(label.key) || labels.size >= MAX_LABELS) return;
    labels.set(label.key, label);
    this.queue.push([cell, label]);
  }

  /**
   * Key-material sources without walking the AST: catalogued calls come from
   * the facts, key-named property reads from the file index's named members.
   */
  private keySeeds(): void {
    for (const fact of this.analysis.facts) {
      const node = fact.node;
      if (node.type === 'CallExpression' || node.type === 'NewExpression') this.cataloguedSources(node, fact);
    }
    // In the order of their names in the source, as a reader meets them: sources are numbered in seed order.
    const members = this.membersNamed(isKeyName, KEY_NAME_MIN_LENGTH).sort((a, b) => a[0].property.range[0] - b[0].property.range[0]);
    for (const [member] of members) if (!inSkippedType(member)) this.keyNamedMember(member);
  }

  /**
   * Member expressions `x.name`, `x['name']`, `x[name]` whose name passes `test`, in the file index's order
   * (`a.b.c` before `a.b`: callers that need source order sort). The index records every member with a name of at least
   * MEMBER_NAME_MIN_LENGTH characters: a length check per member, then the test for the few long enough,
   * instead of a walk over every node or a look at every token (touching each of a bundle's tokens took
   * longer than the tests).
   */
  private membersNamed(test: (name: string) => boolean, minLength: number): [TSESTree.MemberExpression, string][] {
    const { members, memberNames } = this.analysis.index;
    const found: [TSESTree.MemberExpression, string][] = [];
    for (let i = 0; i < memberNames.length; i++) {
      const name = memberNames[i]!;
      if (name.length < minLength || !test(name)) continue;
      found.push([members[i]!, name]);
    }
    return found;
  }

  /** `config.privateKey`, `opts['secret_key']`: a name-only key source (not a method call). */
  private keyNamedMember(node: TSESTree.MemberExpression): void {
    const parent = node.parent;
    const key = memberKey(node);
    if (key === null || (parent?.type === 'AssignmentExpression' && parent.left === node && parent.operator === '=')) return;
    if (isKeyName(key) && !(parent?.type === 'CallExpression' && parent.callee === node) && !this.isScalar(node)) {
      this.seed(this.cellOf(node), this.source('key-material', node, `'${key}'`, 2));
    }
  }

  /**
   * A key-named value the evaluator knows to be only numbers or booleans is a
   * size or a flag (`PRIVATE_KEY_BYTES = 32`, `lengths.secretKey`), not a key
   * (a bigint may be an elliptic-curve private scalar: it stays a source).
   */
  private isScalar(node: Node): boolean {
    const values = this.analysis.evaluator.evaluate(node);
    return values.length > 0 && values.every((value) => value.kind === 'lit' && (typeof value.value === 'number' || typeof value.value === 'boolean'));
  }

  /**
   * Untrusted input: request data, responses, messages, the page URL, the environment, config files.
   * The nodes that can be such a source are taken from lists the engine already has (the file index's
   * calls, stored values and named members, the top-level imports), not from a walk over every node: that
   * walk was most of this kind's cost on large files. They are handled in source order, as a walk would.
   */
  private untrustedWalk(): void {
    // The calls are already in source order (the index's walk), and the other candidates are few: sort
    // those and merge, rather than sort every call.
    const others = new Set<Node>();
    for (const value of this.analysis.index.namedValues) {
      const parent = value.parent;
      if (parent?.type === 'AssignmentExpression' && parent.right === value && parent.left.type === 'MemberExpression' && memberKey(parent.left) === 'onmessage') {
        others.add(parent);
      }
    }
    for (const statement of this.sourceCode.ast.body) if (statement.type === 'ImportDeclaration') others.add(statement);
    for (const [member, name] of this.membersNamed(isUntrustedMemberName, UNTRUSTED_MEMBER_MIN_LENGTH)) {
      others.add(member);
      // `process.env.ALG`, `import.meta.env['ALG']`: the read under `env` is a source too.
      const outer = member.parent;
      if (name === 'env' && outer?.type === 'MemberExpression' && outer.object === member) others.add(outer);
    }
    const sorted = [...others].sort((a, b) => (precedes(a, b) ? -1 : 1));
    const calls = this.analysis.index.calls;
    let next = 0;
    for (const call of calls) {
      while (next < sorted.length && precedes(sorted[next]!, call)) this.untrustedNode(sorted[next++]!);
      this.untrustedNode(call);
    }
    while (next < sorted.length) this.untrustedNode(sorted[next++]!);
  }

  /**
   * One candidate of the untrusted kind. Whether it lies inside a type (which a walk leaves out) is asked
   * only before it would seed a source: asking it of every call cost more than the walk it replaces.
   */
  private untrustedNode(node: Node): void {
    switch (node.type) {
      case 'MemberExpression':
        if (!inSkippedType(node)) this.memberSources(node);
        break;
      case 'CallExpression':
      case 'NewExpression':
        this.untrustedCall(node);
        break;
      case 'AssignmentExpression':
        if (node.left.type === 'MemberExpression' && memberKey(node.left) === 'onmessage' && !inSkippedType(node)) {
          // `ws.onmessage = (event) => ...`: the event is untrusted.
          for (const fn of this.functionsOf(node.right)) this.seedParam(fn, 0, this.messageSource(fn));
        }
        break;
      case 'ImportDeclaration':
        this.configImport(node);
        break;
      default:
        break;
    }
  }

  // ------------------------------------------------------------- expansion

  /** Builds the edges leaving a cell, the first time a label reaches it. */
  private expand(cell: Cell): void {
    switch (cell.kind) {
      case 'node':
        this.expandNode(cell.ref as Node);
        break;
      case 'var':
        for (const reference of (cell.ref as Variable).references) {
          const id = reference.identifier;
          if (reference.isRead() && id.type === 'Identifier') this.flow(cell, this.cellOf(id));
        }
        break;
      case 'global':
        for (const id of this.globalReferences().get(cell.ref as string) ?? []) this.flow(cell, this.cellOf(id));
        break;
      case 'field': {
        const cls = cell.ref as ClassNode;
        for (const read of this.thisReadsOf(cls).get(cell.key!) ?? []) this.visitOnce(read);
        // `new C()` holds its fields.
        for (const site of this.newSitesOf(cls)) this.flow(cell, this.cellOf(site), [{ op: 'exit', site }, { op: 'prefix', key: cell.key! }]);
        break;
      }
      case 'return': {
        const fn = cell.ref as FunctionNode;
        const parent = fn.parent;
        if (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') this.visitOnce(parent);
        else if (parent?.type === 'MethodDefinition') this.visitOnce(parent);
        else if (parent?.type === 'Property' && parent.parent) this.visitOnce(parent.parent);
        for (const site of this.callersOf(fn)) this.visitOnce(site);
        break;
      }
      default:
        break;
    }
  }

  /** The edges out of an expression come from its parent (and, for a call's receiver, from the call). */
  private expandNode(node: Node): void {
    const parent = node.parent;
    if (!parent) return;
    this.visitOnce(parent);
    if ((parent.type === 'Property' || parent.type === 'SpreadElement') && parent.parent) this.visitOnce(parent.parent);
    if (parent.type === 'MemberExpression' && parent.object === node) {
      const call = parent.parent;
      if ((call?.type === 'CallExpression' || call?.type === 'NewExpression') && call.callee === parent) this.visitOnce(call);
    }
  }

  private visitOnce(node: Node): void {
    if (this.visited.has(node)) return;
    this.visited.add(node);
    this.visit(node);
  }

  /** Reads of undeclared globals, by name. */
  private globalReferences(): Map<string, TSESTree.Identifier[]> {
    if (!this.globalRefs) {
      this.globalRefs = new Map();
      for (const reference of this.sourceCode.scopeManager?.globalScope?.through ?? []) {
        const id = reference.identifier;
        if (!reference.isRead() || id.type !== 'Identifier') continue;
        const list = this.globalRefs.get(id.name);
        if (list) list.push(id);
        else this.globalRefs.set(id.name, [id]);
      }
    }
    return this.globalRefs;
  }

  /** `this.k` reads in a class's own methods and field initialisers. */
  private thisReadsOf(cls: ClassNode): Map<string, TSESTree.MemberExpression[]> {
    this.thisReads ??= new Map();
    let reads = this.thisReads.get(cls);
    if (reads) return reads;
    reads = new Map();
    this.thisReads.set(cls, reads);
    const keys = visitorKeysOf(this.sourceCode);
    const stack: Node[] = [cls.body];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression' && enclosingClass(node) === cls) {
        const key = memberKey(node);
        if (key !== null) {
          const list = reads.get(key);
          if (list) list.push(node);
          else reads.set(key, [node]);
        }
      }
      pushChildren(stack, node, keys);
    }
    return reads;
  }

  /** `new C(...)` of a class declared or bound to a const in this file. */
  private newSitesOf(cls: ClassNode): CallNode[] {
    const variable = this.declaredName(cls);
    if (!variable) return [];
    return variable.references.flatMap((reference) => {
      const use = reference.identifier.parent;
      return use?.type === 'NewExpression' && use.callee === reference.identifier ? [use] : [];
    });
  }

  /** Calls that may reach a function of this file: by its name, by `this.name()`, or any `x.name()` for methods. */
  private callersOf(fn: FunctionNode): CallNode[] {
    const parent = fn.parent;
    if (parent?.type === 'MethodDefinition' || (parent?.type === 'Property' && parent.value === fn)) {
      const key = parent.computed ? null : propertyName(parent.key);
      return key === null ? [] : (this.callsNamed().get(key) ?? []);
    }
    const variable = this.declaredName(fn);
    if (!variable) return [];
    return variable.references.flatMap((reference) => {
      const use = reference.identifier.parent;
      return (use?.type === 'CallExpression' || use?.type === 'NewExpression') && use.callee === reference.identifier ? [use] : [];
    });
  }

  /** The variable a function or class is declared as (`function f`, `class C`, `const f = () => ...`). */
  private declaredName(node: FunctionNode | ClassNode): Variable | null {
    const manager = this.sourceCode.scopeManager;
    if (!manager) return null;
    const parent = node.parent;
    const declared =
      (node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') && node.id
        ? manager.getDeclaredVariables(node)
        : parent?.type === 'VariableDeclarator' && parent.init === node
          ? manager.getDeclaredVariables(parent)
          : [];
    return declared[0] ?? null;
  }

  /** Calls `x.name(...)` by member name, for method callers. */
  private callsNamed(): Map<string, CallNode[]> {
    if (!this.callsByName) {
      this.callsByName = new Map();
      for (const call of this.analysis.index.calls) {
        const callee = unwrapExpression(call.callee);
        if (callee.type !== 'MemberExpression') continue;
        const key = memberKey(callee);
        if (key === null) continue;
        const list = this.callsByName.get(key);
        if (list) list.push(call);
        else this.callsByName.set(key, [call]);
      }
    }
    return this.callsByName;
  }

  private visit(node: Node): void {
    switch (node.type) {
      case 'MemberExpression':
        this.memberEdges(node);
        break;
      case 'AssignmentPattern':
        // Defaults: `function f(key = loadKey())`, `const { a = b } = o`.
        this.destructure(node.left, this.cellOf(node.right), COPY, 0);
        break;
      case 'AssignmentExpression':
        this.assignment(node);
        break;
      case 'VariableDeclarator':
        if (node.init) this.destructure(node.id, this.cellOf(node.init), COPY, 0);
        break;
      case 'ForOfStatement':
      case 'ForInStatement': {
        if (node.type === 'ForInStatement') break;
        const target = node.left.type === 'VariableDeclaration' ? node.left.declarations[0]?.id : node.left;
        if (target) this.destructure(target, this.cellOf(node.right), ELEMENT, 0);
        break;
      }
      case 'ReturnStatement': {
        const fn = enclosingFunction(node);
        if (fn && node.argument) this.flowNode(node.argument, this.returnCell(fn));
        break;
      }
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
      case 'FunctionDeclaration':
        this.functionNode(node);
        break;
      case 'PropertyDefinition':
        if (!node.static && node.value) {
          const key = staticKey(node);
          const cls = node.parent.parent;
          if (key !== null && (cls.type === 'ClassDeclaration' || cls.type === 'ClassExpression')) {
            this.flowNode(node.value, this.fieldCell(cls, key));
          }
        }
        break;
      case 'MethodDefinition':
        if (node.kind === 'get' && !node.static) {
          const key = staticKey(node);
          const cls = node.parent.parent;
          if (key !== null && (cls.type === 'ClassDeclaration' || cls.type === 'ClassExpression')) {
            this.flow(this.returnCell(node.value), this.fieldCell(cls, key));
          }
        }
        break;
      case 'ObjectExpression':
        this.objectLiteral(node);
        break;
      case 'ArrayExpression': {
        const cell = this.cellOf(node);
        let spread = false;
        node.elements.forEach((element, i) => {
          if (!element) return;
          if (element.type === 'SpreadElement') {
            spread = true;
            this.flowNode(element.argument, cell);
          } else {
            this.flowNode(element, cell, [{ op: 'prefix', key: spread ? '*' : String(i) }]);
          }
        });
        break;
      }
      case 'TemplateLiteral':
        for (const expression of node.expressions) this.flowNode(expression, this.cellOf(node), COERCE);
        break;
      case 'TaggedTemplateExpression':
        for (const expression of node.quasi.expressions) this.flowNode(expression, this.cellOf(node), COLLAPSE);
        break;
      case 'BinaryExpression':
        if (node.operator === '+') {
          this.flowNode(node.left, this.cellOf(node), COERCE);
          this.flowNode(node.right, this.cellOf(node), COERCE);
        }
        break;
      case 'LogicalExpression':
        this.flowNode(node.left, this.cellOf(node));
        this.flowNode(node.right, this.cellOf(node));
        break;
      case 'ConditionalExpression':
        this.flowNode(node.consequent, this.cellOf(node));
        this.flowNode(node.alternate, this.cellOf(node));
        break;
      case 'AwaitExpression':
        this.flowNode(node.argument, this.cellOf(node));
        break;
      case 'ChainExpression':
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
        this.flowNode(node.expression, this.cellOf(node));
        break;
      case 'SequenceExpression': {
        const last = node.expressions[node.expressions.length - 1];
        this.flowNode(last, this.cellOf(node));
        break;
      }
      case 'CallExpression':
      case 'NewExpression':
        this.call(node);
        break;
      default:
        break;
    }
  }

  // ----------------------------------------------------------- expressions

  private memberEdges(node: TSESTree.MemberExpression): void {
    const parent = node.parent;
    if (parent?.type === 'AssignmentExpression' && parent.left === node && parent.operator === '=') return;
    const key = memberKey(node);
    if (node.object.type === 'ThisExpression') {
      const cls = enclosingClass(node);
      if (cls && key !== null) this.flow(this.fieldCell(cls, key), this.cellOf(node));
    } else {
      this.flowNode(node.object, this.cellOf(node), [{ op: 'project', key }]);
    }
  }

  /** Property reads that are untrusted sources: request data, the page URL, the environment. */
  private memberSources(node: TSESTree.MemberExpression): void {
    const parent = node.parent;
    const key = memberKey(node);
    if (key === null || (parent?.type === 'AssignmentExpression' && parent.left === node && parent.operator === '=')) return;
    if (REQUEST_DATA_MEMBERS.has(key) && this.isRequest(node.object)) {
      this.seed(this.cellOf(node), this.source('untrusted', node, `request data (${this.text(node)})`, 0, { origin: 'network' }));
      return;
    }
    if (URL_MEMBERS.has(key)) {
      const path = this.paths.pathOf(node);
      if (path !== null && URL_SOURCE_TEST.test(path)) {
        this.seed(this.cellOf(node), this.source('untrusted', node, `the page URL (${this.text(node)})`, 0, { origin: 'network' }));
      }
    }
    if (key === 'env' || (node.object.type === 'MemberExpression' && memberKey(node.object) === 'env')) {
      const path = this.paths.pathOf(node);
      if (path !== null && ENVIRONMENT_TEST.test(path) && !(parent?.type === 'MemberExpression' && parent.object === node)) {
        this.seed(this.cellOf(node), this.source('untrusted', node, `the environment (${this.text(node)})`, 0, { origin: 'environment' }));
      }
    }
  }

  /** `req`, `request`, `ctx`, `ctx.request`, `c.req`: a handler parameter holding the HTTP request. */
  private isRequest(node: Node): boolean {
    if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
      return (node.property.name === 'request' || node.property.name === 'req') && this.isRequest(node.object);
    }
    if (node.type !== 'Identifier' || !REQUEST_NAMES.has(node.name)) return false;
    const variable = this.variableOf(node);
    return variable?.defs[0]?.type === 'Parameter';
  }

  private assignment(node: TSESTree.AssignmentExpression): void {
    const right = this.cellOf(node.right);
    this.flow(right, this.cellOf(node));
    if (node.operator === '=' || node.operator === '||=' || node.operator === '??=' || node.operator === '&&=') {
      this.destructure(node.left, right, COPY, 0);
    } else if (node.operator === '+=') {
      this.destructure(node.left, right, COERCE, 0);
    }
    const left = node.left;
    if (left.type === 'MemberExpression' || (left.type === 'Identifier' && !this.variableOf(left))) {
      const path = this.paths.pathOf(left);
      if (path !== null) {
        for (const { spec, test } of this.propertySinks) {
          if (!test.test(path)) continue;
          this.sinks.push({
            id: this.sinks.length,
            node,
            kind: spec.kind,
            display: this.text(left),
            parts: [{ node: node.right, part: undefined, options: undefined }],
            destination: spec.kind === 'network' ? node.right : null,
            strictOnly: false,
            fn: enclosingFunction(node),
          });
          break;
        }
      }
    }
  }

  /** Binds a value (a cell, through ops) to a pattern: variables, destructuring, property writes. */
  private destructure(target: Node, from: Cell, ops: readonly Op[], depth: number): void {
    if (depth > MAX_PATTERN_DEPTH) return;
    switch (target.type) {
      case 'Identifier': {
        const variable = this.variableOf(target);
        this.flow(from, variable ? this.varCell(variable) : this.globalCell(target.name), ops);
        break;
      }
      case 'MemberExpression':
        this.propertyWrite(target, from, ops);
        break;
      case 'ObjectPattern':
        for (const prop of target.properties) {
          if (prop.type === 'RestElement') {
            this.destructure(prop.argument, from, ops, depth + 1);
          } else {
            const key = prop.computed ? (prop.key.type === 'Literal' ? String(prop.key.value) : null) : propertyName(prop.key);
            this.destructure(prop.value, from, [...ops, { op: 'project', key }], depth + 1);
          }
        }
        break;
      case 'ArrayPattern':
        target.elements.forEach((element, i) => {
          if (!element) return;
          if (element.type === 'RestElement') this.destructure(element.argument, from, ops, depth + 1);
          else this.destructure(element, from, [...ops, { op: 'project', key: String(i) }], depth + 1);
        });
        break;
      case 'AssignmentPattern':
        this.destructure(target.left, from, ops, depth + 1);
        break;
      case 'RestElement':
        this.destructure(target.argument, from, ops, depth + 1);
        break;
      case 'TSParameterProperty': {
        this.destructure(target.parameter, from, ops, depth + 1);
        const id = target.parameter.type === 'AssignmentPattern' ? target.parameter.left : target.parameter;
        const cls = enclosingClass(target);
        if (cls && id.type === 'Identifier') this.flow(from, this.fieldCell(cls, id.name), ops);
        break;
      }
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
        this.destructure(target.expression, from, ops, depth + 1);
        break;
      default:
        break;
    }
  }

  /** `a.b.c = v` stores v under `b.c` in `a`'s cell; `this.k.j = v` under `j` in the field `k`. */
  private propertyWrite(target: TSESTree.MemberExpression, from: Cell, ops: readonly Op[]): void {
    const keys: string[] = [];
    let current: Node = target;
    while (current.type === 'MemberExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSAsExpression') {
      if (current.type === 'MemberExpression') {
        keys.unshift(memberKey(current) ?? '*');
        current = current.object;
      } else {
        current = current.expression;
      }
      if (keys.length > 8) return;
    }
    if (current.type === 'ThisExpression') {
      const cls = enclosingClass(target);
      const field = keys.shift();
      if (!cls || field === undefined || field === '*') return;
      this.flow(from, this.fieldCell(cls, field), [...ops, ...prefixes(keys)]);
    } else if (current.type === 'Identifier') {
      const variable = this.variableOf(current);
      this.flow(from, variable ? this.varCell(variable) : this.globalCell(current.name), [...ops, ...prefixes(keys)]);
    }
  }

  private objectLiteral(node: TSESTree.ObjectExpression): void {
    const cell = this.cellOf(node);
    for (const prop of node.properties) {
      if (prop.type === 'SpreadElement') {
        this.flowNode(prop.argument, cell);
        continue;
      }
      const key = prop.computed ? (prop.key.type === 'Literal' ? String(prop.key.value) : '*') : (propertyName(prop.key) ?? '*');
      if (prop.kind === 'get' && (prop.value.type === 'FunctionExpression' || prop.value.type === 'ArrowFunctionExpression')) {
        this.flow(this.returnCell(prop.value), cell, [{ op: 'prefix', key }]);
      } else if (prop.kind === 'init' && !prop.method) {
        this.flowNode(prop.value, cell, [{ op: 'prefix', key }]);
      }
    }
  }

  private functionNode(node: FunctionNode): void {
    if (node.type === 'ArrowFunctionExpression' && node.expression) {
      this.flowNode(node.body as TSESTree.Expression, this.returnCell(node));
    }
  }

  // ------------------------------------------------------------------ calls

  private call(node: CallNode): void {
    const facts = this.analysis.factsAt(node);
    const local = this.localCallees(node);
    for (const fact of facts) this.catalogued(node, fact);
    for (const fn of local) this.callEdges(node, fn);
    if (!facts.length && !local.length) this.builtinCall(node);
    this.sinkCall(node);
    if (node.parent?.type === 'ThrowStatement' && node.parent.argument === node) this.thrown(node.parent);
  }

  /** Functions and classes of this file a call may reach. */
  private localCallees(node: CallNode): (FunctionNode | ClassNode)[] {
    const callee = node.callee;
    if (callee.type === 'Super') return [];
    const out: (FunctionNode | ClassNode)[] = [];
    for (const value of this.analysis.evaluator.evaluate(callee)) {
      if (value.kind === 'function') out.push(value.node);
      else if (value.kind === 'class' && node.type === 'NewExpression') out.push(value.node);
    }
    if (!out.length && callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
      // `const s = new Session(); s.save(key)`: a method of a class of this file.
      const cls = this.instanceClass(callee.object);
      const method = cls?.body.body.find(
        (member): member is TSESTree.MethodDefinition =>
          member.type === 'MethodDefinition' && !member.static && member.kind === 'method' && staticKey(member) === (callee.property as TSESTree.Identifier).name,
      );
      if (method) out.push(method.value);
    }
    return out;
  }

  private instanceClass(node: Node): ClassNode | null {
    let expression: Node | null | undefined = node;
    if (expression.type === 'Identifier') {
      const variable = this.variableOf(expression);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      expression = def?.type === 'Variable' && def.node.id.type === 'Identifier' ? def.node.init : null;
    }
    if (expression?.type !== 'NewExpression') return null;
    const found = this.analysis.evaluator.evaluate(expression.callee).find((value) => value.kind === 'class');
    return found?.kind === 'class' ? found.node : null;
  }

  private callEdges(site: CallNode, target: FunctionNode | ClassNode): void {
    let fn: FunctionNode | undefined;
    if (target.type === 'ClassDeclaration' || target.type === 'ClassExpression') {
      const ctor = target.body.body.find(
        (member): member is TSESTree.MethodDefinition => member.type === 'MethodDefinition' && member.kind === 'constructor',
      );
      fn = ctor?.value;
    } else {
      fn = target;
      this.flow(this.returnCell(fn), this.cellOf(site), [{ op: 'exit', site }]);
    }
    if (!fn) return;
    const enter: Op = { op: 'enter', site };
    fn.params.forEach((param, i) => {
      if (param.type === 'RestElement') {
        site.arguments.slice(i).forEach((arg, j) => {
          this.destructure(param.argument, this.cellOf(arg.type === 'SpreadElement' ? arg.argument : arg), [enter, { op: 'prefix', key: String(j) }], 0);
        });
        return;
      }
      const arg = site.arguments[i];
      if (!arg || site.arguments.slice(0, i + 1).some((a) => a.type === 'SpreadElement')) return;
      this.destructure(param, this.cellOf(arg), [enter], 0);
    });
  }

  /** Catalogued crypto calls: key sources, cleansing (encrypt, wrap, hash) and propagation (export, import). */
  /** Key-material sources of a catalogued call: its result, key-pair members, callback parameters. */
  private cataloguedSources(node: CallNode, fact: CallFact): void {
    const spec = fact.spec;
    const method = fact.api.slice(fact.api.lastIndexOf('.') + 1);
    const extractable = this.extractableFlag(node, method, fact);
    if (spec.result === 'key-material') {
      const label = this.resultLabel(fact, method);
      this.seed(this.cellOf(node), this.source('key-material', node, `${label} from ${fact.api}`, 0, extractable ? { extractable } : {}));
    } else if (method === 'importKey' && fact.library === 'webcrypto') {
      const label = this.importedKeyLabel(node);
      if (label) {
        this.seed(this.cellOf(node), this.source('key-material', node, `${label} from ${fact.api}`, 0, extractable ? { extractable } : {}));
      }
    }
    const members = spec.returns ? this.analysis.registry.type(spec.returns)?.spec.memberResults : undefined;
    for (const [member, kind] of Object.entries(members ?? {})) {
      if (kind !== 'key-material') continue;
      this.seed(this.cellOf(node), this.source('key-material', node, `${humanise(member)} from ${fact.api}`, 0), [member]);
    }
    if (spec.callbackResults) {
      const callback = this.functionsOf(lastFunctionArgument(node));
      spec.callbackResults.forEach((kind, i) => {
        if (kind !== 'key-material') return;
        const label = spec.resultLabel && i === spec.callbackResults!.lastIndexOf('key-material') ? spec.resultLabel : operationLabel(fact);
        for (const fn of callback) this.seedParam(fn, i, this.source('key-material', fn.params[i] ?? node, `${label} from ${fact.api}`, 0));
      });
    }
  }

  /** Cleansing (encrypt, wrap, hash) and propagation (export, import) through a catalogued call. */
  private catalogued(node: CallNode, fact: CallFact): void {
    const callee = node.callee;
    const receiver = callee.type === 'MemberExpression' ? callee.object : null;
    const args = node.arguments;
    const result = this.cellOf(node);
    switch (fact.operation) {
      case 'encrypt':
      case 'wrap':
        // Encrypting or wrapping under a key that is not a constant cleanses; under a constant key it does not.
        if (this.usesConstantKey(fact)) {
          for (const arg of args) this.flowNode(arg, result, COLLAPSE);
          if (receiver) this.flowNode(receiver, result, COLLAPSE);
        }
        break;
      case 'hash':
      case 'mac':
      case 'sign': {
        for (const arg of args) this.flowNode(arg, result, [{ op: 'hash' }]);
        if (receiver) {
          this.flowNode(receiver, result);
          const root = rootIdentifier(receiver);
          const variable = root ? this.variableOf(root) : null;
          if (variable) for (const arg of args) this.flowNode(arg, this.varCell(variable), [{ op: 'hash' }]);
        }
        break;
      }
      case 'export':
        if (!this.encryptedExport(fact)) {
          for (const arg of args) this.flowNode(arg, result, COLLAPSE);
          if (receiver) this.flowNode(receiver, result, COLLAPSE);
        }
        break;
      case 'import':
        if (!this.publicImport(fact)) for (const arg of args) this.flowNode(arg, result, COLLAPSE);
        break;
      case 'decode':
        for (const arg of args) this.flowNode(arg, result, COLLAPSE);
        break;
      default:
        break;
    }
  }

  private resultLabel(fact: CallFact, method: string): string {
    if (fact.spec.resultLabel) return fact.spec.resultLabel;
    if (fact.library === 'webcrypto' && method === 'generateKey') {
      const names = fact.bindings.filter((b) => b.role === 'algorithm').flatMap((b) => b.values);
      const literal = names.filter((value): value is Extract<AValue, { kind: 'lit' }> => value.kind === 'lit');
      if (literal.some((value) => ASYMMETRIC_ALGORITHMS.test(String(value.value)))) return 'private key';
      if (literal.length && literal.length === names.length) return 'secret key';
      return 'key';
    }
    return operationLabel(fact);
  }

  /** `importKey('pkcs8', ...)`, `importKey('raw', bytes, 'AES-GCM', ...)`, a JWK with `d` or `k`: a private or secret key. */
  private importedKeyLabel(node: CallNode): string | null {
    const [format, keyData, algorithm] = node.arguments;
    const formats = format ? this.literalStrings(format) : [];
    if (formats.includes('pkcs8')) return 'private key';
    if (formats.includes('raw') && algorithm) {
      const names = this.analysis.evaluator.evaluate(algorithm).flatMap((value): string[] => {
        if (value.kind === 'lit') return [String(value.value)];
        if (value.kind === 'object') {
          return this.analysis.evaluator
            .objectProperty(value, 'name', algorithm)
            .values.flatMap((name) => (name.kind === 'lit' ? [String(name.value)] : []));
        }
        return [];
      });
      if (names.some((name) => SYMMETRIC_IMPORTS.test(name))) return 'secret key';
    }
    if (formats.includes('jwk') && keyData) {
      for (const value of this.analysis.evaluator.evaluate(keyData)) {
        if (value.kind !== 'object') continue;
        if (this.analysis.evaluator.objectProperty(value, 'd', keyData).node) return 'private key';
        if (this.analysis.evaluator.objectProperty(value, 'k', keyData).node) return 'secret key';
      }
    }
    return null;
  }

  private extractableFlag(node: CallNode, method: string, fact: CallFact): Node | undefined {
    if (fact.library !== 'webcrypto' || !Object.hasOwn(EXTRACTABLE_ARG, method)) return undefined;
    const arg = node.arguments[EXTRACTABLE_ARG[method]!];
    if (!arg || arg.type === 'SpreadElement') return undefined;
    return this.analysis.evaluator.evaluate(arg).some((value) => value.kind === 'lit' && value.value === true) ? arg : undefined;
  }

  private literalStrings(node: Node): string[] {
    return this.analysis.evaluator
      .evaluate(node)
      .flatMap((value) => (value.kind === 'lit' && typeof value.value === 'string' ? [value.value] : []));
  }

  /** A key or recipient that is a literal or constant-filled bytes: encryption under it protects nothing. */
  private usesConstantKey(fact: CallFact): boolean {
    const facts = fact.receiverFact ? [fact, fact.receiverFact] : [fact];
    return facts.some((f) =>
      f.bindings.some(
        (binding) =>
          (binding.role === 'key' || binding.role === 'recipientKey' || binding.role === 'password') &&
          binding.values.some(
            (value) =>
              (value.kind === 'lit' && typeof value.value === 'string' && value.value !== '') ||
              (value.kind === 'bytes' && (value.origin === 'literal' || value.origin === 'zero-filled' || value.origin === 'constant-filled')),
          ),
      ),
    );
  }

  /** `keyObject.export({ cipher, passphrase })` with a passphrase that is not a literal. */
  private encryptedExport(fact: CallFact): boolean {
    const cipher = fact.bindings.some((binding) => binding.role === 'cipher');
    const passphrases = fact.bindings.filter((binding) => binding.role === 'password');
    return (
      cipher &&
      passphrases.length > 0 &&
      passphrases.every((binding) => binding.values.every((value) => value.kind !== 'lit' || value.value === undefined))
    );
  }

  /** `{ cipher, passphrase }` options with a passphrase that is not a literal. */
  private encryptedExportOptions(node: Node | undefined): boolean {
    if (!node || node.type === 'SpreadElement') return false;
    const evaluator = this.analysis.evaluator;
    const objects = evaluator.evaluate(node).filter((value) => value.kind === 'object');
    return (
      objects.length > 0 &&
      objects.every((object) => {
        const cipher = evaluator.objectProperty(object, 'cipher', node);
        const passphrase = evaluator.objectProperty(object, 'passphrase', node);
        return cipher.node !== null && passphrase.node !== null && passphrase.values.every((value) => value.kind !== 'lit');
      })
    );
  }

  /** `createPublicKey(privateKey)` and `importKey('spki', ...)` give a public key. */
  private publicImport(fact: CallFact): boolean {
    if (/publickey/i.test(fact.api)) return true;
    return fact.bindings.some(
      (binding) =>
        binding.role === 'publicKey' ||
        (binding.role === 'keyFormat' && binding.values.some((value) => value.kind === 'lit' && value.value === 'spki')),
    );
  }

  /** Calls of builtins and of functions from other modules: encodings propagate, anything else does not. */
  private builtinCall(node: CallNode): void {
    const callee = unwrapExpression(node.callee);
    const result = this.cellOf(node);
    const args = node.arguments;
    if (callee.type === 'Identifier') {
      if (ENCODING_FUNCTIONS.has(callee.name)) for (const arg of args) this.flowNode(arg, result, COLLAPSE);
      return;
    }
    if (callee.type !== 'MemberExpression') return;
    const name = memberKey(callee);
    if (name === null) return;
    const receiver = callee.object;
    if (METADATA_METHODS.has(name)) return;
    if (ENCODING_METHODS.has(name) && receiver.type !== 'Super') {
      this.flowNode(receiver, result, COLLAPSE);
      for (const arg of args) this.flowNode(arg, result, COLLAPSE);
      return;
    }
    if (ENCODING_MEMBER_FUNCTIONS.has(name)) {
      const shape = name === 'assign' || name === 'freeze' || name === 'resolve' || name === 'all' || name === 'allSettled' ? COPY : COLLAPSE;
      for (const arg of args) this.flowNode(arg, result, shape);
      if (name === 'assign' && args[0] && args[0].type !== 'SpreadElement') {
        for (const arg of args.slice(1)) this.destructure(args[0], this.cellOf(arg.type === 'SpreadElement' ? arg.argument : arg), COPY, 0);
      }
      return;
    }
    if (receiver.type === 'Super') return;
    if (name === 'export' || name === 'exportKey' || name === 'getPrivateKey') {
      // An uncatalogued receiver (a callback's KeyObject): exporting keeps the key unless it is encrypted.
      if (!this.encryptedExportOptions(args[0])) {
        this.flowNode(receiver, result, COLLAPSE);
        for (const arg of args) this.flowNode(arg, result, COLLAPSE);
      }
      return;
    }
    if (READER_METHODS.has(name)) this.flowNode(receiver, result, ELEMENT);
    if (WRITER_METHODS.has(name)) {
      const root = rootIdentifier(receiver);
      const variable = root ? this.variableOf(root) : null;
      if (variable) {
        const ops: readonly Op[] = name === 'push' || name === 'unshift' ? [{ op: 'prefix', key: '*' }] : COLLAPSE;
        for (const arg of args) this.flowNode(arg, this.varCell(variable), ops);
      }
    }
    if (ELEMENT_CALLBACKS.has(name)) {
      for (const fn of this.functionsOf(args[0])) {
        this.paramFlow(fn, 0, this.cellOf(receiver), ELEMENT);
        if (name === 'map' || name === 'flatMap') this.flow(this.returnCell(fn), result, [{ op: 'prefix', key: '*' }]);
      }
      if (name === 'filter' || name === 'sort') this.flowNode(receiver, result);
      if (name === 'find' || name === 'findLast') this.flowNode(receiver, result, ELEMENT);
      return;
    }
    if (name === 'reduce' || name === 'reduceRight') {
      for (const fn of this.functionsOf(args[0])) {
        this.paramFlow(fn, 1, this.cellOf(receiver), ELEMENT);
        if (args[1]) this.paramFlow(fn, 0, this.cellOf(args[1]), COPY);
        this.paramFlow(fn, 0, this.returnCell(fn), COPY);
        this.flow(this.returnCell(fn), result);
      }
      return;
    }
    if (name === 'then') {
      for (const fn of this.functionsOf(args[0])) {
        this.paramFlow(fn, 0, this.cellOf(receiver), COPY);
        this.flow(this.returnCell(fn), result);
      }
      return;
    }
    if (name === 'catch' || name === 'finally') {
      this.flowNode(receiver, result);
      return;
    }
    // Anything else on untrusted data stays untrusted: `res.json()`, `req.get('x-alg')`, `params.get('alg')`.
    this.flowNode(receiver, result, UNTRUSTED_ONLY);
    for (const arg of args) for (const fn of this.functionsOf(arg)) this.paramFlow(fn, 0, this.cellOf(receiver), UNTRUSTED_ONLY);
  }

  private paramFlow(fn: FunctionNode, index: number, from: Cell, ops: readonly Op[]): void {
    const param = fn.params[index];
    if (param) this.destructure(param.type === 'TSParameterProperty' ? param.parameter : param, from, ops, 0);
  }

  private seedParam(fn: FunctionNode, index: number, source: TaintSource): void {
    const cell = new Cell('seed', source);
    this.seed(cell, source);
    this.paramFlow(fn, index, cell, COPY);
  }

  /** Inline functions, or local functions named by an identifier. */
  private functionsOf(node: Node | undefined): FunctionNode[] {
    if (!node || node.type === 'SpreadElement') return [];
    if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') return [node];
    if (node.type !== 'Identifier' && node.type !== 'MemberExpression') return [];
    return this.analysis.evaluator
      .evaluate(node)
      .flatMap((value) => (value.kind === 'function' ? [value.node] : []));
  }

  private messageSource(fn: FunctionNode): TaintSource {
    return this.source('untrusted', fn.params[0] ?? fn, 'a message event (WebSocket or postMessage)', 0, { origin: 'network' });
  }

  /** Network responses, message listeners, request bodies, config files. */
  private untrustedCall(node: CallNode): void {
    const callee = unwrapExpression(node.callee);
    // Nearly every call of a large file is a member call no pattern ends in: its path is not resolved at all.
    const path = callee.type === 'Identifier' || callee.type === 'MemberExpression' ? this.paths.pathMatching(callee, UNTRUSTED_CALL_NAMES) : null;
    if (path !== null) {
      if (RESPONSE_TEST.test(path) && !inSkippedType(node)) {
        this.seed(this.cellOf(node), this.source('untrusted', node, `a network response (${path}())`, 0, { origin: 'network' }));
      }
      if (RESPONSE_CALLBACK_TEST.test(path) && !inSkippedType(node)) {
        for (const fn of this.functionsOf(lastFunctionArgument(node))) {
          this.seedParam(fn, 0, this.source('untrusted', fn.params[0] ?? fn, `a network response (${path}())`, 0, { origin: 'network' }));
        }
      }
      if (CONFIG_TEST.test(path) && !inSkippedType(node)) {
        this.seed(this.cellOf(node), this.source('untrusted', node, `a local file (${path}())`, 0, { origin: 'config' }));
      }
    }
    if (callee.type === 'Identifier' && callee.name === 'require') {
      const arg = node.arguments[0];
      if (arg?.type === 'Literal' && typeof arg.value === 'string' && CONFIG_FILE.test(arg.value) && !inSkippedType(node)) {
        this.seed(this.cellOf(node), this.source('untrusted', node, `a config file (${arg.value})`, 0, { origin: 'config' }));
      }
    }
    if (callee.type !== 'MemberExpression') return;
    const name = memberKey(callee);
    if (name === null) return;
    // `ws.on('message', (data) => ...)`, `window.addEventListener('message', (event) => ...)`.
    if (name === 'on' || name === 'once' || name === 'addEventListener' || name === 'addListener') {
      const event = node.arguments[0] ? this.literalStrings(node.arguments[0]) : [];
      const socketIo = path !== null && SOCKET_IO_TEST.test(path.slice(0, -name.length - 1));
      if ((event.includes('message') || (socketIo && !event.some((e) => e === 'connection' || e === 'connect' || e === 'disconnect'))) && !inSkippedType(node)) {
        for (const fn of this.functionsOf(node.arguments[1])) {
          for (let i = 0; i < Math.max(1, socketIo ? fn.params.length : 1); i++) this.seedParam(fn, i, this.messageSource(fn));
        }
      }
    }
    // `await request.json()`, `c.req.query('alg')`, `req.get('x-alg')`.
    if (REQUEST_METHODS.has(name) && this.isRequest(callee.object) && !inSkippedType(node)) {
      this.seed(this.cellOf(node), this.source('untrusted', node, `request data (${this.text(callee)}())`, 0, { origin: 'network' }));
    }
  }

  private configImport(node: TSESTree.ImportDeclaration): void {
    if (!CONFIG_FILE.test(String(node.source.value))) return;
    for (const specifier of node.specifiers) {
      const variable = this.variableOf(specifier.local);
      if (variable) this.seed(this.varCell(variable), this.source('untrusted', specifier, `a config file (${String(node.source.value)})`, 0, { origin: 'config' }));
    }
  }

  private sinkCall(node: CallNode): void {
    const callee = unwrapExpression(node.callee);
    if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression') return;
    const path = this.paths.pathOf(callee);
    if (path === null) return;
    for (const { spec, test } of this.callSinks) {
      if (!test.test(path)) continue;
      const parts: SinkPart[] = [];
      const argSpecs: readonly SinkArg[] = spec.args ?? [{ index: 'rest', from: 0 }];
      for (const argSpec of argSpecs) {
        const indices = argSpec.index === 'rest' ? node.arguments.map((_, i) => i).slice(argSpec.from ?? 0) : [argSpec.index];
        for (const i of indices) {
          const arg = node.arguments[i];
          if (!arg) continue;
          parts.push({ node: arg.type === 'SpreadElement' ? arg.argument : arg, part: argSpec.part, options: argSpec.options });
        }
      }
      const destination = spec.destination === undefined ? null : (node.arguments[spec.destination] ?? null);
      const optionHolder = spec.destinationOption ? node.arguments[0] : undefined;
      this.sinks.push({
        id: this.sinks.length,
        node,
        kind: spec.kind,
        display: `${this.text(callee)}()`,
        parts,
        destination: destination?.type === 'SpreadElement' ? null : destination,
        ...(optionHolder && optionHolder.type !== 'SpreadElement' && spec.destinationOption
          ? { destinationOption: { node: optionHolder, key: spec.destinationOption } }
          : {}),
        strictOnly: false,
        fn: enclosingFunction(node),
      });
      return;
    }
  }

  private thrown(node: TSESTree.ThrowStatement): void {
    const argument = node.argument;
    if ((argument?.type !== 'NewExpression' && argument?.type !== 'CallExpression') || argument.callee.type !== 'Identifier') return;
    if (!THROWN_ERRORS.has(argument.callee.name) || !argument.arguments[0]) return;
    this.sinks.push({
      id: this.sinks.length,
      node: argument,
      kind: 'log',
      display: `a thrown ${argument.callee.name}`,
      parts: argument.arguments.map((arg) => ({ node: arg, part: 'message', options: undefined })),
      destination: null,
      strictOnly: true,
      fn: enclosingFunction(node),
    });
  }

  // ------------------------------------------------------- passes over scopes

  /** Variables named like keys or holding CSPRNG output named as a key, and key-named globals. */
  private scopeSeeds(): void {
    const manager = this.sourceCode.scopeManager;
    if (!manager) return;
    for (const [name, ids] of this.globalReferences()) {
      if (!isKeyName(name)) continue;
      for (const id of ids) this.seed(this.cellOf(id), this.source('key-material', id, `'${name}'`, 2));
    }
    // Only a catalogued CSPRNG call makes a variable a random key: without one, skip the name test.
    const random = this.analysis.facts.some((fact) => fact.spec.result === 'random');
    for (const scope of manager.scopes) {
      for (const variable of scope.variables) {
        const def = variable.defs[0];
        if (!def || (def.type !== 'Variable' && def.type !== 'Parameter')) continue;
        if (isKeyName(variable.name)) {
          if (def.type === 'Variable' && def.parent.kind === 'const' && def.node.init && this.isScalar(def.node.init)) continue;
          this.seed(this.varCell(variable), this.source('key-material', def.name, `'${variable.name}'`, 2));
        } else if (random && def.type === 'Variable' && def.node.init && RANDOM_KEY_NAME.test(variable.name) && !NOT_A_KEY_NAME.test(variable.name)) {
          if (this.isRandom(def.node.init)) {
            this.seed(this.varCell(variable), this.source('key-material', def.name, `random key '${variable.name}'`, 1));
          }
        }
      }
    }
  }

  private isRandom(node: Node): boolean {
    let current = node;
    while (current.type === 'AwaitExpression' || current.type === 'TSAsExpression') current = current.type === 'AwaitExpression' ? current.argument : current.expression;
    if (current.type !== 'CallExpression') return false;
    return this.analysis.factsAt(current).some((fact) => fact.spec.result === 'random');
  }

  /** Values used in a key role are key material. */
  private keyRoleSeeds(): void {
    for (const binding of this.analysis.bindings('key')) {
      if (binding.fact.operation === 'verify' || binding.fact.operation === 'decode') continue;
      const target = this.roleTarget(binding.node);
      if (!target) continue;
      this.seed(target, this.source('key-material', binding.node, `key used by ${binding.fact.api}`, 1));
    }
  }

  /** Values encrypted are plaintext. */
  private plaintextSeeds(): void {
    for (const binding of this.analysis.bindings('plaintext')) {
      if (binding.fact.operation !== 'encrypt') continue;
      const source = this.source('plaintext', binding.node, `data encrypted by ${binding.fact.api}`, 0);
      this.seedPlaintext(binding.node, source);
    }
  }

  /** The variable or field a role's argument names (`key`, `this.key`). */
  private roleTarget(node: Node): Cell | null {
    const inner = unwrapExpression(node);
    if (inner.type === 'Identifier') {
      const variable = this.variableOf(inner);
      return variable && variable.defs.length ? this.varCell(variable) : null;
    }
    if (inner.type === 'MemberExpression' && inner.object.type === 'ThisExpression') {
      const cls = enclosingClass(inner);
      const key = memberKey(inner);
      return cls && key !== null ? this.fieldCell(cls, key) : null;
    }
    return null;
  }

  /**
   * Marks the encrypted value and what it was encoded from (`text` in
   * `const data = encoder.encode(text); subtle.encrypt(alg, key, data)`), a few
   * steps back, and through the callers of a same-file `encrypt(plaintext)` helper.
   */
  private seedPlaintext(start: Node, source: TaintSource): void {
    const work: { node: Node; path: string[] }[] = [{ node: start, path: [] }];
    const seen = new Set<Node>();
    let budget = 24;
    while (work.length && budget-- > 0) {
      const item = work.pop()!;
      const node = unwrapExpression(item.node);
      const path = item.path;
      if (seen.has(node)) continue;
      seen.add(node);
      if (node.type === 'Identifier') {
        const variable = this.variableOf(node);
        if (!variable || !variable.defs.length) {
          this.seed(this.globalCell(node.name), source, path);
          continue;
        }
        this.seed(this.varCell(variable), source, path);
        const def = variable.defs[0]!;
        if (variable.defs.length !== 1) continue;
        if (def.type === 'Variable' && def.node.id.type === 'Identifier' && def.node.init) {
          work.push({ node: def.node.init, path });
        } else if (def.type === 'Parameter' && !path.length) {
          const fn = def.node as FunctionNode;
          const index = fn.params.indexOf(def.name as TSESTree.Parameter);
          if (index < 0) continue;
          for (const site of this.callersOf(fn)) {
            const arg = site.arguments[index];
            if (arg && arg.type !== 'SpreadElement') work.push({ node: arg, path });
          }
        }
      } else if (node.type === 'MemberExpression') {
        const key = memberKey(node);
        if (key !== null && path.length < 3) work.push({ node: node.object, path: [key, ...path] });
      } else if (node.type === 'CallExpression' || node.type === 'NewExpression') {
        const callee = unwrapExpression(node.callee);
        const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? memberKey(callee) : null;
        if (name === null || path.length) continue;
        if (ENCODING_FUNCTIONS.has(name) || ENCODING_MEMBER_FUNCTIONS.has(name)) {
          const arg = node.arguments[0];
          if (arg && arg.type !== 'SpreadElement') work.push({ node: arg, path });
        } else if (ENCODING_METHODS.has(name) && callee.type === 'MemberExpression') {
          work.push({ node: callee.object, path });
        }
      } else {
        this.seed(this.cellOf(node), source, path);
      }
    }
  }

  // ---------------------------------------------------------------- queries

  private computeFlows(kind: TaintKind): Flow[] {
    const out: Flow[] = [];
    for (const sink of this.sinks) {
      const found = new Map<string, Flow>();
      for (const part of sink.parts) {
        const cell = this.nodeCells.get(part.node);
        if (!cell?.labels) continue;
        for (const label of cell.labels.values()) {
          if (label.source.kind !== kind) continue;
          const via = label.via[0] ?? null;
          const reportAt = via ?? optionValue(part, label) ?? part.node;
          const key = `${label.source.id}|${via ? via.range[0] : ''}`;
          const partName = describePart(part, label);
          const existing = found.get(key);
          if (existing) {
            if (partName && !existing.parts.includes(partName)) existing.parts.push(partName);
            existing.hashed &&= label.hashed;
            continue;
          }
          found.set(key, { source: label.source, sink, parts: partName ? [partName] : [], node: reportAt, via, hashed: label.hashed });
        }
      }
      if (!found.size) continue;
      let flows = [...found.values()];
      // Only the best-ranked sources at each report location: a generated key beats the name of the variable holding it.
      const best = new Map<Node, number>();
      for (const flow of flows) best.set(flow.node, Math.min(best.get(flow.node) ?? 9, flow.source.rank));
      flows = flows.filter((flow) => flow.source.rank === best.get(flow.node));
      // A helper's key-named parameter is not reported at the sink when its callers are reported instead.
      if (flows.some((flow) => flow.via)) {
        flows = flows.filter((flow) => flow.via || !(flow.source.nameOnly && isParameterOf(flow.source.node, sink.fn)));
      }
      for (const flow of flows) flow.parts.sort();
      out.push(...mergeAlternatives(flows));
    }
    return out;
  }

  private text(node: Node): string {
    const text = this.sourceCode.getText(node).replace(/\s+/g, ' ');
    return text.length > 48 ? `${text.slice(0, 45)}...` : text;
  }
}

// ------------------------------------------------------------------ helpers

const ALL_KINDS: readonly TaintKind[] = ['key-material', 'untrusted', 'plaintext'];

let sinkPatterns:
  | { calls: { spec: CallSinkSpec; test: RegExp }[]; properties: { spec: (typeof PROPERTY_SINKS)[number]; test: RegExp }[] }
  | undefined;

/** The sink catalogue compiled once per process, not once per file. */
function compiledSinks(): NonNullable<typeof sinkPatterns> {
  sinkPatterns ??= {
    calls: CALL_SINKS.map((spec) => ({ spec, test: compilePatterns(spec.calls) })),
    properties: PROPERTY_SINKS.map((spec) => ({ spec, test: compilePatterns(spec.targets) })),
  };
  return sinkPatterns;
}

/** A member name that may read untrusted input: request data, the page URL, the environment. */
function isUntrustedMemberName(name: string): boolean {
  return REQUEST_DATA_MEMBERS.has(name) || URL_MEMBERS.has(name) || name === 'env';
}

/** Whether a walk in source order reaches `a` before `b` (an enclosing node comes before what it holds). */
function precedes(a: Node, b: Node): boolean {
  return a.range[0] < b.range[0] || (a.range[0] === b.range[0] && a.range[1] > b.range[1]);
}

/** Inside a type-only TypeScript node, or a type annotation, which the seed walk never entered. */
function inSkippedType(node: Node): boolean {
  for (let current: Node | undefined = node; current; current = current.parent) {
    if (SKIPPED_TS.test(current.type)) return true;
    const parent = current.parent as (Node & Record<string, unknown>) | undefined;
    if (parent && (parent.typeAnnotation === current || parent.returnType === current || parent.typeParameters === current || parent.typeArguments === current)) {
      return true;
    }
  }
  return false;
}

const RESPONSE_TEST = compilePatterns(RESPONSE_CALLS);
const RESPONSE_CALLBACK_TEST = compilePatterns(RESPONSE_CALLBACK_CALLS);
const URL_SOURCE_TEST = compilePatterns(URL_SOURCES);
const ENVIRONMENT_TEST = compilePatterns(ENVIRONMENT_SOURCES);
const CONFIG_TEST = compilePatterns(CONFIG_SOURCES);
const SOCKET_IO_TEST = compilePatterns(['socket.io-client{,.io,.connect,.default}()', '~{socket,io}']);
const URL_MEMBERS: ReadonlySet<string> = new Set(['search', 'hash', 'href', 'pathname', 'URL', 'documentURI', 'referrer', 'searchParams']);
/** The shortest name {@link isUntrustedMemberName} accepts (see membersNamed). */
const UNTRUSTED_MEMBER_MIN_LENGTH = Math.min(...[...REQUEST_DATA_MEMBERS, ...URL_MEMBERS, 'env'].map((name) => name.length));
const CONFIG_FILE = /\.(json|ya?ml|toml|ini)$/;
const REQUEST_METHODS = new Set(['json', 'text', 'formData', 'arrayBuffer', 'blob', 'get', 'header', 'param', 'query', 'cookie', 'valid']);

/** The names an untrusted-input call's path can end in (see PathResolver.pathMatching), and the listener methods. */
const UNTRUSTED_CALL_NAMES = lastNames([...RESPONSE_CALLS, ...RESPONSE_CALLBACK_CALLS, ...CONFIG_SOURCES], ['on', 'once', 'addEventListener', 'addListener']);

function prefixes(keys: readonly string[]): Op[] {
  return [...keys].reverse().map((key) => ({ op: 'prefix', key }) as Op);
}

function memberKey(node: TSESTree.MemberExpression): string | null {
  if (!node.computed) return node.property.type === 'Identifier' || node.property.type === 'PrivateIdentifier' ? propertyName(node.property) : null;
  if (node.property.type === 'Literal' && (typeof node.property.value === 'string' || typeof node.property.value === 'number')) {
    return String(node.property.value);
  }
  return null;
}

function staticKey(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | null {
  if (member.computed) return member.key.type === 'Literal' ? String(member.key.value) : null;
  return propertyName(member.key);
}

function unwrapExpression(node: Node): Node {
  let current = node;
  while (
    current.type === 'ChainExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSAsExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'AwaitExpression'
  ) {
    current = current.type === 'AwaitExpression' ? current.argument : current.expression;
  }
  return current;
}

function rootIdentifier(node: Node): TSESTree.Identifier | null {
  let current = unwrapExpression(node);
  while (current.type === 'MemberExpression' || current.type === 'CallExpression') {
    current = unwrapExpression(current.type === 'MemberExpression' ? current.object : current.callee);
  }
  return current.type === 'Identifier' ? current : null;
}

function lastFunctionArgument(node: CallNode): Node | undefined {
  for (let i = node.arguments.length - 1; i >= 0; i--) {
    const arg = node.arguments[i]!;
    if (arg.type === 'ArrowFunctionExpression' || arg.type === 'FunctionExpression' || arg.type === 'Identifier') return arg;
  }
  return undefined;
}

export function enclosingFunction(node: Node): FunctionNode | null {
  let current = node.parent;
  while (current) {
    if (current.type === 'FunctionDeclaration' || current.type === 'FunctionExpression' || current.type === 'ArrowFunctionExpression') {
      return current;
    }
    current = current.parent;
  }
  return null;
}

function isParameterOf(node: Node, fn: FunctionNode | null): boolean {
  if (!fn) return false;
  let current: Node | undefined = node;
  while (current && current.parent !== fn) current = current.parent;
  return current !== undefined && fn.params.includes(current as TSESTree.Parameter);
}

/** `privateKey` is `private key`; `mnemonic` stays. */
function humanise(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function operationLabel(fact: CallFact): string {
  switch (fact.operation) {
    case 'generate':
      return 'generated key';
    case 'derive':
      return 'derived key';
    case 'agree':
      return 'shared secret';
    case 'import':
      return 'imported key';
    case 'export':
      return 'exported key';
    case 'unwrap':
      return 'unwrapped key';
    default:
      return 'key material';
  }
}

/** The value of the option an inline options object passes the label in (`body: JSON.stringify(jwk)`). */
function optionValue(part: SinkPart, label: Label): Node | null {
  if (!part.options || !label.path.length || part.node.type !== 'ObjectExpression') return null;
  const head = label.path[0]!;
  // Inline spreads (`{ ...{ body } }`) are searched too, last definition first.
  const objects: TSESTree.ObjectExpression[] = [part.node];
  while (objects.length) {
    const object = objects.shift()!;
    for (let i = object.properties.length - 1; i >= 0; i--) {
      const prop = object.properties[i]!;
      if (prop.type === 'Property' && !prop.computed && propertyName(prop.key) === head) return prop.value;
      if (prop.type === 'SpreadElement' && prop.argument.type === 'ObjectExpression') objects.push(prop.argument);
    }
  }
  return null;
}

/**
 * Sources written on the same line and reaching the same place are alternatives
 * of one value (`secret ? Keypair.fromSecretKey(secret) : Keypair.generate()`):
 * one report names them all.
 */
function mergeAlternatives(flows: Flow[]): Flow[] {
  const groups = new Map<string, Flow[]>();
  for (const flow of flows) {
    const key = `${flow.node.range[0]}|${flow.source.node.loc.start.line}|${flow.source.rank}|${flow.hashed ? 1 : 0}`;
    const group = groups.get(key);
    if (group) group.push(flow);
    else groups.set(key, [flow]);
  }
  return [...groups.values()].map((group) => {
    if (group.length === 1) return group[0]!;
    group.sort((a, b) => a.source.node.range[0] - b.source.node.range[0]);
    const first = group[0]!;
    const descriptions = [...new Set(group.map((flow) => flow.source.description))];
    const noun = first.source.description.split(' from ')[0];
    const description = descriptions.every((text) => text.startsWith(`${noun} from `))
      ? `${noun} from ${descriptions.map((text) => text.slice(noun!.length + 6)).join(' or ')}`
      : descriptions.join(' or ');
    const parts = [...new Set(group.flatMap((flow) => flow.parts))].sort();
    return { ...first, source: { ...first.source, description }, parts };
  });
}

/** How a message names the part of a sink a label reaches: `headers` for `{ headers: { ... } }`. */
function describePart(part: SinkPart, label: Label): string | undefined {
  if (part.options && label.path.length) {
    const head = label.path[0]!;
    if (Object.hasOwn(part.options, head)) return part.options[head];
  }
  return part.part;
}

