import type { TSESTree } from '@typescript-eslint/utils';
import { parseCipherName } from '../src/catalogue/algorithms.js';
import { createRule } from '../src/create-rule.js';
import type { FileAnalysis } from '../src/engine/analysis.js';
import type { CallFact } from '../src/engine/facts.js';
import {
  instanceEscapes,
  instancesOf,
  resultReads,
  resultUsed,
  sliceLength,
  swallowedFailure,
  within,
} from '../src/engine/instances.js';
import { enclosingFunction } from '../src/engine/naming.js';
import { createReporter, describeValue, isDecryption, onAnalysis } from '../src/engine/rule-kit.js';
import { numberLits, stringLits } from '../src/engine/values.js';
import { isStrict } from '../src/policy.js';

type Node = TSESTree.Node;
type Options = [{ allowUnauthenticatedStream: boolean }];
type MessageIds =
  | 'shortTag'
  | 'truncatedTag'
  | 'finalNeverCalled'
  | 'finalErrorSwallowed'
  | 'uncheckedTagLength'
  | 'unauthenticatedAllowed';

/** The AEAD modes of the ciphers a call may use: `gcm`, `ccm`, `ocb`, `chacha20-poly1305`. */
function aeadModes(fact: CallFact): Set<string> {
  const modes = new Set<string>();
  for (const binding of fact.bindings) {
    if (binding.role !== 'cipher') continue;
    for (const value of stringLits(binding.values)) {
      const name = String(value.value).toLowerCase();
      if (/^chacha20-poly1305$/.test(name)) modes.add('chacha20-poly1305');
      const mode = parseCipherName(name)?.mode;
      if (mode === 'gcm' || mode === 'ccm' || mode === 'ocb') modes.add(mode);
    }
  }
  return modes;
}

