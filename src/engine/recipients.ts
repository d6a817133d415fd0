import type { TSESTree } from '@typescript-eslint/utils';
import type { FileAnalysis } from './analysis.js';
import type { CallFact, RoleBinding } from './facts.js';
import { keyLiterals, type KeyLiteral, type KeyLiterals } from './key-literals.js';
import type { AValue } from './values.js';

/**
 * Escrow and ghost recipients: every constant public key that reaches a recipient role (an argument, an
 * option, a list entry, a builder's recipients, or the receiver key object of `publicKey.encrypt(data)`),
 * and what reaching it means. The rule `no-escrow-recipient` only decides how to report these.
 */

type Node = TSESTree.Node;

/** What reaching a constant recipient means: escrowed key material, escrowed agreement, a ghost next to runtime recipients, or data for a fixed third party. */
export type RecipientCategory = 'key' | 'agreement' | 'ghost' | 'data';

/** A constant public key reaching a recipient. */
export interface RecipientCandidate {
  binding: RoleBinding | null;
  fact: CallFact;
  /** where to report */
  at: Node;
  found: KeyLiteral;
  /** other recipients of the same call, list or builder are runtime values */
  withRuntime: boolean;
}

const RECIPIENT_OPERATIONS = new Set(['encrypt', 'wrap', 'agree', 'derive']);

/**
 * Names that say a value is key material: `sessionKey`, `contentKey`, `dek`,
 * `cek`, `privateKey`, `key`. A public key's name (`publicKey`, `pubKey`) is not.
 */
const KEY_NAME =
  /^(?:(?:session|content|data|message|msg|file|sym(?:metric)?|aes|chat|group|room|conversation|master|wrapping|encryption|backup|recovery|private|secret|shared|raw|exported|ephemeral)_?key(?:s|bytes|material|raw)?|dek|cek|kek|mek|fek|key|keys|keyBytes|keyMaterial|secretKey|privateKey|sk)$/i;

const LIST_METHODS = new Set(['concat', 'push', 'unshift']);
const ITERATING_METHODS = new Set(['map', 'forEach', 'flatMap']);

/** Every constant recipient of the file with its category; a key found as a ghost is reported once, as a ghost. */
export function constantRecipients(analysis: FileAnalysis): { candidate: RecipientCandidate; category: RecipientCategory }[] {
  const keys = keyLiterals(analysis);
  const candidates = collectCandidates(analysis, keys);
  const ranges = candidates.length || hasListSites(analysis) ? recipientRanges(analysis) : [];
  const ghosts = ghostSites(analysis, keys, ranges, candidates);
  const ghostNodes = new Set(ghosts.map((ghost) => ghost.found.node).filter((node): node is Node => node !== null));
  const out: { candidate: RecipientCandidate; category: RecipientCategory }[] = ghosts.map((candidate) => ({ candidate, category: 'ghost' }));
  for (const candidate of candidates) {
    if (candidate.found.node && ghostNodes.has(candidate.found.node)) continue;
    out.push({ candidate, category: categoryOf(candidate, analysis, keys) });
  }
  return out;
}

// ------------------------------------------------------------------ recipients

