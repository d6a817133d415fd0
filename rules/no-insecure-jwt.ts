import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import type { FileAnalysis } from '../src/engine/analysis.js';
import type { CallFact, RoleBinding } from '../src/engine/facts.js';
import { enclosingFunction, wordsOf } from '../src/engine/naming.js';
import { createReporter, describeValue, onAnalysis } from '../src/engine/rule-kit.js';
import type { LitValue } from '../src/engine/values.js';
import { isStrict } from '../src/policy.js';

type Node = TSESTree.Node;
type Options = [{ authorizationClaims: string[] }];
type MessageIds =
  | 'signsNone'
  | 'acceptsNone'
  | 'mixedAlgorithms'
  | 'insecureKeySizes'
  | 'keyTypeMismatch'
  | 'noAllowList'
  | 'ignoreExpiration'
  | 'decodeWithoutVerify';

const HMAC_ALG = /^HS(256|384|512)$/i;
const ASYMMETRIC_ALG = /^(RS|PS|ES)(256|384|512|256K)$|^EdDSA$|^Ed25519$/i;

/** Claims and destinations that make a decoded token an authorization decision. */
const AUTHZ_WORDS = new Set([
  'role',
  'roles',
  'admin',
  'scope',
  'scopes',
  'permission',
  'permissions',
  'perms',
  'group',
  'groups',
  'sub',
  'tenant',
  'user',
  'uid',
  'claims',
  'principal',
  'identity',
  'session',
  'auth',
  'authorized',
  'authenticated',
  'entitlements',
  'privileges',
  'acl',
]);

function isAuthzName(name: string, extra: ReadonlySet<string>): boolean {
  return wordsOf(name).some((word) => AUTHZ_WORDS.has(word)) || /^is[A-Z]/.test(name) || extra.has(name.toLowerCase());
}

/** The literal algorithm names a `jwtAlgorithms` binding may take: strings, and the elements of allow-list arrays. */
function algorithmLiterals(analysis: FileAnalysis, binding: RoleBinding): LitValue[] {
  const out: LitValue[] = [];
  for (const value of binding.values) {
    if (value.kind === 'lit' && typeof value.value === 'string') out.push(value);
    else if (value.kind === 'array') {
      for (const element of analysis.evaluator.elementsOf([value], binding.node)) {
        if (element.kind === 'lit' && typeof element.value === 'string') out.push(element);
      }
    }
  }
  return out;
}

