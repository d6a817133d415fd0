import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { enclosingClass, propertyName, type Evaluator } from './evaluator.js';
import type { Registry } from './registry.js';
import { forEachNode, hasMoreNodesThan } from './ast.js';

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** Past this many nodes a file is not analysed (generated or minified code); the rules stay silent. */
export const MAX_NODES = 400_000;

/**
 * The shortest member name the file index records (see {@link FileIndex.members}). Every name the data flow
 * looks for there is at least this long; most members of a bundle (`e.t`, `n.s`) are shorter.
 */
export const MEMBER_NAME_MIN_LENGTH = 3;

/**
 * What one walk over a file's AST collects for the engine: every call, the
 * returns of every function, writes to `this.x` per class, and writes to
 * properties of local variables (`opts.mode = ...`, `list.push(...)`).
 * It reads the linter's own traversal when there is one (see {@link forEachNode}), and never recurses,
 * so deeply nested code cannot overflow the stack.
 */
export class FileIndex {
  readonly calls: CallNode[] = [];
  /**
   * Every expression stored under a name or returned from a function: a declarator's initialiser, an
   * assignment's right side, a property's value, a class field's value, a returned expression and an
   * arrow's expression body. Rules that judge a value by the name it is given read these instead of
   * walking the tree again.
   */
  readonly namedValues: Node[] = [];
  /** Every array literal, object literal and string (literal or template), in source order. */
  readonly arrays: TSESTree.ArrayExpression[] = [];
  readonly objects: TSESTree.ObjectExpression[] = [];
  readonly strings: (TSESTree.StringLiteral | TSESTree.TemplateLiteral)[] = [];
  /**
   * Every member expression named by at least {@link MEMBER_NAME_MIN_LENGTH} characters, and that name at the
   * same index of `memberNames`: `x.name`, `x['name']`, and `x[name]` (the identifier's own name). The data
   * flow finds its name-only sources here (key-named properties, request data), without a look at every token.
   * Parents come before what they hold: `a.b.c` before `a.b`.
   */
  readonly members: TSESTree.MemberExpression[] = [];
  readonly memberNames: string[] = [];
  /**
   * Property names the file defines with a value that may hold something catalogued: object and class
   * member keys (literal computed keys too), parameter properties and `x.name = ...` / `x['name'] = ...`
   * targets. The evaluator reads properties only from such definitions (not from `Object.defineProperty`
   * or `Reflect.set`), so it uses them to skip callees `x.name(...)` that cannot be catalogued. A name is
   * in this set once known to count: defined without a value written there (an accessor, a parameter
   * property), or with a value the evaluator found may hold one (see {@link mayDefine}).
   */
  private readonly definedNames = new Set<string>();
  /**
   * The values written for each other name, not judged yet. A value that cannot hold anything catalogued
   * whatever it refers to (a method, `name: function () {}`, `x.name = 0`) is not kept: see {@link define}.
   */
  private readonly pendingValues = new Map<string, Node[]>();
  /**
   * False when the file may define members whose names are not property keys: a TypeScript namespace
   * (its members are declarations). Then every name counts as defined.
   */
  private namesComplete = true;
  /** Properties of object literals whose computed keys are not literals, not yet named: see {@link dynamicKeys}. */
  private readonly computedKeys: TSESTree.Property[] = [];
  readonly propertyAssignments: TSESTree.AssignmentExpression[] = [];
  readonly thisWrites = new Map<ClassNode, Map<string, TSESTree.Expression[]>>();
  readonly thisCalls = new Map<ClassNode, Map<string, TSESTree.CallExpression[]>>();
  readonly nodeCount: number;
  private readonly returns = new Map<Node, TSESTree.ReturnStatement[]>();
  private readonly memberWrites: { object: TSESTree.Identifier; key: string | null; value: TSESTree.Expression }[] = [];
  private readonly pushes: { object: TSESTree.Identifier; args: TSESTree.CallExpressionArgument[] }[] = [];
  private writesByObject?: Map<Node, Map<string, TSESTree.Expression[]>>;
  private pushesByArray?: Map<Node, TSESTree.Expression[]>;

  constructor(sourceCode: TSESLint.SourceCode, registry: Registry) {
    // A file past the limit is not analysed at all: do not index most of it first.
    this.nodeCount = hasMoreNodesThan(sourceCode, MAX_NODES)
      ? MAX_NODES + 1
      : forEachNode(sourceCode, (node) => this.visit(node, registry), { limit: MAX_NODES });
  }

  get truncated(): boolean {
    return this.nodeCount > MAX_NODES;
  }

