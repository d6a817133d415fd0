import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import type { FileAnalysis } from '../src/engine/analysis.js';
import { enclosingFunctionOf, isFilledLater, isPasswordName, originsOf } from '../src/engine/derivation.js';
import type { CallFact, RoleBinding } from '../src/engine/facts.js';
import { isBip39Seed, kdfDigests, kdfsOf, normaliseDigest, numbers, roleValues, type RoleValue } from '../src/engine/kdf.js';
import { createReporter, describeOrigin, isDecryption, onAnalysis } from '../src/engine/rule-kit.js';
import type { AValue, LitValue } from '../src/engine/values.js';
import { isStrict, type Policy } from '../src/policy.js';

type Node = TSESTree.Node;
type Options = [{ checkSalts: boolean }];
type MessageIds =
  | 'fewIterations'
  | 'defaultIterations'
  | 'weakKdfDigest'
  | 'protocolKdf'
  | 'constantSalt'
  | 'shortSalt'
  | 'sharedSalt'
  | 'weakScrypt'
  | 'weakArgon2'
  | 'weakBcrypt'
  | 'constantBcryptSalt'
  | 'weakPwhash'
  | 'passwordCipher'
  | 'passwordCipherDecrypt'
  | 'legacyKdf'
  | 'passphraseCipher'
  | 'passphraseCipherDecrypt'
  | 'fastHashKey'
  | 'raiseScryptCost';

const fmt = (n: number): string => n.toLocaleString('en-US');

const BCRYPT_SALT = /^\$2[abxy]?\$(\d{1,2})\$/;

