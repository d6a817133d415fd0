import type { TSESTree } from '@typescript-eslint/utils';
import type { Role } from '../src/catalogue/index.js';
import { createRule } from '../src/create-rule.js';
import type { FileAnalysis } from '../src/engine/analysis.js';
import { propertyName, type Evaluator } from '../src/engine/evaluator.js';
import type { CallFact } from '../src/engine/facts.js';
import { createReporter, describeValue, onAnalysis } from '../src/engine/rule-kit.js';
import {
  conditionOf,
  describeCondition,
  envFlagIn,
  environmentAssignments,
  guardsOf,
  HOLE,
  optionNameOf,
  partialStrings,
  within,
  type Condition,
} from '../src/engine/tls-options.js';
import type { AValue, LitValue } from '../src/engine/values.js';

type Node = TSESTree.Node;
type FunctionNode = TSESTree.FunctionLike;
type Options = [{ reportBehindFlag: boolean }];
type MessageIds =
  | 'disabled'
  | 'disabledBehindFlag'
  | 'noopIdentityCheck'
  | 'acceptsAnyCertificate'
  | 'acceptsAnyCertificateBehindFlag'
  | 'ignoreCertificateErrors'
  | 'insecureConnectionString';

/** Which literal turns verification off, per role. */
const DISABLING: Partial<Record<Role, (value: LitValue) => boolean>> = {
  tlsVerify: (value) => value.value === false,
  tlsSkipVerify: (value) => value.value === true || value.value === 'true',
  envTlsRejectUnauthorized: (value) => value.value === '0' || value.value === 0,
};

/**
 * TLS settings in connection strings that turn verification off: pg `sslmode=no-verify`,
 * MongoDB `tlsInsecure`/`tlsAllowInvalidCertificates`/`tlsAllowInvalidHostnames`/`sslValidate=false`,
 * mysql2 `ssl={"rejectUnauthorized":false}`, nodemailer `tls.rejectUnauthorized=false`.
 */
const INSECURE_URL_SETTINGS: readonly [RegExp, string][] = [
  [/[?&;\s]sslmode=no-verify(?![\w-])/i, 'sslmode=no-verify'],
  [/[?&;\s]tlsInsecure=true\b/i, 'tlsInsecure=true'],
  [/[?&;\s]tlsAllowInvalidCertificates=true\b/i, 'tlsAllowInvalidCertificates=true'],
  [/[?&;\s]tlsAllowInvalidHostnames=true\b/i, 'tlsAllowInvalidHostnames=true'],
  [/[?&;\s]sslValidate=false\b/i, 'sslValidate=false'],
  [/[?&;\s](?:tls\.)?rejectUnauthorized=(?:false|0)\b/i, 'rejectUnauthorized=false'],
  [/"rejectUnauthorized"\s*:\s*false\b/i, 'ssl={"rejectUnauthorized":false}'],
];

const ENV_TARGET = 'every TLS connection of this process and of the processes it starts';

