import type { TSESTree } from '@typescript-eslint/utils';
import { parseDigestName, type DigestInfo } from '../src/catalogue/algorithms.js';
import { allowListOption, createRule } from '../src/create-rule.js';
import type { FileAnalysis } from '../src/engine/analysis.js';
import type { CallFact } from '../src/engine/facts.js';
import { factsAt } from '../src/engine/derivation.js';
import { feedsInto } from '../src/engine/feeds.js';
import { instancesOf } from '../src/engine/instances.js';
import { contextNames, passwordSource, sourceNames, wordsOf } from '../src/engine/naming.js';
import { createReporter, describeValue, isDecryption, onAnalysis } from '../src/engine/rule-kit.js';
import { stringLits, type LitValue } from '../src/engine/values.js';
import { isStrict } from '../src/policy.js';

type Options = [{ allow: string[] }];
type MessageIds =
  | 'weakSignatureHash'
  | 'weakPasswordHash'
  | 'protocolPasswordHash'
  | 'legacyFormatPasswordHash'
  | 'preHashedPassword'
  | 'weakHmac'
  | 'weakHashUnknownPurpose';

/** Web Crypto / Node key algorithms whose `hash` is a signature hash. */
const SIGNATURE_ALGORITHMS = /^(rsassa-pkcs1-v1_5|rsa-pss|rsassa-pss|ecdsa|dsa)$/i;
const MAC_ALGORITHMS = /^hmac$/i;

/** Names of protocols that mandate MD5, MD4 or SHA-1 over a password or challenge. */
const PROTOCOL_HINT =
  /mysql|scramble|handshake|ntlm|sasl|cram|apop|digest[-_ ]?auth|www[-_]?authenticate|realm|challenge|chap\b|radius|wpa|vnc|kerberos|postgres|pgsql|md5auth/i;
const PROTOCOL_MODULES = /(?:from\s+|require\(\s*)['"](?:mysql2?|pg|ntlm[\w-]*|httpntlm|digest-fetch|sasl[\w-]*|radius|ldapjs)['"]/;

/** Words that mark a non-security use: checksums, ETags, cache keys, content addressing for caches. */
const NON_SECURITY_WORDS = new Set([
  'etag',
  'etags',
  'cache',
  'cached',
  'checksum',
  'crc',
  'dedup',
  'dedupe',
  'bucket',
  'shard',
  'partition',
  'gravatar',
  'avatar',
  'color',
  'colour',
  'slug',
  'filename',
]);

function isNonSecurityContext(node: TSESTree.Node): boolean {
  return contextNames(node).some((name) => {
    const lower = name.toLowerCase();
    if (lower === 'content-md5' || lower === 'if-none-match' || NON_SECURITY_WORDS.has(lower.replace(/[^a-z\d]/g, ''))) return true;
    return wordsOf(name).some((word) => NON_SECURITY_WORDS.has(word));
  });
}

type Context = 'signature' | 'hash' | 'mac' | null;

/** Where a hash of a password ends up: protecting new data, only reading existing data, or into a password KDF. */
type PasswordUse = 'protects' | 'reads-existing' | 'stretched' | 'unknown';

/** Roles through which a digest becomes (or keys) the protection. */
const KEYING_ROLES = new Set(['key', 'password', 'keyData']);
const COMPARISONS = new Set(['===', '!==', '==', '!=']);

/**
 * A key pair generated only to be exported (`const kp = await subtle.generateKey({ ..., hash: 'SHA-1' }, true, ...);
 * subtle.exportKey('jwk', kp.privateKey)`): the hash bound to the key object never signs anything here. OpenPGP.js
 * generates RSA keys this way and signs with its own hash choice.
 */
function isOnlyExported(analysis: FileAnalysis, fact: CallFact): boolean {
  let result: TSESTree.Node = fact.node;
  while (result.parent?.type === 'AwaitExpression') result = result.parent;
  const declarator = result.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== result || declarator.id.type !== 'Identifier') return false;
  const variable = analysis.evaluator.findVariable(declarator.id);
  const reads = variable?.references.filter((reference) => !reference.init) ?? [];
  return (
    reads.length > 0 &&
    reads.every((reference) => {
      let use: TSESTree.Node = reference.identifier;
      if (use.parent?.type === 'MemberExpression' && use.parent.object === use) use = use.parent;
      const call = use.parent;
      return (
        (call?.type === 'CallExpression' || call?.type === 'NewExpression') &&
        call.arguments.includes(use as TSESTree.Expression) &&
        factsAt(analysis, call).some((each) => each.operation === 'export' || each.operation === 'wrap')
      );
    })
  );
}

/** `calcMAC !== storedMac`, `timingSafeEqual(a, b)`: the value is only compared. */
function isOnlyCompared(analysis: FileAnalysis, node: TSESTree.Node): boolean {
  const compared = (use: TSESTree.Node): boolean => {
    const parent = use.parent;
    if (parent?.type === 'BinaryExpression' && COMPARISONS.has(parent.operator)) return true;
    if (parent?.type === 'CallExpression' && parent.callee !== use) {
      const callee = parent.callee;
      const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : '';
      return /^(timingSafeEqual|equals|compare\w*|constantTimeEqual)$/i.test(name);
    }
    return false;
  };
  if (compared(node)) return true;
  const declarator = node.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== node || declarator.id.type !== 'Identifier') return false;
  const variable = analysis.evaluator.findVariable(declarator.id);
  const reads = variable?.references.filter((reference) => !reference.init) ?? [];
  return reads.length > 0 && reads.every((reference) => reference.isRead() && !reference.isWrite() && compared(reference.identifier));
}

