import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Role } from '../catalogue/index.js';
import type { CallFact } from './facts.js';
import { lit, type AValue, type LitValue } from './values.js';

/**
 * Password-KDF parameters as the catalogue binds them: which KDFs a call runs, and the values each cost,
 * digest or salt role takes there, with the library's default standing in where the call leaves a role out.
 * The rule `no-weak-kdf` compares these with the policy.
 */

type Node = TSESTree.Node;

/** A value a role takes at a call: written, or the library's default when nothing binds the role. */
export interface RoleValue {
  value: LitValue;
  /** where to report: the argument, or the callee for defaults */
  node: Node;
  implied: boolean;
}

/** Values of a role at a call: its bindings' literals, else the catalogued default (`FunctionSpec.defaults`). */
export function roleValues(fact: CallFact, role: Role, accept: (value: AValue) => LitValue | null = asLit): RoleValue[] {
  const out: RoleValue[] = [];
  let bound = false;
  for (const binding of fact.bindings) {
    if (binding.role !== role) continue;
    for (const value of binding.values) {
      if (value.kind === 'function') continue; // a callback where an optional argument would be
      bound = true;
      const literal = accept(value);
      if (literal) out.push({ value: literal, node: binding.node, implied: literal.implied === 'default' });
    }
  }
  const fallback = fact.spec.defaults?.[role];
  if (!bound && fallback !== undefined) {
    out.push({ value: { ...lit(fallback, null, `${fact.api} default`), implied: 'default' }, node: fact.callee, implied: true });
  }
  return out;
}

function asLit(value: AValue): LitValue | null {
  return value.kind === 'lit' && (typeof value.value === 'number' || typeof value.value === 'string') ? value : null;
}

export function numbers(values: readonly RoleValue[]): RoleValue[] {
  return values.filter((entry) => typeof entry.value.value === 'number' && Number.isFinite(entry.value.value));
}

/** `SHA-256`, `sha256`, `CryptoJS.algo.SHA256` -> `sha256`. */
export function normaliseDigest(name: string): string {
  return name.toLowerCase().replace(/^hmac-?/, '').replace(/[-_/\s]/g, '');
}

/** The KDFs a call runs: `pbkdf2`, `scrypt`, `argon2`, `bcrypt`, `sodium-pwhash`, `evp-bytestokey`. */
export function kdfsOf(fact: CallFact): Set<string> {
  const kdfs = new Set<string>();
  for (const binding of fact.bindings) {
    if (binding.role === 'kdf') for (const value of binding.values) if (value.kind === 'lit') kdfs.add(String(value.value));
    // Web Crypto names the KDF in its algorithm parameter.
    if (binding.role === 'algorithm' && fact.operation === 'derive') {
      for (const value of binding.values) if (value.kind === 'lit' && String(value.value).toUpperCase() === 'PBKDF2') kdfs.add('pbkdf2');
    }
  }
  return kdfs;
}

/** The digests a PBKDF2 call may use: names, or forge message-digest objects (`forge.md.sha256.create()`). */
export function kdfDigests(fact: CallFact): RoleValue[] {
  return roleValues(fact, 'digest', (value) => {
    if (value.kind === 'lit' && typeof value.value === 'string') return value;
    if (value.kind === 'type' && value.origin) {
      const named = value.origin.bindings.find((binding) => binding.role === 'digest');
      const only = named?.values.find((candidate) => candidate.kind === 'lit');
      return only?.kind === 'lit' ? { ...only, label: only.label ?? value.origin.api } : null;
    }
    return null;
  });
}


/** BIP39: `pbkdf2(mnemonic, 'mnemonic' + passphrase, 2048, 64, 'sha512')`, mandated by the protocol. */
export function isBip39Seed(sourceCode: TSESLint.SourceCode, fact: CallFact, digestValues: RoleValue[], iterations: RoleValue[]): boolean {
  const salt = fact.bindings.find((binding) => binding.role === 'salt');
  if (!salt || !iterations.length || !iterations.every((entry) => entry.value.value === 2048)) return false;
  if (!digestValues.every((entry) => normaliseDigest(String(entry.value.value)) === 'sha512')) return false;
  return /^\s*['"`]mnemonic/.test(sourceCode.getText(salt.node)) || salt.values.some((value) => value.kind === 'lit' && /^mnemonic/.test(String(value.value)));
}
