/**
 * `keyguard --format cbom`: a CycloneDX 1.6 cryptographic bill of materials,
 * built from the same per-file analysis the rules use. A private ESLint
 * plugin (never part of the public one) collects each file's inventory on
 * Program:exit; the BOM then joins it with the lint results, so every
 * algorithm lists where it is used and which keyguard findings concern it.
 */
import type { ESLint, Linter, Rule } from 'eslint';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { REPOSITORY_URL } from '../create-rule.js';
import { getAnalysis } from '../engine/analysis.js';
import { inventory, type AssetDescription, type AssetUse, type CdxFunction, type Span } from '../engine/inventory.js';

/** The plugin and rule names the collector runs under; findings never carry them (it reports nothing). */
const PLUGIN_NAME = 'keyguard-inventory';
const RULE_NAME = 'collect';

let reportedInternalError = false;

/** Collects the crypto inventory of each linted file, keyed by the absolute file name ESLint gives. */
export class InventoryCollector {
  private readonly byFile = new Map<string, AssetUse[]>();

  /** A flat-config object adding the private collecting rule; append it to the config passed to ESLint. */
  config(): Linter.Config {
    const collector = this;
    const rule: Rule.RuleModule = {
      meta: { type: 'problem', schema: [], docs: { description: 'Collects the crypto inventory for --format cbom' } },
      create(context) {
        return {
          'Program:exit'() {
            try {
              const analysis = getAnalysis(context as unknown as Readonly<TSESLint.RuleContext<string, readonly unknown[]>>);
              collector.byFile.set(context.filename, analysis ? inventory(analysis) : []);
            } catch (error) {
              if (process.env.KEYGUARD_THROW === '1') throw error;
              if (!reportedInternalError) {
                reportedInternalError = true;
                const message = error instanceof Error ? error.message : String(error);
                process.stderr.write(`keyguard: internal error building the inventory of ${context.filename}: ${message} (file left out of the CBOM; please report this)\n`);
              }
            }
          },
        };
      },
    };
    return {
      plugins: { [PLUGIN_NAME]: { rules: { [RULE_NAME]: rule } } },
      rules: { [`${PLUGIN_NAME}/${RULE_NAME}`]: 'error' },
    };
  }