  private visit(node: Node, registry: Registry): void {
    switch (node.type) {
      case 'CallExpression':
      case 'NewExpression': {
        this.calls.push(node);
        const callee = node.callee;
        if (node.type === 'CallExpression' && callee.type === 'MemberExpression') {
          const key = callee.computed ? null : propertyName(callee.property);
          if (callee.object.type === 'ThisExpression' && key !== null) {
            const cls = enclosingClass(callee);
            if (cls) push(nested(this.thisCalls, cls), key, node);
          } else if (callee.object.type === 'Identifier' && (key === 'push' || key === 'unshift')) {
            this.pushes.push({ object: callee.object, args: node.arguments });
          }
        }
        break;
      }
      case 'MemberExpression': {
        const property = node.property;
        const name =
          property.type === 'Identifier'
            ? property.name
            : node.computed && property.type === 'Literal' && typeof property.value === 'string'
              ? property.value
              : null;
        if (name !== null && name.length >= MEMBER_NAME_MIN_LENGTH) {
          this.members.push(node);
          this.memberNames.push(name);
        }
        break;
      }
      case 'ArrayExpression':
        this.arrays.push(node);
        break;
      case 'ObjectExpression':
        this.objects.push(node);
        this.dynamicKeys(node);
        break;
      case 'Literal':
        if (typeof node.value === 'string') this.strings.push(node as TSESTree.StringLiteral);
        break;
      case 'TemplateLiteral':
        this.strings.push(node);
        break;
      case 'PropertyDefinition':
        if (node.value) this.namedValues.push(node.value);
        this.define(this.keyName(node.key, node.computed), node.value);
        break;
      case 'MethodDefinition':
        // A method's value is the function written there; an accessor may return anything.
        if (node.kind === 'get' || node.kind === 'set') this.define(this.keyName(node.key, node.computed), ANY_VALUE);
        break;
      case 'AccessorProperty':
        this.define(this.keyName(node.key, node.computed), node.value);
        break;
      case 'TSParameterProperty': {
        const parameter = node.parameter.type === 'AssignmentPattern' ? node.parameter.left : node.parameter;
        if (parameter.type === 'Identifier') this.define(parameter.name, ANY_VALUE);
        break;
      }
      case 'TSModuleDeclaration':
        this.namesComplete = false;
        break;
      case 'VariableDeclarator':
        if (node.init) this.namedValues.push(node.init);
        break;
      case 'Property':
        this.namedValues.push(node.value);
        this.define(this.keyName(node.key, node.computed), node.kind === 'init' ? node.value : ANY_VALUE);
        break;
      case 'ArrowFunctionExpression':
        if (node.expression) this.namedValues.push(node.body);
        break;
      case 'AssignmentExpression': {
        this.namedValues.push(node.right);
        const left = node.left;
        if (node.operator !== '=' || left.type !== 'MemberExpression') break;
        const key = left.computed
          ? left.property.type === 'Literal'
            ? String(left.property.value)
            : null
          : propertyName(left.property);
        if (left.object.type === 'ThisExpression') {
          const cls = enclosingClass(left);
          if (cls && key !== null) push(nested(this.thisWrites, cls), key, node.right);
        } else if (left.object.type === 'Identifier') {
          this.memberWrites.push({ object: left.object, key, value: node.right });
        }
        this.define(key, node.right);
        if (key !== null && registry.propertyNames.has(key)) this.propertyAssignments.push(node);
        break;
      }
      case 'ReturnStatement': {
        if (node.argument) this.namedValues.push(node.argument);
        const fn = enclosingFunction(node);
        if (fn) push(this.returns, fn, node);
        break;
      }
      default:
        break;
    }
  }

  /** A member key's name, when it is static: `a`, `'a'`, `['a']`, `[`a`]`. */
  private keyName(key: Node, computed: boolean): string | null {
    if (!computed) return propertyName(key);
    if (key.type === 'Literal') return String(key.value);
    if (key.type === 'TemplateLiteral' && !key.expressions.length) return key.quasis[0]?.value.cooked ?? '';
    // `{ [k]: v }`: named later, by the evaluator, if at all (see dynamicKeys).
    return null;
  }

  /**
   * Records that property `name` is given `value` (null: no value at all; ANY_VALUE: a value not written
   * there). A value that cannot hold anything catalogued (a function or class written in place, a
   * literal, an operator's result) defines nothing; any other is judged later, by {@link mayDefine}.
   */
  private define(name: string | null, value: Node | null | undefined): void {
    if (name === null || this.definedNames.has(name) || !value) return;
    if (value === ANY_VALUE) {
      this.definedNames.add(name);
      this.pendingValues.delete(name);
    } else if (!LOCAL_VALUES.has(value.type)) {
      push(this.pendingValues, name, value);
    }
  }

