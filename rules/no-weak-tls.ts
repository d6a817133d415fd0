import { createRule } from '../src/create-rule.js';
import { createReporter, describeValue, onAnalysis } from '../src/engine/rule-kit.js';
import { stringLits } from '../src/engine/values.js';

type Options = [{ allowCiphers: string[] }];
type MessageIds = 'weakVersion' | 'weakProtocolMethod' | 'weakCipherSuite';

/** Protocol versions in order, with the names `minVersion`/`maxVersion` accept. */
const VERSION_RANK: Readonly<Record<string, number>> = {
  SSLv2: 0,
  SSLv3: 1,
  TLSv1: 2,
  'TLSv1.0': 2,
  'TLSv1.1': 3,
  'TLSv1.2': 4,
  'TLSv1.3': 5,
};
const VERSION_DISPLAY = ['SSL 2.0', 'SSL 3.0', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'];

/** `secureProtocol` method names that pin one protocol version. `TLS_method`/`SSLv23_method` negotiate. */
const METHOD = /^(SSLv2|SSLv3|TLSv1|TLSv1_1|TLSv1_2)_(?:client_|server_)?method$/i;
const METHOD_RANK: Readonly<Record<string, number>> = { sslv2: 0, sslv3: 1, tlsv1: 2, tlsv1_1: 3, tlsv1_2: 4 };

/**
 * OpenSSL cipher-string keywords and suite components that enable broken,
 * export-grade or unauthenticated suites, with why.
 */
const WEAK_PARTS: readonly [RegExp, string][] = [
  [/^(e?NULL|COMPLEMENTOFALL|COMPLEMENTOFDEFAULT)$/i, 'NULL (no encryption)'],
  [/^(aNULL|ADH|AECDH|anon|kEDH\+aNULL)$/i, 'anonymous key exchange (no server authentication)'],
  [/^(EXP|EXPORT|EXPORT40|EXPORT56|EXP\d+)$/i, 'export-grade (40/56-bit) encryption'],
  [/^LOW$/i, 'low-strength (56/64-bit) encryption'],
  [/^(DES|DES40|DES64|3DES|DES3|DES-CBC3|CBC3|DES_CBC|3DES_EDE|EDE)$/i, 'DES / Triple DES (64-bit block, Sweet32)'],
  [/^(RC4|RC4_128|RC4_40|ARCFOUR)$/i, 'RC4 (prohibited by RFC 7465)'],
  [/^(RC2|RC2_CBC_40)$/i, 'RC2'],
  [/^MD5$/i, 'MD5 message authentication'],
];

/** The weaknesses a cipher string enables: exclusions (`!RC4`, `-DES`) enable nothing. */
export function weakCipherParts(cipherList: string): { token: string; reason: string }[] {
  const found: { token: string; reason: string }[] = [];
  for (const raw of cipherList.split(/[:,\s]+/)) {
    if (!raw || raw.startsWith('!') || raw.startsWith('-')) continue;
    const token = raw.replace(/^\+/, '');
    const seclevel = /@SECLEVEL=(\d+)/i.exec(token);
    if (seclevel && Number(seclevel[1]) === 0) {
      found.push({ token: '@SECLEVEL=0', reason: 'security level 0 (every weak suite and key size allowed)' });
    }
    const suite = token.replace(/@\S*$/, '');
    const parts = suite.split(/[+\-_]/).filter(Boolean);
    // `EXP-RC4-MD5`, `EXP1024-DES-CBC-SHA`: the export prefix first.
    for (const [pattern, reason] of WEAK_PARTS) {
      const part = pattern.test(suite) ? suite : parts.find((candidate) => pattern.test(candidate));
      if (part === undefined) continue;
      // `ECDHE-RSA-AES128-SHA256` has no weak part; `SHA` and `RSA` alone are fine.
      found.push({ token: suite, reason });
      break;
    }
  }
  return found;
}

export default createRule<Options, MessageIds>({
  name: 'no-weak-tls',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow TLS versions below 1.2, SSL/TLS 1.0/1.1 protocol methods and cipher strings that enable NULL, anonymous, export, DES, RC4 or MD5 suites',
      recommended: 'recommended',
      cwe: ['CWE-326', 'CWE-327'],
      mechanisms: [5, 8],
      securitySeverity: 7.4,
      precision: 'very-high',
    },
    messages: {
      weakVersion:
        '{{value}} lets {{api}} speak {{version}}, below the {{minimum}} minimum: TLS 1.0/1.1 are deprecated (RFC 8996) and SSL 3.0 is prohibited (RFC 7568); an interceptor can force the downgrade and break the session. Use `minVersion: {{fix}}` or higher.',
      weakProtocolMethod:
        '{{value}} pins {{api}} to {{version}}, below the {{minimum}} minimum (RFC 8996, RFC 7568). Drop `secureProtocol` and set `minVersion: {{fix}}`.',
      weakCipherSuite:
        "{{value}} enables {{suite}} on {{api}}: {{reason}}, which lets an interceptor decrypt or forge traffic. Remove it (or use Node's default cipher list).",
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowCiphers: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Cipher-string tokens to accept (case-insensitive), for a documented legacy peer.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowCiphers: [] }],
  },
  create(context, [{ allowCiphers }]) {
    const allowed = new Set(allowCiphers.map((token) => token.toLowerCase()));
    const report = createReporter(context);
    return onAnalysis(context, (analysis, policy) => {
      const minimum = VERSION_RANK[policy.minTlsVersion] ?? 4;
      const data = { minimum: VERSION_DISPLAY[minimum]!, fix: `'${policy.minTlsVersion}'` };

      for (const binding of analysis.bindings('tlsVersion')) {
        for (const value of stringLits(binding.values)) {
          const rank = VERSION_RANK[String(value.value)];
          if (rank === undefined || rank >= minimum) continue;
          report(
            {
              node: binding.node,
              messageId: 'weakVersion',
              data: { ...data, value: describeValue(value, binding.node), api: binding.fact.api, version: VERSION_DISPLAY[rank]! },
            },
            String(value.value),
          );
        }
      }

      for (const binding of analysis.bindings('tlsSecureProtocol')) {
        for (const value of stringLits(binding.values)) {
          const match = METHOD.exec(String(value.value));
          const rank = match ? METHOD_RANK[match[1]!.toLowerCase()] : undefined;
          if (rank === undefined || rank >= minimum) continue;
          report(
            {
              node: binding.node,
              messageId: 'weakProtocolMethod',
              data: { ...data, value: describeValue(value, binding.node), api: binding.fact.api, version: VERSION_DISPLAY[rank]! },
            },
            String(value.value),
          );
        }
      }

      for (const binding of analysis.bindings('tlsCiphers')) {
        for (const value of stringLits(binding.values)) {
          const weak = weakCipherParts(String(value.value)).filter((part) => !allowed.has(part.token.toLowerCase()));
          const first = weak[0];
          if (!first) continue;
          const suites = [...new Set(weak.map((part) => part.token))];
          report(
            {
              node: binding.node,
              messageId: 'weakCipherSuite',
              data: {
                value: describeValue(value, binding.node),
                api: binding.fact.api,
                suite: suites.length > 3 ? `${suites.slice(0, 3).join(', ')} and ${suites.length - 3} more` : suites.join(', '),
                reason: first.reason,
              },
            },
            String(value.value),
          );
        }
      }
    });
  },
});