/** Every constant public key that reaches a recipient: an argument, an option, a list entry or the receiver key object. */
function collectCandidates(analysis: FileAnalysis, keys: KeyLiterals): RecipientCandidate[] {
  const out: RecipientCandidate[] = [];
  const byRoot = new Map<CallFact, RecipientCandidate[]>();
  const runtimeRoots = new Set<CallFact>();
  const handled = new Set<CallFact>();
  for (const fact of analysis.facts) {
    if (!fact.operation || !RECIPIENT_OPERATIONS.has(fact.operation)) continue;
    const recipients = fact.bindings.filter(
      (binding) => binding.role === 'recipientKey' || (binding.role === 'key' && (fact.operation === 'encrypt' || fact.operation === 'wrap')),
    );
    for (const binding of recipients) {
      const { constants, runtime } = splitRecipients(analysis, keys, binding.values, binding.node, binding.role === 'key');
      if (runtime && fact.receiverFact) runtimeRoots.add(rootOf(fact));
      for (const found of constants) {
        const candidate: RecipientCandidate = { binding, fact, at: binding.node, found, withRuntime: runtime };
        out.push(candidate);
        if (fact.receiverFact) {
          const root = rootOf(fact);
          byRoot.set(root, [...(byRoot.get(root) ?? []), candidate]);
        }
      }
      handled.add(fact);
    }
    // The receiver is the recipient (`forge publicKey.encrypt(data)`, `new NodeRSA(pem).encrypt(data)`).
    if (!recipients.length && fact.receiverFact && fact.operation === 'encrypt') {
      for (const found of keys.keyObject(fact.receiverFact, 'public', 0)) {
        if (found.kind !== 'public' && found.kind !== 'certificate') continue;
        out.push({ binding: null, fact, at: fact.callee, found, withRuntime: false });
      }
    }
  }
  // Builders (jose GeneralEncrypt): a constant added next to runtime recipients of the same message is a ghost.
  for (const [root, list] of byRoot) {
    if (!runtimeRoots.has(root)) continue;
    for (const candidate of list) candidate.withRuntime = true;
  }
  return out;
}

/** The constant public keys among a recipient's values (list entries included), and whether any is a runtime value. */
function splitRecipients(
  analysis: FileAnalysis,
  keys: KeyLiterals,
  values: readonly AValue[],
  at: Node,
  publicOnly: boolean,
): { constants: KeyLiteral[]; runtime: boolean } {
  const constants: KeyLiteral[] = [];
  let runtime = false;
  const entries = values.flatMap((value) => (value.kind === 'array' ? analysis.evaluator.elementsOf([value], at) : [value]));
  for (const value of entries) {
    if (value.kind === 'lit' && (value.value === undefined || value.value === null)) continue;
    // Where a secret key may also go (`subtle.encrypt`'s key), only a key that says it is public counts.
    const found = keys
      .ofValue(value, 'public')
      .filter((key) => (key.kind === 'public' || key.kind === 'certificate') && (!publicOnly || key.selfDescribing || key.via));
    if (found.length) constants.push(...found);
    else if (!publicOnly || value.kind === 'unknown' || value.kind === 'type') runtime = true;
  }
  return { constants, runtime };
}

function rootOf(fact: CallFact): CallFact {
  let current = fact;
  for (let i = 0; i < 50 && current.receiverFact; i++) current = current.receiverFact;
  return current;
}

// ------------------------------------------------------------------ categories

function categoryOf(candidate: RecipientCandidate, analysis: FileAnalysis, keys: KeyLiterals): RecipientCategory {
  if (candidate.withRuntime) return 'ghost';
  const operation = candidate.fact.operation;
  if (operation === 'agree' || operation === 'derive') return 'agreement';
  if (operation === 'wrap') return 'key';
  return plaintextIsKey(candidate.fact, analysis, keys) ? 'key' : 'data';
}

/** The data encrypted is key material: generated, derived, random, exported, or named as a key. */
function plaintextIsKey(fact: CallFact, analysis: FileAnalysis, keys: KeyLiterals): boolean {
  for (let current: CallFact | undefined = fact, i = 0; current && i < 50; current = current.receiverFact, i++) {
    for (const binding of current.bindings) {
      if (binding.role !== 'plaintext') continue;
      if (isKeyName(binding.node)) return true;
      if (binding.values.some((value) => isKeyMaterial(value, analysis, keys, 0))) return true;
    }
  }
  return false;
}

function isKeyName(node: Node): boolean {
  let current = node;
  while (current.type === 'AwaitExpression' || current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression') {
    current = current.type === 'AwaitExpression' ? current.argument : current.expression;
  }
  if (current.type === 'Identifier') return KEY_NAME.test(current.name);
  if (current.type === 'MemberExpression' && !current.computed && current.property.type === 'Identifier') {
    return KEY_NAME.test(current.property.name);
  }
  if (current.type === 'CallExpression' && current.arguments.length && current.callee.type === 'MemberExpression') {
    // `Buffer.from(sessionKey)`, `new Uint8Array(rawKey)`
    const first = current.arguments[0]!;
    return first.type !== 'SpreadElement' && isKeyName(first);
  }
  return false;
}

