import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionSpec } from '../catalogue/index.js';
import { BUILTIN_GLOBALS, GLOBAL_OBJECT_NAMES, callBuiltin, callMethod, decodedBytes, isKnownMethod } from './builtins.js';
import type { FileIndex } from './file-index.js';
import { fileTriggers, type Registry } from './registry.js';
import {
  lit,
  union,
  unionInto,
  unknown,
  type AValue,
  type CallableValue,
  type LitValue,
  type ObjectValue,
  type TypeValue,
} from './values.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** Marks a node whose value is being computed (a cycle if it is asked for again). */
const IN_PROGRESS: AValue[] = [];

/** Past this depth of nested evaluation, a value is unknown: keeps deep or adversarial code cheap and stack-safe. */
const MAX_DEPTH = 60;

/** One step from a destructuring pattern's root down to a binding identifier. */
type PathStep =
  | { kind: 'prop'; key: string | null }
  | { kind: 'index'; index: number }
  | { kind: 'rest' }
  | { kind: 'default'; value: TSESTree.Expression };

export interface CallSite {
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  callee: CallableValue;
}

/**
 * Abstract evaluation of expressions to *sets* of possible values, with the
 * node each literal was written at. Flow-insensitive on purpose: every value
 * a variable may hold (every branch, every assignment) is in its set, because a
 * weak value behind a flag is exactly what keyguard exists to find.
 * Anything not statically known becomes `unknown`: never guessed.
 */
export class Evaluator {
  private readonly memo = new Map<Node, AValue[]>();
  private readonly paramMemo = new Map<Node, AValue[]>();
  private readonly variableMemo = new Map<Variable, AValue[]>();
  private readonly elementsMemo = new Map<TSESTree.ArrayExpression, AValue[]>();
  private depth = 0;
  /** object-literal properties being resolved right now (spread cycles) */
  private readonly inProgress = new Set<string>();

  constructor(
    readonly sourceCode: TSESLint.SourceCode,
    readonly registry: Registry,
    readonly index: FileIndex,
    /** called for every catalogued call the evaluator meets, so facts and values agree */
    private readonly onCatalogueCall: (site: CallSite) => unknown,
  ) {}

  /** The set of values an expression may evaluate to. */
  evaluate(node: Node): AValue[] {
    const cached = this.memo.get(node);
    if (cached) return cached === IN_PROGRESS ? [unknown('cycle', node)] : cached;
    if (this.depth >= MAX_DEPTH) return [unknown('too deep', node)];
    // One shared marker while the node is being computed: no allocation per evaluated node.
    this.memo.set(node, IN_PROGRESS);
    this.depth++;
    let result: AValue[];
    try {
      result = this.compute(node);
    } finally {
      this.depth--;
    }
    this.memo.set(node, result);
    return result;
  }

  private compute(node: Node): AValue[] {
    switch (node.type) {
      case 'Literal':
        if ('regex' in node && node.regex) return [unknown('regular expression', node)];
        return [lit(node.value as LitValue['value'], node)];
      case 'TemplateLiteral':
        return this.template(node);
      case 'Identifier':
        return this.identifier(node);
      case 'MemberExpression':
        return this.member(node);
      case 'ChainExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
        return this.evaluate(node.expression);
      case 'AwaitExpression':
        return this.evaluate(node.argument);
      case 'SequenceExpression':
        return node.expressions.length ? this.evaluate(node.expressions[node.expressions.length - 1]!) : [];
      case 'AssignmentExpression':
        return node.operator === '=' ? this.evaluate(node.right) : [unknown('compound assignment', node)];
      case 'ConditionalExpression':
        return union(this.evaluate(node.consequent), this.evaluate(node.alternate));
      case 'LogicalExpression':
        return union(this.evaluate(node.left), this.evaluate(node.right));
      case 'BinaryExpression':
        return this.binary(node);
      case 'UnaryExpression':
        return this.unary(node);
      case 'ObjectExpression':
        return [{ kind: 'object', node }];
      case 'ArrayExpression':
        return [{ kind: 'array', node }];
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return [{ kind: 'function', node }];
      case 'ClassExpression':
        return [{ kind: 'class', node }];
      case 'CallExpression':
      case 'NewExpression':
        return this.call(node);
      case 'ImportExpression':
        return this.moduleValues(this.evaluate(node.source), node);
      case 'ThisExpression':
        return [unknown('this', node)];
      default:
        return [unknown(node.type, node)];
    }
  }

  // ---------------------------------------------------------------- literals

  private template(node: TSESTree.TemplateLiteral): AValue[] {
    let acc: AValue[] = [lit(node.quasis[0]?.value.cooked ?? '', node)];
    node.expressions.forEach((expression, i) => {
      const parts = this.evaluate(expression);
      const tail = node.quasis[i + 1]?.value.cooked ?? '';
      acc = combine(acc, parts, node, (a, b) => `${String(a)}${String(b)}${tail}`);
    });
    return acc;
  }

  private binary(node: TSESTree.BinaryExpression): AValue[] {
    if (node.left.type === 'PrivateIdentifier') return [unknown('private in', node)];
    const op = ARITHMETIC[node.operator];
    if (!op) return [unknown(`operator ${node.operator}`, node)];
    return combine(this.evaluate(node.left), this.evaluate(node.right), node, op);
  }

  private unary(node: TSESTree.UnaryExpression): AValue[] {
    if (node.operator === 'void') return [lit(undefined, node)];
    const values = this.evaluate(node.argument);
    return values.map((value) => {
      if (value.kind !== 'lit') return unknown(`${node.operator} of unknown`, node);
      const v = value.value;
      switch (node.operator) {
        case '-':
          return typeof v === 'number' ? lit(-v, value.node ?? node) : unknown('-', node);
        case '+':
          return lit(Number(v), value.node ?? node);
        case '!':
          return lit(!v, node);
        case 'typeof':
          return lit(v === null ? 'object' : typeof v, node);
        default:
          return unknown(node.operator, node);
      }
    });
  }

  // ------------------------------------------------------------- identifiers

  private identifier(node: TSESTree.Identifier): AValue[] {
    const variable = this.findVariable(node);
    if (!variable || variable.defs.length === 0) return this.global(node.name, node);
    const values = this.variableValues(variable);
    // Remember the constant a literal travelled through, for messages.
    return values.map((value) =>
      value.kind === 'lit' && value.label === undefined && value.node !== node ? { ...value, label: node.name } : value,
    );
  }

