/**
 * Mutation operators for evasion testing, in the style of crypto-misuse
 * detector studies: each takes one finding of a positive fixture (the node
 * keyguard reported) and rewrites the code around it so that the same value
 * reaches the same API by a more indirect route. Declarations a mutant needs
 * are appended at the end of the file, so line numbers never move (the
 * engine is flow-insensitive: use before declaration is fine for it).
 */
import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

export interface Target {
  /** the file's text */
  text: string;
  /** the reported node's offsets */
  start: number;
  end: number;
  isTypeScript: boolean;
}

export interface Mutant {
  operator: string;
  text: string;
}

export const OPERATORS = [
  'alias-function',
  'alias-module',
  'const',
  'enum',
  'object',
  'array',
  'concat',
  'template',
  'join',
  'case',
  'helper',
  'class-field',
  'default-param',
  'spread-options',
  'destructured-param',
  'async-wrapper',
  'wrap-helper',
  'wrap-array',
  'wrap-object',
  'wrap-ternary',
] as const;

export type Operator = (typeof OPERATORS)[number];

interface Context {
  target: Target;
  ast: TSESTree.Program;
  node: Node;
  literal: TSESTree.Literal | null;
  id: number;
}

function parseFile(text: string, isTypeScript: boolean): TSESTree.Program {
  return parse(text, { range: true, loc: true, sourceType: 'module', ecmaVersion: 'latest', jsx: !isTypeScript }) as TSESTree.Program;
}

/** The innermost node with exactly the reported range (the finding's node), with parents set. */
function findNode(ast: TSESTree.Program, start: number, end: number): Node | null {
  let best: Node | null = null;
  const stack: Node[] = [ast];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.range[0] > start || node.range[1] < end) continue;
    if (node.range[0] === start && node.range[1] === end) best = node;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (child && typeof child === 'object' && typeof (child as Node).type === 'string' && Array.isArray((child as Node).range)) {
          (child as { parent?: Node }).parent = node;
          stack.push(child as Node);
        }
      }
    }
  }
  return best;
}

const splice = (text: string, start: number, end: number, replacement: string) => text.slice(0, start) + replacement + text.slice(end);

/** Replaces the reported node and appends declarations at the end of the file. */
function rewrite(ctx: Context, replacement: string, declarations: string): string {
  const { text, start, end } = ctx.target;
  return `${splice(text, start, end, replacement)}\n${declarations}\n`;
}

function enclosingCall(node: Node): TSESTree.CallExpression | TSESTree.NewExpression | null {
  let current: Node | undefined = node.parent;
  while (current) {
    if ((current.type === 'CallExpression' || current.type === 'NewExpression') && current.callee.type !== 'Super') return current;
    current = current.parent;
  }
  return null;
}

function inAsyncContext(node: Node, ast: TSESTree.Program): boolean {
  let current: Node | undefined = node.parent;
  while (current) {
    if (current.type === 'FunctionDeclaration' || current.type === 'FunctionExpression' || current.type === 'ArrowFunctionExpression') {
      return current.async;
    }
    if (current.type === 'PropertyDefinition' || current.type === 'ClassBody') return false;
    current = current.parent;
  }
  return ast.body.some((statement) => statement.type === 'ImportDeclaration' || statement.type.startsWith('Export'));
}

function literalText(ctx: Context): string {
  return ctx.target.text.slice(ctx.target.start, ctx.target.end);
}

const stringValue = (ctx: Context) => (typeof ctx.literal?.value === 'string' ? ctx.literal.value : null);

