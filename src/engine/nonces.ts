import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { parseCipherName } from '../catalogue/algorithms.js';
import type { FileAnalysis } from './analysis.js';
import type { Origin } from './derivation.js';
import type { CallFact, RoleBinding } from './facts.js';
import { stringLits, type BytesValue } from './values.js';

/**
 * IVs and nonces: which cipher an IV feeds and what a repeat costs there, which key it is used under, the
 * variable it is read from, and whether that variable changes between two encryptions or across a loop.
 * The rule `no-static-iv` asks these questions; the answers are about code shape, not about messages.
 */

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** Modes and constructions where a repeated nonce repeats the keystream. */
const KEYSTREAM = /gcm|ctr|ccm|ocb|chacha|poly1305|salsa|ofb|cfb|rc4|rabbit/i;
const NONCE_LIBRARIES = new Set(['tweetnacl', 'libsodium']);

/** What the cipher of an encryption call says about its IV. */
export interface CipherTraits {
  /** an AEAD or a nonce-based library: the value is called a nonce */
  nonce: boolean;
  /** a repeat repeats the keystream (stream ciphers, CTR/GCM-style modes) */
  keystream: boolean;
  /** the call names its cipher at all */
  named: boolean;
  /** every cipher the call may use is ECB, which takes no IV (no-ecb-mode reports it) */
  ecbOnly: boolean;
}

export function cipherTraits(fact: CallFact): CipherTraits {
  const names = cipherNames(fact);
  const nonceLibrary = NONCE_LIBRARIES.has(fact.library);
  return {
    nonce: nonceLibrary || names.some((name) => /gcm|ccm|ocb|chacha|poly1305/i.test(name)),
    keystream: nonceLibrary || names.some((name) => KEYSTREAM.test(name)),
    named: names.length > 0,
    ecbOnly: names.length > 0 && names.every((name) => /(^|-)ecb$/i.test(name) || parseCipherName(name)?.mode === 'ecb'),
  };
}

/** The names and strings that say which cipher a call uses: its own bindings and its receiver's (`cipher.start`). */
function cipherNames(fact: CallFact): string[] {
  const names: string[] = [];
  for (let current: CallFact | undefined = fact; current; current = current.receiverFact) {
    for (const binding of current.bindings) {
      if (binding.role === 'cipher' || binding.role === 'algorithm' || binding.role === 'cipherMode') {
        names.push(...stringLits(binding.values).map((value) => String(value.value)));
      }
    }
  }
  return names;
}

/** The key bindings of a call, or of the call that created its receiver (`forge.cipher.createCipher(alg, key).start({ iv })`). */
function keyBindings(fact: CallFact): RoleBinding[] {
  for (let current: CallFact | undefined = fact; current; current = current.receiverFact) {
    const keys = current.bindings.filter((binding) => binding.role === 'key');
    if (keys.length) return keys;
  }
  return [];
}

function unwrap(node: Node): Node {
  let current = node;
  while (current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'ChainExpression') {
    current = current.expression;
  }
  return current;
}

/** What identifies a key argument: its variable (and the variables it was copied from), or its member text (`this.key`). */
export interface KeyIdentity {
  variables: Set<Variable>;
  texts: Set<string>;
}

export function keyIdentity(analysis: FileAnalysis, fact: CallFact): KeyIdentity {
  const identity: KeyIdentity = { variables: new Set(), texts: new Set() };
  const visit = (raw: Node, depth: number): void => {
    const node = unwrap(raw);
    if (depth > 4) return;
    if (node.type === 'Identifier') {
      const variable = analysis.evaluator.findVariable(node);
      if (!variable || identity.variables.has(variable)) return;
      identity.variables.add(variable);
      for (const def of variable.defs) {
        if (def.type === 'Variable' && def.node.id.type === 'Identifier' && def.node.init) visit(def.node.init, depth + 1);
      }
    } else if (node.type === 'MemberExpression') {
      identity.texts.add(analysis.sourceCode.getText(node));
    }
  };
  for (const binding of keyBindings(fact)) visit(binding.node, 0);
  return identity;
}

export function isKeyOrigin(analysis: FileAnalysis, identity: KeyIdentity, origin: Origin): boolean {
  if (origin.variable && identity.variables.has(origin.variable)) return true;
  return origin.node.type === 'MemberExpression' && identity.texts.has(analysis.sourceCode.getText(origin.node));
}

/**
 * The variable an IV is read from: the identifier passed, or, for any other expression (`wrap(iv)`, `[iv][0]`,
 * `flag ? iv : iv`), the one variable that holds every buffer the expression resolves to (`const iv = randomBytes(12)`).
 */
export function ivVariable(analysis: FileAnalysis, binding: RoleBinding): Variable | null {
  const node = unwrap(binding.node);
  if (node.type === 'Identifier') return analysis.evaluator.findVariable(node);
  let found: Variable | null = null;
  for (const value of binding.values) {
    if (value.kind !== 'bytes') return null;
    const holder = holderOf(analysis, value.node);
    if (!holder || (found && holder !== found)) return null;
    found = holder;
  }
  return found;
}

/** The variable a created value is stored in at its creation: `const iv = <node>`, through `await`, ternaries and casts. */
function holderOf(analysis: FileAnalysis, node: Node): Variable | null {
  let current = node;
  let parent = current.parent;
  while (
    parent &&
    (parent.type === 'AwaitExpression' ||
      parent.type === 'ConditionalExpression' ||
      parent.type === 'LogicalExpression' ||
      parent.type === 'TSAsExpression' ||
      parent.type === 'TSNonNullExpression' ||
      parent.type === 'TSSatisfiesExpression')
  ) {
    current = parent;
    parent = parent.parent;
  }
  if (parent?.type !== 'VariableDeclarator' || parent.init !== current || parent.id.type !== 'Identifier') return null;
  return analysis.evaluator.findVariable(parent.id);
}