  /**
   * The variable an identifier refers to, kept per identifier: the callee filter, the evaluator, the data
   * flow and the rules ask it of the same identifiers, and each lookup walks up from the node to its scope.
   */
  findVariable(node: TSESTree.Identifier): Variable | null {
    let variable = this.variables.get(node);
    if (variable === undefined) {
      // getScope() already returns the innermost scope around the node. Given the node, findVariable would
      // search that scope's children again for one containing it: linear in the number of child scopes,
      // which made each call in a function with thousands of nested closures (TypeScript's checker) cost
      // 30 µs. Given the name, it only walks up.
      variable = ASTUtils.findVariable(this.sourceCode.getScope(node), node.name);
      this.variables.set(node, variable);
    }
    return variable;
  }

  private readonly variables = new Map<TSESTree.Identifier, Variable | null>();

  private global(name: string, node: Node): AValue[] {
    if (name === 'undefined') return [lit(undefined, node)];
    if (name === 'NaN') return [lit(Number.NaN, node)];
    if (name === 'Infinity') return [lit(Number.POSITIVE_INFINITY, node)];
    if (name === 'require') return [{ kind: 'builtin', path: 'require' }];
    const catalogued = this.registry.globals.get(name);
    if (catalogued) return [{ kind: 'type', type: catalogued.type, library: catalogued.library }];
    if (GLOBAL_OBJECT_NAMES.has(name)) return [{ kind: 'builtin', path: 'globalThis' }];
    if (BUILTIN_GLOBALS.has(name)) return [{ kind: 'builtin', path: name }];
    return [unknown(`global ${name}`, node)];
  }

  /** Every value a variable may hold: its initialiser and every later assignment. */
  variableValues(variable: Variable): AValue[] {
    // Every reference to a variable has the same set: compute it once per variable, not once per reference.
    const cached = this.variableMemo.get(variable);
    if (cached) return cached;
    this.variableMemo.set(variable, [unknown('cycle')]);
    const result = this.computeVariable(variable);
    this.variableMemo.set(variable, result);
    return result;
  }

  private computeVariable(variable: Variable): AValue[] {
    const sets: AValue[][] = [];
    for (const def of variable.defs) {
      switch (def.type) {
        case 'Variable': {
          const declarator = def.node;
          const declaration = declarator.parent;
          const loop = declaration?.parent;
          if (loop && (loop.type === 'ForOfStatement' || loop.type === 'ForInStatement') && loop.left === declaration) {
            sets.push(
              loop.type === 'ForOfStatement'
                ? this.project(this.elementsOf(this.evaluate(loop.right), loop), declarator.id, def.name)
                : [unknown('for-in key', def.name)],
            );
          } else if (declarator.init && !accumulatedInLoop(variable, declarator)) {
            sets.push(this.project(this.evaluate(declarator.init), declarator.id, def.name));
          } else if (!variable.references.some((ref) => ref.isWrite())) {
            sets.push([lit(undefined, def.name)]);
          }
          break;
        }
        case 'Parameter':
          sets.push(this.parameterValues(def.node, def.name as TSESTree.Identifier));
          break;
        case 'FunctionName':
          sets.push([{ kind: 'function', node: def.node as TSESTree.FunctionLike }]);
          break;
        case 'ClassName':
          sets.push([{ kind: 'class', node: def.node }]);
          break;
        case 'TSEnumName':
          sets.push([{ kind: 'enum', node: def.node }]);
          break;
        case 'TSModuleName':
          sets.push(def.node.type === 'TSModuleDeclaration' ? [{ kind: 'namespace', node: def.node }] : [unknown('module', def.name)]);
          break;
        case 'ImportBinding':
          sets.push(this.importBinding(def.node, def.name));
          break;
        default:
          sets.push([unknown(`${def.type} binding`, def.name)]);
      }
    }
    for (const reference of variable.references) {
      if (!reference.isWrite() || reference.init) continue;
      const write = reference.identifier.parent;
      if (reference.isReadWrite() || !reference.writeExpr) {
        sets.push([unknown('updated in place', reference.identifier)]);
      } else if (write?.type === 'AssignmentExpression' && write.left === reference.identifier) {
        sets.push(this.evaluate(reference.writeExpr));
      } else {
        const assignment = enclosingAssignment(reference.identifier);
        sets.push(
          assignment
            ? this.project(this.evaluate(assignment.right), assignment.left, reference.identifier)
            : [unknown('written by a pattern', reference.identifier)],
        );
      }
    }
    return union(...sets);
  }

  private importBinding(node: Node, name: TSESTree.Identifier): AValue[] {
    if (node.type === 'TSImportEqualsDeclaration') {
      const ref = node.moduleReference;
      if (ref.type === 'TSExternalModuleReference') return this.moduleValues(this.evaluate(ref.expression), node);
      return [unknown('import alias', name)];
    }
    const declaration = node.parent;
    if (declaration?.type !== 'ImportDeclaration') return [unknown('import', name)];
    const module = this.moduleValues([lit(declaration.source.value, declaration.source)], node);
    switch (node.type) {
      case 'ImportDefaultSpecifier':
      case 'ImportNamespaceSpecifier':
        return module;
      case 'ImportSpecifier': {
        const imported = node.imported.type === 'Identifier' ? node.imported.name : String(node.imported.value);
        return imported === 'default' ? module : this.property(module, imported, node);
      }
      default:
        return [unknown('import', name)];
    }
  }

  /** `require(x)`, `import(x)`, `import ... from x`: a catalogued module's type, or unknown. */
  moduleValues(specifiers: readonly AValue[], node: Node): AValue[] {
    return specifiers.map((specifier) => {
      if (specifier.kind !== 'lit' || typeof specifier.value !== 'string') return unknown('dynamic module', node);
      // `import process from 'node:process'` is the `process` builtin global.
      if (specifier.value === 'process' || specifier.value === 'node:process') return { kind: 'builtin', path: 'process' };
      const module = this.registry.modules.get(specifier.value);
      if (!module) return unknown(`module ${specifier.value}`, node);
      if (typeof module.target !== 'string') return lit(module.target.value, node, specifier.value);
      return { kind: 'type', type: module.target, library: module.library } satisfies TypeValue;
    });
  }

  // ------------------------------------------------------------- parameters

  /** A parameter's values: the matching argument at every call site in this file, and its default. */
  parameterValues(fn: TSESTree.Node, name: TSESTree.Identifier): AValue[] {
    const cached = this.paramMemo.get(name);
    if (cached) return cached;
    this.paramMemo.set(name, [unknown('recursive parameter', name)]);
    const result = this.computeParameter(fn as TSESTree.FunctionLike, name);
    this.paramMemo.set(name, result);
    return result;
  }