/** Is the value of this expression (a decoded token) used to decide who may do what? */
function usedForAuthorization(analysis: FileAnalysis, call: Node, extra: ReadonlySet<string>): boolean {
  const isAuthz = (name: string) => isAuthzName(name, extra);
  const uses: Node[] = [call];
  const seen = new Set<Node>();
  while (uses.length) {
    let node = uses.pop()!;
    if (seen.has(node) || seen.size > 200) continue;
    seen.add(node);
    // Climb through property reads, awaits and casts: `jwt.decode(t).payload.role`.
    for (;;) {
      const parent: Node | undefined = node.parent;
      if (!parent) break;
      if (parent.type === 'MemberExpression' && parent.object === node) {
        const name = !parent.computed && parent.property.type === 'Identifier' ? parent.property.name : null;
        if (name && isAuthz(name)) return true;
        node = parent;
        continue;
      }
      if (['AwaitExpression', 'ChainExpression', 'TSAsExpression', 'TSNonNullExpression', 'LogicalExpression'].includes(parent.type)) {
        node = parent;
        continue;
      }
      break;
    }
    const parent = node.parent;
    if (!parent) continue;
    switch (parent.type) {
      case 'IfStatement':
      case 'ConditionalExpression':
      case 'WhileStatement':
        if (parent.test === node) return true;
        break;
      case 'UnaryExpression':
        if (parent.operator === '!') return true;
        break;
      case 'BinaryExpression':
        if (/^[!=]==?$/.test(parent.operator)) return true;
        break;
      case 'AssignmentExpression':
        if (parent.right === node) {
          const left = parent.left;
          if (left.type === 'MemberExpression' && !left.computed && left.property.type === 'Identifier' && isAuthz(left.property.name)) return true;
          if (left.type === 'Identifier') uses.push(...referencesOf(analysis, left));
        }
        break;
      case 'VariableDeclarator':
        if (parent.init === node) {
          if (parent.id.type === 'Identifier') {
            if (isAuthz(parent.id.name)) return true;
            uses.push(...referencesOf(analysis, parent.id));
          } else if (parent.id.type === 'ObjectPattern') {
            for (const prop of parent.id.properties) {
              if (prop.type === 'Property' && prop.key.type === 'Identifier' && isAuthz(prop.key.name)) return true;
            }
          }
        }
        break;
      case 'Property':
        if (parent.value === node && parent.key.type === 'Identifier' && isAuthz(parent.key.name)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

function referencesOf(analysis: FileAnalysis, id: TSESTree.Identifier): Node[] {
  const variable = analysis.evaluator.findVariable(id);
  if (!variable) return [];
  return variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier);
}

export default createRule<Options, MessageIds>({
  name: 'no-insecure-jwt',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow unsigned JWTs (alg none), algorithm confusion and disabled JWT key or claim checks',
      recommended: 'recommended',
      cwe: ['CWE-347', 'CWE-327'],
      mechanisms: [12],
      securitySeverity: 8.8,
      precision: 'high',
    },
    messages: {
      signsNone:
        '{{value}} issues an unsigned JWT (alg "none"): anyone can forge or alter such a token. Sign with an explicit algorithm (ES256, EdDSA, RS256 or HS256 with a strong secret).',
      acceptsNone:
        '{{value}} accepts unsigned JWTs (alg "none"): an attacker can strip the signature and set any claims (RFC 8725 section 3.1). Remove "none" from the allow-list.',
      mixedAlgorithms:
        'This allow-list mixes HMAC ({{hmac}}) and public-key ({{asymmetric}}) algorithms: with a public key as the "secret", an attacker can sign tokens with HMAC using the public key (algorithm confusion, RFC 8725 section 2.1). Accept one family per key.',
      insecureKeySizes:
        'allowInsecureKeySizes: true lets {{api}} accept RSA keys below 2048 bits. Use a key of at least 2048 bits and remove the flag.',
      keyTypeMismatch:
        'allowInvalidAsymmetricKeyTypes: true lets {{api}} accept a key whose type does not match the algorithm, which reopens key-confusion attacks (CVE-2022-23541). Remove the flag and use matching keys.',
      noAllowList:
        '{{api}} verifies without an algorithms allow-list: the accepted algorithms then come from the key type (jsonwebtoken 9, jose). Reported under the strict profile as defence in depth (RFC 8725 section 3.1): pass algorithms, e.g. [\'ES256\'].',
      ignoreExpiration:
        'ignoreExpiration: true lets {{api}} accept expired tokens forever, so a leaked token never stops working. Reported under the strict profile: remove the flag.',
      decodeWithoutVerify:
        '{{api}} decodes a token without verifying it, and its claims are used for an authorization decision in a function that never verifies: anyone can forge those claims. Use verify (jsonwebtoken) or jwtVerify (jose). Reported under the strict profile.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          authorizationClaims: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Extra claim or property names (case-insensitive) that make a decoded token an authorization decision (strict).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ authorizationClaims: [] }],
  },
  create(context, [{ authorizationClaims }]) {
    const extraClaims: ReadonlySet<string> = new Set(authorizationClaims.map((name) => name.toLowerCase()));
    const report = createReporter(context);
    return onAnalysis(context, (analysis, policy) => {
      const strict = isStrict(policy);

      for (const binding of analysis.bindings('jwtAlgorithms')) {
        const fact = binding.fact;
        const verifying = fact.operation === 'verify';
        if (binding.values.some((value) => value.kind === 'lit' && value.implied === 'default')) {
          if (strict && verifying) report({ node: fact.callee, messageId: 'noAllowList', data: { api: fact.api } });
          continue;
        }
        const names = algorithmLiterals(analysis, binding);
        for (const value of names) {
          if (String(value.value).trim().toLowerCase() !== 'none') continue;
          report(
            { node: binding.node, messageId: verifying ? 'acceptsNone' : 'signsNone', data: { value: describeValue(value, binding.node) } },
            'none',
          );
        }
        if (verifying) {
          const hmac = [...new Set(names.map((v) => String(v.value)).filter((name) => HMAC_ALG.test(name)))];
          const asymmetric = [...new Set(names.map((v) => String(v.value)).filter((name) => ASYMMETRIC_ALG.test(name)))];
          if (hmac.length && asymmetric.length) {
            report({ node: binding.node, messageId: 'mixedAlgorithms', data: { hmac: hmac.join(', '), asymmetric: asymmetric.join(', ') } });
          }
        }
      }

      const flag = (role: 'allowInsecureKeySizes' | 'allowKeyTypeMismatch' | 'ignoreExpiration', messageId: MessageIds) => {
        for (const binding of analysis.bindings(role)) {
          for (const value of binding.values) {
            if (value.kind !== 'lit' || value.value !== true) continue;
            report({ node: binding.node, messageId, data: { api: binding.fact.api } });
          }
        }
      };
      flag('allowInsecureKeySizes', 'insecureKeySizes');
      flag('allowKeyTypeMismatch', 'keyTypeMismatch');
      if (!strict) return;
      flag('ignoreExpiration', 'ignoreExpiration');

      // decode() whose claims decide access, in a function that never verifies.
      const verifiedIn = new Set<Node | null>();
      for (const fact of analysis.facts) if (fact.operation === 'verify') verifiedIn.add(enclosingFunction(fact.node));
      for (const fact of analysis.facts as readonly CallFact[]) {
        if (fact.operation !== 'decode') continue;
        if (verifiedIn.has(enclosingFunction(fact.node))) continue;
        if (!usedForAuthorization(analysis, fact.node, extraClaims)) continue;
        report({ node: fact.node, messageId: 'decodeWithoutVerify', data: { api: fact.api } });
      }
    });
  },
});