function isKeyMaterial(value: AValue, analysis: FileAnalysis, keys: KeyLiterals, depth: number): boolean {
  if (depth > 4) return false;
  switch (value.kind) {
    case 'bytes':
      if (value.origin === 'random') return true;
      return (value.from ?? []).some((inner) => isKeyMaterial(inner, analysis, keys, depth + 1));
    case 'unknown':
    case 'type': {
      if (value.kind === 'unknown' && value.provenance === 'key-material') return true;
      if (value.kind === 'unknown' && value.node?.type === 'Identifier' && KEY_NAME.test(value.node.name)) return true;
      const origin = value.origin;
      if (!origin) return false;
      if (origin.operation === 'generate' || origin.operation === 'derive' || origin.operation === 'agree') return true;
      if (origin.operation === 'export') {
        const spki = origin.bindings.some(
          (binding) => binding.role === 'keyFormat' && binding.values.some((format) => format.kind === 'lit' && format.value === 'spki'),
        );
        return !spki && !/public/i.test(origin.api);
      }
      // openpgp `createMessage({ binary: sessionKey })`: look at what the message was made from.
      return origin.bindings.some(
        (binding) => binding.role === 'plaintext' && (isKeyName(binding.node) || binding.values.some((inner) => isKeyMaterial(inner, analysis, keys, depth + 1))),
      );
    }
    default:
      return false;
  }
}

// ------------------------------------------------------------------ ghost lists

/** Source ranges of every recipient argument: a list that flows into one of them is a recipient list. */
function recipientRanges(analysis: FileAnalysis): [number, number][] {
  const out: [number, number][] = [];
  for (const fact of analysis.facts) {
    if (!fact.operation || !RECIPIENT_OPERATIONS.has(fact.operation)) continue;
    for (const binding of fact.bindings) {
      if (binding.role === 'recipientKey' || (binding.role === 'key' && fact.operation === 'encrypt')) out.push(binding.node.range);
    }
  }
  return out;
}

function hasListSites(analysis: FileAnalysis): boolean {
  return analysis.index.calls.some(
    (call) => call.callee.type === 'MemberExpression' && !call.callee.computed && call.callee.property.type === 'Identifier' && LIST_METHODS.has(call.callee.property.name),
  ) || analysis.sourceCode.text.includes('...');
}

function inRanges(node: Node, ranges: readonly [number, number][]): boolean {
  return ranges.some(([start, end]) => node.range[0] >= start && node.range[1] <= end);
}

/**
 * Lists of runtime participants extended with a constant public key:
 * `[...members, escrowKey]`, `members.concat(escrowKey)`, `recipients.push(escrowKey)`,
 * reported when the list reaches a recipient (directly, through a variable, a
 * for-of loop or a map/forEach callback), or when the constant itself is seen
 * at a recipient next to runtime values.
 */