  /** Absolute file name to its asset uses, in file-name order. */
  files(): [string, AssetUse[]][] {
    return [...this.byFile.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

// ---------------------------------------------------------------- the document

export interface CbomOptions {
  cwd: string;
  version: string;
  /** `recommended` or `strict`: which findings could have been attached */
  profile: string;
  /** fixed values for tests; otherwise a random UUID and the current time */
  serialNumber?: string;
  timestamp?: string;
}

interface CdxProperty {
  name: string;
  value: string;
}

interface CdxOccurrence {
  location: string;
  line: number;
  symbol: string;
  additionalContext: string;
}

interface CdxAlgorithmProperties {
  primitive: string;
  mode?: string;
  padding?: string;
  parameterSetIdentifier?: string;
  curve?: string;
  cryptoFunctions: CdxFunction[];
  classicalSecurityLevel?: number;
}

export interface CdxComponent {
  type: 'cryptographic-asset' | 'library' | 'application';
  'bom-ref': string;
  name: string;
  version?: string;
  description?: string;
  purl?: string;
  cryptoProperties?: { assetType: 'algorithm'; algorithmProperties: CdxAlgorithmProperties };
  evidence?: { occurrences: CdxOccurrence[] };
  externalReferences?: { type: string; url: string }[];
  properties?: CdxProperty[];
}

export interface CycloneDxBom {
  $schema: string;
  bomFormat: 'CycloneDX';
  specVersion: '1.6';
  serialNumber: string;
  version: 1;
  metadata: {
    timestamp: string;
    tools: { components: CdxComponent[] };
    component: CdxComponent;
    properties: CdxProperty[];
  };
  components: CdxComponent[];
  dependencies: { ref: string; dependsOn?: string[]; provides?: string[] }[];
}

/** How each catalogued library is named in the BOM, and its npm package when it is one. */
const LIBRARIES: Readonly<Record<string, { name: string; description: string; purl?: string }>> = {
  'node:crypto': { name: 'node:crypto', description: 'Node.js built-in crypto module (OpenSSL)' },
  webcrypto: { name: 'Web Crypto API', description: 'W3C Web Cryptography API (globalThis.crypto.subtle, node:crypto webcrypto)' },
  'crypto-js': { name: 'crypto-js', description: 'crypto-js', purl: 'pkg:npm/crypto-js' },
  'node-forge': { name: 'node-forge', description: 'node-forge', purl: 'pkg:npm/node-forge' },
  'node-rsa': { name: 'node-rsa', description: 'node-rsa', purl: 'pkg:npm/node-rsa' },
  tweetnacl: { name: 'tweetnacl', description: 'TweetNaCl.js', purl: 'pkg:npm/tweetnacl' },
  libsodium: { name: 'libsodium', description: 'libsodium bindings (libsodium-wrappers, sodium-native)' },
  jsonwebtoken: { name: 'jsonwebtoken', description: 'jsonwebtoken', purl: 'pkg:npm/jsonwebtoken' },
  jose: { name: 'jose', description: 'jose (JWS, JWE, JWT)', purl: 'pkg:npm/jose' },
  openpgp: { name: 'openpgp', description: 'OpenPGP.js', purl: 'pkg:npm/openpgp' },
  elliptic: { name: 'elliptic', description: 'elliptic', purl: 'pkg:npm/elliptic' },
  noble: { name: '@noble/curves, @noble/ciphers', description: 'noble cryptography (paulmillr)' },
  bcrypt: { name: 'bcrypt', description: 'bcrypt password hashing' },
  argon2: { name: 'argon2', description: 'Argon2 password hashing' },
};

function toPath(cwd: string, file: string): string {
  return relative(cwd, file).split(sep).join('/');
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9.+]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The identity of an asset: its description without the unresolved note (notes are collected). */
function identity(asset: AssetDescription): string {
  const { unresolved: _unresolved, ...rest } = asset;
  return JSON.stringify(Object.keys(rest).sort().map((key) => [key, rest[key as keyof typeof rest]]));
}

interface Located {
  line: number;
  column: number;
  ruleId: string;
  message: string;
  suppressed?: string;
}

interface Group {
  asset: AssetDescription;
  notes: Set<string>;
  functions: Set<CdxFunction>;
  libraries: Set<string>;
  occurrences: Map<string, CdxOccurrence>;
  findings: Map<string, { path: string; finding: Located }>;
}

function contains(span: Span, line: number, column: number): boolean {
  const afterStart = line > span.start.line || (line === span.start.line && column >= span.start.column);
  const beforeEnd = line < span.end.line || (line === span.end.line && column <= span.end.column);
  return afterStart && beforeEnd;
}

/**
 * The uses a finding concerns: those whose naming literal it is reported on,
 * else those whose argument it is reported on, else those whose call contains it.
 * When one argument names several assets (`legacy ? 'des-cbc' : 'aes-256-gcm'`),
 * those whose value the message quotes are preferred.
 */
function usesConcerned(uses: readonly AssetUse[], line: number, column: number, message: string): AssetUse[] {
  for (const spans of [(use: AssetUse) => use.values, (use: AssetUse) => use.bindings, (use: AssetUse) => [use.call]]) {
    const hits = uses.filter((use) => spans(use).some((span) => contains(span, line, column)));
    if (hits.length <= 1) {
      if (hits.length) return hits;
      continue;
    }
    const quoted = hits.filter((use) => use.literals.some((value) => quotes(message, value)));
    return quoted.length ? quoted : hits;
  }
  return [];
}

function quotes(message: string, value: string | number): boolean {
  if (typeof value === 'number') return new RegExp(`(^|[^\\d.])${value}($|[^\\d])`).test(message);
  return message.includes(`'${value}'`) || message.includes(`"${value}"`);
}

function operationText(use: AssetUse): string {
  return `${use.operation ?? 'use'} via ${use.library}`;
}

/** Builds the CycloneDX 1.6 CBOM from the collected inventory and the lint results. */
export function toCbom(results: readonly ESLint.LintResult[], collector: InventoryCollector, options: CbomOptions): CycloneDxBom {
  const { cwd } = options;
  const groups = new Map<string, Group>();
  const usesByFile = new Map<string, { path: string; uses: { use: AssetUse; group: Group }[] }>();

  for (const [file, uses] of collector.files()) {
    const path = toPath(cwd, file);
    const entry = { path, uses: [] as { use: AssetUse; group: Group }[] };
    usesByFile.set(file, entry);
    for (const use of uses) {
      const key = identity(use.asset);
      let group = groups.get(key);
      if (!group) {
        const { unresolved: _unresolved, ...asset } = use.asset;
        group = { asset, notes: new Set(), functions: new Set(), libraries: new Set(), occurrences: new Map(), findings: new Map() };
        groups.set(key, group);
      }
      if (use.asset.unresolved) group.notes.add(use.asset.unresolved);
      for (const fn of use.cryptoFunctions) group.functions.add(fn);
      group.libraries.add(use.library);
      const line = use.call.start.line;
      const occurrenceKey = `${path}\0${line}\0${use.api}`;
      if (!group.occurrences.has(occurrenceKey)) {
        group.occurrences.set(occurrenceKey, { location: path, line, symbol: use.api, additionalContext: operationText(use) });
      }
      entry.uses.push({ use, group });
    }
  }

  // Attach each finding (and each finding silenced in source) to the assets it concerns.
  for (const result of results) {
    const entry = usesByFile.get(result.filePath);
    if (!entry?.uses.length) continue;
    const located: Located[] = [
      ...result.messages.filter((m) => m.ruleId).map((m) => ({ line: m.line, column: m.column, ruleId: m.ruleId!, message: m.message })),
      ...(result.suppressedMessages ?? [])
        .filter((m) => m.ruleId)
        .map((m) => ({
          line: m.line,
          column: m.column,
          ruleId: m.ruleId!,
          message: m.message,
          suppressed: m.suppressions.map((s) => s.justification || s.kind).join('; ') || 'suppressed',
        })),
    ];
    for (const finding of located) {
      const concerned = usesConcerned(
        entry.uses.map((u) => u.use),
        finding.line,
        Math.max(0, finding.column - 1),
        finding.message,
      );
      for (const use of concerned) {
        const group = entry.uses.find((u) => u.use === use)!.group;
        const key = `${entry.path}\0${finding.line}\0${finding.column}\0${finding.ruleId}\0${finding.message}`;
        group.findings.set(key, { path: entry.path, finding });
      }
    }
  }

  // Deterministic order and references: by name, then by identity.
  const sorted = [...groups.entries()].sort(([ka, a], [kb, b]) => compare(a.asset.name, b.asset.name) || compare(ka, kb));
  const refs = new Set<string>();
  const assetRefs = new Map<Group, string>();
  for (const [, group] of sorted) {
    const base = `crypto/algorithm/${slug(group.asset.name) || 'unnamed'}`;
    let ref = base;
    if (refs.has(ref)) ref = `${base}-${group.asset.primitive}`;
    for (let n = 2; refs.has(ref); n++) ref = `${base}-${n}`;
    refs.add(ref);
    assetRefs.set(group, ref);
  }

  const components: CdxComponent[] = sorted.map(([, group]) => algorithmComponent(group, assetRefs.get(group)!));

  const libraryIds = [...new Set(sorted.flatMap(([, group]) => [...group.libraries]))].sort(compare);
  const libraryRef = (id: string): string => `library/${slug(id)}`;
  for (const id of libraryIds) {
    const known = LIBRARIES[id] ?? { name: id, description: id };
    components.push({
      type: 'library',
      'bom-ref': libraryRef(id),
      name: known.name,
      description: known.description,
      ...(known.purl ? { purl: known.purl } : {}),
      properties: [{ name: 'keyguard:library-id', value: id }],
    });
  }

  const project = projectComponent(cwd);
  const dependencies: CycloneDxBom['dependencies'] = [
    { ref: project['bom-ref'], dependsOn: libraryIds.map(libraryRef) },
    ...libraryIds.map((id) => ({
      ref: libraryRef(id),
      provides: sorted.filter(([, group]) => group.libraries.has(id)).map(([, group]) => assetRefs.get(group)!),
    })),
  ];

  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: options.serialNumber ?? `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: options.timestamp ?? new Date().toISOString(),
      tools: {
        components: [
          {
            type: 'application',
            'bom-ref': 'tool/keyguard',
            name: 'keyguard',
            version: options.version,
            description: 'eslint-plugin-keyguard: finds key exfiltration, escrow recipients, hardcoded keys and weakened crypto',
            purl: `pkg:npm/eslint-plugin-keyguard@${options.version}`,
            externalReferences: [{ type: 'vcs', url: REPOSITORY_URL }],
          },
        ],
      },
      component: project,
      properties: [
        { name: 'keyguard:profile', value: options.profile },
        { name: 'keyguard:files-analysed', value: String(collector.files().length) },
      ],
    },
    components,
    dependencies,
  };
}

function algorithmComponent(group: Group, ref: string): CdxComponent {
  const { asset } = group;
  const algorithmProperties: CdxAlgorithmProperties = {
    primitive: asset.primitive,
    ...(asset.mode ? { mode: asset.mode } : {}),
    ...(asset.padding ? { padding: asset.padding } : {}),
    ...(asset.parameterSetIdentifier ? { parameterSetIdentifier: asset.parameterSetIdentifier } : {}),
    ...(asset.curve ? { curve: asset.curve } : {}),
    // 'unknown' only when nothing else is known
    cryptoFunctions: group.functions.size > 1 ? [...group.functions].filter((fn) => fn !== 'unknown').sort(compare) : [...group.functions],
    ...(asset.classicalSecurityLevel !== undefined ? { classicalSecurityLevel: asset.classicalSecurityLevel } : {}),
  };
  const occurrences = [...group.occurrences.values()].sort(
    (a, b) => compare(a.location, b.location) || a.line - b.line || compare(a.symbol, b.symbol),
  );
  const findings = [...group.findings.values()].sort(
    (a, b) =>
      compare(a.path, b.path) ||
      a.finding.line - b.finding.line ||
      a.finding.column - b.finding.column ||
      compare(a.finding.ruleId, b.finding.ruleId) ||
      compare(a.finding.message, b.finding.message),
  );
  const properties: CdxProperty[] = [
    ...findings.map(({ path, finding }) => ({
      name: finding.suppressed === undefined ? 'keyguard:finding' : 'keyguard:suppressed-finding',
      value:
        `${finding.ruleId} ${path}:${finding.line}:${finding.column} ${finding.message}` +
        (finding.suppressed === undefined ? '' : ` (suppressed: ${finding.suppressed})`),
    })),
    ...[...group.notes].sort(compare).map((note) => ({ name: 'keyguard:unresolved', value: note })),
    ...[...group.libraries].sort(compare).map((id) => ({ name: 'keyguard:library', value: id })),
  ];
  return {
    type: 'cryptographic-asset',
    'bom-ref': ref,
    name: asset.name,
    cryptoProperties: { assetType: 'algorithm', algorithmProperties },
    evidence: { occurrences },
    properties,
  };
}

/** The analysed project: the package.json in the working directory, or the directory's name. */
function projectComponent(cwd: string): CdxComponent {
  let name = basename(cwd) || 'project';
  let version: string | undefined;
  const pkg = join(cwd, 'package.json');
  if (existsSync(pkg)) {
    try {
      const json = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown; version?: unknown };
      if (typeof json.name === 'string' && json.name) name = json.name;
      if (typeof json.version === 'string' && json.version) version = json.version;
    } catch {
      // a broken package.json is not ours to report
    }
  }
  return { type: 'application', 'bom-ref': 'project', name, ...(version ? { version } : {}) };
}
