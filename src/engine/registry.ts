import { KEY_NAME_TRIGGERS } from '../catalogue/sources.js';
import { TriggerScanner } from './trigger.js';
import {
  LIBRARIES,
  type ConstSpec,
  type FunctionSpec,
  type LibraryModel,
  type MemberSpec,
  type PropertySpec,
  type TypeSpec,
} from '../catalogue/index.js';

/** A catalogued type, with the library it belongs to. */
export interface RegisteredType {
  name: string;
  library: string;
  spec: TypeSpec;
}

/** Node's builtin modules that are catalogued under their bare name and also reachable as `node:x`. */
const NODE_PREFIXABLE = /^(crypto|tls|https|http|http2|net|dgram|dns|child_process|fs|fs\/promises|os|process|util|worker_threads)$/;

/**
 * The catalogue compiled into lookup tables, once per process: module
 * specifiers, globals, types, every member name (for cheap call filtering)
 * and the trigger expression that decides whether a file needs analysis.
 */
export class Registry {
  readonly types = new Map<string, RegisteredType>();
  readonly modules = new Map<string, { library: string; target: string | ConstSpec }>();
  readonly globals = new Map<string, { library: string; type: string }>();
  /** every member name of every type: a call `x.name()` whose name is not here cannot be catalogued */
  readonly memberNames = new Set<string>();
  /** member names that are writable properties (`tls.DEFAULT_MIN_VERSION = ...`) */
  readonly propertyNames = new Set<string>();
  /** writable properties of builtins by path (`process.env.NODE_TLS_REJECT_UNAUTHORIZED`) */
  readonly builtinProperties = new Map<string, { library: string; spec: PropertySpec }>();
  readonly trigger: RegExp;
  /** the plain trigger words (globals, markers, key names, library triggers): found anywhere in the text */
  readonly words: ReadonlySet<string>;
  private readonly scanner: TriggerScanner;