/** What the digest of this call is used for, from the operation and the key algorithm it belongs to. */
function contextOf(fact: CallFact, info: DigestInfo): Context {
  if (info.signature) return 'signature';
  switch (fact.operation) {
    case 'sign':
    case 'verify':
      return 'signature';
    case 'hash':
      return 'hash';
    case 'mac':
      return 'mac';
    case 'generate':
    case 'import': {
      const names = fact.bindings
        .filter((binding) => binding.role === 'algorithm' || binding.role === 'keyType')
        .flatMap((binding) => stringLits(binding.values).map((value) => String(value.value)));
      if (names.some((name) => SIGNATURE_ALGORITHMS.test(name))) return 'signature';
      if (names.some((name) => MAC_ALGORITHMS.test(name))) return 'mac';
      return null;
    }
    default:
      return null;
  }
}

export default createRule<Options, MessageIds>({
  name: 'no-weak-hash',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow MD5, MD4, MD2 and SHA-1 where they carry security: signatures, password hashing and HMAC-MD5',
      recommended: 'recommended',
      cwe: ['CWE-328', 'CWE-327', 'CWE-916'],
      mechanisms: [5, 11],
      securitySeverity: 7.4,
      precision: 'high',
    },
    messages: {
      weakSignatureHash:
        '{{value}} makes a signature over {{digest}}, which has practical collisions (SHAttered, chosen-prefix attacks): a signature on one document can be made to fit a forged one. NIST SP 800-131A disallows it for signatures. Use SHA-256 or stronger.',
      weakPasswordHash:
        '{{value}} hashes a password-like value ({{source}}) with {{digest}}: one round of a fast, broken hash is brute-forced at billions of guesses per second. Use argon2id, scrypt or bcrypt (or PBKDF2-HMAC-SHA256 with at least 600,000 iterations).',
      legacyFormatPasswordHash:
        '{{value}} hashes a password-like value ({{source}}) with {{digest}} into a key that only decrypts or verifies existing data: the stored format (legacy PEM, PuTTY PPK and the like) fixes that derivation, so it is reported under the strict profile only. Re-protect such data under a key from scrypt, Argon2 or PBKDF2 and remove this path.',
      preHashedPassword:
        '{{value}} pre-hashes a password-like value ({{source}}) with {{digest}} before a password KDF stretches it: the KDF, not this hash, sets the cost of a guess, so it is reported under the strict profile only. Prefer giving the password (or its SHA-256) to the KDF directly.',
      protocolPasswordHash:
        '{{value}} hashes a password-like value ({{source}}) with {{digest}} in what looks like a legacy protocol that mandates it ({{hint}}). Reported under the strict profile only: keep it confined to that protocol and plan its replacement.',
      weakHmac:
        '{{value}} computes HMAC-{{digest}}. HMAC-{{digest}} is not broken as a MAC yet, but {{digest}} is deprecated and leaves no margin; reported under the strict profile only. Use HMAC-SHA-256.',
      weakHashUnknownPurpose:
        '{{value}} selects {{digest}}, which has practical collisions. Under the strict profile every use that is not recognisably a checksum, ETag or cache key is reported: use SHA-256, or disable this line with the reason it carries no security.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: allowListOption('Digest names to accept (case-insensitive, e.g. `sha1`), for documented legacy interoperability.'),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [] }],
  },
  create(context, [{ allow }]) {
    // `sha1`, `SHA-1` and `RSA-SHA1` all allow the SHA-1 family.
    const allowed = new Set(allow.flatMap((name) => [name.toLowerCase(), parseDigestName(name)?.family ?? name.toLowerCase()]));
    const report = createReporter(context);

    return onAnalysis(context, (analysis: FileAnalysis, policy) => {
      const strict = isStrict(policy);
      const instances = instancesOf(analysis);
      const evaluator = analysis.evaluator;
      /** Hash instances whose digest is already reported as a signature digest (forge `key.sign(md)`). */
      const signedDigests = new Set<CallFact>();
      const moduleHint = PROTOCOL_MODULES.exec(analysis.sourceCode.text)?.[0];

      // Where password hashes go, computed once per file when one is found (see PasswordUse).
      let sinks: { protects: Set<TSESTree.Node>; reads: Set<TSESTree.Node>; stretched: Set<TSESTree.Node> } | undefined;
      const passwordUse = (fact: CallFact): PasswordUse => {
        if (!sinks) {
          const protects: TSESTree.Node[] = [];
          const reads: TSESTree.Node[] = [];
          const stretched: TSESTree.Node[] = [];
          for (const each of analysis.facts) {
            const keying = each.bindings.filter((binding) => KEYING_ROLES.has(binding.role)).map((binding) => binding.node);
            if (!keying.length) continue;
            const algorithms = each.bindings
              .filter((binding) => binding.role === 'algorithm')
              .flatMap((binding) => stringLits(binding.values).map((value) => String(value.value)));
            if (each.operation === 'derive' || (each.operation === 'import' && algorithms.some((name) => /^pbkdf2$/i.test(name)))) stretched.push(...keying);
            else if (isDecryption(each.operation) || each.operation === 'verify') reads.push(...keying);
            else if (each.operation === 'mac') {
              const last = instances.descendants(each).at(-1) ?? each;
              (isOnlyCompared(analysis, last.node) ? reads : protects).push(...keying);
            } else if (each.operation !== 'hash') protects.push(...keying);
          }
          // A real KDF ends the trail: what comes out of it is no longer a fast hash of the password.
          const kdf = (node: TSESTree.Node): boolean =>
            (node.type === 'CallExpression' || node.type === 'NewExpression') && factsAt(analysis, node).some((each) => each.operation === 'derive');
          sinks = { protects: feedsInto(analysis, protects, kdf), reads: feedsInto(analysis, reads, kdf), stretched: feedsInto(analysis, stretched) };
        }
        const nodes = [fact, ...instances.descendants(fact)].map((each) => each.node);
        if (nodes.some((node) => sinks!.protects.has(node))) return 'protects';
        if (nodes.some((node) => sinks!.stretched.has(node))) return 'stretched';
        if (nodes.some((node) => sinks!.reads.has(node))) return 'reads-existing';
        return 'unknown';
      };

      const weak = (value: LitValue): DigestInfo | undefined => {
        const name = String(value.value);
        const info = parseDigestName(name);
        if (!info?.weakness || allowed.has(name.toLowerCase()) || allowed.has(info.family)) return undefined;
        if (info.weakness === 'legacy' && !strict) return undefined;
        return info;
      };

      /** The password-like names of the data a hash or MAC instance consumes, if any. */
      const passwordInput = (fact: CallFact): { source: string; node: TSESTree.Node } | undefined => {
        const messages = [fact, ...instances.descendants(fact)].flatMap((each) =>
          each.bindings.filter((binding) => binding.role === 'message'),
        );
        for (const message of messages) {
          const source = passwordSource(evaluator, message.node);
          if (source) return { source, node: message.node };
        }
        return undefined;
      };

      /** A name around the hashed data (or in it: `${user}:${realm}:${password}`) that names a legacy protocol. */
      const protocolHint = (message: TSESTree.Node, call: TSESTree.Node): string | undefined => {
        const names = [...sourceNames(evaluator, message), ...contextNames(message), ...contextNames(call)];
        return names.find((each) => PROTOCOL_HINT.test(each)) ?? moduleHint;
      };

      // Message-digest objects used to sign (forge `key.sign(md)`): that use is their purpose.
      for (const binding of analysis.bindings('digest')) {
        if (binding.fact.operation !== 'sign' && binding.fact.operation !== 'verify') continue;
        for (const each of binding.values) {
          for (let origin = each.kind === 'type' ? each.origin : undefined; origin; origin = origin.receiverFact) signedDigests.add(origin);
        }
      }

      for (const binding of analysis.bindings('digest')) {
        const fact = binding.fact;
        for (const value of instances.digestLiterals(binding.values)) {
          const info = weak(value);
          if (!info) continue;
          const where = describeValue(value, binding.node);
          const usage = contextOf(fact, info);
          if (usage === 'signature') {
            if (!strict && fact.operation === 'generate' && isOnlyExported(analysis, fact)) continue;
            report({ node: binding.node, messageId: 'weakSignatureHash', data: { value: where, digest: info.display } }, info.family);
            continue;
          }
          if (usage !== 'hash' && usage !== 'mac') continue;
          if (signedDigests.has(fact)) continue;
          const password = passwordInput(fact);
          const use = password ? passwordUse(fact) : 'unknown';
          if (password && (use === 'stretched' || use === 'reads-existing')) {
            if (strict) {
              report(
                {
                  node: binding.node,
                  messageId: use === 'stretched' ? 'preHashedPassword' : 'legacyFormatPasswordHash',
                  data: { value: where, digest: info.display, source: password.source },
                },
                info.family,
              );
            }
            continue;
          }
          if (password) {
            const hint = protocolHint(password.node, fact.node);
            if (hint) {
              if (strict) {
                report(
                  {
                    node: binding.node,
                    messageId: 'protocolPasswordHash',
                    data: { value: where, digest: info.display, source: password.source, hint },
                  },
                  info.family,
                );
              }
              continue;
            }
            report(
              { node: binding.node, messageId: 'weakPasswordHash', data: { value: where, digest: info.display, source: password.source } },
              info.family,
            );
            continue;
          }
          if (!strict) continue;
          if (usage === 'mac') {
            if (info.family === 'md5' || info.family === 'md4' || info.family === 'md2') {
              report({ node: binding.node, messageId: 'weakHmac', data: { value: where, digest: info.display } }, info.family);
            }
            continue;
          }
          if (info.weakness !== 'broken' || isNonSecurityContext(fact.node)) continue;
          // Also look at where a chained `createHash(...).update(x).digest()` ends up.
          const last = instances.descendants(fact).at(-1);
          if (last && isNonSecurityContext(last.node)) continue;
          report(
            { node: binding.node, messageId: 'weakHashUnknownPurpose', data: { value: where, digest: info.display } },
            info.family,
          );
        }
      }
    });
  },
});
