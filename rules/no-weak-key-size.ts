import type { TSESTree } from '@typescript-eslint/utils';
import { curveBits, dhGroupBits, keyFamily, type KeyFamily } from '../src/catalogue/algorithms.js';
import type { Role } from '../src/catalogue/index.js';
import { allowListOption, createRule } from '../src/create-rule.js';
import type { CallFact, RoleBinding } from '../src/engine/facts.js';
import { negotiatedCase } from '../src/engine/negotiation.js';
import { createReporter, describeOrigin, describeValue, onAnalysis } from '../src/engine/rule-kit.js';
import { numberLits, stringLits, type LitValue } from '../src/engine/values.js';
import { isStrict, type Policy } from '../src/policy.js';

type Options = [{ allow: string[] }];
type MessageIds = 'smallKey' | 'weakCurve' | 'weakGroup' | 'useSize';

const FAMILY_NAMES: Record<KeyFamily, string> = {
  rsa: 'RSA modulus',
  dsa: 'DSA modulus',
  dh: 'Diffie-Hellman prime',
  ec: 'elliptic curve',
  symmetric: 'symmetric key',
};

/** The key families a call generates, from its `keyType` / `algorithm` roles (RSA when unsaid). */
function familiesOf(fact: CallFact): Set<KeyFamily> {
  const families = new Set<KeyFamily>();
  for (const binding of fact.bindings) {
    if (binding.role !== 'keyType' && binding.role !== 'algorithm') continue;
    for (const value of stringLits(binding.values)) {
      const family = keyFamily(String(value.value));
      if (family) families.add(family);
    }
  }
  return families;
}

/** AES key lengths are validated by Node and Web Crypto themselves: an AES call cannot get a short key. */
function isAes(fact: CallFact): boolean {
  return fact.bindings.some(
    (binding) =>
      (binding.role === 'keyType' || binding.role === 'algorithm') &&
      stringLits(binding.values).some((value) => /^aes/i.test(String(value.value))),
  );
}

function minimumFor(family: KeyFamily, policy: Policy): number {
  switch (family) {
    case 'rsa':
      return policy.minRsaBits;
    case 'dsa':
      return policy.minDsaBits;
    case 'dh':
      return policy.minDhBits;
    case 'ec':
      return policy.minEcBits;
    case 'symmetric':
      return policy.minSymmetricBits;
  }
}

const SIZE_ROLES: readonly Role[] = ['modulusBits', 'primeBits', 'symmetricKeyBits'];

export default createRule<Options, MessageIds>({
  name: 'no-weak-key-size',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow RSA, DSA and DH keys, elliptic curves and symmetric keys below the policy minimum',
      recommended: 'recommended',
      cwe: ['CWE-326'],
      mechanisms: [5],
      securitySeverity: 7.5,
      precision: 'very-high',
    },
    hasSuggestions: true,
    messages: {
      smallKey:
        '{{what}} of {{bits}} bits{{origin}} is below the minimum of {{min}} bits (NIST SP 800-131A): keys this short can be broken by a well-resourced attacker. Use at least {{min}} bits.',
      weakCurve:
        'Curve {{value}} has about {{bits}} bits, below the minimum of {{min}} (NIST SP 800-186): discrete logs on it are within reach. Use P-256 (prime256v1), P-384 or X25519.',
      weakGroup:
        'Diffie-Hellman group {{value}} has a {{bits}}-bit prime, below the minimum of {{min}} bits (Logjam showed such groups are breakable). Use modp14 or larger, or ECDH with X25519/P-256.',
      useSize: 'Use {{replacement}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: allowListOption('Curve or DH group names to accept (case-insensitive).'),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [] }],
  },
  create(context, [{ allow }]) {
    const allowed = new Set(allow.map((name) => name.toLowerCase()));
    const report = createReporter(context);

    /** A one-edit suggestion when the weak literal is written right at the reported node. */
    function suggestion(binding: RoleBinding, value: LitValue, replacement: string) {
      const literal = value.node as TSESTree.Node | null;
      if (!literal || literal !== binding.node || literal.type !== 'Literal' || value.raw !== undefined) return [];
      const text = typeof literal.value === 'string' ? `${literal.raw[0]}${replacement}${literal.raw[0]}` : replacement;
      return [
        {
          messageId: 'useSize' as const,
          data: { replacement: text },
          fix: (fixer: import('@typescript-eslint/utils').TSESLint.RuleFixer) => fixer.replaceText(literal, text),
        },
      ];
    }

    return onAnalysis(context, (analysis, policy) => {
      for (const role of SIZE_ROLES) {
        for (const binding of analysis.bindings(role)) {
          const fact = binding.fact;
          let families: Set<KeyFamily>;
          if (role === 'primeBits') families = new Set(['dh']);
          else if (role === 'symmetricKeyBits') {
            if (isAes(fact)) continue;
            families = new Set(['symmetric']);
          } else {
            families = familiesOf(fact);
            families.delete('symmetric');
            families.delete('ec');
            if (!families.size) families.add('rsa');
          }
          for (const value of numberLits(binding.values)) {
            const bits = Number(value.value);
            if (!Number.isFinite(bits) || bits <= 0) continue;
            for (const family of families) {
              const min = minimumFor(family, policy);
              if (bits >= min) continue;
              report(
                {
                  node: binding.node,
                  messageId: 'smallKey',
                  data: { what: FAMILY_NAMES[family], bits, min, origin: describeOrigin(value, binding.node) },
                  suggest: suggestion(binding, value, String(min)),
                },
                `${family}:${bits}`,
              );
            }
          }
        }
      }
      for (const binding of analysis.bindings('curve')) {
        // Web Crypto rejects curves below P-256 itself.
        if (binding.fact.library === 'webcrypto') continue;
        for (const value of stringLits(binding.values)) {
          const name = String(value.value);
          const bits = curveBits(name);
          if (bits === undefined || bits >= policy.minEcBits || allowed.has(name.toLowerCase())) continue;
          report(
            {
              node: binding.node,
              messageId: 'weakCurve',
              data: { value: describeValue(value, binding.node), bits, min: policy.minEcBits },
              suggest: suggestion(binding, value, 'prime256v1'),
            },
            name,
          );
        }
      }
      for (const binding of analysis.bindings('dhGroup')) {
        for (const value of stringLits(binding.values)) {
          const name = String(value.value);
          const bits = dhGroupBits(name);
          if (bits === undefined || bits >= policy.minDhBits || allowed.has(name.toLowerCase())) continue;
          // A protocol's negotiation table (`case 'diffie-hellman-group1-sha1': ... 'modp2'`): protocol-mandated legacy, strict only.
          if (!isStrict(policy) && negotiatedCase(value.node)) continue;
          report(
            {
              node: binding.node,
              messageId: 'weakGroup',
              data: { value: describeValue(value, binding.node), bits, min: policy.minDhBits },
              suggest: suggestion(binding, value, policy.minDhBits > 2048 ? 'modp15' : 'modp14'),
            },
            name,
          );
        }
      }
    });
  },
});
