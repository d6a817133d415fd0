import type { TSESTree } from '@typescript-eslint/utils';
import type { ArgSpec, ArgSpecObject, FunctionSpec, Operation, Role } from '../catalogue/index.js';
import type { Evaluator } from './evaluator.js';
import { lit, union, type AValue, type CallableValue, type LitValue, type ObjectValue } from './values.js';

type Node = TSESTree.Node;

/** One catalogued call (or property write) found in a file. */
export interface CallFact {
  id: number;
  node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression;
  /** where roles implied by the API itself are reported: the callee */
  callee: Node;
  library: string;
  /** `crypto.createCipheriv`, `CryptoJS.DES.encrypt`, `crypto.subtle.generateKey` */
  api: string;
  spec: FunctionSpec;
  /** resolved operation (`inherit` replaced by the receiver's) */
  operation: Operation | undefined;
  /** the catalogued call that created the receiver (`createCipheriv` for `cipher.update`) */
  receiverFact?: CallFact;
  /** every role this call binds, resolved lazily */
  readonly bindings: readonly RoleBinding[];
}

/** A role bound to the set of values that may reach it. */
export interface RoleBinding {
  fact: CallFact;
  role: Role;
  /** the node to report on: the argument, or the property value when the options are inline */
  node: Node;
  values: AValue[];
}

/**
 * Creates one fact per catalogued call, and binds each argument spec of the
 * catalogue to the values the evaluator resolves for it.
 */
export class FactCollector {
  readonly facts: CallFact[] = [];
  private readonly byNode = new Map<Node, CallFact[]>();
  private evaluator!: Evaluator;

  attach(evaluator: Evaluator): void {
    this.evaluator = evaluator;
  }

  /** The fact for a call through a catalogued callee; the same object every time it is asked. */
  factFor(node: TSESTree.CallExpression | TSESTree.NewExpression, callee: CallableValue): CallFact {
    const existing = this.byNode.get(node)?.find((fact) => fact.spec === callee.spec && sameReceiver(fact, callee));
    if (existing) return existing;
    const receiverFact = callee.receiver?.origin;
    const operation = callee.spec.operation === 'inherit' ? receiverFact?.operation : callee.spec.operation;
    let bindings: RoleBinding[] | undefined;
    const evaluator = this.evaluator;
    const fact: CallFact = {
      id: this.facts.length,
      node,
      callee: node.callee,
      library: callee.library,
      api: callee.display,
      spec: callee.spec,
      operation,
      ...(receiverFact ? { receiverFact } : {}),
      get bindings() {
        bindings ??= bindCall(evaluator, fact, node);
        return bindings;
      },
    };
    this.facts.push(fact);
    const list = this.byNode.get(node);
    if (list) list.push(fact);
    else this.byNode.set(node, [fact]);
    return fact;
  }

  /** A fact for `object.prop = value` where the property is catalogued. */
  propertyFact(
    node: TSESTree.AssignmentExpression,
    library: string,
    api: string,
    role: Role,
    operation?: Operation,
    value?: ArgSpec,
  ): CallFact {
    const values = this.evaluator.evaluate(node.right);
    const fact: CallFact = {
      id: this.facts.length,
      node,
      callee: node.left,
      library,
      api,
      spec: { kind: 'function', ...(operation ? { operation } : {}) },
      operation,
      bindings: [],
    };
    const bindings: RoleBinding[] = [{ fact, role, node: node.right, values }];
    // The properties of an assigned object, when the catalogue says what they are.
    if (value) bindArg(this.evaluator, fact, value, node.right, node.right, values, 1, bindings);
    (fact as unknown as { bindings: RoleBinding[] }).bindings = bindings;
    this.facts.push(fact);
    return fact;
  }

  factsAt(node: Node): readonly CallFact[] {
    return this.byNode.get(node) ?? [];
  }
}

function sameReceiver(fact: CallFact, callee: CallableValue): boolean {
  return fact.receiverFact === callee.receiver?.origin;
}