/** Is `name.length` (or `.byteLength`) compared anywhere in the function? */
function lengthChecked(analysis: FileAnalysis, scope: Node, name: string): boolean {
  const text = analysis.sourceCode.getText(scope);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b${escaped}\\s*\\.\\s*(length|byteLength)\\s*(!==?|===?|<=?|>=?)|(!==?|===?|<=?|>=?)\\s*${escaped}\\s*\\.\\s*(length|byteLength)\\b`).test(text);
}

export default createRule<Options, MessageIds>({
  name: 'no-weak-auth-tag',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow truncated AEAD tags and decrypted plaintext used without a checked tag',
      recommended: 'recommended',
      cwe: ['CWE-353', 'CWE-354', 'CWE-347'],
      mechanisms: [12],
      securitySeverity: 7.5,
      precision: 'high',
    },
    messages: {
      shortTag:
        'An authentication tag of {{bits}} bits ({{value}}) is below the minimum of {{min}} bits (NIST SP 800-38D): short tags make forgeries likelier with every message, and GCM degrades faster than its length suggests. Use 128-bit tags.',
      truncatedTag:
        'The authentication tag is cut to {{bytes}} bytes ({{bits}} bits, below the minimum of {{min}}): a forger needs far fewer attempts. Keep the full 16-byte tag.',
      finalNeverCalled:
        'Plaintext from {{api}} is used but this {{mode}} decipher never calls final(): Node checks the authentication tag only in final(), so this plaintext is unauthenticated and an attacker can alter the ciphertext undetected. Call final() and use the plaintext only after it returns.',
      finalErrorSwallowed:
        'The error final() throws when the {{mode}} authentication tag does not match is swallowed here, and plaintext from update() is still used: tampered ciphertext is accepted. Rethrow, or discard the plaintext when final() fails.',
      uncheckedTagLength:
        'This GCM decipher has no authTagLength and setAuthTag() takes a tag whose length is never checked: Node then accepts tags as short as 4 bytes, so an attacker can forge with a truncated tag. Pass { authTagLength: 16 } to createDecipheriv or check the tag is 16 bytes. Reported under the strict profile.',
      unauthenticatedAllowed:
        'This option lets OpenPGP release plaintext whose integrity was never checked (no MDC/AEAD, or before verification finishes): an attacker can modify encrypted messages (EFAIL). Remove it.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowUnauthenticatedStream: {
            type: 'boolean',
            description: 'Accept OpenPGP `allowUnauthenticatedStream: true` (streamed plaintext released before the integrity check, for applications that discard it when the stream fails).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowUnauthenticatedStream: false }],
  },
  create(context, [{ allowUnauthenticatedStream }]) {
    const report = createReporter(context);
    return onAnalysis(context, (analysis, policy) => {
      const min = policy.minAuthTagBits;
      const instances = instancesOf(analysis);

      // Tag lengths below the policy minimum (normalised to bits by the catalogue).
      for (const binding of analysis.bindings('tagLengthBits')) {
        for (const value of numberLits(binding.values)) {
          const bits = Number(value.value);
          if (!Number.isFinite(bits) || bits <= 0 || bits >= min) continue;
          report({ node: binding.node, messageId: 'shortTag', data: { bits, min, value: describeValue(value, binding.node) } }, String(bits));
        }
      }

      // Tags sliced after getAuthTag(), or sliced before setAuthTag().
      const truncated = (slice: Node) => {
        const bytes = sliceLength(analysis, slice);
        if (bytes === undefined || bytes <= 0 || bytes * 8 >= min) return;
        report({ node: slice, messageId: 'truncatedTag', data: { bytes, bits: bytes * 8, min } });
      };
      for (const fact of analysis.facts) {
        if (fact.spec.result !== 'auth-tag') continue;
        for (const read of resultReads(analysis, fact.node)) {
          const member = read.parent;
          if (member?.type === 'MemberExpression' && member.object === read && member.parent?.type === 'CallExpression') truncated(member.parent);
        }
      }
      for (const binding of analysis.bindings('authTag')) truncated(binding.node);

      // AEAD deciphers whose update() plaintext is used without a checked final().
      for (const fact of analysis.facts) {
        if (!isDecryption(fact.operation) || fact.receiverFact) continue;
        const modes = aeadModes(fact);
        if (!modes.size) continue;
        const mode = [...modes].join('/').toUpperCase();
        const calls = instances.descendants(fact);
        if (calls.length === 0 || instanceEscapes(analysis, fact.node)) continue;
        const updates = calls.filter((call) => call.spec.result === 'plaintext' && resultUsed(call.node));
        const finals = calls.filter((call) => call.spec.authenticates);

        if (updates.length) {
          if (!finals.length) {
            report({ node: updates[0]!.node, messageId: 'finalNeverCalled', data: { api: updates[0]!.api, mode } });
          } else {
            const failures = finals.map((call) => ({ call, failure: swallowedFailure(analysis, call.node) }));
            if (failures.every(({ failure }) => failure)) {
              for (const { call, failure } of failures) {
                // Plaintext produced inside the same try, and never stored outside it, dies with the error.
                if (failure!.kind === 'try') {
                  const block = failure!.block;
                  const leaks = updates.some((update) => {
                    if (!within(update.node, block)) return true;
                    const parent = update.node.parent;
                    if (parent?.type === 'AssignmentExpression' && parent.left.type === 'Identifier') {
                      const variable = analysis.evaluator.findVariable(parent.left);
                      const declared = variable?.defs[0]?.name;
                      return !declared || !within(declared, block);
                    }
                    return false;
                  });
                  if (!leaks) continue;
                }
                report({ node: call.node, messageId: 'finalErrorSwallowed', data: { mode } });
              }
            }
          }
        }

        // (strict) GCM without authTagLength: setAuthTag accepts 4..16-byte tags.
        if (!isStrict(policy) || !modes.has('gcm') || fact.bindings.some((binding) => binding.role === 'tagLengthBits')) continue;
        for (const call of calls) {
          for (const binding of call.bindings) {
            if (binding.role !== 'authTag') continue;
            const tag = binding.node;
            if (sliceLength(analysis, tag) !== undefined) continue;
            if (binding.values.some((value) => value.kind === 'bytes' && value.length !== undefined)) continue;
            if (tag.type === 'Identifier' || tag.type === 'MemberExpression') {
              const name = analysis.sourceCode.getText(tag);
              const scope = enclosingFunction(tag) ?? analysis.sourceCode.ast;
              if (lengthChecked(analysis, scope, name)) continue;
              // `const tag = data.subarray(data.length - 16)`: sized where it is made.
              if (tag.type === 'Identifier') {
                const def = analysis.evaluator.findVariable(tag)?.defs[0];
                if (def?.type === 'Variable' && def.node.init && sliceLength(analysis, def.node.init) !== undefined) continue;
              }
            }
            report({ node: tag, messageId: 'uncheckedTagLength' });
          }
        }
      }

      // OpenPGP flags that release unauthenticated plaintext.
      for (const binding of analysis.bindings('allowUnauthenticated')) {
        if (allowUnauthenticatedStream && /allowUnauthenticatedStream/.test(analysis.sourceCode.getText(binding.node.parent ?? binding.node))) continue;
        if (binding.values.some((value) => value.kind === 'lit' && value.value === true)) {
          report({ node: binding.node, messageId: 'unauthenticatedAllowed' });
        }
      }
    });
  },
});
