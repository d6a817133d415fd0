import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import {
  enclosingFunctionOf,
  isFilledLater,
  isPasswordName,
  isSecretName,
  originsOf,
} from '../src/engine/derivation.js';
import type { FileAnalysis } from '../src/engine/analysis.js';
import type { CallFact, RoleBinding } from '../src/engine/facts.js';
import {
  changesValue,
  cipherTraits,
  isKeyOrigin,
  ivVariable,
  keyFixedAcross,
  keyIdentity,
  loopBetween,
  rootBytes,
  sameKey,
  within,
} from '../src/engine/nonces.js';
import { createReporter, onAnalysis } from '../src/engine/rule-kit.js';
import type { AValue } from '../src/engine/values.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;
type MessageIds = 'staticIv' | 'derivedIv' | 'sharedIv' | 'reusedIv' | 'reusedIvInLoop';

const CONSEQUENCE = {
  keystream:
    'With a stream cipher or a CTR/GCM-style mode a repeated nonce repeats the keystream: two ciphertexts XOR to the XOR of their plaintexts, and with GCM the authentication key leaks, so messages can be forged.',
  block:
    'Identical plaintexts then give identical ciphertexts, and with CBC an attacker who knows the IV in advance can confirm guesses of the plaintext.',
  unknown:
    'Identical plaintexts then give identical ciphertexts; in CTR, GCM or stream modes the keystream repeats, which reveals the XOR of plaintexts and lets messages be forged.',
} as const;

interface CipherContext {
  what: 'IV' | 'nonce';
  consequence: string;
  /** every cipher the call may use is ECB, which takes no IV (no-ecb-mode reports it) */
  ecbOnly: boolean;
}

function contextOf(fact: CallFact): CipherContext {
  const traits = cipherTraits(fact);
  return {
    what: traits.nonce ? 'nonce' : 'IV',
    consequence: traits.keystream ? CONSEQUENCE.keystream : traits.named ? CONSEQUENCE.block : CONSEQUENCE.unknown,
    ecbOnly: traits.ecbOnly,
  };
}

function lineSuffix(node: Node | null | undefined, reportedAt: Node, label?: string): string {
  const parts: string[] = [];
  if (label) parts.push(label);
  if (node && node.loc.start.line !== reportedAt.loc.start.line) parts.push(`line ${node.loc.start.line}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
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
