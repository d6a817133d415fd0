import type { TSESTree } from '@typescript-eslint/utils';
import type { Evaluator } from './evaluator.js';

type Node = TSESTree.Node;

/**
 * What names say about data. Some checks can only be judged by purpose
 * ("is this a password?", "is this an ETag?"), and in JavaScript the purpose
 * is written in identifiers: `req.body.password`, `const etag = ...`. These
 * helpers split identifiers into words and follow an expression back through
 * local variables and conversions to the names it was built from.
 */

/** `userPassword_hash` -> `['user', 'password', 'hash']`. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z\d]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

const PASSWORD_WORDS = new Set(['password', 'passwd', 'passphrase', 'pwd', 'pw', 'pin', 'secret', 'passcode', 'pass']);
const PASSWORD_COMPOUNDS = /^(password|passwd|passphrase|passcode)/;
/** Words that make a password-ish name mean something else: a hash of it, a rule about it, a form field. */
const NOT_THE_PASSWORD = new Set([
  'hash',
  'hashed',
  'digest',
  'length',
  'len',
  'hint',
  'policy',
  'field',
  'label',
  'reset',
  'url',
  'prompt',
  'placeholder',
  'strength',
  'min',
  'max',
  'regex',
  'pattern',
  'rule',
  'rules',
  'error',
  'expiry',
  'expires',
  'changed',
  'manager',
  'name',
  'id',
  'path',
  'file',
  'count',
  'version',
]);

/** Does this identifier name a password, passphrase, PIN or secret (not its hash, length or policy)? */
export function isPasswordName(name: string): boolean {
  const words = wordsOf(name);
  if (!words.length || words.some((word) => NOT_THE_PASSWORD.has(word))) return false;
  // `pass` alone is too common a verb (`passThrough`): only as the last word (`userPass`).
  return words.some(
    (word, i) => (word === 'pass' ? i === words.length - 1 : PASSWORD_WORDS.has(word) || PASSWORD_COMPOUNDS.test(word)),
  );
}

/** Calls that convert data without changing what it is: the result carries its argument's (or receiver's) names. */
const CONVERTERS = new Set([
  'from',
  'encode',
  'concat',
  'toString',
  'normalize',
  'trim',
  'toLowerCase',
  'toUpperCase',
  'parse',
  'join',
  'String',
  'Buffer',
  'stringify',
]);

/**
 * The identifier and property names an expression's data comes from:
 * `Buffer.from(salt + req.body.password)` -> `salt`, `req`, `body`, `password`.
 * Follows local variables (every assignment), templates, concatenation and
 * conversions, to a bounded depth. Never guesses past an unknown call.
 */
export function sourceNames(evaluator: Evaluator, expression: Node, depth = 4): string[] {
  const out = new Set<string>();
  const seen = new Set<Node>();
  const visit = (node: Node, left: number): void => {
    if (seen.has(node) || left < 0) return;
    seen.add(node);
    switch (node.type) {
      case 'Identifier': {
        out.add(node.name);
        const variable = evaluator.findVariable(node);
        if (!variable || left === 0) return;
        for (const def of variable.defs) {
          if (def.type === 'Variable' && def.node.init) {
            // `const { password } = req.body`: the pattern names the data; the init says where it came from.
            visit(def.node.init, left - 1);
          }
        }
        for (const reference of variable.references) {
          if (reference.isWrite() && !reference.init && reference.writeExpr) visit(reference.writeExpr, left - 1);
        }
        return;
      }
      case 'MemberExpression':
        if (!node.computed && node.property.type === 'Identifier') out.add(node.property.name);
        else if (node.property.type === 'Literal' && typeof node.property.value === 'string') out.add(node.property.value);
        visit(node.object, left);
        return;
      case 'TemplateLiteral':
        for (const part of node.expressions) visit(part, left);
        return;
      case 'BinaryExpression':
        if (node.operator === '+') {
          visit(node.left as Node, left);
          visit(node.right, left);
        }
        return;
      case 'LogicalExpression':
        visit(node.left, left);
        visit(node.right, left);
        return;
      case 'ConditionalExpression':
        visit(node.consequent, left);
        visit(node.alternate, left);
        return;
      case 'ArrayExpression':
        for (const element of node.elements) if (element && element.type !== 'SpreadElement') visit(element, left);
        return;
      case 'AwaitExpression':
        visit(node.argument, left);
        return;
      case 'ChainExpression':
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
        visit(node.expression, left);
        return;
      case 'CallExpression':
      case 'NewExpression': {
        const callee = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
        const name =
          callee.type === 'Identifier'
            ? callee.name
            : callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier'
              ? callee.property.name
              : null;
        if (name === null || !CONVERTERS.has(name)) return;
        for (const arg of node.arguments) if (arg.type !== 'SpreadElement') visit(arg, left);
        // `password.normalize()`: the receiver is the data.
        if (callee.type === 'MemberExpression' && ['toString', 'normalize', 'trim', 'toLowerCase', 'toUpperCase', 'concat', 'join'].includes(name)) {
          visit(callee.object, left);
        }
        return;
      }
      default:
        return;
    }
  };
  visit(expression, depth);
  return [...out];
}