  private computeParameter(fn: TSESTree.FunctionLike, name: TSESTree.Identifier): AValue[] {
    let top: Node = name;
    while (top.parent && top.parent !== fn) top = top.parent;
    const param = top.type === 'TSParameterProperty' ? top.parameter : top;
    const index = fn.params.indexOf(top as TSESTree.Parameter);
    if (index < 0) return [unknown('parameter', name)];
    // Call sites are evaluated only until the set is full: a helper called from thousands of places
    // (bundled compilers) would otherwise evaluate every argument for a set that cannot grow.
    const values: AValue[] = [];
    let escapes = false;
    for (const site of this.callSitesOf(fn)) {
      if (!site) {
        escapes = true;
        continue;
      }
      let arg: AValue[];
      const spreadAt = site.arguments.findIndex((candidate) => candidate.type === 'SpreadElement');
      if (param.type === 'RestElement') arg = [unknown('rest parameter', name)];
      else if (spreadAt >= 0 && spreadAt <= index) arg = [unknown('spread argument', site)];
      else arg = site.arguments[index] ? this.evaluate(site.arguments[index]) : [lit(undefined, site)];
      if (!unionInto(values, arg)) break;
    }
    if (escapes) unionInto(values, [unknown('called from elsewhere', fn)]);
    return this.project(values, param as TSESTree.DestructuringPattern, name);
  }