  /**
   * Whether some property named `name` may hold a catalogued function or object in this file. Each value
   * written for it is asked of the evaluator (which owns scope lookups and names computed keys) until one
   * may: `tracing.push = push` with `function push() {}`, or `{ get: memoize(load) }`, is local code, and
   * `x.push(...)`, `x.get(...)` are then not resolved anywhere in the file. The answer is kept.
   */
  mayDefine(name: string, evaluator: Evaluator): boolean {
    if (!this.namesComplete || this.definedNames.has(name)) return true;
    if (this.computedKeys.length) {
      // `{ [ENC]: crypto.createCipheriv }` with `const ENC = 'enc'`: the names such keys evaluate to.
      for (const property of this.computedKeys.splice(0)) {
        const keyName = evaluator.staticString(property.key);
        if (keyName !== null && !this.definedNames.has(keyName)) push(this.pendingValues, keyName, property.value);
      }
    }
    const values = this.pendingValues.get(name);
    if (!values) return false;
    this.pendingValues.delete(name);
    if (!values.some((value) => evaluator.mayHoldCatalogued(value))) return false;
    this.definedNames.add(name);
    return true;
  }

  /**
   * An object literal with a computed key that is not a literal (`{ [k]: v }`), where `v` may be
   * catalogued: the evaluator names the key when it can, and otherwise adds `v` to lookups of every name
   * the same object defines. So each such key is kept for {@link mayDefine}, and every static key of the
   * object counts, whatever its value.
   */
  private dynamicKeys(object: TSESTree.ObjectExpression): void {
    let dynamic = false;
    for (const prop of object.properties) {
      if (prop.type !== 'Property' || !prop.computed || this.keyName(prop.key, true) !== null || LOCAL_VALUES.has(prop.value.type)) continue;
      this.computedKeys.push(prop);
      dynamic = true;
    }
    if (!dynamic) return;
    for (const prop of object.properties) {
      if (prop.type === 'Property') this.define(this.keyName(prop.key, prop.computed), ANY_VALUE);
    }
  }

  returnsOf(fn: Node): readonly TSESTree.ReturnStatement[] {
    return this.returns.get(fn) ?? [];
  }

  /** Writes `v.key = value` where `v` is bound to this object literal. */
  propertyWrites(evaluator: Evaluator, object: TSESTree.ObjectExpression): Map<string, TSESTree.Expression[]> {
    if (!this.writesByObject) {
      this.writesByObject = new Map();
      for (const write of this.memberWrites) {
        const literal = literalBoundTo(evaluator, write.object, 'ObjectExpression');
        if (literal && write.key !== null) push(nested(this.writesByObject, literal), write.key, write.value);
      }
    }
    return this.writesByObject.get(object) ?? new Map();
  }

  /** Values pushed (or index-assigned) into an array literal through the variable holding it. */
  arrayPushes(evaluator: Evaluator, array: TSESTree.ArrayExpression): readonly TSESTree.Expression[] {
    if (!this.pushesByArray) {
      this.pushesByArray = new Map();
      for (const entry of this.pushes) {
        const literal = literalBoundTo(evaluator, entry.object, 'ArrayExpression');
        if (!literal) continue;
        for (const arg of entry.args) {
          if (arg.type !== 'SpreadElement') push(this.pushesByArray, literal, arg);
        }
      }
      for (const write of this.memberWrites) {
        if (write.key === null || !/^\d+$/.test(write.key)) continue;
        const literal = literalBoundTo(evaluator, write.object, 'ArrayExpression');
        if (literal) push(this.pushesByArray, literal, write.value);
      }
    }
    return this.pushesByArray.get(array) ?? [];
  }
}

/** The object/array literal a variable is initialised with (through `as const` and friends), if any. */
function literalBoundTo<T extends 'ObjectExpression' | 'ArrayExpression'>(
  evaluator: Evaluator,
  id: TSESTree.Identifier,
  type: T,
): Extract<Node, { type: T }> | null {
  const variable = evaluator.findVariable(id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.id.type !== 'Identifier') return null;
  let init: Node | null | undefined = def.node.init;
  while (init && (init.type === 'TSAsExpression' || init.type === 'TSSatisfiesExpression' || init.type === 'TSNonNullExpression')) {
    init = init.expression;
  }
  return init?.type === type ? (init as Extract<Node, { type: T }>) : null;
}

function enclosingFunction(node: Node): Node | null {
  let current = node.parent;
  while (current) {
    if (
      current.type === 'FunctionDeclaration' ||
      current.type === 'FunctionExpression' ||
      current.type === 'ArrowFunctionExpression'
    ) {
      return current;
    }
    current = current.parent;
  }
  return null;
}

function nested<K, K2, V>(map: Map<K, Map<K2, V[]>>, key: K): Map<K2, V[]> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Values that are never a catalogued function or object: functions and classes written in place (local
 * code), literals, and the results of operators (numbers, strings, booleans).
 */
const LOCAL_VALUES = new Set([
  'FunctionExpression',
  'ArrowFunctionExpression',
  'TSEmptyBodyFunctionExpression',
  'ClassExpression',
  'Literal',
  'TemplateLiteral',
  'ObjectExpression',
  'ArrayExpression',
  'UnaryExpression',
  'BinaryExpression',
  'UpdateExpression',
]);

/** Stands for a definition whose value is not written there (an accessor, a parameter property). */
const ANY_VALUE = { type: 'ThisExpression' } as Node;
