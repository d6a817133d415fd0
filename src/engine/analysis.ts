import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Role } from '../catalogue/index.js';
import { DataFlow } from './dataflow.js';
import { Evaluator, valueTarget } from './evaluator.js';
import { FactCollector, type CallFact, type RoleBinding } from './facts.js';
import { FileIndex } from './file-index.js';
import { fileTriggers, getRegistry, type Registry } from './registry.js';

/** Files larger than this are not analysed (bundles, generated data); keyguard stays silent on them. */
export const MAX_SOURCE_LENGTH = 8_000_000;

/**
 * Everything the engine knows about one file, computed once and shared by
 * every keyguard rule that runs on it.
 */
export class FileAnalysis {
  readonly index: FileIndex;
  readonly evaluator: Evaluator;
  readonly facts: readonly CallFact[];
  private readonly collector = new FactCollector();
  private readonly byRole = new Map<Role, RoleBinding[]>();

  constructor(
    readonly sourceCode: TSESLint.SourceCode,
    readonly registry: Registry,
    index: FileIndex = new FileIndex(sourceCode, registry),
  ) {
    this.index = index;
    this.calleeVerdicts = new Uint8Array(index.calls.length);
    this.evaluator = new Evaluator(sourceCode, registry, this.index, (site) =>
      this.collector.factFor(site.node, site.callee),
    );
    this.collector.attach(this.evaluator);
    this.collectFacts();
    this.facts = this.collector.facts;
  }

  /**
   * What the facts learnt of each call's callee (by its index in `index.calls`): 0 not asked, 1 ruled out by
   * {@link Evaluator.calleeMayBeCatalogued}, 2 let through. Later walks over the calls read it instead of
   * asking again.
   */
  private readonly calleeVerdicts: Uint8Array;

  /** Whether the facts found that this call's callee cannot be catalogued (see {@link Evaluator.calleeMayBeCatalogued}); undefined if they did not ask. */
  calleeRuledOut(callIndex: number): boolean | undefined {
    const verdict = this.calleeVerdicts[callIndex];
    return verdict === 1 ? true : verdict === 2 ? false : undefined;
  }

  private collectFacts(): void {
    // A file that names no catalogued module or global has no catalogued call to find.
    const calls = this.evaluator.mayReachCatalogue() ? this.index.calls : [];
    for (let i = 0; i < calls.length; i++) {
      const call = calls[i]!;
      const callee = valueTarget(call.callee);
      // IIFEs and super() calls are never catalogued. Every other callee is resolved, whatever its shape or
      // member name: `(0, crypto.createCipheriv)(...)` (transpiled code), `wrap(fn)(...)`, `(flag ? a : b)(...)`
      // and `const api = { enc: crypto.createCipheriv }; api.enc(...)` all reach catalogued functions.
      if (callee.type === 'FunctionExpression' || callee.type === 'ArrowFunctionExpression' || callee.type === 'Super') continue;
      if (!this.evaluator.calleeMayBeCatalogued(call.callee)) {
        this.calleeVerdicts[i] = 1;
        continue;
      }
      this.calleeVerdicts[i] = 2;
      for (const callable of this.evaluator.calleeCallables(call)) this.collector.factFor(call, callable);
    }
    for (const assignment of this.index.propertyAssignments) {
      const left = assignment.left as TSESTree.MemberExpression;
      const key = left.computed ? this.evaluator.staticString(left.property) : (left.property as TSESTree.Identifier).name;
      if (key === null) continue;
      for (const object of this.evaluator.evaluate(left.object)) {
        if (object.kind === 'builtin') {
          // A catalogued property of a builtin: `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'`.
          const path = `${object.path}.${key}`;
          const builtin = this.registry.builtinProperties.get(path);
          if (builtin) {
            const { role, operation, value } = builtin.spec;
            this.collector.propertyFact(assignment, builtin.library, path, role, operation, value);
          }
          continue;
        }
        if (object.kind !== 'type') continue;
        const member = this.registry.member(object.type, key);
        if (member?.kind !== 'property') continue;
        const display = this.registry.type(object.type)?.spec.display ?? object.type;
        this.collector.propertyFact(assignment, object.library, `${display}.${key}`, member.role, member.operation, member.value);
      }
    }
    // Keep facts in source order whatever order evaluation discovered them in.
    this.collector.facts.sort((a, b) => a.node.range[0] - b.node.range[0] || a.id - b.id);
  }

