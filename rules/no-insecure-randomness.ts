import type { TSESTree } from '@typescript-eslint/utils';
import type { Role } from '../src/catalogue/index.js';
import { createRule } from '../src/create-rule.js';
import type { FileAnalysis } from '../src/engine/analysis.js';
import { createReporter, isDecryption, onAnalysis } from '../src/engine/rule-kit.js';
import { hasWeakRandomCall, isConstantSeed, mayBeSecretName, secretKindOf, weakRandomSource, type WeakSource } from '../src/engine/randomness.js';

type Node = TSESTree.Node;
type Options = [{ checkNames: boolean }];
type MessageIds = 'weakRandomRole' | 'weakRandomName' | 'constantSeed';

/** Roles that must be unpredictable, and how messages name them. */
const SECRET_ROLES: ReadonlyMap<Role, string> = new Map([
  ['key', 'a key'],
  ['iv', 'an IV or nonce'],
  ['salt', 'a salt'],
  ['password', 'a password'],
]);

function sourceText(source: WeakSource, reportedAt: Node): string {
  const line = source.node.loc.start.line;
  return line === reportedAt.loc.start.line ? source.what : `${source.what} (line ${line})`;
}

/** The name a value is stored under, returned as, or passed as: a declarator, an assignment target, a property, a function's return. */
function sinkName(node: Node): string | null {
  const parent = node.parent;
  if (!parent) return null;
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.init === node && parent.id.type === 'Identifier' ? parent.id.name : null;
    case 'AssignmentExpression':
      if (parent.right !== node) return null;
      if (parent.left.type === 'Identifier') return parent.left.name;
      if (parent.left.type === 'MemberExpression' && !parent.left.computed && parent.left.property.type === 'Identifier') return parent.left.property.name;
      return null;
    case 'Property':
      if (parent.value !== node || parent.shorthand || parent.computed) return null;
      return parent.key.type === 'Identifier' ? parent.key.name : parent.key.type === 'Literal' ? String(parent.key.value) : null;
    case 'PropertyDefinition':
      return parent.value === node && !parent.computed && parent.key.type === 'Identifier' ? parent.key.name : null;
    default:
      return null;
  }
}

/** The name of the function whose result an expression is (`return x` or an arrow's body). */
function returnedFrom(node: Node): string | null {
  const parent = node.parent;
  let fn: Node | undefined;
  if (parent?.type === 'ReturnStatement') {
    let current: Node | undefined = parent.parent;
    while (current && current.type !== 'FunctionDeclaration' && current.type !== 'FunctionExpression' && current.type !== 'ArrowFunctionExpression') {
      current = current.parent;
    }
    fn = current;
  } else if (parent?.type === 'ArrowFunctionExpression' && parent.body === node) {
    fn = parent;
  }
  if (!fn) return null;
  if ((fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') && fn.id) return fn.id.name;
  const holder = fn.parent;
  if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier') return holder.id.name;
  if ((holder?.type === 'Property' || holder?.type === 'MethodDefinition' || holder?.type === 'PropertyDefinition') && holder.key.type === 'Identifier') {
    return holder.key.name;
  }
  return null;
}

/** `generateToken` -> `Token`: the verb does not make the name less secret, nor more. */
function stripVerb(name: string): string {
  return name.replace(/^(generate|gen|create|make|new|random|get|build|issue|compute|mint)(?=[A-Z_])/, '');
}

export default createRule<Options, MessageIds>({
  name: 'no-insecure-randomness',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Math.random, clock readings and seeded generators as keys, IVs, salts, tokens and other secrets',
      recommended: 'recommended',
      cwe: ['CWE-338', 'CWE-330', 'CWE-337'],
      mechanisms: [6],
      securitySeverity: 7.5,
      precision: 'high',
    },
    messages: {
      weakRandomRole:
        '{{source}} is predictable, and it is used as {{role}} here. An observer who sees a few outputs (or knows the time) can reproduce it. Use a CSPRNG: crypto.randomBytes, crypto.getRandomValues, crypto.randomUUID or crypto.randomInt.',
      weakRandomName:
        '{{source}} is predictable, and it becomes `{{name}}`, which looks like a {{kind}}. An attacker who sees a few outputs (or knows the time) can guess it. Use crypto.randomBytes, crypto.getRandomValues, crypto.randomUUID or crypto.randomInt.',
      constantSeed:
        '{{api}} is seeded with a constant{{origin}}: every run produces the same sequence, so anything it generates can be recomputed by whoever reads this code. Do not seed generators used for security; use crypto.randomBytes or crypto.getRandomValues.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkNames: {
            type: 'boolean',
            description:
              'Also report weak randomness stored in, returned as or assigned to names that look like tokens, passwords, one-time codes, session ids, salts, nonces or keys.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkNames: true }],
  },
  create(context, [{ checkNames }]) {
    const report = createReporter(context);

    /** Sources already reported through a role: a named finding for the same value would repeat it. */
    const reportedSources = new Set<Node>();

    function checkRoles(analysis: FileAnalysis): void {
      for (const [role, description] of SECRET_ROLES) {
        for (const binding of analysis.bindings(role)) {
          if (isDecryption(binding.fact.operation) && role !== 'key') continue;
          const source = weakRandomSource(analysis, binding.node);
          if (!source) continue;
          reportedSources.add(source.node);
          report({ node: binding.node, messageId: 'weakRandomRole', data: { source: sourceText(source, binding.node), role: description } });
        }
      }
    }

    function checkSeeds(analysis: FileAnalysis): void {
      for (const binding of analysis.bindings('seed')) {
        const constant = binding.values.find(isConstantSeed);
        if (!constant || (constant.kind !== 'lit' && constant.kind !== 'bytes')) continue;
        const parts: string[] = [];
        if (constant.kind === 'lit' && constant.label) parts.push(constant.label);
        if (constant.node && constant.node.loc.start.line !== binding.node.loc.start.line) parts.push(`line ${constant.node.loc.start.line}`);
        report({
          node: binding.node,
          messageId: 'constantSeed',
          data: { api: binding.fact.api, origin: parts.length ? ` (${parts.join(', ')})` : '' },
        });
      }
    }

    /** Named sinks: every expression stored in, returned as, or assigned to a secret-looking name. */
    function checkNamed(analysis: FileAnalysis, node: Node, name: string): void {
      const kind = secretKindOf(name);
      if (!kind) return;
      // `{ sessionToken: token }` where `token` is itself secret-named: reported where `token` is made.
      if (node.type === 'Identifier' && secretKindOf(node.name)) return;
      // The value itself must be weak: a record that merely holds a token next to a timestamp is not a weak token.
      const source = weakRandomSource(analysis, node, { valueOnly: true });
      if (!source || reportedSources.has(source.node)) return;
      report({ node, messageId: 'weakRandomName', data: { source: sourceText(source, node), name, kind } });
    }

    return onAnalysis(context, (analysis) => {
      checkSeeds(analysis);
      checkRoles(analysis);
      if (!checkNames) return;
      // Only files that call a weak source can have a named finding: skip the named values otherwise.
      if (!hasWeakRandomCall(analysis)) return;
      for (const node of analysis.index.namedValues) {
        const name = sinkName(node) ?? returnedFrom(node);
        // A name that fails the cheap test fails it without its verb too (a part of a name passes only if
        // the whole does): most names stop here, before the verb is stripped.
        if (!name || !mayBeSecretName(name)) continue;
        checkNamed(analysis, node, node.parent?.type === 'ReturnStatement' || node.parent?.type === 'ArrowFunctionExpression' ? stripVerb(name) : name);
      }
    });
  },
});