/** Each operator returns the mutated text, or null when it does not apply to this finding. */
const APPLY: Partial<Record<Operator, (ctx: Context) => string | null>> = {
  'alias-function': (ctx) => {
    const call = enclosingCall(ctx.node);
    if (!call || call.callee.type !== 'MemberExpression' || call.callee.object.type === 'ThisExpression') return null;
    const callee = ctx.target.text.slice(call.callee.range[0], call.callee.range[1]);
    const name = `__kgFn${ctx.id}`;
    const { text } = ctx.target;
    return `${splice(text, call.callee.range[0], call.callee.range[1], name)}\nconst ${name} = ${callee};\n`;
  },
  'alias-module': (ctx) => {
    const call = enclosingCall(ctx.node);
    if (!call) return null;
    let root: Node = call.callee;
    while (root.type === 'MemberExpression') root = root.object;
    if (root.type !== 'Identifier' || root === call.callee) return null;
    const name = `__kgMod${ctx.id}`;
    return `${splice(ctx.target.text, root.range[0], root.range[1], name)}\nconst ${name} = ${root.name};\n`;
  },
  const: (ctx) => (ctx.literal ? rewrite(ctx, `__kgC${ctx.id}`, `const __kgC${ctx.id} = ${literalText(ctx)};`) : null),
  enum: (ctx) =>
    ctx.literal && ctx.target.isTypeScript && (typeof ctx.literal.value === 'string' || typeof ctx.literal.value === 'number')
      ? rewrite(ctx, `__KgE${ctx.id}.V`, `enum __KgE${ctx.id} { Other = ${typeof ctx.literal.value === 'string' ? "'other'" : '-1'}, V = ${literalText(ctx)} }`)
      : null,
  object: (ctx) => (ctx.literal ? rewrite(ctx, `__kgO${ctx.id}.settings.value`, `const __kgO${ctx.id} = { settings: { value: ${literalText(ctx)} } };`) : null),
  array: (ctx) => (ctx.literal ? rewrite(ctx, `__kgA${ctx.id}[1]`, `const __kgA${ctx.id} = [null, ${literalText(ctx)}];`) : null),
  concat: (ctx) => {
    const value = stringValue(ctx);
    if (!value || value.length < 2) return null;
    const half = Math.floor(value.length / 2);
    return rewrite(ctx, `${JSON.stringify(value.slice(0, half))} + ${JSON.stringify(value.slice(half))}`, '');
  },
  template: (ctx) => {
    const value = stringValue(ctx);
    if (!value || value.length < 2 || /[`$\\]/.test(value)) return null;
    const half = Math.floor(value.length / 2);
    return rewrite(ctx, `\`\${${JSON.stringify(value.slice(0, half))}}${value.slice(half)}\``, '');
  },
  join: (ctx) => {
    const value = stringValue(ctx);
    if (!value?.includes('-')) return null;
    return rewrite(ctx, `${JSON.stringify(value.split('-'))}.join('-')`, '');
  },
  case: (ctx) => {
    const value = stringValue(ctx);
    if (!value || value.toLowerCase() === value.toUpperCase()) return null;
    if (value === value.toLowerCase()) return rewrite(ctx, `${JSON.stringify(value.toUpperCase())}.toLowerCase()`, '');
    if (value === value.toUpperCase()) return rewrite(ctx, `${JSON.stringify(value.toLowerCase())}.toUpperCase()`, '');
    return null;
  },
  helper: (ctx) => (ctx.literal ? rewrite(ctx, `__kgH${ctx.id}(${literalText(ctx)})`, `function __kgH${ctx.id}(value) { return value; }`) : null),
  'class-field': (ctx) =>
    ctx.literal ? rewrite(ctx, `new __KgK${ctx.id}().value`, `class __KgK${ctx.id} { value = ${literalText(ctx)}; }`) : null,
  'default-param': (ctx) =>
    ctx.literal ? rewrite(ctx, `__kgD${ctx.id}()`, `function __kgD${ctx.id}(value = ${literalText(ctx)}) { return value; }`) : null,
  'spread-options': (ctx) => {
    const property = ctx.node.parent;
    if (property?.type !== 'Property' || property.value !== ctx.node || property.parent?.type !== 'ObjectExpression') return null;
    const propertyText = ctx.target.text.slice(property.range[0], property.range[1]);
    return `${splice(ctx.target.text, property.range[0], property.range[1], `...{ ${propertyText} }`)}\n`;
  },
  'destructured-param': (ctx) =>
    ctx.literal ? rewrite(ctx, `__kgP${ctx.id}({ value: ${literalText(ctx)} })`, `function __kgP${ctx.id}({ value }) { return value; }`) : null,
  'async-wrapper': (ctx) =>
    ctx.literal && inAsyncContext(ctx.node, ctx.ast)
      ? rewrite(ctx, `(await __kgW${ctx.id}())`, `async function __kgW${ctx.id}() { return ${literalText(ctx)}; }`)
      : null,
};

/** Expression nodes that can be wrapped in place (not a pattern, an assignment target or a declaration). */
function wrappable(ctx: Context): boolean {
  if (ctx.literal) return false;
  const { node } = ctx;
  const parent = node.parent;
  if (!/Expression$|^Identifier$|^TemplateLiteral$/.test(node.type) || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') return false;
  if (!parent) return false;
  if (parent.type === 'AssignmentExpression' && parent.left === node) return false;
  if (parent.type === 'UpdateExpression' || parent.type === 'VariableDeclarator' || /Pattern$/.test(parent.type)) return false;
  if ((parent.type === 'MemberExpression' && parent.property === node) || (parent.type === 'Property' && parent.key === node)) return false;
  if (parent.type === 'ChainExpression' || (parent.type === 'CallExpression' && parent.optional)) return false;
  if (parent.type === 'Decorator' || parent.type.startsWith('TS') || parent.type.startsWith('JSX')) return false;
  return true;
}

const WRAPS: Partial<Record<Operator, (ctx: Context, text: string) => string>> = {
  // Parenthesised: as the callee of `new`, `new __kgI(C)(x)` would construct the helper instead.
  'wrap-helper': (ctx, text) => rewrite(ctx, `(__kgI${ctx.id}(${text}))`, `function __kgI${ctx.id}(value) { return value; }`),
  'wrap-array': (ctx, text) => rewrite(ctx, `[${text}][0]`, ''),
  'wrap-object': (ctx, text) => rewrite(ctx, `({ value: ${text} }).value`, ''),
  'wrap-ternary': (ctx, text) => rewrite(ctx, `(__kgFlag${ctx.id} ? ${text} : ${text})`, `var __kgFlag${ctx.id} = Math.random() > 2;`),
};

/** Every applicable mutant of one finding. */
export function mutants(target: Target, id: number): Mutant[] {
  let ast: TSESTree.Program;
  try {
    ast = parseFile(target.text, target.isTypeScript);
  } catch {
    return [];
  }
  const node = findNode(ast, target.start, target.end);
  if (!node) return [];
  const literal = node.type === 'Literal' && (typeof node.value === 'string' || typeof node.value === 'number') ? node : null;
  const ctx: Context = { target, ast, node, literal, id };
  const out: Mutant[] = [];
  for (const operator of OPERATORS) {
    const wrap = WRAPS[operator];
    const apply = APPLY[operator];
    const text = wrap ? (wrappable(ctx) ? wrap(ctx, literalText(ctx)) : null) : apply ? apply(ctx) : null;
    if (text !== null) out.push({ operator, text });
  }
  return out;
}
