import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FileAnalysis } from './analysis.js';
import type { CallFact } from './facts.js';
import type { BytesValue } from './values.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/**
 * Where a value's bytes come from, for the IV and key-derivation rules
 * (issue 3): `key.subarray(0, 16)` comes from `key`;
 * `createHash('md5').update(password).digest()` comes from `password`,
 * through a hash. Followed through local variables (every assignment),
 * slices and conversions, concatenation, templates and catalogued hashes, to
 * a bounded depth. A proper KDF (`pbkdf2Sync`, `scrypt`) ends the trail.
 */
export interface Origin {
  /** the identifier or property name the data was read from */
  name: string;
  /** the variable, for identifiers: two origins are the same data when their variables are */
  variable: Variable | null;
  /** the expression read: `key`, `this.key`, `config.secret` */
  node: Node;
  /** the data went through a (fast, unkeyed) hash on the way */
  hashed: boolean;
  /** read from `process.env`: fixed for the life of the process */
  env: boolean;
}

/** Methods whose result carries its receiver's data (views, copies, encodings). */
const RECEIVER_CONVERSIONS = new Set([
  'subarray',
  'slice',
  'substring',
  'substr',
  'toString',
  'toJSON',
  'valueOf',
  'padEnd',
  'padStart',
  'repeat',
  'normalize',
  'trim',
  'toLowerCase',
  'toUpperCase',
  'split',
  'concat',
  'clone',
]);

/** Functions and methods whose result carries their arguments' data. */
const ARGUMENT_CONVERSIONS = new Set(['from', 'encode', 'parse', 'concat', 'String', 'Buffer', 'Uint8Array', 'of', 'copyOf']);

const MAX_DEPTH = 8;

const childrenCache = new WeakMap<FileAnalysis, Map<CallFact, CallFact[]>>();
const factsCache = new WeakMap<FileAnalysis, Map<Node, CallFact[]>>();

/** The catalogued calls at a node. */
export function factsAt(analysis: FileAnalysis, node: Node): readonly CallFact[] {
  let map = factsCache.get(analysis);
  if (!map) {
    map = new Map();
    for (const fact of analysis.facts) {
      const list = map.get(fact.node);
      if (list) list.push(fact);
      else map.set(fact.node, [fact]);
    }
    factsCache.set(analysis, map);
  }
  return map.get(node) ?? [];
}

/** Every call made on the instance a fact created, transitively (`h.update(a)`, `h.update(a).update(b)`). */
function instanceCalls(analysis: FileAnalysis, root: CallFact): CallFact[] {
  let map = childrenCache.get(analysis);
  if (!map) {
    map = new Map();
    for (const fact of analysis.facts) {
      if (!fact.receiverFact) continue;
      const list = map.get(fact.receiverFact);
      if (list) list.push(fact);
      else map.set(fact.receiverFact, [fact]);
    }
    childrenCache.set(analysis, map);
  }
  const out: CallFact[] = [];
  const stack = [...(map.get(root) ?? [])];
  while (stack.length && out.length < 200) {
    const next = stack.pop()!;
    if (out.includes(next)) continue;
    out.push(next);
    stack.push(...(map.get(next) ?? []));
  }
  return out;
}

function unwrap(node: Node): Node {
  let current = node;
  while (
    current.type === 'TSAsExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSTypeAssertion' ||
    current.type === 'ChainExpression' ||
    current.type === 'AwaitExpression'
  ) {
    current = current.type === 'AwaitExpression' ? current.argument : current.expression;
  }
  return current;
}

function isProcessEnv(node: Node): boolean {
  const object = unwrap(node);
  return (
    object.type === 'MemberExpression' &&
    !object.computed &&
    object.property.type === 'Identifier' &&
    object.property.name === 'env' &&
    object.object.type === 'Identifier' &&
    object.object.name === 'process'
  );
}