export default createRule<Options, MessageIds>({
  name: 'no-disabled-tls-verification',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow turning off TLS certificate verification (rejectUnauthorized: false, NODE_TLS_REJECT_UNAUTHORIZED=0, no-op checkServerIdentity, Electron handlers that accept any certificate)',
      recommended: 'recommended',
      cwe: ['CWE-295'],
      mechanisms: [8],
      securitySeverity: 8.1,
      precision: 'very-high',
    },
    messages: {
      disabled:
        '{{setting}} turns off TLS certificate verification for {{target}}: anyone on the network path (a proxy, a hostile Wi-Fi, a mandated interception box) can present their own certificate, then read and alter the traffic. Remove it; to trust a private CA, pass that CA in `ca`.',
      disabledBehindFlag:
        '{{setting}} turns off TLS certificate verification for {{target}} when {{condition}}. A switch that quietly disables verification is the shape an interception backdoor takes: anyone on the network path can then impersonate the server. Remove the switch; to trust a private CA, pass that CA in `ca`.',
      noopIdentityCheck:
        'This checkServerIdentity ({{target}}) never returns or throws an error, so a valid certificate for any host name is accepted for this one and the connection can be intercepted. Return the result of `tls.checkServerIdentity(host, cert)` (then add your own checks).',
      acceptsAnyCertificate:
        "This {{hook}} accepts every certificate Chromium rejected ({{accept}}), so any interceptor's certificate is trusted. Accept only a certificate you pinned (compare `certificate.fingerprint`), or remove the handler.",
      acceptsAnyCertificateBehindFlag:
        "This {{hook}} accepts every certificate Chromium rejected ({{accept}}) when {{condition}}: a switch that silently trusts any interceptor's certificate. Accept only a certificate you pinned (compare `certificate.fingerprint`), or remove the handler.",
      ignoreCertificateErrors:
        "The Chromium switch {{value}} makes every window of the app accept any certificate, so all of its traffic can be intercepted. Remove it; to trust a private CA, install it in the OS trust store or pin it with a certificate-error handler that checks the fingerprint.",
      insecureConnectionString:
        'The connection string for {{target}} contains `{{setting}}`, which turns off TLS certificate verification: anyone on the network path can impersonate the server and read the credentials and data. Remove it and provide the server CA (`sslrootcert`, `tlsCAFile`, `ssl.ca`).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          reportBehindFlag: {
            type: 'boolean',
            description:
              'Also report verification that is turned off only behind an environment variable or another runtime switch (the backdoor shape; keep it on).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportBehindFlag: true }],
  },
  create(context, [{ reportBehindFlag }]) {
    const report = createReporter(context);
    return onAnalysis(context, (analysis) => {
      const { evaluator } = analysis;

      // rejectUnauthorized: false, strictSSL: false, tlsInsecure: true, NODE_TLS_REJECT_UNAUTHORIZED = '0'...
      const checkSwitch = (role: Role, node: Node, values: readonly AValue[], target: string, key: string) => {
        const disables = DISABLING[role]!;
        const bad = values.filter((value): value is LitValue => value.kind === 'lit' && disables(value));
        const others = values.some((value) => !(value.kind === 'lit' && disables(value)));
        for (const value of bad) {
          const at = value.node ?? node;
          let condition = conditionOf(evaluator, guardsOf(at));
          if (condition.kind === 'none' && others) condition = { kind: 'other' };
          // A literal written elsewhere (a constant, a helper's caller) is guarded where the setting is used too.
          if (condition.kind === 'none' && value.node && !within(value.node, node)) condition = conditionOf(evaluator, guardsOf(node));
          reportSwitch(node, settingText(role, value, node), target, condition, `${key}:${value.node?.range[0] ?? ''}`);
        }
        // `rejectUnauthorized: process.env.X !== 'true'`: unknown, but an environment switch.
        for (const value of values) {
          if (value.kind !== 'unknown' || !value.node || !isBooleanTest(value.node)) continue;
          const name = envFlagIn(evaluator, value.node);
          if (!name) continue;
          reportSwitch(node, settingText(role, null, node), target, { kind: 'env', name }, `${key}:flag`);
        }
      };

      const reportSwitch = (node: Node, setting: string, target: string, condition: Condition, key: string) => {
        if (condition.kind !== 'none' && !reportBehindFlag) return;
        if (condition.kind === 'none') {
          report({ node, messageId: 'disabled', data: { setting, target } }, key);
        } else {
          report({ node, messageId: 'disabledBehindFlag', data: { setting, target, condition: describeCondition(condition) } }, key);
        }
      };

      for (const role of ['tlsVerify', 'tlsSkipVerify', 'envTlsRejectUnauthorized'] as const) {
        for (const binding of analysis.bindings(role)) {
          const target = role === 'envTlsRejectUnauthorized' ? envTarget(binding.fact) : binding.fact.api;
          checkSwitch(role, binding.node, binding.values, target, role);
        }
      }
      for (const write of environmentAssignments(analysis)) {
        if (write.role === 'envTlsRejectUnauthorized') checkSwitch(write.role, write.node, write.values, ENV_TARGET, write.role);
      }

      // checkServerIdentity: () => undefined
      for (const binding of analysis.bindings('tlsServerIdentityCheck')) {
        for (const value of binding.values) {
          if (value.kind !== 'function' || !acceptsEveryHost(evaluator, value.node)) continue;
          const node = within(value.node, binding.node) ? value.node : binding.node;
          report({ node, messageId: 'noopIdentityCheck', data: { target: binding.fact.api } });
        }
      }

      // Connection strings with sslmode=no-verify and friends.
      for (const binding of analysis.bindings('connectionString')) {
        const strings = binding.values.some((value) => value.kind !== 'lit')
          ? partialStrings(evaluator, binding.node)
          : binding.values.flatMap((value) => (value.kind === 'lit' && typeof value.value === 'string' ? [value.value] : []));
        for (const text of strings) {
          const decoded = safeDecode(text);
          for (const [pattern, setting] of INSECURE_URL_SETTINGS) {
            if (!pattern.test(decoded)) continue;
            report({ node: binding.node, messageId: 'insecureConnectionString', data: { target: binding.fact.api, setting } }, setting);
          }
        }
      }

      checkElectron(analysis, (node, messageId, data) => {
        if (messageId === 'acceptsAnyCertificateBehindFlag' && !reportBehindFlag) return;
        report({ node, messageId, data }, messageId);
      });
    });
  },
});