  /**
   * Call sites of a function defined in this file, or `null` entries when it
   * escapes (exported, passed as a value, stored): then its callers are unknown.
   */
  private callSitesOf(fn: TSESTree.FunctionLike): (TSESTree.CallExpression | TSESTree.NewExpression | null)[] {
    const parent = fn.parent;
    if (!parent) return [null];
    // An IIFE.
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee === fn) return [parent];
    // A callback of a builtin array method: its first parameter is an element.
    let variable: Variable | null = null;
    if (fn.type === 'FunctionDeclaration' && fn.id) {
      variable = this.declaredVariable(fn, fn.id);
    } else if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && parent.init === fn) {
      variable = this.declaredVariable(parent, parent.id);
    } else if (parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition') {
      return this.methodCallSites(parent);
    }
    if (!variable) return [null];
    const sites: (TSESTree.CallExpression | TSESTree.NewExpression | null)[] = [];
    if (isExported(fn) || isExported(parent)) sites.push(null);
    for (const reference of variable.references) {
      if (reference.init || reference.isWrite()) continue;
      const use = reference.identifier.parent;
      if ((use?.type === 'CallExpression' || use?.type === 'NewExpression') && use.callee === reference.identifier) {
        sites.push(use);
      } else {
        // Passed, stored or exported: callers elsewhere are unknown.
        sites.push(null);
      }
    }
    return sites;
  }

  /** Calls `this.name(...)` within the class, plus unknown callers unless the member is private. */
  private methodCallSites(
    member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition,
  ): (TSESTree.CallExpression | TSESTree.NewExpression | null)[] {
    const key = staticKey(member);
    const body = member.parent;
    if (key === null || body?.type !== 'ClassBody') return [null];
    if (member.type === 'MethodDefinition' && member.kind === 'constructor') return this.constructorCallSites(body.parent);
    const sites: (TSESTree.CallExpression | null)[] = [...(this.index.thisCalls.get(body.parent)?.get(key) ?? [])];
    const isPrivate = member.key.type === 'PrivateIdentifier' || member.accessibility === 'private';
    if (!isPrivate) sites.push(null);
    return sites;
  }

  /** `new C(...)` for a class defined in this file; unknown callers when the class escapes. */
  private constructorCallSites(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): (TSESTree.NewExpression | null)[] {
    let variable: Variable | null = null;
    if (cls.type === 'ClassDeclaration' && cls.id) variable = this.declaredVariable(cls, cls.id);
    else if (cls.parent?.type === 'VariableDeclarator' && cls.parent.id.type === 'Identifier') variable = this.declaredVariable(cls.parent, cls.parent.id);
    if (!variable) return [null];
    const sites: (TSESTree.NewExpression | null)[] = isExported(cls) ? [null] : [];
    for (const reference of variable.references) {
      if (reference.init || reference.isWrite()) continue;
      const use = reference.identifier.parent;
      sites.push(use?.type === 'NewExpression' && use.callee === reference.identifier ? use : null);
    }
    return sites;
  }

  private declaredVariable(node: Node, id: TSESTree.Identifier): Variable | null {
    const declared = this.sourceCode.scopeManager?.getDeclaredVariables(node) ?? [];
    return declared.find((variable) => variable.name === id.name) ?? null;
  }

  // ---------------------------------------------------------- destructuring

  /** Applies a destructuring pattern to values: the values bound to `target` inside `pattern`. */
  project(values: AValue[], pattern: Node, target: Node): AValue[] {
    const steps: PathStep[] = [];
    let node: Node = target;
    while (node !== pattern) {
      const parent: Node | undefined = node.parent;
      if (!parent) return [unknown('pattern', target)];
      switch (parent.type) {
        case 'Property':
          if (parent.value === node) {
            const key = parent.computed ? this.staticString(parent.key) : propertyName(parent.key);
            steps.push({ kind: 'prop', key });
          }
          break;
        case 'ArrayPattern':
          steps.push({ kind: 'index', index: parent.elements.indexOf(node as TSESTree.DestructuringPattern) });
          break;
        case 'RestElement':
          steps.push({ kind: 'rest' });
          break;
        case 'AssignmentPattern':
          if (parent.left === node) steps.push({ kind: 'default', value: parent.right });
          break;
        case 'ObjectPattern':
        case 'TSParameterProperty':
          break;
        default:
          return [unknown('pattern', target)];
      }
      node = parent;
    }
    let current = values;
    for (const step of steps.reverse()) {
      switch (step.kind) {
        case 'prop':
          current = step.key === null ? [unknown('computed key', target)] : this.property(current, step.key, target);
          break;
        case 'index':
          current = this.property(current, String(step.index), target);
          break;
        case 'rest':
          break;
        case 'default': {
          const mayBeMissing = current.some(
            (value) => (value.kind === 'lit' && value.value === undefined) || value.kind === 'unknown',
          );
          const present = current.filter((value) => !(value.kind === 'lit' && value.value === undefined));
          current = mayBeMissing ? union(present, this.evaluate(step.value)) : present;
          break;
        }
      }
    }
    return current;
  }

  // ---------------------------------------------------------------- members

  private member(node: TSESTree.MemberExpression): AValue[] {
    if (node.object.type === 'ThisExpression') {
      const key = node.computed ? this.staticString(node.property) : propertyName(node.property);
      return key === null ? [unknown('computed this member', node)] : this.thisMember(node, key);
    }
    const objects = this.evaluate(node.object);
    if (!node.computed) return this.property(objects, propertyName(node.property) ?? '', node);
    const keys = this.evaluate(node.property);
    return union(
      ...keys.map((key) =>
        key.kind === 'lit' ? this.property(objects, String(key.value), node) : this.anyProperty(objects, node),
      ),
    );
  }

  /** Reads `key` from every value in the set. */
  property(objects: readonly AValue[], key: string, node: Node): AValue[] {
    return union(...objects.map((object) => this.propertyOf(object, key, node)));
  }

  private propertyOf(object: AValue, key: string, node: Node): AValue[] {
    switch (object.kind) {
      case 'object':
        return this.objectProperty(object, key, node).values;
      case 'array':
        return this.arrayProperty(object.node, key, node);
      case 'type':
        return this.typeMember(object, key, node);
      case 'enum':
        return this.enumMember(object.node, key, node);
      case 'builtin': {
        if (object.path === 'globalThis') return this.global(key, node);
        return [{ kind: 'builtin', path: `${object.path}.${key}` }];
      }
      case 'lit':
        if (key === 'length' && typeof object.value === 'string') return [lit(object.value.length, node)];
        if (isKnownMethod(object, key)) return [{ kind: 'bound', receiver: object, name: key }];
        return [unknown(`property ${key} of a literal`, node)];
      case 'class':
        return this.staticMember(object.node, key, node);
      case 'instance':
        return this.classMember(object.node, key, node);
      case 'namespace':
        return this.namespaceMember(object.node, key, node);
      case 'bytes':
        // issue 3: `iv.subarray(0, 12)` keeps what is known of the bytes; `iv.length` when known.
        if (key === 'length' && object.length !== undefined) return [lit(object.length, node)];
        if (isKnownMethod(object, key)) return [{ kind: 'bound', receiver: object, name: key }];
        return [unknown(`property ${key}`, node)];
      case 'unknown':
        return [object];
      default:
        return [unknown(`property ${key}`, node)];
    }
  }

  /** `obj[i]` with `i` unknown: every property value (may-set). */
  private anyProperty(objects: readonly AValue[], node: Node): AValue[] {
    return union(
      ...objects.map((object): AValue[] => {
        if (object.kind === 'array') return this.elementsOf([object], node);
        if (object.kind === 'object') {
          return union(
            ...object.node.properties.map((prop) =>
              prop.type === 'Property' ? this.evaluate(prop.value) : [unknown('spread', prop)],
            ),
          );
        }
        return [unknown('computed member', node)];
      }),
    );
  }

  /**
   * A property of an object literal: the last definition wins, spreads are
   * searched, and assignments to the same property through the variable that
   * holds the object (`opts.mode = 'ecb'`) are added to the set.
   */
  objectProperty(object: ObjectValue, key: string, node: Node): { values: AValue[]; node: Node | null } {
    // Spread chains are walked without going through evaluate(): guard them against cycles and depth here.
    const visit = `${object.node.range[0]}:${key}`;
    if (this.inProgress.has(visit) || this.depth >= MAX_DEPTH) return { values: [unknown('recursive property', node)], node: null };
    this.inProgress.add(visit);
    this.depth++;
    try {
      return this.objectPropertyUnguarded(object, key, node);
    } finally {
      this.depth--;
      this.inProgress.delete(visit);
    }
  }

  private objectPropertyUnguarded(object: ObjectValue, key: string, node: Node): { values: AValue[]; node: Node | null } {
    const written = (this.index.propertyWrites(this, object.node).get(key) ?? []).map((write) =>
      this.evaluate(write),
    );
    const found: AValue[][] = [];
    let where: Node | null = null;
    const properties = object.node.properties;
    for (let i = properties.length - 1; i >= 0; i--) {
      const prop = properties[i]!;
      if (prop.type === 'SpreadElement') {
        const spread = this.evaluate(prop.argument);
        const hits = spread.filter((value) => value.kind === 'object' || value.kind === 'unknown');
        for (const hit of hits) {
          if (hit.kind === 'unknown') {
            found.push([hit]);
          } else {
            const inner = this.objectProperty(hit as ObjectValue, key, node);
            if (inner.node) {
              found.push(inner.values);
              where ??= inner.node;
            }
          }
        }
        if (hits.length && hits.every((hit) => hit.kind === 'object') && where) break;
        continue;
      }
      const propKey = prop.computed ? this.staticString(prop.key) : propertyName(prop.key);
      if (propKey === null) {
        found.push(this.evaluate(prop.value));
        continue;
      }
      if (propKey !== key) continue;
      if (prop.kind === 'get' && (prop.value.type === 'FunctionExpression' || prop.value.type === 'ArrowFunctionExpression')) {
        found.push(this.returns(prop.value));
      } else {
        found.push(this.evaluate(prop.value));
      }
      where ??= prop.value;
      break;
    }
    if (!where && !written.length) return { values: [lit(undefined, node)], node: null };
    return { values: union(...found, ...written), node: where ?? (written.length ? object.node : null) };
  }

  private arrayProperty(array: TSESTree.ArrayExpression, key: string, node: Node): AValue[] {
    if (key === 'length') {
      return array.elements.some((el) => el?.type === 'SpreadElement') || this.index.arrayPushes(this, array).length
        ? [unknown('array length', node)]
        : [lit(array.elements.length, node)];
    }
    if (/^\d+$/.test(key)) {
      const i = Number(key);
      const spreadBefore = array.elements.slice(0, i + 1).some((el) => el?.type === 'SpreadElement');
      if (spreadBefore) return this.elementsOf([{ kind: 'array', node: array }], node);
      const element = array.elements[i];
      if (element === undefined) {
        return this.index.arrayPushes(this, array).length
          ? this.elementsOf([{ kind: 'array', node: array }], node)
          : [lit(undefined, node)];
      }
      return element === null ? [lit(undefined, node)] : this.evaluate(element);
    }
    const receiver: AValue = { kind: 'array', node: array };
    if (isKnownMethod(receiver, key)) return [{ kind: 'bound', receiver, name: key }];
    return [unknown(`array property ${key}`, node)];
  }

  /** Every element an array-like set may hold (for-of, unknown index, spreads). */
  elementsOf(values: readonly AValue[], node: Node): AValue[] {
    if (this.depth >= MAX_DEPTH) return [unknown('too deep', node)];
    this.depth++;
    try {
      return this.elementsOfUnguarded(values, node);
    } finally {
      this.depth--;
    }
  }

  private elementsOfUnguarded(values: readonly AValue[], node: Node): AValue[] {
    return union(...values.map((value): AValue[] => (value.kind === 'array' ? this.arrayElements(value.node) : [unknown('elements of a non-array', node)])));
  }

  /**
   * Every element one array literal may hold, memoised per literal: arrays built from spreads of other
   * arrays form a DAG, and walking it once per path is exponential (TypeScript's own compiler, a 6 MB
   * file, never finished). Elements are evaluated only until the set is full.
   */
  private arrayElements(array: TSESTree.ArrayExpression): AValue[] {
    const cached = this.elementsMemo.get(array);
    if (cached) return cached;
    this.elementsMemo.set(array, [unknown('cycle', array)]);
    const out: AValue[] = [];
    let open = true;
    for (const element of array.elements) {
      if (!element) open = unionInto(out, [lit(undefined, array)]);
      else if (element.type === 'SpreadElement') open = unionInto(out, this.elementsOf(this.evaluate(element.argument), element));
      else open = unionInto(out, this.evaluate(element));
      if (!open) break;
    }
    for (const arg of open ? this.index.arrayPushes(this, array) : []) if (!unionInto(out, this.evaluate(arg))) break;
    this.elementsMemo.set(array, out);
    return out;
  }

  private typeMember(object: TypeValue, key: string, node: Node): AValue[] {
    const type = this.registry.type(object.type);
    if (!type) return [unknown(`catalogue type ${object.type}`, node)];
    const member = this.registry.member(object.type, key);
    if (!member) {
      if (key === 'default' && !object.origin) return [object];
      return [unknown(`${type.spec.display}.${key}`, node)];
    }
    switch (member.kind) {
      case 'type':
        return [{ kind: 'type', type: member.type, library: type.library }];
      case 'const':
        return [lit(member.value, null, `${type.spec.display}.${key}`)];
      case 'function':
        return [
          {
            kind: 'callable',
            spec: member,
            library: type.library,
            display: `${type.spec.display}.${key}`,
            receiver: object,
          },
        ];
      case 'property':
        return [unknown(`${type.spec.display}.${key}`, node)];
    }
  }

  private enumMember(node: TSESTree.TSEnumDeclaration, key: string, at: Node): AValue[] {
    const members = 'body' in node && node.body ? node.body.members : (node as unknown as { members: TSESTree.TSEnumMember[] }).members;
    let next = 0;
    for (const member of members) {
      const name = member.id.type === 'Identifier' ? member.id.name : String((member.id as TSESTree.StringLiteral).value);
      let values: AValue[];
      if (member.initializer) {
        values = this.evaluate(member.initializer);
        const only = values.length === 1 ? values[0] : undefined;
        next = only?.kind === 'lit' && typeof only.value === 'number' ? only.value + 1 : Number.NaN;
      } else {
        values = [lit(next, member)];
        next += 1;
      }
      if (name === key) {
        const label = `${node.id.name}.${key}`;
        return values.map((value) => (value.kind === 'lit' ? { ...value, label } : value));
      }
    }
    return [unknown(`enum member ${key}`, at)];
  }

  /** An exported member of a namespace: `export const X = ...`, functions, classes, enums, nested namespaces. */
  private namespaceMember(node: TSESTree.TSModuleDeclaration, key: string, at: Node): AValue[] {
    const body = node.body;
    if (!body || body.type !== 'TSModuleBlock') return [unknown(`namespace member ${key}`, at)];
    for (const statement of body.body) {
      const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : null;
      if (!declaration) continue;
      if (declaration.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === 'Identifier' && declarator.id.name === key) {
            return declarator.init ? this.evaluate(declarator.init).map((v) => (v.kind === 'lit' && v.label === undefined ? { ...v, label: `${propertyName(node.id) ?? 'namespace'}.${key}` } : v)) : [lit(undefined, declarator)];
          }
        }
      } else if ('id' in declaration && declaration.id?.type === 'Identifier' && declaration.id.name === key) {
        if (declaration.type === 'FunctionDeclaration') return [{ kind: 'function', node: declaration }];
        if (declaration.type === 'ClassDeclaration') return [{ kind: 'class', node: declaration }];
        if (declaration.type === 'TSEnumDeclaration') return [{ kind: 'enum', node: declaration }];
        if (declaration.type === 'TSModuleDeclaration') return [{ kind: 'namespace', node: declaration }];
      }
    }
    return [unknown(`namespace member ${key}`, at)];
  }

  private staticMember(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, key: string, at: Node): AValue[] {
    for (const member of node.body.body) {
      if ((member.type === 'PropertyDefinition' || member.type === 'MethodDefinition') && member.static && staticKey(member) === key) {
        if (member.type === 'MethodDefinition') return [{ kind: 'function', node: member.value }];
        return member.value ? this.evaluate(member.value) : [lit(undefined, member)];
      }
    }
    return [unknown(`static ${key}`, at)];
  }

  /** `this.key` inside a class: field initialisers, `this.key = ...` writes in any method, and methods. */
  private thisMember(node: Node, key: string): AValue[] {
    const cls = enclosingClass(node);
    if (!cls) return [unknown('this outside a class', node)];
    return this.classMember(cls, key, node);
  }

  /** An instance member of a local class, as seen through `this` or through an instance (`new C().key`). */
  private classMember(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, key: string, node: Node): AValue[] {
    const sets: AValue[][] = [];
    for (const member of cls.body.body) {
      if (member.type !== 'PropertyDefinition' && member.type !== 'MethodDefinition') continue;
      if (member.static || staticKey(member) !== key) continue;
      if (member.type === 'MethodDefinition') {
        sets.push(member.kind === 'get' ? this.returns(member.value) : [{ kind: 'function', node: member.value }]);
      } else if (member.value) {
        sets.push(this.evaluate(member.value));
      }
    }
    for (const write of this.index.thisWrites.get(cls)?.get(key) ?? []) sets.push(this.evaluate(write));
    if (!sets.length) return [unknown(`this.${key}`, node)];
    // A public field can also be written from outside the class.
    return union(...sets);
  }

  // ------------------------------------------------------------------ calls

  private call(node: TSESTree.CallExpression | TSESTree.NewExpression): AValue[] {
    const callees = this.evaluate(node.callee);
    return union(
      ...callees.map((callee): AValue[] => {
        switch (callee.kind) {
          case 'callable':
            return this.catalogueCall(node, callee);
          case 'type': {
            const spec = this.registry.type(callee.type)?.spec;
            if (!spec?.call) return [unknown('not callable', node)];
            const display = spec.display;
            // A callable instance (a seeded generator, issue 3) keeps the call that created it as its receiver.
            const receiver = callee.origin ? { receiver: callee } : {};
            return this.catalogueCall(node, { kind: 'callable', spec: spec.call, library: callee.library, display, ...receiver });
          }
          case 'function':
            return node.type === 'NewExpression' ? [unknown('constructed', node)] : this.returns(callee.node);
          case 'class':
            return node.type === 'NewExpression' ? [{ kind: 'instance', node: callee.node }] : [unknown('class called', node)];
          case 'builtin':
            if (callee.path === 'require') {
              const arg = node.arguments[0];
              return arg ? this.moduleValues(this.evaluate(arg), node) : [unknown('require()', node)];
            }
            return callBuiltin(this, callee.path, node);
          case 'bound':
            return callMethod(this, callee, node);
          case 'unknown':
            // issue 3: `Math.random().toString(36)` is still weak randomness.
            if (callee.provenance === 'weak-random') return [callee];
            return [unknown('result of an unknown call', node)];
          default:
            return [unknown('call', node)];
        }
      }),
    );
  }

  private catalogueCall(node: TSESTree.CallExpression | TSESTree.NewExpression, callee: CallableValue): AValue[] {
    const fact = this.onCatalogueCall({ node, callee }) as TypeValue['origin'];
    if (callee.spec.decodes) {
      const arg = node.arguments[0];
      return decodedBytes(node, arg && arg.type !== 'SpreadElement' ? this.evaluate(arg) : undefined, callee.spec.decodes);
    }
    const returns = callee.spec.returns;
    if (!returns) {
      switch (callee.spec.result) {
        case 'random':
          return [{ kind: 'bytes', node, origin: 'random', ...this.requestedLength(node) }];
        case 'key-material':
          return [{ kind: 'unknown', reason: `result of ${callee.display}`, node, provenance: 'key-material', ...(fact ? { origin: fact } : {}) }];
        default:
          // The originating call is kept so a key object can be traced to the material it was imported from.
          return [{ ...unknown(`result of ${callee.display}`, node), ...(fact ? { origin: fact } : {}) }];
      }
    }
    const library = this.registry.type(returns)?.library ?? callee.library;
    return [fact ? { kind: 'type', type: returns, library, origin: fact } : { kind: 'type', type: returns, library }];
  }

  /** `randomBytes(16)`, `getRandomValues(new Uint8Array(12))`: the length of random bytes, when known (issue 3). */
  private requestedLength(node: TSESTree.CallExpression | TSESTree.NewExpression): { length?: number } {
    const arg = node.arguments[0];
    if (!arg || arg.type === 'SpreadElement') return {};
    const values = this.evaluate(arg);
    const only = values.length === 1 ? values[0] : undefined;
    if (only?.kind === 'lit' && typeof only.value === 'number') return { length: only.value };
    if (only?.kind === 'bytes' && only.length !== undefined) return { length: only.length };
    return {};
  }

  /**
   * Whether a callee can reach anything catalogued, decided without evaluating it, through the wrappers
   * {@link valueTarget} sees through. A name bound only to local functions or classes, never reassigned,
   * cannot; nor can a name imported from a module the catalogue does not have, or a global it does not have.
   * Nor can `x.name` when no catalogued member of a type the file can reach (see
   * {@link computeReachableMembers}) or global, and no property the file defines, has that name: builtin
   * methods (`list.push`, `s.charCodeAt`) are the bulk of calls in large files, and their receivers would
   * otherwise be evaluated through every call site of a parameter.
   */
  calleeMayBeCatalogued(callee: Node): boolean {
    callee = valueTarget(callee);
    if (callee.type === 'Identifier') {
      // A name no scope of the file declares is a global (`Error`, `setTimeout`), told without a scope lookup.
      if (this.fileNames().declared?.has(callee.name) === false) {
        return this.globalMayBeCatalogued(callee.name);
      }
      return !this.isLocalCallable(callee) && !this.isUncataloguedImport(callee);
    }
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
      return this.mayNameCatalogued(callee.property.name);
    }
    return true;
  }

  private readonly uncataloguedImports = new Map<Variable, boolean>();

  /**
   * A name bound only by an import from a module the catalogue does not have (`import { encode } from
   * './codec'`): its value is unknown whatever is read from it (see {@link importBinding}), so a call through
   * it never reaches the catalogue. On the corpus' triggered files, such calls were more than a third of the
   * identifier callees the other checks let through.
   */
  private isUncataloguedImport(id: TSESTree.Identifier): boolean {
    const variable = this.findVariable(id);
    if (!variable || variable.defs.length !== 1) return false;
    let answer = this.uncataloguedImports.get(variable);
    if (answer === undefined) {
      const def = variable.defs[0]!;
      const declaration = def.node.parent;
      answer =
        def.type === 'ImportBinding' &&
        declaration?.type === 'ImportDeclaration' &&
        declaration.source.value !== 'process' &&
        declaration.source.value !== 'node:process' &&
        !this.registry.modules.has(declaration.source.value) &&
        !variable.references.some((reference) => reference.isWrite());
      this.uncataloguedImports.set(variable, answer);
    }
    return answer;
  }

  /** Whether a member of this name may be a catalogued function or type, or a property defined in the file. */
  private mayNameCatalogued(name: string): boolean {
    return (
      (this.registry.memberNames.has(name) && (this.reachableMembers ??= this.computeReachableMembers()).has(name)) ||
      this.globalMayBeCatalogued(name) ||
      name === 'default' ||
      this.index.mayDefine(name, this)
    );
  }

  /** A global (or a member of the global object) by this name may be catalogued, or lead to what is: `require`. */
  private globalMayBeCatalogued(name: string): boolean {
    return this.registry.globals.has(name) || GLOBAL_OBJECT_NAMES.has(name) || name === 'require';
  }

  /**
   * Whether an expression may hold something a call can reach the catalogue through: a catalogued
   * function or object, a builtin (`Math.random`, the global object), or a value a catalogued call or a
   * weak source produced. Local functions, classes, records and literals cannot.
   */
  mayHoldCatalogued(node: Node): boolean {
    if (node.type === 'Identifier' && this.isLocalCallable(node)) return false;
    return this.evaluate(node).some(
      (value) =>
        value.kind === 'callable' ||
        value.kind === 'type' ||
        value.kind === 'builtin' ||
        (value.kind === 'unknown' && (value.provenance !== undefined || value.origin !== undefined)),
    );
  }

  private reachableMembers?: ReadonlySet<string>;
  private entryTypes?: readonly string[];

  /**
   * Whether anything catalogued can be reached from this file at all: it names a catalogued module or
   * global (see {@link computeReachableMembers}). Every catalogued function or type a value can hold
   * starts at one of those, so where there is none, no call is catalogued and the rules that look only
   * at catalogued calls have nothing to find. About a third of the files that pass the trigger scan
   * (which also counts PEM markers and key names) name none.
   */
  mayReachCatalogue(): boolean {
    return this.catalogueEntries().length > 0;
  }

  /**
   * The member names of the catalogued types this file can reach. A value of a catalogued type starts at
   * a catalogued module (`require('crypto')`, `import ... from 'node-forge'`) or global (`crypto`,
   * `CryptoJS`), and every other type is reached from those through members and return types. So a file
   * whose only crypto is `require('crypto')` cannot call node-forge's or openpgp's methods, and
   * `x.encrypt(...)` there is not resolved. Modules and globals are named by the file's string literals
   * and identifiers (a specifier assembled at run time, `require('cry' + 'pto')`, is not seen:
   * docs/limitations.md).
   */
  private computeReachableMembers(): ReadonlySet<string> {
    return this.registry.memberNamesReachableFrom(this.catalogueEntries());
  }

  /** The catalogued types this file's module specifiers and global names start at. */
  private catalogueEntries(): readonly string[] {
    if (this.entryTypes) return this.entryTypes;
    const entries = new Set<string>();
    const { modules, globals } = this.registry;
    for (const node of this.index.strings) {
      const text = node.type === 'Literal' ? node.value : node.expressions.length === 0 ? node.quasis[0]?.value.cooked : undefined;
      if (text === undefined || text === null) continue;
      const target = modules.get(text)?.target;
      if (typeof target === 'string') entries.add(target);
      // `window['crypto']`, `Reflect.get(globalThis, 'crypto')`
      const global = globals.get(text);
      if (global) entries.add(global.type);
    }
    // A global is read by its name: `crypto.subtle`, `window.crypto`, `const { crypto } = globalThis`. Every
    // catalogued global the text mentions anywhere counts (a comment or a longer word too: that only prunes
    // less). Global names are trigger words, so the file's trigger scan has already found them.
    for (const name of fileTriggers(this.sourceCode, this.registry)) {
      const global = globals.get(name);
      if (global) entries.add(global.type);
    }
    this.entryTypes = [...entries];
    return this.entryTypes;
  }

  private readonly localCallables = new Map<Variable, boolean>();
  private names?: FileNames;

  /** A name bound only to functions or classes written in this file, and never reassigned (see {@link onlyCallable}). */
  isLocalCallable(id: TSESTree.Identifier): boolean {
    // Most calls in large files are to local functions: answer by name when every binding of that name
    // in the file is one, without a scope lookup per call.
    if (this.fileNames().onlyCallable.has(id.name)) return true;
    const variable = this.findVariable(id);
    if (!variable || variable.defs.length === 0) return false;
    let answer = this.localCallables.get(variable);
    if (answer === undefined) {
      answer = onlyCallable(variable);
      this.localCallables.set(variable, answer);
    }
    return answer;
  }

  /**
   * Whether an identifier of this name is, wherever it appears in the file, either a global (no scope declares
   * the name) or one of the file's own functions or classes, never reassigned (see {@link FileNames}): what it
   * denotes is then told by its name, without a scope lookup.
   */
  nameDenotesItself(name: string): boolean {
    const names = this.fileNames();
    return names.declared?.has(name) === false || names.onlyCallable.has(name);
  }

  /** The file's declared names, from one pass over every variable of every scope (see {@link FileNames}). */
  private fileNames(): FileNames {
    if (this.names) return this.names;
    const onlyCallableNames = new Set<string>();
    const manager = this.sourceCode.scopeManager;
    if (!manager) return (this.names = { onlyCallable: onlyCallableNames, declared: null });
    const declared = new Set<string>();
    const excluded = new Set<string>();
    for (const scope of manager.scopes) {
      for (const variable of scope.variables) {
        const name = variable.name;
        // A variable without definitions is a configured global (`languageOptions.globals`): not declared here.
        if (variable.defs.length > 0) declared.add(name);
        if (excluded.has(name)) continue;
        if (variable.defs.length > 0 && onlyCallable(variable)) {
          onlyCallableNames.add(name);
        } else {
          excluded.add(name);
          onlyCallableNames.delete(name);
        }
      }
    }
    for (const reference of manager.globalScope?.through ?? []) onlyCallableNames.delete(reference.identifier.name);
    return (this.names = { onlyCallable: onlyCallableNames, declared });
  }

  /** The values a local function may return. */
  returns(fn: TSESTree.FunctionLike): AValue[] {
    if (fn.type === 'ArrowFunctionExpression' && fn.expression) return this.evaluate(fn.body as TSESTree.Expression);
    const returns = this.index.returnsOf(fn);
    if (!returns.length) return [lit(undefined, fn)];
    return union(...returns.map((ret) => (ret.argument ? this.evaluate(ret.argument) : [lit(undefined, ret)])));
  }

  /** The set of static strings a node may denote, or null if any is unknown. */
  staticString(node: Node): string | null {
    const values = this.evaluate(node);
    const only = values.length === 1 ? values[0] : undefined;
    return only?.kind === 'lit' ? String(only.value) : null;
  }

  /**
   * The catalogued functions a call's callee may be (for facts). It evaluates the callee: ask
   * {@link calleeMayBeCatalogued} first, which rules most callees out without that.
   */
  calleeCallables(node: TSESTree.CallExpression | TSESTree.NewExpression): CallableValue[] {
    const out: CallableValue[] = [];
    for (const callee of this.evaluate(node.callee)) {
      if (callee.kind === 'callable') out.push(callee);
      else if (callee.kind === 'type') {
        const spec = this.registry.type(callee.type)?.spec;
        if (spec?.call) {
          const receiver = callee.origin ? { receiver: callee } : {};
          out.push({ kind: 'callable', spec: spec.call, library: callee.library, display: spec.display, ...receiver });
        }
      }
    }
    return out;
  }
}