/** The origins of an expression's data (see {@link Origin}). */
export function originsOf(analysis: FileAnalysis, expression: Node): Origin[] {
  const evaluator = analysis.evaluator;
  const out: Origin[] = [];
  const seen = new Set<Node>();
  const seenVariables = new Set<Variable>();

  const visit = (raw: Node, hashed: boolean, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const node = unwrap(raw);
    if (seen.has(node)) return;
    seen.add(node);
    switch (node.type) {
      case 'Identifier': {
        const variable = evaluator.findVariable(node);
        out.push({ name: node.name, variable, node, hashed, env: false });
        if (!variable || seenVariables.has(variable)) return;
        seenVariables.add(variable);
        for (const def of variable.defs) {
          if (def.type === 'Variable' && def.node.init) {
            const id = def.node.id;
            // `const { key } = config`: the pattern names the data; follow the object only for plain bindings.
            if (id.type === 'Identifier') visit(def.node.init, hashed, depth + 1);
            else if (isProcessEnv(def.node.init)) out.push({ name: def.name.name, variable, node: def.name, hashed, env: true });
          }
        }
        for (const reference of variable.references) {
          if (reference.isWrite() && !reference.init && reference.writeExpr) visit(reference.writeExpr, hashed, depth + 1);
        }
        return;
      }
      case 'MemberExpression': {
        const name = !node.computed && node.property.type === 'Identifier' ? node.property.name : node.property.type === 'Literal' ? String(node.property.value) : null;
        const env = isProcessEnv(node.object);
        if (name !== null) out.push({ name, variable: null, node, hashed, env });
        // `[key][0]`, `({ value: key }).value`: the element or property read is the data.
        const element = literalMember(node);
        if (element) {
          visit(element, hashed, depth + 1);
          return;
        }
        // `buf.buffer`, `keyPair.secretKey`: the object is the data too.
        if (!env && node.object.type !== 'ThisExpression') visit(node.object, hashed, depth + 1);
        return;
      }
      case 'TemplateLiteral':
        for (const part of node.expressions) visit(part, hashed, depth);
        return;
      case 'BinaryExpression':
        if (node.operator === '+') {
          visit(node.left, hashed, depth);
          visit(node.right, hashed, depth);
        }
        return;
      case 'LogicalExpression':
        visit(node.left, hashed, depth);
        visit(node.right, hashed, depth);
        return;
      case 'ConditionalExpression':
        visit(node.consequent, hashed, depth);
        visit(node.alternate, hashed, depth);
        return;
      case 'CallExpression':
      case 'NewExpression':
        visitCall(node, hashed, depth);
        return;
      default:
        return;
    }
  };

  const visitCall = (node: TSESTree.CallExpression | TSESTree.NewExpression, hashed: boolean, depth: number): void => {
    const facts = factsAt(analysis, node);
    if (facts.some((fact) => fact.operation === 'derive' || fact.operation === 'random' || fact.operation === 'mac')) return;
    const hashFact = facts.find((fact) => fact.operation === 'hash');
    if (hashFact) {
      // Hash input: the message bindings of this call, of the calls it was chained from, and of calls on the same instance.
      let root: CallFact = hashFact;
      while (root.receiverFact) root = root.receiverFact;
      const related = [root, ...instanceCalls(analysis, root)];
      let found = false;
      for (const fact of related) {
        for (const binding of fact.bindings) {
          if (binding.role !== 'message') continue;
          found = true;
          visit(binding.node, true, depth + 1);
        }
      }
      if (!found && node.callee.type === 'MemberExpression' && node.callee.object.type !== 'Super') {
        visit(node.callee.object, true, depth + 1);
      }
      return;
    }
    const callee = unwrap(node.callee);
    const name =
      callee.type === 'Identifier'
        ? callee.name
        : callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier'
          ? callee.property.name
          : null;
    if (name !== null && callee.type === 'MemberExpression' && RECEIVER_CONVERSIONS.has(name)) visit(callee.object, hashed, depth + 1);
    if (name !== null && (ARGUMENT_CONVERSIONS.has(name) || RECEIVER_CONVERSIONS.has(name))) {
      for (const arg of node.arguments) if (arg.type !== 'SpreadElement') visit(arg, hashed, depth + 1);
      return;
    }
    // A call of a function defined in this file (`wrap(key.subarray(0, 16))`): follow the values the evaluator
    // resolves its result to, back to the expressions that made them.
    if (facts.length || !evaluator.evaluate(callee).some((value) => value.kind === 'function')) return;
    for (const value of evaluator.evaluate(node)) {
      const made = 'node' in value ? value.node : null;
      if (made && made !== node && !within(node, made)) visit(made, hashed, depth + 1);
    }
  };

  visit(expression, false, 0);
  return out;
}