export default createRule<Options, MessageIds>({
  name: 'no-weak-kdf',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow password key derivation below OWASP cost, with constant or short salts, or by a single fast hash',
      recommended: 'recommended',
      cwe: ['CWE-916', 'CWE-760', 'CWE-759'],
      mechanisms: [11],
      securitySeverity: 7.5,
      precision: 'high',
    },
    hasSuggestions: true,
    messages: {
      fewIterations:
        'PBKDF2{{digest}} with {{iterations}} iterations{{origin}} is below the {{min}} iterations OWASP sets {{scope}}: each password guess costs an attacker that little. Use at least {{min}} iterations, or scrypt/Argon2id.',
      defaultIterations:
        '{{api}} is called without an iteration count, so the library default applies ({{iterations}} iteration(s) of {{digest}} in the versions judged here), below the {{min}} OWASP sets. Pass the digest and at least {{min}} iterations explicitly.',
      weakKdfDigest:
        'PBKDF2 with {{digest}}{{origin}} is not an acceptable password KDF. Use PBKDF2-HMAC-SHA256 with at least 600,000 iterations, or scrypt/Argon2id.',
      protocolKdf:
        'This is the BIP39 seed derivation (PBKDF2-HMAC-SHA512, 2,048 iterations, salt "mnemonic"): the protocol mandates these weak parameters, so it is reported under the strict profile only. Protect the mnemonic itself; do not reuse this derivation for anything else.',
      constantSalt:
        'The salt is {{how}}: every password derived with it shares one salt, so equal passwords give equal keys and one precomputed table attacks them all. Use a random salt of at least {{min}} bytes per password and store it with the result.',
      shortSalt:
        'The salt is {{length}} bytes, below the {{min}} bytes NIST SP 800-132 requires. Generate at least {{min}} random bytes per password.',
      sharedSalt:
        'The salt is generated once{{where}} and shared by every password derived here: equal passwords give equal keys. Generate a random salt inside the function, per password.',
      weakScrypt:
        'scrypt with N = {{N}}, r = {{r}}, p = {{p}}{{origin}} is below OWASP\'s minimum (N = 2^17, r = 8, p = 1, or an equivalent set such as N = 2^16 with p = 2). Raise N; Node also needs maxmem raised, since 128 * N * r bytes must fit in it.',
      weakArgon2:
        'Argon2 with {{memory}} KiB of memory and {{iterations}} iteration(s){{origin}} is below OWASP\'s minimum (19 MiB with 2 iterations, or an equivalent set such as 46 MiB with 1 or 12 MiB with 3). Raise the memory or time cost.',
      weakBcrypt:
        'bcrypt cost {{cost}}{{origin}} is below the minimum of {{min}}: each point less halves the work per password guess. Use a cost of at least {{min}}.',
      constantBcryptSalt:
        'bcrypt is given a literal salt{{origin}}: every password hashed here shares it, so equal passwords give equal hashes. Pass a cost instead (bcrypt.hash(password, {{min}})) and let bcrypt generate a salt per password.',
      weakPwhash:
        'crypto_pwhash with opslimit {{ops}} and memlimit {{mem}} bytes{{origin}} is below the MODERATE preset (opslimit {{minOps}}, memlimit {{minMem}} bytes). Use crypto_pwhash_OPSLIMIT_MODERATE and crypto_pwhash_MEMLIMIT_MODERATE or higher.',
      passwordCipher:
        '{{api}} derives the key and IV from a password with EVP_BytesToKey (one MD5 round, no salt): the same password always gives the same key and IV, and each guess costs one MD5 (Node 22 removed it). Derive a key with scrypt or PBKDF2 and a random salt, and encrypt with createCipheriv and a random IV.',
      passwordCipherDecrypt:
        '{{api}} derives the key and IV from a password with EVP_BytesToKey (one MD5 round, no salt). Reading legacy data is reported under the strict profile only: re-encrypt it with a key from scrypt or PBKDF2 and remove this path.',
      legacyKdf:
        '{{api}} is OpenSSL\'s EVP_BytesToKey ({{iterations}} iteration(s) of {{digest}}{{origin}}), not a password hashing function. Use CryptoJS.PBKDF2 with SHA-256 and at least 600,000 iterations, or scrypt/Argon2id.',
      passphraseCipher:
        '{{api}} is given a string key{{origin}}, which crypto-js treats as a passphrase: key and IV come from EVP_BytesToKey (one MD5 round, 64-bit salt), so each guess costs one MD5. Derive a key with CryptoJS.PBKDF2 (SHA-256, at least 600,000 iterations, random salt) and pass it as a WordArray with a random iv.',
      passphraseCipherDecrypt:
        '{{api}} is given a string key{{origin}}, which crypto-js treats as a passphrase (EVP_BytesToKey, one MD5 round). Reading legacy data is reported under the strict profile only: re-encrypt it under a PBKDF2-derived key and remove this path.',
      fastHashKey:
        'The key is a single hash of `{{name}}`: a fast hash is not a password KDF, so each guess costs one hash and equal passwords give equal keys. Derive the key with scrypt, Argon2id or PBKDF2 (at least 600,000 iterations) and a random salt.',
      raiseScryptCost: 'Use N = 2^17{{maxmem}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkSalts: {
            type: 'boolean',
            description: 'Report constant, short and once-generated salts of password KDFs (minimum length: settings.keyguard.minSaltBytes).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkSalts: true }],
  },
  create(context, [{ checkSalts }]) {
    const report = createReporter(context);
    const sourceCode = context.sourceCode;

    function checkPbkdf2(fact: CallFact, policy: Policy): void {
      const table = policy.minPbkdf2Iterations;
      const lenient = Math.min(...Object.values(table));
      const digestValues = kdfDigests(fact);
      const iterations = numbers(roleValues(fact, 'iterations'));
      for (const digest of digestValues) {
        const name = normaliseDigest(String(digest.value.value));
        if (/^md[245]$/.test(name)) {
          report({ node: digest.node, messageId: 'weakKdfDigest', data: { digest: name.toUpperCase(), origin: describeOrigin(digest.value, digest.node) } }, name);
          return;
        }
      }
      if (isBip39Seed(sourceCode, fact, digestValues, iterations)) {
        if (isStrict(policy)) report({ node: fact.callee, messageId: 'protocolKdf' });
        return;
      }
      const candidates = digestValues.length ? digestValues : [null];
      for (const count of iterations) {
        const n = Number(count.value.value);
        for (const digest of candidates) {
          const name = digest ? normaliseDigest(String(digest.value.value)) : null;
          const min = name ? (table[name] ?? lenient) : lenient;
          if (n >= min) continue;
          const digestText = name ? name.toUpperCase() : 'its digest';
          if (count.implied) {
            report(
              { node: count.node, messageId: 'defaultIterations', data: { api: fact.api, iterations: fmt(n), digest: digestText, min: fmt(min) } },
              `${n}:${name}`,
            );
          } else {
            const origin = describeOrigin(count.value, count.node) + (digest?.implied ? ` with ${digestText} as ${fact.api}'s default digest` : '');
            const data = {
              digest: name ? `-HMAC-${digestText}` : '',
              scope: name ? 'for that digest' : 'for any digest',
              iterations: fmt(n),
              origin,
              min: fmt(min),
            };
            report(
              { node: count.node, messageId: 'fewIterations', data },
              `${n}:${name}`,
            );
          }
          return;
        }
      }
    }

    function checkSalt(analysis: FileAnalysis, fact: CallFact, policy: Policy): void {
      for (const binding of fact.bindings) {
        if (binding.role !== 'salt') continue;
        const min = policy.minSaltBytes;
        for (const value of binding.values) {
          const finding = judgeSalt(analysis, binding, value, min);
          if (finding) {
            report({ node: binding.node, messageId: finding.messageId, data: { min: String(min), ...finding.data } }, finding.messageId);
            return;
          }
        }
        for (const origin of originsOf(analysis, binding.node)) {
          if (origin.env) {
            report({ node: binding.node, messageId: 'constantSalt', data: { how: `read from process.env (\`${origin.name}\`), the same for every password`, min: String(min) } });
            return;
          }
        }
      }
    }

    function judgeSalt(
      analysis: FileAnalysis,
      binding: RoleBinding,
      value: AValue,
      min: number,
    ): { messageId: MessageIds; data: Record<string, string> } | null {
      const where = (node: Node | null, label?: string) => {
        const parts: string[] = [];
        if (label) parts.push(label);
        if (node && node.loc.start.line !== binding.node.loc.start.line) parts.push(`line ${node.loc.start.line}`);
        return parts.length ? ` (${parts.join(', ')})` : '';
      };
      if (value.kind === 'lit' && typeof value.value === 'string') {
        return { messageId: 'constantSalt', data: { how: `a string literal${where(value.node, value.label)}` } };
      }
      if (value.kind !== 'bytes') return null;
      switch (value.origin) {
        case 'literal':
          return { messageId: 'constantSalt', data: { how: `made from literal data${where(value.node)}` } };
        case 'zero-filled':
        case 'constant-filled':
          return isFilledLater(analysis, value) ? null : { messageId: 'constantSalt', data: { how: `a ${value.origin} buffer${where(value.node)}` } };
        case 'random':
          if (value.length !== undefined && value.length < min) return { messageId: 'shortSalt', data: { length: String(value.length) } };
          if (enclosingFunctionOf(binding.node) && !enclosingFunctionOf(value.node)) {
            return { messageId: 'sharedSalt', data: { where: ` at line ${value.node.loc.start.line}, outside the function that derives` } };
          }
          return null;
        default:
          return null;
      }
    }

    function scryptSuggestion(fact: CallFact, cost: RoleValue, r: number) {
      const maxmemMiB = 32 * r;
      const maxmemText = `${maxmemMiB} * 1024 * 1024`;
      const node = fact.library === 'node:crypto';
      const literal = cost.value.node;
      if (!cost.implied && literal && literal === cost.node && literal.type === 'Literal') {
        const property = literal.parent;
        const object = property?.parent;
        if (property?.type !== 'Property' || object?.type !== 'ObjectExpression') return [];
        const maxmem = object.properties.find(
          (candidate): candidate is TSESTree.Property =>
            candidate.type === 'Property' && !candidate.computed && candidate.key.type === 'Identifier' && candidate.key.name === 'maxmem',
        );
        if (node && maxmem && maxmem.value.type !== 'Literal') return [];
        return [
          {
            messageId: 'raiseScryptCost' as const,
            data: { maxmem: node ? ` and maxmem = ${maxmemText}` : '' },
            fix: (fixer: TSESLint.RuleFixer) => {
              const fixes = [fixer.replaceText(literal, '131072')];
              if (node && maxmem) fixes.push(fixer.replaceText(maxmem.value, maxmemText));
              else if (node) fixes.push(fixer.insertTextAfter(object.properties[object.properties.length - 1]!, `, maxmem: ${maxmemText}`));
              return fixes;
            },
          },
        ];
      }
      if (cost.implied && node) {
        // No options at all: add them where the options argument goes (before a callback).
        const index = (fact.spec.args ?? []).findIndex((spec) => spec !== null && typeof spec === 'object' && Object.values(spec.options ?? {}).includes('cost'));
        const call = fact.node;
        if (index < 1 || call.type === 'AssignmentExpression') return [];
        const args = call.arguments;
        const text = `{ N: 131072, r: 8, p: 1, maxmem: ${maxmemText} }`;
        const before = args[index];
        const after = args[index - 1];
        if (before && (before.type === 'ArrowFunctionExpression' || before.type === 'FunctionExpression' || before.type === 'Identifier')) {
          return [{ messageId: 'raiseScryptCost' as const, data: { maxmem: ` and maxmem = ${maxmemText}` }, fix: (fixer: TSESLint.RuleFixer) => fixer.insertTextBefore(before, `${text}, `) }];
        }
        if (!before && after && args.length === index) {
          return [{ messageId: 'raiseScryptCost' as const, data: { maxmem: ` and maxmem = ${maxmemText}` }, fix: (fixer: TSESLint.RuleFixer) => fixer.insertTextAfter(after, `, ${text}`) }];
        }
      }
      return [];
    }

    function checkScrypt(fact: CallFact, policy: Policy): void {
      const costs = numbers(roleValues(fact, 'cost'));
      const rs = numbers(roleValues(fact, 'blockSize'));
      const ps = numbers(roleValues(fact, 'parallelism'));
      const rValues = rs.length ? rs : [null];
      const pValues = ps.length ? ps : [null];
      for (const cost of costs) {
        for (const r of rValues) {
          for (const p of pValues) {
            const N = Number(cost.value.value);
            const rn = r ? Number(r.value.value) : 8;
            const pn = p ? Number(p.value.value) : 1;
            const ok = policy.minScryptParameters.some((set) => N * rn >= set.N * set.r && pn >= set.p);
            if (ok) continue;
            report(
              {
                node: cost.node,
                messageId: 'weakScrypt',
                data: { N: fmt(N), r: String(rn), p: String(pn), origin: describeOrigin(cost.value, cost.node) },
                suggest: scryptSuggestion(fact, cost, Math.max(rn, 8)),
              },
              `${N}:${rn}:${pn}`,
            );
            return;
          }
        }
      }
    }

    function checkArgon2(fact: CallFact, policy: Policy): void {
      const memories = numbers(roleValues(fact, 'memoryKiB'));
      const times = numbers(roleValues(fact, 'cost'));
      const lanes = numbers(roleValues(fact, 'parallelism'));
      if (!memories.length || !times.length) return;
      for (const memory of memories) {
        for (const time of times) {
          const m = Number(memory.value.value);
          const t = Number(time.value.value);
          const p = lanes.length ? Math.min(...lanes.map((lane) => Number(lane.value.value))) : 1;
          if (policy.minArgon2Parameters.some((set) => m >= set.memoryKiB && t >= set.iterations && p >= set.parallelism)) continue;
          const at = !memory.implied ? memory : !time.implied ? time : memory;
          const origin = memory.implied && time.implied ? ` (implied by ${fact.api} defaults)` : describeOrigin(at.value, at.node);
          report({ node: at.node, messageId: 'weakArgon2', data: { memory: fmt(m), iterations: String(t), origin } }, `${m}:${t}`);
          return;
        }
      }
    }

    function checkBcrypt(fact: CallFact, policy: Policy): void {
      for (const entry of roleValues(fact, 'cost')) {
        const value = entry.value.value;
        if (typeof value === 'string') {
          const match = BCRYPT_SALT.exec(value);
          if (!match) continue;
          report({ node: entry.node, messageId: 'constantBcryptSalt', data: { origin: describeOrigin(entry.value, entry.node), min: String(policy.minBcryptCost) } });
          const cost = Number(match[1]);
          if (cost < policy.minBcryptCost) {
            report({ node: entry.node, messageId: 'weakBcrypt', data: { cost: String(cost), origin: ' (in the literal salt)', min: String(policy.minBcryptCost) } });
          }
          continue;
        }
        if (typeof value !== 'number' || value >= policy.minBcryptCost) continue;
        report({ node: entry.node, messageId: 'weakBcrypt', data: { cost: String(value), origin: describeOrigin(entry.value, entry.node), min: String(policy.minBcryptCost) } }, String(value));
      }
    }

    function checkPwhash(fact: CallFact, policy: Policy): void {
      const ops = numbers(roleValues(fact, 'cost'));
      const mems = numbers(roleValues(fact, 'memoryKiB'));
      for (const op of ops.length ? ops : [null]) {
        for (const mem of mems.length ? mems : [null]) {
          const o = op ? Number(op.value.value) : undefined;
          const bytes = mem ? Number(mem.value.raw ?? Number(mem.value.value) * 1024) : undefined;
          const weakOps = o !== undefined && o < policy.minPwhashOpsLimit;
          const weakMem = bytes !== undefined && bytes < policy.minPwhashMemLimit;
          if (!weakOps && !weakMem) continue;
          const at = weakOps ? op! : mem!;
          report({
            node: at.node,
            messageId: 'weakPwhash',
            data: {
              ops: o === undefined ? '?' : String(o),
              mem: bytes === undefined ? '?' : fmt(bytes),
              origin: describeOrigin({ ...at.value, raw: undefined }, at.node),
              minOps: String(policy.minPwhashOpsLimit),
              minMem: fmt(policy.minPwhashMemLimit),
            },
          });
          return;
        }
      }
    }

    function checkEvp(fact: CallFact, policy: Policy): void {
      if (fact.operation === 'encrypt' || fact.operation === 'decrypt') {
        const decrypting = isDecryption(fact.operation);
        if (decrypting && !isStrict(policy)) return;
        report({ node: fact.callee, messageId: decrypting ? 'passwordCipherDecrypt' : 'passwordCipher', data: { api: fact.api } });
        return;
      }
      const iterations = numbers(roleValues(fact, 'iterations'))[0];
      const digest = kdfDigests(fact)[0];
      report({
        node: fact.callee,
        messageId: 'legacyKdf',
        data: {
          api: fact.api,
          iterations: iterations ? fmt(Number(iterations.value.value)) : '?',
          digest: digest ? normaliseDigest(String(digest.value.value)).toUpperCase() : 'MD5',
          origin: iterations && !iterations.implied ? describeOrigin(iterations.value, fact.callee) : '',
        },
      });
    }

    function checkPassphrase(fact: CallFact, policy: Policy): void {
      const decrypting = isDecryption(fact.operation);
      if (decrypting && !isStrict(policy)) return;
      for (const binding of fact.bindings) {
        if (binding.role !== 'key') continue;
        const value = binding.values.find((candidate): candidate is LitValue => candidate.kind === 'lit' && typeof candidate.value === 'string');
        if (!value) continue;
        report({
          node: binding.node,
          messageId: decrypting ? 'passphraseCipherDecrypt' : 'passphraseCipher',
          data: { api: fact.api, origin: value.label || value.node !== binding.node ? lineOnly(value, binding.node) : '' },
        });
        return;
      }
    }

    function checkFastHashKeys(analysis: FileAnalysis, policy: Policy): void {
      for (const binding of analysis.bindings('key')) {
        const operation = binding.fact.operation;
        if (operation !== 'encrypt' && operation !== 'import' && operation !== 'wrap' && !(isStrict(policy) && operation === 'decrypt')) continue;
        const origin = originsOf(analysis, binding.node).find((candidate) => candidate.hashed && isPasswordName(candidate.name));
        if (!origin) continue;
        report({ node: binding.node, messageId: 'fastHashKey', data: { name: origin.name } });
      }
    }

    return onAnalysis(context, (analysis, policy) => {
      for (const fact of analysis.facts) {
        if (fact.spec.stringKeyIsPassphrase) checkPassphrase(fact, policy);
        const kdfs = kdfsOf(fact);
        if (!kdfs.size) continue;
        if (kdfs.has('pbkdf2')) checkPbkdf2(fact, policy);
        if (kdfs.has('scrypt')) checkScrypt(fact, policy);
        if (kdfs.has('argon2')) checkArgon2(fact, policy);
        if (kdfs.has('bcrypt')) checkBcrypt(fact, policy);
        if (kdfs.has('sodium-pwhash')) checkPwhash(fact, policy);
        if (kdfs.has('evp-bytestokey')) checkEvp(fact, policy);
        if (checkSalts && !kdfs.has('bcrypt') && !kdfs.has('evp-bytestokey')) checkSalt(analysis, fact, policy);
      }
      checkFastHashKeys(analysis, policy);
    });
  },
});

/** ` (SECRET, line 3)` for a literal that came from elsewhere: never the value itself. */
function lineOnly(value: LitValue, reportedAt: Node): string {
  const parts: string[] = [];
  if (value.label) parts.push(value.label);
  if (value.node && value.node.loc.start.line !== reportedAt.loc.start.line) parts.push(`line ${value.node.loc.start.line}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
