import type { ArgSpec, Role } from '../src/catalogue/index.js';
import { createRule } from '../src/create-rule.js';
import type { Label } from '../src/engine/dataflow.js';
import type { RoleBinding } from '../src/engine/facts.js';
import { createReporter, onAnalysis } from '../src/engine/rule-kit.js';

type Options = [{ includeEnvironment: boolean; includeConfigFiles: boolean }];
type MessageIds = 'remoteDowngrade';

/** Roles that select an algorithm or its strength, and how messages name them. */
const PARAMETER_ROLES: Partial<Record<Role, string>> = {
  cipher: 'cipher',
  cipherMode: 'cipher mode',
  algorithm: 'algorithm',
  keyType: 'key type',
  digest: 'hash algorithm',
  modulusBits: 'key size',
  primeBits: 'prime size',
  dhGroup: 'Diffie-Hellman group',
  curve: 'curve',
  symmetricKeyBits: 'key length',
  tagLengthBits: 'tag length',
  padding: 'padding',
  iterations: 'iteration count',
  jwtAlgorithms: 'accepted JWT algorithms',
  cost: 'cost',
  blockSize: 'block size',
  parallelism: 'parallelism',
  memoryKiB: 'memory cost',
  kdf: 'key-derivation function',
  tlsVersion: 'TLS version',
  tlsSecureProtocol: 'TLS protocol',
  tlsCiphers: 'TLS cipher list',
  tlsVerify: 'certificate verification flag',
  tlsSkipVerify: 'certificate verification flag',
  allowInsecureKeySizes: 'key-size check',
  allowKeyTypeMismatch: 'key-type check',
};

export default createRule<Options, MessageIds>({
  name: 'no-algorithm-downgrade',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow algorithms, key sizes, iteration counts and TLS versions chosen by request data, network responses or messages',
      recommended: 'recommended',
      cwe: ['CWE-757', 'CWE-20'],
      mechanisms: [9],
      securitySeverity: 8.1,
      precision: 'high',
    },
    messages: {
      remoteDowngrade:
        'The {{role}} of {{api}} comes from {{source}} (line {{line}}): whoever controls that input can select a weak {{role}} (a remote downgrade switch). Choose it in code, or map the input through an allow-list of strong values.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          includeEnvironment: {
            type: 'boolean',
            description: 'Also treat environment variables (`process.env`, `import.meta.env`) as untrusted.',
          },
          includeConfigFiles: {
            type: 'boolean',
            description: 'Also treat local config files (`require(\'./x.json\')`, JSON imports, `fs.readFile*`) as untrusted.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ includeEnvironment: false, includeConfigFiles: false }],
  },
  create(context, [{ includeEnvironment, includeConfigFiles }]) {
    const report = createReporter(context);
    const origins = new Set(['network', ...(includeEnvironment ? ['environment'] : []), ...(includeConfigFiles ? ['config'] : [])]);
    return onAnalysis(context, (analysis) => {
      const candidates: [RoleBinding, string][] = [];
      for (const [role, name] of Object.entries(PARAMETER_ROLES) as [Role, string][]) {
        for (const binding of analysis.bindings(role)) {
          // A value the code fully knows (a constant, or an input mapped through a lookup table) is not chosen remotely.
          if (binding.values.every((value) => value.kind === 'lit')) continue;
          candidates.push([binding, name]);
        }
      }
      if (!candidates.length) return;
      const dataflow = analysis.dataflow;
      for (const [binding, name] of candidates) {
        const keys = optionKeys(binding);
        for (const label of dataflow.labelsAt(binding.node, 'untrusted')) {
          if (label.source.kind !== 'untrusted' || !origins.has(label.source.origin ?? 'network')) continue;
          if (keys && !reaches(label, keys)) continue;
          report(
            {
              node: binding.node,
              messageId: 'remoteDowngrade',
              data: { role: name, api: binding.fact.api, source: label.source.description, line: String(label.source.node.loc.start.line) },
            },
            `${binding.role}:${label.source.id}`,
          );
        }
      }
    });
  },
});

/**
 * When a role is bound through an options object held in a variable
 * (`generateKeyPairSync('rsa', opts)`), the option names that play it: an
 * untrusted label must sit under one of them (or taint the whole object).
 */
function optionKeys(binding: RoleBinding): Set<string> | null {
  const call = binding.fact.node;
  if (call.type !== 'CallExpression' && call.type !== 'NewExpression') return null;
  const index = call.arguments.indexOf(binding.node as (typeof call.arguments)[number]);
  if (index < 0) return null;
  const spec: ArgSpec | undefined = binding.fact.spec.args?.[index];
  if (!spec || typeof spec !== 'object' || !spec.options) return null;
  const keys = new Set<string>();
  for (const [key, option] of Object.entries(spec.options)) {
    if (option === binding.role || (option && typeof option === 'object' && playsRole(option, binding.role))) keys.add(key);
  }
  return keys.size ? keys : null;
}

function playsRole(spec: ArgSpec, role: Role): boolean {
  if (spec === null) return false;
  if (typeof spec === 'string') return spec === role;
  if (spec.role === role) return true;
  return Object.values(spec.options ?? {}).some((option) => playsRole(option, role));
}

function reaches(label: Label, keys: Set<string>): boolean {
  return label.path.length === 0 || keys.has(label.path[0]!) || label.path[0] === '*';
}
