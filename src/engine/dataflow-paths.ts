import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/** Names that denote the global object: `window.fetch` is `fetch`. */
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'global']);

/** Past this many steps a path is unknown: keeps alias chains cheap and cycle-free. */
const MAX_STEPS = 24;

/**
 * Names what a callee or assignment target *is*, as a dotted path, so sinks
 * and sources can be matched as data (src/catalogue/sinks.ts explains the
 * syntax): `https.request`, `WebSocket().send`, `fs.promises.writeFile`,
 * `~logger.info`. Follows imports, `require`, destructuring and `const`
 * aliases. Memoised per node.
 */
export class PathResolver {
  private readonly memo = new Map<Node, string | null>();

  /**
   * @param findVariable the variable an identifier refers to: the file's evaluator answers and keeps it
   * @param denotesItself whether every identifier of this name has the path `name` or `~name` wherever it is: a
   *   name no scope of the file declares (a global), or one every binding of which is a local function or class,
   *   never reassigned (`Evaluator#nameDenotesItself`). Lets {@link pathMatching} skip such callees by name.
   */
  constructor(
    private readonly findVariable: (id: TSESTree.Identifier) => TSESLint.Scope.Variable | null,
    private readonly denotesItself: (name: string) => boolean = () => false,
  ) {}

  pathOf(node: Node): string | null {
    return this.resolve(node, 0);
  }

  /**
   * {@link pathOf}, for a caller that only tests the path against patterns whose last names are `names` (see
   * {@link lastNames}; null: any name). The path of a member `x.name` is `<path of x>.name`, `name` (on the
   * global object) or `~name`, so when no pattern ends in `name` it cannot match, and nothing is resolved. So is
   * the path of an identifier whose name denotes itself (see the constructor): `name` for a global, `~name` for
   * a local function, without a scope lookup.
   */
  pathMatching(node: Node, names: ReadonlySet<string> | null): string | null {
    if (names !== null) {
      const last =
        node.type === 'MemberExpression' ? memberKey(node) : node.type === 'Identifier' && this.denotesItself(node.name) ? node.name : null;
      if (last !== null && !last.includes('.') && !names.has(last)) return null;
    }
    return this.pathOf(node);
  }

  private resolve(node: Node, steps: number): string | null {
    const cached = this.memo.get(node);
    if (cached !== undefined) return cached;
    if (steps > MAX_STEPS) return null;
    this.memo.set(node, null);
    const result = this.compute(node, steps + 1);
    this.memo.set(node, result);
    return result;
  }

  private compute(node: Node, steps: number): string | null {
    switch (node.type) {
      case 'Identifier':
        return this.identifier(node, steps);
      case 'MemberExpression': {
        const key = memberKey(node);
        if (node.object.type === 'ThisExpression') return key === null ? null : `~${key}`;
        const object = this.resolve(node.object, steps);
        if (object === null || key === null) return null;
        if (GLOBAL_OBJECTS.has(object)) return key;
        return `${object}.${key}`;
      }
      case 'MetaProperty':
        return `${node.meta.name}.${node.property.name}`;
      case 'CallExpression':
      case 'NewExpression': {
        const callee = node.callee;
        if (callee.type === 'Identifier' && callee.name === 'require' && node.type === 'CallExpression') {
          const arg = node.arguments[0];
          return arg?.type === 'Literal' && typeof arg.value === 'string' ? normaliseModule(arg.value) : null;
        }
        const path = this.resolve(callee, steps);
        return path === null ? null : `${path}()`;
      }
      case 'ImportExpression':
        return node.source.type === 'Literal' && typeof node.source.value === 'string' ? normaliseModule(node.source.value) : null;
      case 'AwaitExpression':
        return this.resolve(node.argument, steps);
      case 'ChainExpression':
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
        return this.resolve(node.expression, steps);
      default:
        return null;
    }
  }