/** The first password-like name an expression's data comes from, if any. */
export function passwordSource(evaluator: Evaluator, expression: Node): string | undefined {
  const direct = sourceNames(evaluator, expression).find(isPasswordName);
  if (direct) return direct;
  // `function hashPassword(plain) { return md5(plain); }`: a parameter of a password-named function.
  const root = expression.type === 'Identifier' ? evaluator.findVariable(expression) : null;
  const param = root?.defs.find((def) => def.type === 'Parameter');
  if (param) {
    const name = functionName(param.node as Node);
    if (name && isPasswordName(name.replace(/^(hash|digest|encode|encrypt|check|verify|compare)/i, ''))) return name;
  }
  return undefined;
}

/** The name a function is known by: its id, the variable, property or method it is assigned to. */
export function functionName(fn: Node): string | null {
  if ((fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (!parent) return null;
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if ((parent.type === 'Property' || parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition') && parent.key.type === 'Identifier') {
    return parent.key.name;
  }
  if (parent.type === 'AssignmentExpression' && parent.left.type === 'MemberExpression' && parent.left.property.type === 'Identifier') {
    return parent.left.property.name;
  }
  return null;
}

export function enclosingFunction(node: Node): TSESTree.FunctionLike | null {
  let current = node.parent;
  while (current) {
    if (current.type === 'FunctionDeclaration' || current.type === 'FunctionExpression' || current.type === 'ArrowFunctionExpression') {
      return current;
    }
    current = current.parent;
  }
  return null;
}

/**
 * Names and short string literals around a use: the variables, properties and
 * functions its result is stored in or returned from, the names of the
 * enclosing functions and classes, and string literals among the arguments
 * of the calls it is passed to (`res.setHeader('ETag', md5(body))`).
 */
export function contextNames(node: Node): string[] {
  const out: string[] = [];
  let current: Node | undefined = node;
  let child: Node = node;
  for (let steps = 0; current && steps < 40; steps++) {
    switch (current.type) {
      case 'VariableDeclarator':
        if (current.id.type === 'Identifier') out.push(current.id.name);
        break;
      case 'AssignmentExpression':
        if (current.left.type === 'Identifier') out.push(current.left.name);
        else if (current.left.type === 'MemberExpression' && current.left.property.type === 'Identifier') out.push(current.left.property.name);
        break;
      case 'Property':
      case 'PropertyDefinition':
        if (current.key.type === 'Identifier') out.push(current.key.name);
        else if (current.key.type === 'Literal') out.push(String(current.key.value));
        break;
      case 'CallExpression':
      case 'NewExpression':
        if (child !== current.callee) {
          for (const arg of current.arguments) if (arg.type === 'Literal' && typeof arg.value === 'string' && arg.value.length <= 40) out.push(arg.value);
          const callee = current.callee;
          if (callee.type === 'Identifier') out.push(callee.name);
          else if (callee.type === 'MemberExpression' && callee.property.type === 'Identifier') out.push(callee.property.name);
        }
        break;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression': {
        const name = functionName(current);
        if (name) out.push(name);
        break;
      }
      case 'ClassDeclaration':
      case 'ClassExpression':
        if (current.id) out.push(current.id.name);
        break;
      default:
        break;
    }
    child = current;
    current = current.parent;
  }
  return out;
}
