import type { ESLint, Linter } from 'eslint';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { KeyguardDocs } from '../create-rule.js';
import { REPOSITORY_URL } from '../create-rule.js';

type RuleMeta = { docs?: Partial<KeyguardDocs> & { url?: string }; messages?: Record<string, string> };

/** The messageId a rule uses for a finding silenced by configuration (a disclosed recipient). */
export const DISCLOSED_MESSAGE_ID = 'disclosed';
const DISCLOSED_REASON = /Disclosed as: (.*)$/s;

export interface SarifOptions {
  cwd: string;
  rulesMeta: Record<string, RuleMeta>;
  version: string;
}

/**
 * A stable fingerprint: rule, file, the normalised text of the reported line, and its occurrence number.
 * String literals and long key-like tokens are masked first: the line of a hardcoded-key finding holds the
 * secret, and a hash of a low-entropy secret would let anyone confirm a guess.
 */
export function fingerprint(ruleId: string, file: string, lineText: string, occurrence: number): string {
  const normalised = lineText
    .replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, '$1$1')
    .replace(/[A-Za-z0-9+/=_-]{20,}/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
  return createHash('sha256').update(`${ruleId}\0${file}\0${normalised}\0${occurrence}`).digest('hex').slice(0, 32);
}

function cweTags(cwe: readonly string[] | undefined): string[] {
  return (cwe ?? []).flatMap((id) => [id, `external/cwe/${id.toLowerCase()}`]);
}

/** The driver's rule descriptors, from rule meta: what GitHub code scanning ranks and groups by. */
function ruleDescriptors(ruleIds: readonly string[], rulesMeta: Record<string, RuleMeta>) {
  return ruleIds.map((id) => {
    const meta = rulesMeta[id] ?? {};
    const docs = meta.docs ?? {};
    const name = id.replace(/^keyguard\//, '');
    const description = docs.description ?? name;
    return {
      id,
      name: name.replace(/(^|-)(\w)/g, (_m: string, _d: string, c: string) => c.toUpperCase()),
      shortDescription: { text: description },
      fullDescription: { text: description },
      ...(docs.url ? { helpUri: docs.url, help: { text: `${description}. See ${docs.url}`, markdown: `${description}. [Documentation](${docs.url})` } } : {}),
      defaultConfiguration: { level: 'error' as const },
      properties: {
        tags: ['security', ...cweTags(docs.cwe)],
        precision: docs.precision ?? 'medium',
        'problem.severity': 'error',
        'security-severity': (docs.securitySeverity ?? 5).toFixed(1),
      },
    };
  });
}

function toUri(cwd: string, file: string): string {
  return relative(cwd, file).split(sep).join('/');
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: relative
 * URIs under %SRCROOT%, CWE tags, security-severity and precision per rule,
 * partialFingerprints stable across unrelated edits (no line numbers in
 * them), and silenced findings as `suppressions` (eslint-disable comments:
 * inSource; disclosed recipients: external, with the documented reason).
 */
export function toSarif(results: readonly ESLint.LintResult[], options: SarifOptions): object {
  const { cwd, rulesMeta } = options;
  const used = new Set<string>();
  for (const result of results) {
    for (const message of [...result.messages, ...(result.suppressedMessages ?? [])]) {
      if (message.ruleId) used.add(message.ruleId);
    }
  }
  const ruleIds = [...new Set([...Object.keys(rulesMeta).filter((id) => id.startsWith('keyguard/')), ...used])].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const sarifResults: object[] = [];
  for (const result of results) {
    const uri = toUri(cwd, result.filePath);
    let lines: string[] | undefined;
    const lineText = (line: number) => {
      if (!lines) {
        try {
          lines = (result.source ?? readFileSync(result.filePath, 'utf8')).split(/\r?\n/);
        } catch {
          lines = [];
        }
      }
      return lines[line - 1] ?? '';
    };
    const occurrences = new Map<string, number>();
    const all: { message: Linter.LintMessage | Linter.SuppressedLintMessage; suppressed: boolean }[] = [
      ...result.messages.map((message) => ({ message, suppressed: false })),
      ...(result.suppressedMessages ?? []).map((message) => ({ message, suppressed: true })),
    ].sort((a, b) => a.message.line - b.message.line || a.message.column - b.message.column);
    for (const { message, suppressed } of all) {
      if (!message.ruleId) continue;
      const text = lineText(message.line);
      const key = `${message.ruleId}\0${text.replace(/\s+/g, ' ').trim()}`;
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      const suppressions: object[] = [];
      if (suppressed) {
        for (const s of (message as Linter.SuppressedLintMessage).suppressions ?? []) {
          suppressions.push({ kind: 'inSource', ...(s.justification ? { justification: s.justification } : {}) });
        }
      }
      if (message.messageId === DISCLOSED_MESSAGE_ID) {
        const reason = DISCLOSED_REASON.exec(message.message)?.[1]?.trim();
        suppressions.push({ kind: 'external', status: 'accepted', ...(reason ? { justification: reason } : {}) });
      }
      const region: Record<string, number> = { startLine: message.line, startColumn: message.column };
      if (message.endLine) region.endLine = message.endLine;
      if (message.endColumn) region.endColumn = message.endColumn;
      sarifResults.push({
        ruleId: message.ruleId,
        ...(index.has(message.ruleId) ? { ruleIndex: index.get(message.ruleId) } : {}),
        level: message.severity === 2 ? 'error' : 'warning',
        message: { text: message.message },
        locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region } }],
        partialFingerprints: { 'keyguardFingerprint/v1': fingerprint(message.ruleId, uri, text, occurrence) },
        ...(suppressions.length ? { suppressions } : {}),
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'keyguard',
            informationUri: REPOSITORY_URL,
            version: options.version,
            semanticVersion: options.version,
            rules: ruleDescriptors(ruleIds, rulesMeta),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
}
