import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { parseCipherName } from '../src/catalogue/algorithms.js';
import { createRule } from '../src/create-rule.js';
import {
  enclosingFunctionOf,
  isFilledLater,
  isPasswordName,
  isSecretName,
  originsOf,
  type Origin,
} from '../src/engine/derivation.js';
import type { FileAnalysis } from '../src/engine/analysis.js';
import type { CallFact, RoleBinding } from '../src/engine/facts.js';
import { createReporter, onAnalysis } from '../src/engine/rule-kit.js';
import { stringLits, type AValue, type BytesValue } from '../src/engine/values.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;
type MessageIds = 'staticIv' | 'derivedIv' | 'sharedIv' | 'reusedIv' | 'reusedIvInLoop';

/** Modes and constructions where a repeated nonce repeats the keystream. */
const KEYSTREAM = /gcm|ctr|ccm|ocb|chacha|poly1305|salsa|ofb|cfb|rc4|rabbit/i;
const NONCE_LIBRARIES = new Set(['tweetnacl', 'libsodium']);

const CONSEQUENCE = {
  keystream:
    'With a stream cipher or a CTR/GCM-style mode a repeated nonce repeats the keystream: two ciphertexts XOR to the XOR of their plaintexts, and with GCM the authentication key leaks, so messages can be forged.',
  block:
    'Identical plaintexts then give identical ciphertexts, and with CBC an attacker who knows the IV in advance can confirm guesses of the plaintext.',
  unknown:
    'Identical plaintexts then give identical ciphertexts; in CTR, GCM or stream modes the keystream repeats, which reveals the XOR of plaintexts and lets messages be forged.',
} as const;

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

interface CipherContext {
  what: 'IV' | 'nonce';
  consequence: string;
  /** every cipher the call may use is ECB, which takes no IV (no-ecb-mode reports it) */
  ecbOnly: boolean;
}