  private identifier(node: TSESTree.Identifier, steps: number): string | null {
    const variable = this.findVariable(node);
    if (!variable || variable.defs.length === 0) return node.name;
    for (const def of variable.defs) {
      switch (def.type) {
        case 'ImportBinding': {
          const spec = def.node;
          const declaration = spec.parent;
          if (declaration?.type !== 'ImportDeclaration') continue;
          const module = normaliseModule(String(declaration.source.value));
          if (spec.type === 'ImportSpecifier') {
            const imported = spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
            return imported === 'default' ? module : `${module}.${imported}`;
          }
          return module;
        }
        case 'Variable': {
          const declarator = def.node;
          if (declarator.init) {
            const init = this.resolve(declarator.init, steps);
            // Unknown or local roots keep the variable's own name, which is what name-based patterns match.
            if (init === null || init.startsWith('~')) return `~${node.name}`;
            if (declarator.id.type === 'Identifier') return init;
            const key = patternKey(declarator.id, def.name);
            return key === null ? `~${node.name}` : `${init}.${key}`;
          }
          // `let ws; ws = new WebSocket(url)`: the first plain assignment.
          for (const reference of variable.references) {
            const write = reference.identifier.parent;
            if (reference.isWrite() && write?.type === 'AssignmentExpression' && write.left === reference.identifier) {
              const path = this.resolve(write.right, steps);
              if (path !== null) return path;
            }
          }
          return `~${node.name}`;
        }
        default:
          return `~${node.name}`;
      }
    }
    return `~${node.name}`;
  }
}

/** `node:fs` is `fs`; `fs/promises` is `fs.promises`. */
export function normaliseModule(specifier: string): string {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  if (bare === 'fs/promises' || bare === 'dns/promises') return bare.replace('/', '.');
  return bare;
}

function memberKey(node: TSESTree.MemberExpression): string | null {
  if (!node.computed) return node.property.type === 'Identifier' ? node.property.name : null;
  return node.property.type === 'Literal' && typeof node.property.value === 'string' ? node.property.value : null;
}

/** `const { a } = x` binds `a` to `x.a` (one level only). */
function patternKey(pattern: Node, name: TSESTree.Identifier): string | null {
  if (pattern.type !== 'ObjectPattern') return null;
  for (const prop of pattern.properties) {
    if (prop.type !== 'Property') continue;
    const value = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
    if (value !== name) continue;
    if (prop.key.type === 'Identifier' && !prop.computed) return prop.key.name;
    if (prop.key.type === 'Literal') return String(prop.key.value);
  }
  return null;
}

/**
 * Every name the paths that match some patterns can end in (`axios.{get,post}`: get, post; `~{socket,io}`:
 * socket, io), plus `extra`; null when a pattern can end in any name (`**`, `*`). For {@link PathResolver.pathMatching}.
 */
export function lastNames(patterns: readonly string[], extra: readonly string[] = []): ReadonlySet<string> | null {
  const names = new Set(extra);
  for (const pattern of patterns.flatMap(expandBraces)) {
    const last = pattern.slice(pattern.lastIndexOf('.') + 1);
    if (last.includes('*')) return null;
    names.add(last.startsWith('~') ? last.slice(1) : last);
  }
  return names;
}

/** A pattern's alternatives spelled out, `{` closing at the next `}` as in {@link compilePatterns}. */
function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  const close = pattern.indexOf('}', open);
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  return pattern
    .slice(open + 1, close)
    .split(',')
    .flatMap((alternative) => expandBraces(head + alternative + tail));
}

/** Compiles sink/source path patterns (`*` one segment, `**` any, `{a,b}` alternatives) into one expression. */
export function compilePatterns(patterns: readonly string[]): RegExp {
  return new RegExp(`^(?:${patterns.map(globToRegExp).join('|')})$`);
}

function globToRegExp(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        out += '.*';
        i++;
      } else {
        out += '[^.]*';
      }
    } else if (ch === '{') {
      const end = pattern.indexOf('}', i);
      const alternatives = pattern.slice(i + 1, end).split(',');
      out += `(?:${alternatives.map(globToRegExp).join('|')})`;
      i = end;
    } else {
      out += /[\\^$.|?+()[\]]/.test(ch) ? `\\${ch}` : ch;
    }
  }
  return out;
}