/** `[a, b][1]` -> `b`, `({ value: x }).value` -> `x`: the element an array or object literal read in place yields, if static. */
function literalMember(node: TSESTree.MemberExpression): Node | null {
  const object = unwrap(node.object);
  const key = node.computed
    ? node.property.type === 'Literal' && (typeof node.property.value === 'string' || typeof node.property.value === 'number')
      ? String(node.property.value)
      : null
    : node.property.type === 'Identifier'
      ? node.property.name
      : null;
  if (key === null) return null;
  if (object.type === 'ArrayExpression') {
    if (!/^\d+$/.test(key) || object.elements.slice(0, Number(key) + 1).some((element) => element?.type === 'SpreadElement')) return null;
    return object.elements[Number(key)] ?? null;
  }
  if (object.type !== 'ObjectExpression') return null;
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const property = object.properties[i]!;
    if (property.type === 'SpreadElement') return null;
    const name =
      !property.computed && property.key.type === 'Identifier'
        ? property.key.name
        : property.key.type === 'Literal'
          ? String(property.key.value)
          : null;
    if (name === null) return null;
    if (name === key) return property.kind === 'init' && !property.method ? property.value : null;
  }
  return null;
}

function within(inner: Node, outer: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** Two origins denote the same data: the same variable, or the same member expression text (`this.key`). */
export function sameOrigin(sourceCode: TSESLint.SourceCode, a: Origin, b: Origin): boolean {
  if (a.variable && b.variable) return a.variable === b.variable;
  if (a.node.type === 'MemberExpression' && b.node.type === 'MemberExpression') {
    return sourceCode.getText(a.node) === sourceCode.getText(b.node);
  }
  return false;
}

/** `userPassword_hash` -> `['user', 'password', 'hash']`. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z\d]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

const SECRET_WORDS = new Set(['key', 'keys', 'secret', 'password', 'passwd', 'passphrase', 'pwd', 'passcode', 'mnemonic', 'pin']);
const NOT_SECRET_WORDS = new Set([
  'public',
  'pub',
  'id',
  'ids',
  'name',
  'iv',
  'nonce',
  'salt',
  'length',
  'len',
  'size',
  'type',
  'path',
  'file',
  'url',
  'version',
  'hint',
  'policy',
  'hash',
  'hashed',
  'digest',
  'cache',
  'storage',
  'index',
  'count',
]);

/** Does this name denote a secret key, password or passphrase (not its id, length, hash or public half)? */
export function isSecretName(name: string): boolean {
  const words = identifierWords(name);
  if (words.some((word) => NOT_SECRET_WORDS.has(word))) return false;
  return words.some((word) => SECRET_WORDS.has(word) || /^(password|passphrase|secret)/.test(word));
}

/** Is the name a password or passphrase (a low-entropy secret a person chose)? */
export function isPasswordName(name: string): boolean {
  const words = identifierWords(name);
  if (words.some((word) => NOT_SECRET_WORDS.has(word))) return false;
  return words.some((word) => ['password', 'passwd', 'passphrase', 'pwd', 'passcode', 'pin'].includes(word) || /^(password|passphrase)/.test(word));
}

/** The innermost function around a node, or null at module level (class fields count as module level: per instance, not per call). */
export function enclosingFunctionOf(node: Node): TSESTree.FunctionLike | null {
  let current = node.parent;
  while (current) {
    if (current.type === 'PropertyDefinition' || current.type === 'StaticBlock') return null;
    if (current.type === 'FunctionDeclaration' || current.type === 'FunctionExpression' || current.type === 'ArrowFunctionExpression') {
      return current;
    }
    current = current.parent;
  }
  return null;
}

/** Calls and property reads on a buffer that do not change it. */
const READ_ONLY_METHODS = new Set(['toString', 'toJSON', 'equals', 'compare', 'subarray', 'slice', 'at', 'includes', 'indexOf']);

/**
 * A zero- or constant-filled buffer that is filled in place later is not a
 * constant: `const iv = new Uint8Array(12); crypto.getRandomValues(iv)`,
 * `sodium.randombytes_buf(nonce)`, `iv.writeUInt32BE(counter)`, `iv[0] = n`.
 * True when the buffer is held by a variable that is passed to any call other
 * than an encryption or decryption, has a method called on it other than a
 * read, or has an element or property assigned.
 */
export function isFilledLater(analysis: FileAnalysis, bytes: BytesValue): boolean {
  let holder: Node = bytes.node;
  let parent = holder.parent;
  while (parent) {
    if (
      parent.type === 'ConditionalExpression' ||
      parent.type === 'LogicalExpression' ||
      parent.type === 'TSAsExpression' ||
      parent.type === 'TSNonNullExpression' ||
      parent.type === 'TSSatisfiesExpression'
    ) {
      holder = parent;
      parent = parent.parent;
      continue;
    }
    // `[new Uint8Array(12)][0]`, `({ value: Buffer.alloc(16) }).value`: a literal read in place only carries the buffer.
    const literal = parent.type === 'Property' && parent.value === holder ? parent.parent : parent;
    const read = literal?.parent;
    if (
      (literal?.type === 'ArrayExpression' || literal?.type === 'ObjectExpression') &&
      read?.type === 'MemberExpression' &&
      read.object === literal &&
      literalMember(read) === holder
    ) {
      holder = read;
      parent = read.parent;
      continue;
    }
    break;
  }
  let id: TSESTree.Identifier | null = null;
  if (parent?.type === 'VariableDeclarator' && parent.init === holder && parent.id.type === 'Identifier') id = parent.id;
  else if (parent?.type === 'AssignmentExpression' && parent.right === holder && parent.left.type === 'Identifier') id = parent.left;
  else if (
    parent?.type === 'AssignmentExpression' ||
    parent?.type === 'ReturnStatement' ||
    parent?.type === 'ArrowFunctionExpression' ||
    parent?.type === 'ArrayExpression' ||
    parent?.type === 'PropertyDefinition'
  ) {
    // Stored in a property or returned: whoever holds it may fill it.
    return true;
  }
  if (!id) return false;
  const variable = analysis.evaluator.findVariable(id);
  if (!variable) return true;
  for (const reference of variable.references) {
    // Assignments replace the variable's value (the evaluator sees every one); they do not fill this buffer.
    if (reference.isWrite()) continue;
    const ref = reference.identifier;
    const use = ref.parent;
    if (!use) continue;
    if ((use.type === 'CallExpression' || use.type === 'NewExpression') && use.arguments.includes(ref as TSESTree.Expression)) {
      const facts = factsAt(analysis, use);
      if (!facts.some((fact) => fact.operation === 'encrypt' || fact.operation === 'decrypt')) return true;
      continue;
    }
    if (use.type === 'MemberExpression' && use.object === ref) {
      const grand = use.parent;
      const name = !use.computed && use.property.type === 'Identifier' ? use.property.name : null;
      if (grand?.type === 'AssignmentExpression' && grand.left === use) return true;
      if (grand?.type === 'UpdateExpression') return true;
      if (grand?.type === 'CallExpression' && grand.callee === use && (name === null || !READ_ONLY_METHODS.has(name))) return true;
      continue;
    }
    if (use.type === 'Property' || use.type === 'ArrayExpression' || use.type === 'ReturnStatement' || use.type === 'AssignmentExpression') {
      // Stored or returned: whoever receives it may fill it. An options object passed to a cipher call is not that.
      if (use.type === 'Property' && isInsideCipherCall(analysis, use)) continue;
      return true;
    }
  }
  return false;
}

/** An options object written inline in (or held by a variable passed to) an encryption or decryption call. */
function isInsideCipherCall(analysis: FileAnalysis, node: Node): boolean {
  let current: Node | undefined = node.parent;
  while (current && (current.type === 'Property' || current.type === 'ObjectExpression')) current = current.parent;
  if (current?.type === 'CallExpression' || current?.type === 'NewExpression') {
    return factsAt(analysis, current).some((fact) => fact.operation === 'encrypt' || fact.operation === 'decrypt');
  }
  if (current?.type === 'VariableDeclarator' && current.id.type === 'Identifier') {
    const variable = analysis.evaluator.findVariable(current.id);
    return (
      !!variable &&
      variable.references.every((reference) => {
        if (reference.init) return true;
        const parent = reference.identifier.parent;
        return (
          (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') &&
          factsAt(analysis, parent).some((fact) => fact.operation === 'encrypt' || fact.operation === 'decrypt')
        );
      })
    );
  }
  return false;
}