function contextOf(fact: CallFact): CipherContext {
  const names = cipherNames(fact);
  const nonceLibrary = NONCE_LIBRARIES.has(fact.library);
  const keystream = nonceLibrary || names.some((name) => KEYSTREAM.test(name));
  const aead = nonceLibrary || names.some((name) => /gcm|ccm|ocb|chacha|poly1305/i.test(name));
  const ecbOnly = names.length > 0 && names.every((name) => /(^|-)ecb$/i.test(name) || parseCipherName(name)?.mode === 'ecb');
  return {
    what: aead ? 'nonce' : 'IV',
    consequence: keystream ? CONSEQUENCE.keystream : names.length ? CONSEQUENCE.block : CONSEQUENCE.unknown,
    ecbOnly,
  };
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
interface KeyIdentity {
  variables: Set<Variable>;
  texts: Set<string>;
}

function keyIdentity(analysis: FileAnalysis, fact: CallFact): KeyIdentity {
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

function isKeyOrigin(analysis: FileAnalysis, identity: KeyIdentity, origin: Origin): boolean {
  if (origin.variable && identity.variables.has(origin.variable)) return true;
  return origin.node.type === 'MemberExpression' && identity.texts.has(analysis.sourceCode.getText(origin.node));
}

/**
 * The variable an IV is read from: the identifier passed, or, for any other expression (`wrap(iv)`, `[iv][0]`,
 * `flag ? iv : iv`), the one variable that holds every buffer the expression resolves to (`const iv = randomBytes(12)`).
 */
function ivVariable(analysis: FileAnalysis, binding: RoleBinding): Variable | null {
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
function rootBytes(value: BytesValue): BytesValue {
  let current = value;
  for (let i = 0; i < 8; i++) {
    const source = current.from?.length === 1 ? current.from[0] : undefined;
    if (source?.kind !== 'bytes' || source.origin !== current.origin) break;
    current = source;
  }
  return current;
}

function lineSuffix(node: Node | null | undefined, reportedAt: Node, label?: string): string {
  const parts: string[] = [];
  if (label) parts.push(label);
  if (node && node.loc.start.line !== reportedAt.loc.start.line) parts.push(`line ${node.loc.start.line}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

const LOOP_METHODS = new Set(['forEach', 'map', 'flatMap', 'reduce', 'filter', 'some', 'every', 'find']);

/** The innermost loop (statement, or array-method callback) between a node and a boundary node, if any. */
function loopBetween(node: Node, boundary: Node): Node | null {
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

function within(inner: Node, outer: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** Buffer methods that do not change the buffer. */
const READ_ONLY_METHODS = new Set(['toString', 'toJSON', 'equals', 'compare', 'subarray', 'slice', 'at', 'includes', 'indexOf', 'readUInt32BE', 'readUInt32LE']);

/**
 * A reference that gives the variable a new value or changes its bytes in place: an assignment,
 * `nonce[0] = 1` (ChaCha20's block counter), `nonce.writeUInt32BE(seq, 12)`, `writeUInt32BE(nonce, seq, 12)`,
 * `crypto.getRandomValues(nonce)`. Passing it to an encryption or decryption call is a use, not a change.
 */
function changesValue(analysis: FileAnalysis, reference: TSESLint.Scope.Reference, depth = 0): boolean {
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

type Options = [{ checkReuse: boolean }];

export default createRule<Options, MessageIds>({
  name: 'no-static-iv',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow constant, zero-filled, key-derived and reused IVs and nonces when encrypting',
      recommended: 'recommended',
      cwe: ['CWE-329', 'CWE-1204', 'CWE-323'],
      mechanisms: [7],
      securitySeverity: 7.5,
      precision: 'high',
    },
    messages: {
      staticIv:
        'The {{what}} is {{how}}, so it is the same for every message encrypted under this key. {{consequence}} Generate a fresh random {{what}} for every encryption (crypto.randomBytes, crypto.getRandomValues, randombytes_buf) and store it with the ciphertext.',
      derivedIv:
        'The {{what}} is derived from {{source}}, so it repeats for every message under this key and exposes material that must stay secret. {{consequence}} Generate a fresh random {{what}} for every encryption and store it with the ciphertext.',
      sharedIv:
        'The {{what}} is generated once{{where}} and then reused by every encryption here. {{consequence}} Generate a fresh random {{what}} inside the function, for every encryption.',
      reusedIv:
        'The {{what}} `{{name}}` was already used to encrypt under the same key at line {{line}}. {{consequence}} Generate a new random {{what}} for each encryption.',
      reusedIvInLoop:
        'The {{what}} `{{name}}` is created outside this loop, so every iteration encrypts under the same key with it. {{consequence}} Generate a new random {{what}} inside the loop.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkReuse: {
            type: 'boolean',
            description:
              'Also report one IV variable used for two encryptions under the same key in a function, or for every iteration of a loop.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkReuse: true }],
  },
  create(context, [{ checkReuse }]) {
    const report = createReporter(context);

    /** A finding for one value the IV may take, or null. */
    function judgeValue(analysis: FileAnalysis, binding: RoleBinding, value: AValue): { messageId: MessageIds; data: Record<string, string> } | null {
      if (value.kind === 'lit') {
        if (typeof value.value !== 'string' || value.value === '') return null;
        return { messageId: 'staticIv', data: { how: `a string literal${lineSuffix(value.node, binding.node, value.label)}` } };
      }
      if (value.kind !== 'bytes') return null;
      const root = rootBytes(value);
      switch (root.origin) {
        case 'literal':
          return { messageId: 'staticIv', data: { how: `made from literal data${lineSuffix(root.node, binding.node)}` } };
        case 'zero-filled':
          if (isFilledLater(analysis, root)) return null;
          return { messageId: 'staticIv', data: { how: `all zeros${lineSuffix(root.node, binding.node)}` } };
        case 'constant-filled':
          if (isFilledLater(analysis, root)) return null;
          return { messageId: 'staticIv', data: { how: `a buffer filled with a constant${lineSuffix(root.node, binding.node)}` } };
        case 'random': {
          const use = enclosingFunctionOf(binding.node);
          if (use && enclosingFunctionOf(root.node) === null) {
            return { messageId: 'sharedIv', data: { where: ` at line ${root.node.loc.start.line}, outside the function that encrypts` } };
          }
          return null;
        }
        default:
          return null;
      }
    }

    /** A finding from where the IV's data comes from: the key itself, a password, the environment. */
    function judgeOrigins(analysis: FileAnalysis, binding: RoleBinding): { messageId: MessageIds; data: Record<string, string> } | null {
      const origins = originsOf(analysis, binding.node);
      const identity = keyIdentity(analysis, binding.fact);
      for (const origin of origins) {
        if (isKeyOrigin(analysis, identity, origin)) {
          return { messageId: 'derivedIv', data: { source: origin.hashed ? 'a hash of the encryption key' : 'the encryption key itself' } };
        }
      }
      for (const origin of origins) {
        if (origin.env) {
          return { messageId: 'staticIv', data: { how: `read from process.env (\`${origin.name}\`), fixed for the life of the process` } };
        }
      }
      for (const origin of origins) {
        if (isPasswordName(origin.name) || identifierHasSecret(origin.name) || (origin.hashed && isSecretName(origin.name))) {
          return {
            messageId: 'derivedIv',
            data: { source: `${origin.hashed ? 'a hash of ' : ''}\`${origin.name}\`${lineSuffix(origin.node, binding.node)}` },
          };
        }
      }
      return null;
    }

    return onAnalysis(context, (analysis) => {
      /** IV variables used for encryption, by function, for the reuse check. */
      const uses: { binding: RoleBinding; variable: Variable; fn: Node | null; ctx: CipherContext }[] = [];

      for (const binding of analysis.bindings('iv')) {
        const fact = binding.fact;
        if (fact.operation !== 'encrypt' && fact.operation !== 'wrap') continue;
        const ctx = contextOf(fact);
        if (ctx.ecbOnly) continue;
        const base = { what: ctx.what, consequence: ctx.consequence };
        let found = false;
        for (const value of binding.values) {
          const finding = judgeValue(analysis, binding, value);
          if (!finding) continue;
          found = true;
          report({ node: binding.node, messageId: finding.messageId, data: { ...base, ...finding.data } });
          break;
        }
        if (found) continue;
        const finding = judgeOrigins(analysis, binding);
        if (finding) {
          report({ node: binding.node, messageId: finding.messageId, data: { ...base, ...finding.data } });
          continue;
        }
        const variable = ivVariable(analysis, binding);
        if (variable && variable.defs.length === 1 && variable.defs[0]!.type === 'Variable') {
          uses.push({ binding, variable, fn: enclosingFunctionOf(binding.node), ctx });
        }
      }

      // Reuse: the same IV variable for two encryptions under one key in a function, or inside a loop.
      for (let i = 0; checkReuse && i < uses.length; i++) {
        const use = uses[i]!;
        const declaration = use.variable.defs[0]!.node as Node;
        const loop = loopBetween(use.binding.node, declaration.parent ?? declaration);
        const writtenInLoop = loop && use.variable.references.some((ref) => changesValue(analysis, ref) && within(ref.identifier, loop));
        const data = { what: use.ctx.what, consequence: use.ctx.consequence, name: use.variable.name };
        if (loop && !within(declaration, loop) && !writtenInLoop && keyFixedAcross(analysis, use.binding.fact, loop)) {
          report({ node: use.binding.node, messageId: 'reusedIvInLoop', data });
          continue;
        }
        for (let j = 0; j < i; j++) {
          const earlier = uses[j]!;
          if (earlier.variable !== use.variable || earlier.fn !== use.fn) continue;
          if (earlier.binding.fact === use.binding.fact || earlier.binding.fact.node === use.binding.fact.node) continue;
          // Up to the end of the IV expression itself: `seal(key, bump(iv))` changes the IV before this encryption.
          const between = [earlier.binding.fact.node.range[1], use.binding.node.range[1]] as const;
          const rewritten = use.variable.references.some(
            (ref) => changesValue(analysis, ref) && ref.identifier.range[0] > between[0] && ref.identifier.range[0] < between[1],
          );
          if (rewritten || !sameKey(analysis, earlier.binding.fact, use.binding.fact)) continue;
          report({ node: use.binding.node, messageId: 'reusedIv', data: { ...data, line: String(earlier.binding.node.loc.start.line) } });
          break;
        }
      }
    });
  },
});

/** `secretKey`, `SECRET` are secret names; the IV rule treats any `secret` word as secret-derived. */
function identifierHasSecret(name: string): boolean {
  return /secret/i.test(name) && isSecretName(name);
}

/** Both calls encrypt under the same key expression (same variable or same member text). */
function sameKey(analysis: FileAnalysis, a: CallFact, b: CallFact): boolean {
  const ka = keyIdentity(analysis, a);
  const kb = keyIdentity(analysis, b);
  for (const variable of ka.variables) if (kb.variables.has(variable)) return true;
  for (const text of ka.texts) if (kb.texts.has(text)) return true;
  return false;
}

/** The key of a call inside a loop is the same on every iteration: declared outside the loop (or a member like `this.key`). */
function keyFixedAcross(analysis: FileAnalysis, fact: CallFact, loop: Node): boolean {
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