/** `NODE_TLS_REJECT_UNAUTHORIZED` written to `process.env` reaches this process and its children; in an `env` option, the child. */
function envTarget(fact: CallFact): string {
  return fact.api.startsWith('process.env') ? ENV_TARGET : `the process started by ${fact.api}`;
}

/** `` `rejectUnauthorized: false` ``, `` `tlsAllowInvalidCertificates: true` (line 4) ``, `superagent request.disableTLSCerts()`. */
function settingText(role: Role, value: LitValue | null, reportedAt: Node): string {
  if (role === 'envTlsRejectUnauthorized') {
    const line = value?.node && value.node.loc.start.line !== reportedAt.loc.start.line ? ` (line ${value.node.loc.start.line})` : '';
    return `NODE_TLS_REJECT_UNAUTHORIZED=0${line}`;
  }
  if (!value) return role === 'tlsVerify' ? 'A verification option that can be false' : 'A skip-verification option that can be true';
  if (!value.node && value.label) return `\`${value.label}()\``;
  const name = optionNameOf(value);
  const line = value.node && value.node.loc.start.line !== reportedAt.loc.start.line ? ` (line ${value.node.loc.start.line})` : '';
  if (name) return `\`${name}: ${String(value.value)}\`${line}`;
  const parent = value.node?.parent;
  if (parent?.type === 'AssignmentExpression' && parent.right === value.node && parent.left.type === 'MemberExpression') {
    const key = parent.left.computed ? null : propertyName(parent.left.property);
    if (key) return `\`${key} = ${String(value.value)}\`${line}`;
  }
  return `The value ${describeValue(value, reportedAt)}`;
}

function isBooleanTest(node: Node): boolean {
  if (node.type === 'UnaryExpression') return node.operator === '!';
  if (node.type === 'BinaryExpression') return ['===', '!==', '==', '!='].includes(node.operator);
  if (node.type === 'CallExpression') return node.callee.type === 'Identifier' && node.callee.name === 'Boolean';
  return false;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll(HOLE, ''));
  } catch {
    return text;
  }
}

/** Whether the function body (not nested functions) contains a `throw`. */
function throws(fn: FunctionNode): boolean {
  if (!fn.body || fn.body.type !== 'BlockStatement') return false;
  const stack: Node[] = [...fn.body.body];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'ThrowStatement') return true;
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') continue;
    for (const child of Object.values(node)) {
      if (child && typeof child === 'object' && child !== node.parent) {
        if (Array.isArray(child)) {
          for (const item of child) if (item && typeof (item as Node).type === 'string') stack.push(item as Node);
        } else if (typeof (child as Node).type === 'string' && (child as Node) !== node.parent) {
          stack.push(child as Node);
        }
      }
    }
  }
  return false;
}