// ------------------------------------------------------------------ helpers

/** What one pass over a file's variables tells about its names. */
interface FileNames {
  /**
   * Names that, wherever they are used in this file, denote a local function or class never reassigned:
   * every variable of that name in every scope is one, and no reference to it is left unresolved (a
   * global of the same name). Any reference by such a name then resolves to one of them.
   */
  onlyCallable: Set<string>;
  /**
   * Names some scope of the file declares (a variable with a definition); null without a scope manager.
   * A reference by any other name resolves to no variable, or to a configured global: the evaluator reads
   * it as that global (see `global`), so it is a catalogued value only when the catalogue has that global.
   */
  declared: Set<string> | null;
}

/**
 * Bound only by function or class declarations, or by declarators initialised with a function or class
 * written in place (`const f = () => {}`, `var C = class {}`), and never written otherwise.
 */
function onlyCallable(variable: Variable): boolean {
  return (
    variable.defs.every(
      (def) =>
        def.type === 'FunctionName' ||
        def.type === 'ClassName' ||
        (def.type === 'Variable' && def.node.id === def.name && def.node.init !== null && IN_PLACE_CALLABLES.has(def.node.init.type) && !inForHead(def.node)),
    ) && !variable.references.some((reference) => reference.isWrite() && !reference.init)
  );
}