function bindCall(
  evaluator: Evaluator,
  fact: CallFact,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
): RoleBinding[] {
  const out: RoleBinding[] = [];
  for (const [role, value] of Object.entries(fact.spec.fixed ?? {})) {
    out.push({ fact, role: role as Role, node: fact.callee, values: [lit(value, null, fact.api)] });
  }
  const specs = fact.spec.args ?? [];
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i];
    const arg = node.arguments[i];
    if (!spec) continue;
    if (!arg) {
      bindDefaults(fact, spec, 1, out);
      continue;
    }
    if (arg.type === 'SpreadElement') break;
    bindArg(evaluator, fact, spec, arg, arg, evaluator.evaluate(arg), 1, out);
  }
  return out;
}

/**
 * Binds one argument (or one option property) to its roles. `at` is the node
 * findings are reported on; `scale` accumulates unit conversion.
 */
function bindArg(
  evaluator: Evaluator,
  fact: CallFact,
  spec: ArgSpec,
  argument: Node,
  at: Node,
  values: AValue[],
  scale: number,
  out: RoleBinding[],
): void {
  if (spec === null) return;
  if (typeof spec === 'string') {
    out.push({ fact, role: spec, node: at, values });
    return;
  }
  const objects = spec.options ? values.filter((value): value is ObjectValue => value.kind === 'object') : [];
  const hasDefaults = spec.default !== undefined || (spec.options !== undefined && specHasDefaults(spec));
  if (hasDefaults && values.some((value) => isAbsent(value, spec))) bindDefaults(fact, spec, scale, out);
  if (spec.role) {
    let scalars = spec.options ? values.filter((value) => value.kind !== 'object') : values;
    if (spec.default !== undefined) scalars = scalars.filter((value) => !isAbsent(value, spec));
    const factor = scale * (spec.scale ?? 1);
    if (scalars.length) out.push({ fact, role: spec.role, node: at, values: factor === 1 ? scalars : scaled(scalars, factor) });
  }
  if (!spec.options) return;
  for (const [key, propSpec] of Object.entries(spec.options)) {
    if (propSpec === null) continue;
    for (const object of objects) {
      const { values: propValues, node: where } = evaluator.objectProperty(object, key, at);
      if (!where) {
        bindDefaults(fact, propSpec, scale, out);
        continue;
      }
      const present = propValues.filter((value) => !(value.kind === 'lit' && value.value === undefined));
      if (present.length < propValues.length) bindDefaults(fact, propSpec, scale, out);
      if (!present.length) continue;
      // Report on the property when the options are written inline in this argument.
      const inline = within(object.node, argument);
      bindArg(evaluator, fact, propSpec, argument, inline ? where : at, union(present), scale, out);
    }
  }
}

/** An argument that leaves the library to its default: `undefined`, or a callback where options may go. */
function isAbsent(value: AValue, spec: ArgSpecObject): boolean {
  if (value.kind === 'lit') return value.value === undefined || (value.value === null && spec.options !== undefined);
  return value.kind === 'function' && spec.options !== undefined;
}

function specHasDefaults(spec: ArgSpec): boolean {
  if (spec === null || typeof spec === 'string') return false;
  if (spec.default !== undefined) return true;
  return Object.values(spec.options ?? {}).some(specHasDefaults);
}

/** Binds the library defaults of an absent argument or option (and of its nested options). */
function bindDefaults(fact: CallFact, spec: ArgSpec, scale: number, out: RoleBinding[]): void {
  if (spec === null || typeof spec === 'string') return;
  const factor = scale * (spec.scale ?? 1);
  if (spec.role && spec.default !== undefined) {
    const raw = spec.default;
    const value: LitValue = {
      ...lit(typeof raw === 'number' ? raw * factor : raw, null, `${fact.api} default`),
      implied: 'default',
      ...(typeof raw === 'number' && factor !== 1 ? { raw } : {}),
    };
    const duplicate = out.some(
      (binding) =>
        binding.node === fact.callee &&
        binding.role === spec.role &&
        binding.values.some((other) => other.kind === 'lit' && other.implied === 'default' && other.value === value.value),
    );
    if (!duplicate) {
      out.push({ fact, role: spec.role, node: fact.callee, values: [value] });
    }
  }
  for (const nested of Object.values(spec.options ?? {})) bindDefaults(fact, nested, factor, out);
}

function scaled(values: AValue[], factor: number): AValue[] {
  return values.map((value) =>
    value.kind === 'lit' && typeof value.value === 'number'
      ? { ...value, value: value.value * factor, raw: value.value }
      : value,
  );
}

function within(inner: Node, outer: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}