  constructor(libraries: readonly LibraryModel[], extraTriggers: readonly string[] = []) {
    const words = new Set<string>(extraTriggers);
    /** module specifiers only count inside quotes: `'ws'`, `"pg"`, `'node:crypto'`, `'crypto-js/aes'` */
    const modules = new Set<string>();
    for (const library of libraries) {
      for (const [name, spec] of Object.entries(library.types)) {
        if (this.types.has(name)) throw new Error(`keyguard catalogue: type ${name} is defined twice`);
        this.types.set(name, { name, library: library.id, spec });
        for (const [member, memberSpec] of Object.entries(spec.members ?? {})) {
          this.memberNames.add(member);
          if (memberSpec.kind === 'property') this.propertyNames.add(member);
        }
      }
      for (const [specifier, target] of Object.entries(library.modules ?? {})) {
        this.modules.set(specifier, { library: library.id, target });
        if (NODE_PREFIXABLE.test(specifier)) this.modules.set(`node:${specifier}`, { library: library.id, target });
        modules.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier));
      }
      for (const [name, type] of Object.entries(library.globals ?? {})) {
        this.globals.set(name, { library: library.id, type });
        words.add(name);
      }
      for (const word of library.triggers ?? []) words.add(word);
      for (const [path, spec] of Object.entries(library.builtinProperties ?? {})) {
        this.builtinProperties.set(path, { library: library.id, spec });
        this.propertyNames.add(path.slice(path.lastIndexOf('.') + 1));
      }
    }
    this.words = words;
    const quoted = [...modules].map((m) => `['"\`](?:node:)?${escapeRegExp(m)}['"\`/]`);
    this.trigger = new RegExp([...[...words].map(escapeRegExp), ...quoted].join('|'));
    // The same test as `trigger`, in one pass over the text (src/engine/trigger.ts). A module name that
    // contains a trigger word is covered by that word already.
    this.scanner = new TriggerScanner(
      words,
      [...modules].filter((m) => ![...words].some((word) => m.includes(word))),
    );
  }

  /** Does this text mention anything keyguard analyses? Equivalent to `trigger.test(text)`. */
  hasTrigger(text: string): boolean {
    return this.scanner.test(text);
  }

  /**
   * Every trigger the text contains: the words of {@link words} it mentions and the quoted module names,
   * in one pass (empty: no trigger). A file that has one is scanned to its end, so that the engine's later
   * questions about the text (which catalogued globals it names, whether it has key-named identifiers)
   * are answered from this set instead of more passes: see {@link fileTriggers}.
   */
  triggersIn(text: string): ReadonlySet<string> {
    return this.scanner.matches(text);
  }

  /**
   * Every member name of the types reachable from these entry types: their members, the types their
   * members are or return, and so on. Files that use the same entry types share one answer.
   */
  memberNamesReachableFrom(entries: readonly string[]): ReadonlySet<string> {
    const key = [...entries].sort().join('\n');
    let names = this.reachableNames.get(key);
    if (names) return names;
    names = new Set<string>();
    const seen = new Set<string>();
    const todo = [...entries];
    const reach = (name: string | undefined) => {
      if (name !== undefined && !seen.has(name)) todo.push(name);
    };
    while (todo.length) {
      const name = todo.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const spec = this.types.get(name)?.spec;
      if (!spec) continue;
      reach(spec.call?.returns);
      for (const [member, memberSpec] of Object.entries(spec.members ?? {})) {
        names.add(member);
        if (memberSpec.kind === 'type') reach(memberSpec.type);
        else if (memberSpec.kind === 'function') reach(memberSpec.returns);
      }
    }
    this.reachableNames.set(key, names);
    return names;
  }

  private readonly reachableNames = new Map<string, Set<string>>();

  type(name: string): RegisteredType | undefined {
    return this.types.get(name);
  }

  member(typeName: string, member: string): MemberSpec | undefined {
    const members = this.types.get(typeName)?.spec.members;
    return members && Object.hasOwn(members, member) ? members[member] : undefined;
  }

  /** Every reference from one table to a type that does not exist: a catalogue bug, checked by tests. */
  *danglingReferences(): Generator<string> {
    const check = (where: string, name: string) => (this.types.has(name) ? [] : [`${where} -> ${name}`]);
    for (const { name, spec } of this.types.values()) {
      for (const [member, memberSpec] of Object.entries(spec.members ?? {})) {
        if (memberSpec.kind === 'type') yield* check(`${name}.${member}`, memberSpec.type);
        if (memberSpec.kind === 'function' && memberSpec.returns) yield* check(`${name}.${member}()`, memberSpec.returns);
      }
      if (spec.call?.returns) yield* check(`${name}()`, spec.call.returns);
    }
    for (const [specifier, { target }] of this.modules) {
      if (typeof target === 'string') yield* check(`module ${specifier}`, target);
    }
    for (const [global, { type }] of this.globals) yield* check(`global ${global}`, type);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type { FunctionSpec };

let shared: Registry | undefined;

/** Words that make a file worth analysing even without a catalogued import. */
export const EXTRA_TRIGGERS: readonly string[] = [
  '-----BEGIN',
  // a JWK object literal (issue 5: a private JWK in the source is reported even if unused)
  'kty',
  // weak randomness (issue 3: no-insecure-randomness) matters even in files without a crypto import
  'Math.random',
  'Date.now',
  'performance.now',
  'new Date()',
  'hrtime',
  // key-named identifiers (issue 6: name-only key-material sources for no-key-exfiltration)
  ...KEY_NAME_TRIGGERS,
];

/**
 * The triggers a file's text contains ({@link Registry.triggersIn}), scanned once per file and registry and
 * kept with the file's AST, so nothing outlives the file in an editor server.
 */
export function fileTriggers(sourceCode: { readonly ast: object; readonly text: string }, registry: Registry): ReadonlySet<string> {
  let files = triggersByRegistry.get(registry);
  if (!files) triggersByRegistry.set(registry, (files = new WeakMap()));
  let found = files.get(sourceCode.ast);
  if (!found) files.set(sourceCode.ast, (found = registry.triggersIn(sourceCode.text)));
  return found;
}

const triggersByRegistry = new WeakMap<Registry, WeakMap<object, ReadonlySet<string>>>();

export function getRegistry(): Registry {
  shared ??= new Registry(LIBRARIES, EXTRA_TRIGGERS);
  return shared;
}