  /** Every binding of a role, across every catalogued library, in source order. */
  bindings(role: Role): readonly RoleBinding[] {
    let list = this.byRole.get(role);
    if (!list) {
      list = this.facts.flatMap((fact) => fact.bindings.filter((binding) => binding.role === role));
      this.byRole.set(role, list);
    }
    return list;
  }

  /** All bindings of a fact for a role. */
  static rolesOf(fact: CallFact, role: Role): RoleBinding[] {
    return fact.bindings.filter((binding) => binding.role === role);
  }

  /** The catalogued facts of one call (or property write) node. */
  factsAt(node: TSESTree.Node): readonly CallFact[] {
    return this.collector.factsAt(node);
  }

  private dataflowState?: DataFlow;

  /**
   * Intra-file taint tracking (issue 6), created on first use. Nothing is
   * built until a taint rule asks for flows, and taint rules ask only when the
   * file has a source (`dataflow.hasKeySources`, plaintext or parameter roles).
   */
  get dataflow(): DataFlow {
    this.dataflowState ??= new DataFlow(this);
    return this.dataflowState;
  }
}

const cache = new WeakMap<TSESTree.Program, FileAnalysis | null>();

/**
 * Process-wide counters for the benchmark: ESLint's per-rule stats charge the
 * shared analysis to whichever rule asks first, so the engine's own time is
 * measured here.
 */
export const engineStats = { files: 0, analysed: 0, ms: 0, tooLarge: 0 };

/**
 * Whether the file may need analysis at all (it has a trigger and is not too large), decided once per
 * file from its text. Rules ask this in `create`, so on a file with no crypto they register no listener.
 */
export function mayAnalyse(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  const program = context.sourceCode.ast;
  const known = cache.get(program);
  if (known !== undefined) return known !== null;
  const start = performance.now();
  const answer = isTriggered(context.sourceCode, getRegistry());
  engineStats.ms += performance.now() - start;
  if (!answer) {
    cache.set(program, null);
    engineStats.files++;
  }
  return answer;
}

/** Not too large, and names something keyguard analyses (the scan runs once per file: see fileTriggers). */
function isTriggered(sourceCode: TSESLint.SourceCode, registry: Registry): boolean {
  return sourceCode.text.length <= MAX_SOURCE_LENGTH && fileTriggers(sourceCode, registry).size > 0;
}

/**
 * The shared analysis of the file being linted, or null when the file has no
 * trigger (no catalogued module, global or marker in its text) or is too large:
 * over MAX_SOURCE_LENGTH characters, or over MAX_NODES nodes (generated code; the
 * file index stops counting there, before any evaluation).
 * Cached per Program node, so nothing outlives the file in an editor server.
 */
export function getAnalysis(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileAnalysis | null {
  const sourceCode = context.sourceCode;
  const program = sourceCode.ast;
  if (cache.has(program)) return cache.get(program)!;
  const start = performance.now();
  const registry = getRegistry();
  // Rules ask mayAnalyse first, so the scan's answer is usually known already: it is not scanned twice.
  const triggered = isTriggered(sourceCode, registry);
  let analysis: FileAnalysis | null = null;
  if (triggered) {
    const index = new FileIndex(sourceCode, registry);
    if (index.truncated) engineStats.tooLarge++;
    else analysis = new FileAnalysis(sourceCode, registry, index);
  }
  cache.set(program, analysis);
  engineStats.files++;
  if (analysis) engineStats.analysed++;
  engineStats.ms += performance.now() - start;
  return analysis;
}