function ghostSites(analysis: FileAnalysis, keys: KeyLiterals, ranges: readonly [number, number][], candidates: readonly RecipientCandidate[]): RecipientCandidate[] {
  if (!ranges.length) return [];
  const evaluator = analysis.evaluator;
  const mixedAtRecipient = new Set(candidates.filter((c) => c.withRuntime && c.found.node).map((c) => c.found.node!));
  const constantsOf = (node: Node): KeyLiteral[] =>
    evaluator
      .evaluate(node)
      .flatMap((value) => (value.kind === 'array' ? evaluator.elementsOf([value], node) : [value]))
      .flatMap((value) => keys.ofValue(value, 'public'))
      .filter((found) => found.kind === 'public' || found.kind === 'certificate');
  const isRuntime = (values: readonly AValue[], node: Node, exclude: ReadonlySet<Node | null> = new Set()): boolean =>
    values
      .flatMap((value) => (value.kind === 'array' ? evaluator.elementsOf([value], node) : [value]))
      .some((value) => {
        if (value.kind === 'lit' && (value.value === undefined || value.value === null)) return false;
        const found = keys.ofValue(value, 'public');
        if (found.length) return false;
        if (value.kind === 'lit' && exclude.has(value.node)) return false;
        return value.kind === 'unknown' || value.kind === 'type' || value.kind === 'object' || value.kind === 'function';
      });
  const out: RecipientCandidate[] = [];
  // Whether the list reaches a recipient by its shape alone: through its place, the variable holding it, a loop
  // or a callback. Answered from references, it is much cheaper than evaluating the list's entries.
  const reaches = (list: Node, holder: TSESTree.Identifier | null): boolean =>
    inRanges(list, ranges) || (holder !== null ? variableFlows(analysis, holder, ranges) : listAliasFlows(analysis, list, ranges));
  // Otherwise only a constant also seen at a recipient next to runtime values makes the list count: without
  // one, a list that does not reach a recipient is skipped before any of its entries is evaluated.
  const consider = (listReaches: boolean, constant: Node) => {
    const found = constantsOf(constant);
    if (!found.length) return;
    const flows = listReaches || found.some((key) => key.node !== null && mixedAtRecipient.has(key.node));
    if (!flows) return;
    const via = nearestRecipientFact(analysis, found) ?? analysis.facts[0];
    if (!via) return;
    for (const key of found) out.push({ binding: null, fact: via, at: constant, found: key, withRuntime: true });
  };
  // Array literals with a runtime part and a constant entry.
  for (const node of analysis.index.arrays) {
    const listReaches = reaches(node, null);
    if (!listReaches && mixedAtRecipient.size === 0) continue;
    const runtime = node.elements.some((element) => {
      if (!element) return false;
      const inner = element.type === 'SpreadElement' ? element.argument : element;
      return isRuntime(evaluator.evaluate(inner), inner);
    });
    if (!runtime) continue;
    for (const element of node.elements) {
      if (element && element.type !== 'SpreadElement') consider(listReaches, element);
    }
  }
  // `list.concat(k)`, `list.push(k)`, `list.unshift(k)` on a runtime list.
  for (const call of analysis.index.calls) {
    const callee = aliasedMember(analysis, call.callee);
    if (call.type !== 'CallExpression' || callee?.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') continue;
    const method = callee.property.name;
    if (!LIST_METHODS.has(method)) continue;
    const holder = method === 'concat' ? null : callee.object.type === 'Identifier' ? callee.object : null;
    if (method !== 'concat' && !holder) continue;
    const listReaches = reaches(call, holder);
    if (!listReaches && mixedAtRecipient.size === 0) continue;
    const args = call.arguments.filter((arg): arg is TSESTree.Expression => arg.type !== 'SpreadElement');
    const argNodes = new Set<Node | null>(args.flatMap((arg) => evaluator.evaluate(arg).map((value) => ('node' in value ? (value.node ?? null) : null))));
    if (!isRuntime(evaluator.evaluate(callee.object), callee.object, argNodes)) continue;
    for (const arg of args) {
      if (arg.type === 'ArrayExpression') {
        for (const element of arg.elements) if (element && element.type !== 'SpreadElement') consider(listReaches, element);
      } else {
        consider(listReaches, arg);
      }
    }
  }
  return dedupe(out);
}

function dedupe(candidates: RecipientCandidate[]): RecipientCandidate[] {
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    const id = `${candidate.at.range[0]}:${candidate.found.node?.range[0] ?? -1}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The recipient call a constant reaches, for the message (`openpgp.encrypt`). */
function nearestRecipientFact(analysis: FileAnalysis, found: readonly KeyLiteral[]): CallFact | undefined {
  const nodes = new Set(found.map((key) => key.node));
  return analysis.facts.find((fact) =>
    fact.bindings.some((binding) => binding.role === 'recipientKey' && binding.values.some((value) => 'node' in value && nodes.has(value.node ?? null))),
  ) ?? analysis.facts.find((fact) => fact.bindings.some((binding) => binding.role === 'recipientKey'));
}

/** A list bound to a variable (`const recipients = [...]`, `x = members.concat(k)`): does the variable flow to a recipient? */
function listAliasFlows(analysis: FileAnalysis, list: Node, ranges: readonly [number, number][]): boolean {
  let current: Node = list;
  while (current.parent && (current.parent.type === 'TSAsExpression' || current.parent.type === 'AwaitExpression' || current.parent.type === 'TSSatisfiesExpression')) {
    current = current.parent;
  }
  const parent = current.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === current && parent.id.type === 'Identifier') return variableFlows(analysis, parent.id, ranges);
  if (parent?.type === 'AssignmentExpression' && parent.right === current && parent.left.type === 'Identifier') return variableFlows(analysis, parent.left, ranges);
  if (parent?.type === 'ForOfStatement' && parent.right === current) return loopFlows(analysis, parent, ranges);
  if (parent?.type === 'MemberExpression' && parent.object === current) return callbackFlows(analysis, parent, ranges);
  return false;
}

/** `const push = list.push; push(k)`: the member a local alias was initialised with. */
function aliasedMember(analysis: FileAnalysis, callee: Node): Node | null {
  if (callee.type !== 'Identifier') return callee;
  const variable = analysis.evaluator.findVariable(callee);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const init = def?.type === 'Variable' ? def.node.init : null;
  return init?.type === 'MemberExpression' ? init : callee;
}

/** Does a list held in this variable (or in a plain alias of it: `const l = list`) reach a recipient? */
function variableFlows(analysis: FileAnalysis, id: TSESTree.Identifier, ranges: readonly [number, number][], seen = new Set<unknown>()): boolean {
  const variable = analysis.evaluator.findVariable(id);
  if (!variable || seen.has(variable) || seen.size > 16) return false;
  seen.add(variable);
  for (const def of variable.defs) {
    if (def.type === 'Variable' && def.node.init?.type === 'Identifier' && variableFlows(analysis, def.node.init, ranges, seen)) return true;
  }
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    const use = reference.identifier;
    if (inRanges(use, ranges)) return true;
    const parent = use.parent;
    if (parent?.type === 'ForOfStatement' && parent.right === use && loopFlows(analysis, parent, ranges)) return true;
    if (parent?.type === 'MemberExpression' && parent.object === use && callbackFlows(analysis, parent, ranges)) return true;
    if (parent?.type === 'VariableDeclarator' && parent.init === use && parent.id.type === 'Identifier' && variableFlows(analysis, parent.id, ranges, seen)) return true;
  }
  return false;
}

/** `for (const k of list)`: the loop variable reaches a recipient. */
function loopFlows(analysis: FileAnalysis, loop: TSESTree.ForOfStatement, ranges: readonly [number, number][]): boolean {
  const left = loop.left;
  const id = left.type === 'VariableDeclaration' ? left.declarations[0]?.id : left;
  if (id?.type !== 'Identifier') return inRanges(loop.body, ranges);
  const variable = analysis.sourceCode.scopeManager?.getDeclaredVariables(left.type === 'VariableDeclaration' ? left.declarations[0]! : loop).find((v) => v.name === id.name);
  return (variable?.references ?? []).some((reference) => reference.isRead() && inRanges(reference.identifier, ranges));
}

/** `list.map((k) => encrypt(k))`: the callback's first parameter reaches a recipient. */
function callbackFlows(analysis: FileAnalysis, member: TSESTree.MemberExpression, ranges: readonly [number, number][]): boolean {
  if (member.computed || member.property.type !== 'Identifier' || !ITERATING_METHODS.has(member.property.name)) return false;
  const call = member.parent;
  if (call?.type !== 'CallExpression' || call.callee !== member) return false;
  const callback = call.arguments[0];
  if (!callback || (callback.type !== 'ArrowFunctionExpression' && callback.type !== 'FunctionExpression')) return false;
  const param = callback.params[0];
  if (param?.type !== 'Identifier') return inRanges(callback.body, ranges);
  const variable = analysis.sourceCode.scopeManager?.getDeclaredVariables(callback).find((v) => v.name === param.name);
  return (variable?.references ?? []).some((reference) => reference.isRead() && inRanges(reference.identifier, ranges));
}

