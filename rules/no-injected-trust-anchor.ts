import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { propertyName } from '../src/engine/evaluator.js';
import type { CallFact } from '../src/engine/facts.js';
import { createReporter, describeValue, onAnalysis } from '../src/engine/rule-kit.js';
import { environmentAssignments, trustAnchorsOf } from '../src/engine/tls-options.js';
import type { AValue } from '../src/engine/values.js';

type Node = TSESTree.Node;
type Options = [{ bundledFiles: boolean }];
type MessageIds = 'alongsideRoots' | 'processWideTrust' | 'addedToStore' | 'extraCaCerts';

const CHILDREN = 'the Node.js processes this one starts';

export default createRule<Options, MessageIds>({
  name: 'no-injected-trust-anchor',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow adding a hardcoded certificate to the system trust roots (ca alongside tls.rootCertificates, https.globalAgent.options.ca, NODE_EXTRA_CA_CERTS for child processes)',
      recommended: 'recommended',
      cwe: ['CWE-296', 'CWE-295'],
      mechanisms: [8],
      securitySeverity: 7.4,
      precision: 'high',
    },
    messages: {
      alongsideRoots:
        '{{api}} trusts a certificate fixed in the code ({{where}}) in addition to the system roots: whoever holds its private key (an interception proxy, a mandated national root) can impersonate every server this client talks to. To pin a private CA, pass it alone in `ca` so it replaces the roots; to add an organisation root, install it in the OS trust store at deployment.',
      processWideTrust:
        '{{api}} makes a certificate fixed in the code ({{where}}) trusted by every HTTPS request that uses the global agent, in every library of the process: whoever holds its private key can intercept all of that traffic. Pass a pinned CA to the one client that needs it (`new https.Agent({ ca })`) instead.',
      addedToStore:
        '{{api}} adds a certificate fixed in the code ({{where}}) to a trust store that still holds the system roots: whoever holds its private key can impersonate any server. Create the context with `ca` set to the pinned CA alone instead.',
      extraCaCerts:
        'Setting NODE_EXTRA_CA_CERTS ({{value}}) for {{target}} adds trust anchors to the system roots of every TLS connection they make: whoever holds those keys can intercept their traffic. Install an organisation root in the OS trust store at deployment, or pass a pinned CA to the one client that needs it.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          bundledFiles: {
            type: 'boolean',
            description:
              "Treat a certificate file read from a constant path (`fs.readFileSync('certs/root.pem')`) as fixed in the code, like a PEM literal.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ bundledFiles: true }],
  },
  create(context, [{ bundledFiles }]) {
    const report = createReporter(context);
    return onAnalysis(context, (analysis) => {
      const { evaluator } = analysis;
      const where = (nodes: readonly Node[], at: Node) =>
        nodes
          .map((node) => (node.loc.start.line === at.loc.start.line ? 'this line' : `line ${node.loc.start.line}`))
          .filter((text, i, all) => all.indexOf(text) === i)
          .join(', ');

      // ca: [...tls.rootCertificates, PEM]
      for (const binding of analysis.bindings('tlsCa')) {
        const anchors = trustAnchorsOf(evaluator, binding.values, bundledFiles);
        if (!anchors.systemRoots || !anchors.constants.length) continue;
        report({ node: binding.node, messageId: 'alongsideRoots', data: { api: binding.fact.api, where: where(anchors.constants, binding.node) } });
      }

      // tls.setDefaultCACertificates([...tls.getCACertificates('default'), PEM]), https.globalAgent.options.ca = ...
      for (const binding of analysis.bindings('tlsDefaultCa')) {
        const anchors = trustAnchorsOf(evaluator, binding.values, bundledFiles);
        if (!anchors.constants.length) continue;
        const global = isGlobalAgentWrite(binding.fact);
        if (!global && !anchors.systemRoots) continue;
        report({
          node: binding.node,
          messageId: global ? 'processWideTrust' : 'alongsideRoots',
          data: { api: binding.fact.api, where: where(anchors.constants, binding.node) },
        });
      }

      // https.globalAgent.options.ca.push(PEM)
      for (const call of analysis.index.calls) {
        const callee = call.callee;
        if (call.type !== 'CallExpression' || callee.type !== 'MemberExpression') continue;
        const method = propertyName(callee.property);
        if (method !== 'push' && method !== 'unshift') continue;
        const list = callee.object;
        if (list.type !== 'MemberExpression' || propertyName(list.property) !== 'ca') continue;
        const isGlobal = evaluator.evaluate(list.object).some((value) => value.kind === 'type' && value.type === 'node:https.AgentOptions');
        if (!isGlobal) continue;
        const values = call.arguments.flatMap((arg) => evaluator.evaluate(arg.type === 'SpreadElement' ? arg.argument : arg));
        const anchors = trustAnchorsOf(evaluator, values, bundledFiles);
        if (!anchors.constants.length) continue;
        report({ node: call, messageId: 'processWideTrust', data: { api: `https.globalAgent.options.ca.${method}`, where: where(anchors.constants, call) } });
      }

      // secureContext.context.addCACert(PEM)
      for (const binding of analysis.bindings('tlsAddedCa')) {
        const anchors = trustAnchorsOf(evaluator, binding.values, bundledFiles);
        if (!anchors.constants.length) continue;
        report({ node: binding.node, messageId: 'addedToStore', data: { api: binding.fact.api, where: where(anchors.constants, binding.node) } });
      }

      // NODE_EXTRA_CA_CERTS in process.env or a child's env
      const extraCa = (node: Node, values: readonly AValue[], target: string) => {
        const set = values.filter((value) => !passesThrough(value));
        if (!set.length) return;
        const literal = set.find((value) => value.kind === 'lit');
        const value = literal?.kind === 'lit' ? describeValue(literal, node) : 'a value computed at run time';
        report({ node, messageId: 'extraCaCerts', data: { value, target } });
      };
      for (const binding of analysis.bindings('envExtraCaCerts')) {
        extraCa(binding.node, binding.values, binding.fact.api.startsWith('process.env') ? CHILDREN : `the process started by ${binding.fact.api}`);
      }
      for (const write of environmentAssignments(analysis)) {
        if (write.role === 'envExtraCaCerts') extraCa(write.node, write.values, CHILDREN);
      }
    });
  },
});

function isGlobalAgentWrite(fact: CallFact): boolean {
  return fact.node.type === 'AssignmentExpression' && fact.api.startsWith('https.globalAgent');
}

/** Values that do not add anything: unset, empty, or the parent's own NODE_EXTRA_CA_CERTS handed down. */
function passesThrough(value: AValue): boolean {
  if (value.kind === 'lit') return value.value === undefined || value.value === null || value.value === '';
  return value.kind === 'builtin' && value.path === 'process.env.NODE_EXTRA_CA_CERTS';
}