/** The bytes a slice was cut from, back to the buffer that was allocated or generated. */
export function rootBytes(value: BytesValue): BytesValue {
  let current = value;
  for (let i = 0; i < 8; i++) {
    const source = current.from?.length === 1 ? current.from[0] : undefined;
    if (source?.kind !== 'bytes' || source.origin !== current.origin) break;
    current = source;
  }
  return current;
}

const LOOP_METHODS = new Set(['forEach', 'map', 'flatMap', 'reduce', 'filter', 'some', 'every', 'find']);

/** The innermost loop (statement, or array-method callback) between a node and a boundary node, if any. */
export function loopBetween(node: Node, boundary: Node): Node | null {
  let current: Node | undefined = node.parent;
  while (current && current !== boundary) {
    switch (current.type) {
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
        return current;
      case 'ArrowFunctionExpression':
      case 'FunctionExpression': {
        const call = current.parent;
        if (
          call?.type === 'CallExpression' &&
          call.arguments.includes(current) &&
          call.callee.type === 'MemberExpression' &&
          !call.callee.computed &&
          call.callee.property.type === 'Identifier' &&
          LOOP_METHODS.has(call.callee.property.name)
        ) {
          return current;
        }
        break;
      }
      default:
        break;
    }
    current = current.parent;
  }
  return null;
}

export function within(inner: Node, outer: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** Buffer methods that do not change the buffer. */
const READ_ONLY_METHODS = new Set(['toString', 'toJSON', 'equals', 'compare', 'subarray', 'slice', 'at', 'includes', 'indexOf', 'readUInt32BE', 'readUInt32LE']);

/**
 * A reference that gives the variable a new value or changes its bytes in place: an assignment,
 * `nonce[0] = 1` (ChaCha20's block counter), `nonce.writeUInt32BE(seq, 12)`, `writeUInt32BE(nonce, seq, 12)`,
 * `crypto.getRandomValues(nonce)`. Passing it to an encryption or decryption call is a use, not a change.
 */
export function changesValue(analysis: FileAnalysis, reference: TSESLint.Scope.Reference, depth = 0): boolean {
  if (reference.isWrite() && !reference.init) return true;
  const id = reference.identifier as Node;
  const use = id.parent;
  if (use?.type === 'MemberExpression' && use.object === id) {
    const grand = use.parent;
    if ((grand?.type === 'AssignmentExpression' && grand.left === use) || grand?.type === 'UpdateExpression') return true;
    const name = !use.computed && use.property.type === 'Identifier' ? use.property.name : null;
    return grand?.type === 'CallExpression' && grand.callee === use && (name === null || !READ_ONLY_METHODS.has(name));
  }
  if ((use?.type === 'CallExpression' || use?.type === 'NewExpression') && use.arguments.includes(id as TSESTree.Expression)) {
    if (analysis.facts.some((fact) => fact.node === use && (fact.operation === 'encrypt' || fact.operation === 'decrypt' || fact.operation === 'wrap'))) {
      return false;
    }
    return !passedUnchanged(analysis, use, use.arguments.indexOf(id as TSESTree.Expression), depth);
  }
  return false;
}

/**
 * A buffer passed to a function defined in this file that neither writes nor fills its parameter
 * (`function wrap(value) { return value; }`) is not changed by the call. Anything else may fill it.
 */
function passedUnchanged(analysis: FileAnalysis, call: TSESTree.CallExpression | TSESTree.NewExpression, index: number, depth: number): boolean {
  if (depth > 3 || call.arguments.slice(0, index).some((arg) => arg.type === 'SpreadElement')) return false;
  const callees = analysis.evaluator.evaluate(call.callee);
  if (!callees.length) return false;
  for (const callee of callees) {
    if (callee.kind !== 'function') return false;
    const param = callee.node.params[index];
    if (param?.type !== 'Identifier') return false;
    const variable = analysis.sourceCode.scopeManager?.getDeclaredVariables(callee.node).find((candidate) => candidate.name === param.name);
    if (!variable || variable.references.some((reference) => changesValue(analysis, reference, depth + 1))) return false;
  }
  return true;
}

/** Both calls encrypt under the same key expression (same variable or same member text). */
export function sameKey(analysis: FileAnalysis, a: CallFact, b: CallFact): boolean {
  const ka = keyIdentity(analysis, a);
  const kb = keyIdentity(analysis, b);
  for (const variable of ka.variables) if (kb.variables.has(variable)) return true;
  for (const text of ka.texts) if (kb.texts.has(text)) return true;
  return false;
}

/** The key of a call inside a loop is the same on every iteration: declared outside the loop (or a member like `this.key`). */
export function keyFixedAcross(analysis: FileAnalysis, fact: CallFact, loop: Node): boolean {
  const identity = keyIdentity(analysis, fact);
  if (identity.texts.size && !identity.variables.size) return true;
  if (!identity.variables.size) return false;
  for (const variable of identity.variables) {
    const def = variable.defs[0];
    if (!def) return false;
    if (within(def.name, loop)) return false;
    if (variable.references.some((ref) => ref.isWrite() && !ref.init && within(ref.identifier, loop))) return false;
  }
  return true;
}