/** Expressions whose value is their inner expression's, as `compute` evaluates them. */
const VALUE_WRAPPERS = new Set(['ChainExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'TSInstantiationExpression']);

/**
 * The expression whose value a node has, through the wrappers the evaluator sees through: `(0, x.encrypt)`
 * (transpiled code), `x.encrypt!`, `(x.encrypt as any)`. Checks of a callee's shape look at this.
 */
export function valueTarget(node: Node): Node {
  let current = node;
  for (;;) {
    if (VALUE_WRAPPERS.has(current.type)) current = (current as TSESTree.TSAsExpression).expression;
    else if (current.type === 'SequenceExpression' && current.expressions.length) current = current.expressions[current.expressions.length - 1]!;
    else return current;
  }
}

const IN_PLACE_CALLABLES = new Set(['FunctionExpression', 'ArrowFunctionExpression', 'ClassExpression']);

/** `for (const f of fns)`: the declarator's init, if any, is not what the variable holds. */
function inForHead(declarator: TSESTree.VariableDeclarator): boolean {
  const loop = declarator.parent?.parent;
  return (loop?.type === 'ForOfStatement' || loop?.type === 'ForInStatement') && loop.left === declarator.parent;
}

type Combiner = (a: NonNullable<LitValue['value']> | null | undefined, b: LitValue['value']) => LitValue['value'];

const ARITHMETIC: Partial<Record<TSESTree.BinaryExpression['operator'], Combiner>> = {
  '+': (a, b) => (typeof a === 'number' && typeof b === 'number' ? a + b : `${String(a)}${String(b)}`),
  '-': (a, b) => Number(a) - Number(b),
  '*': (a, b) => Number(a) * Number(b),
  '/': (a, b) => Number(a) / Number(b),
  '%': (a, b) => Number(a) % Number(b),
  '**': (a, b) => Number(a) ** Number(b),
  '<<': (a, b) => Number(a) << Number(b),
  '>>': (a, b) => Number(a) >> Number(b),
  '|': (a, b) => Number(a) | Number(b),
  '&': (a, b) => Number(a) & Number(b),
  '===': (a, b) => a === b,
  '!==': (a, b) => a !== b,
};

/** Cartesian combination of two value sets with a pure operation on literals. */
function combine(left: readonly AValue[], right: readonly AValue[], node: Node, op: Combiner): AValue[] {
  const out: AValue[] = [];
  for (const a of left) {
    for (const b of right) {
      if (a.kind !== 'lit' || b.kind !== 'lit' || typeof a.value === 'bigint' || typeof b.value === 'bigint') {
        out.push(a.kind === 'unknown' ? a : b.kind === 'unknown' ? b : unknown('non-literal operand', node));
        continue;
      }
      out.push(lit(op(a.value, b.value), node, a.label ?? b.label));
    }
  }
  return union(out);
}

export function propertyName(node: Node): string | null {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'PrivateIdentifier') return `#${node.name}`;
  if (node.type === 'Literal') return String(node.value);
  return null;
}

function staticKey(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | null {
  return member.computed ? (member.key.type === 'Literal' ? String(member.key.value) : null) : propertyName(member.key);
}

/** The class whose `this` a node sees (arrow functions see through). */
export function enclosingClass(node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  let current: Node | undefined = node.parent;
  while (current) {
    if (current.type === 'PropertyDefinition' || current.type === 'StaticBlock') {
      const cls = current.parent?.parent;
      return cls?.type === 'ClassDeclaration' || cls?.type === 'ClassExpression' ? cls : null;
    }
    if (current.type === 'FunctionExpression' || current.type === 'FunctionDeclaration') {
      const method = current.parent;
      if (method?.type === 'MethodDefinition') {
        const cls = method.parent?.parent;
        return cls?.type === 'ClassDeclaration' || cls?.type === 'ClassExpression' ? cls : null;
      }
      return null;
    }
    current = current.parent;
  }
  return null;
}

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

/**
 * `let out = ''; for (...) out += part;`: the initialiser only starts an
 * accumulation, it is not a value the variable is meant to hold afterwards
 * (`btoa(out)` is not `btoa('')`). True when the variable is appended to
 * (`+=`) inside a loop that does not also contain its declaration.
 */
function accumulatedInLoop(variable: Variable, declarator: Node): boolean {
  return variable.references.some((reference) => {
    const write = reference.identifier.parent;
    if (write?.type !== 'AssignmentExpression' || write.operator !== '+=' || write.left !== reference.identifier) return false;
    for (let current: Node | undefined = write.parent; current; current = current.parent) {
      if (current === declarator.parent?.parent) return false;
      if (LOOPS.has(current.type)) {
        for (let up: Node | undefined = declarator.parent; up; up = up.parent) if (up === current) return false;
        return true;
      }
    }
    return false;
  });
}

function enclosingAssignment(node: Node): TSESTree.AssignmentExpression | null {
  let current: Node | undefined = node.parent;
  while (current) {
    if (current.type === 'AssignmentExpression') return current;
    if (!['ObjectPattern', 'ArrayPattern', 'Property', 'RestElement', 'AssignmentPattern'].includes(current.type)) return null;
    current = current.parent;
  }
  return null;
}

function isExported(node: Node): boolean {
  let current: Node | undefined = node;
  for (let i = 0; i < 3 && current; i++) {
    if (current.type === 'ExportNamedDeclaration' || current.type === 'ExportDefaultDeclaration') return true;
    current = current.parent;
  }
  return false;
}

export type { FunctionSpec };