/** A `checkServerIdentity` that only ever returns undefined/null/false and never throws accepts every host. */
function acceptsEveryHost(evaluator: Evaluator, fn: FunctionNode): boolean {
  if (throws(fn)) return false;
  const returned = evaluator.returns(fn);
  return returned.every((value) => value.kind === 'lit' && (value.value === undefined || value.value === null || value.value === false));
}

// ----------------------------------------------------------------- Electron

type ElectronReport = (node: Node, messageId: MessageIds, data: Record<string, string>) => void;

function checkElectron(analysis: FileAnalysis, report: ElectronReport): void {
  const { evaluator } = analysis;
  // app.on('certificate-error', (event, webContents, url, error, certificate, callback) => callback(true))
  for (const binding of analysis.bindings('eventListener')) {
    const names = binding.fact.bindings.filter((other) => other.role === 'eventName').flatMap((other) => other.values);
    if (!names.some((value) => value.kind === 'lit' && value.value === 'certificate-error')) continue;
    for (const value of binding.values) {
      if (value.kind !== 'function') continue;
      const verdict = acceptance(evaluator, value.node, true);
      if (verdict) reportAcceptance(verdict, 'certificate-error handler', 'callback(true)', binding.node, report);
    }
  }
  // session.setCertificateVerifyProc((request, callback) => callback(0))
  for (const binding of analysis.bindings('certificateVerifier')) {
    for (const value of binding.values) {
      if (value.kind !== 'function') continue;
      const verdict = acceptance(evaluator, value.node, 0);
      if (verdict) reportAcceptance(verdict, 'certificate verify proc', 'callback(0)', binding.node, report);
    }
  }
  // app.commandLine.appendSwitch('ignore-certificate-errors')
  for (const binding of analysis.bindings('commandLineSwitch')) {
    for (const value of binding.values) {
      if (value.kind !== 'lit' || typeof value.value !== 'string') continue;
      const name = value.value.replace(/^-+/, '').split('=')[0]!.toLowerCase();
      if (name === 'ignore-certificate-errors') {
        report(binding.node, 'ignoreCertificateErrors', { value: describeValue(value, binding.node) });
      }
    }
  }
}

function reportAcceptance(
  condition: Condition,
  hook: string,
  accept: string,
  argument: Node,
  report: ElectronReport,
): void {
  if (condition.kind === 'env') {
    report(argument, 'acceptsAnyCertificateBehindFlag', { hook, accept, condition: describeCondition(condition) });
  } else {
    report(argument, 'acceptsAnyCertificate', { hook, accept });
  }
}

/**
 * Whether a certificate handler calls its callback parameter with the
 * accepting value (`true`, `0`): unconditionally (`none`), or only behind an
 * environment switch (`env`). Acceptance behind any other check (a pinned
 * fingerprint, a host name) is not reported: null.
 */
function acceptance(evaluator: Evaluator, fn: FunctionNode, accepting: boolean | number): Condition | null {
  let worst: Condition | null = null;
  const declared = evaluator.sourceCode.scopeManager?.getDeclaredVariables(fn) ?? [];
  for (const param of fn.params.slice(1)) {
    if (param.type !== 'Identifier') continue;
    const variable = declared.find((candidate) => candidate.name === param.name);
    for (const reference of variable?.references ?? []) {
      const call = reference.identifier.parent;
      if (call?.type !== 'CallExpression' || call.callee !== reference.identifier) continue;
      const arg = call.arguments[0];
      if (!arg || arg.type === 'SpreadElement') continue;
      for (const value of evaluator.evaluate(arg)) {
        if (value.kind !== 'lit' || value.value !== accepting) continue;
        const start = value.node && within(value.node, fn) ? value.node : call;
        const condition = conditionOf(evaluator, guardsOf(start, fn));
        if (condition.kind === 'other') continue;
        if (condition.kind === 'none') return condition;
        worst = condition;
      }
    }
  }
  return worst;
}
