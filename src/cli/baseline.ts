import type { ESLint } from 'eslint';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { KeyguardConfigError } from '../policy.js';
import { fingerprint } from './sarif.js';

interface BaselineFile {
  version: 1;
  tool: 'keyguard';
  findings: { fingerprint: string; ruleId: string; file: string }[];
}

/** The same stable fingerprints as SARIF: rule, file, normalised line text, occurrence. No line numbers. */
function fingerprintsOf(result: ESLint.LintResult, cwd: string): { fingerprint: string; ruleId: string; file: string }[] {
  const file = relative(cwd, result.filePath).split(sep).join('/');
  let lines: string[] = [];
  try {
    lines = (result.source ?? readFileSync(result.filePath, 'utf8')).split(/\r?\n/);
  } catch {
    // unreadable: line text stays empty
  }
  const occurrences = new Map<string, number>();
  return [...result.messages]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .filter((message) => message.ruleId)
    .map((message) => {
      const text = lines[message.line - 1] ?? '';
      const key = `${message.ruleId}\0${text.replace(/\s+/g, ' ').trim()}`;
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      return { fingerprint: fingerprint(message.ruleId!, file, text, occurrence), ruleId: message.ruleId!, file };
    });
}

export function writeBaseline(path: string, results: readonly ESLint.LintResult[], cwd: string): number {
  const findings = results.flatMap((result) => fingerprintsOf(result, cwd));
  const data: BaselineFile = { version: 1, tool: 'keyguard', findings };
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
  return findings.length;
}

export function readBaseline(path: string): Map<string, number> {
  if (!existsSync(path)) throw new KeyguardConfigError(`keyguard: baseline file ${path} does not exist (create it with --update-baseline)`);
  let data: BaselineFile;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as BaselineFile;
  } catch (error) {
    throw new KeyguardConfigError(`keyguard: baseline file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (data.tool !== 'keyguard' || !Array.isArray(data.findings)) {
    throw new KeyguardConfigError(`keyguard: ${path} is not a keyguard baseline`);
  }
  const counts = new Map<string, number>();
  for (const finding of data.findings) counts.set(finding.fingerprint, (counts.get(finding.fingerprint) ?? 0) + 1);
  return counts;
}

/** Removes from the results every finding recorded in the baseline; what is left is new. */
export function applyBaseline(results: ESLint.LintResult[], baseline: Map<string, number>, cwd: string): void {
  const remaining = new Map(baseline);
  for (const result of results) {
    const prints = fingerprintsOf(result, cwd);
    const sorted = [...result.messages].sort((a, b) => a.line - b.line || a.column - b.column).filter((m) => m.ruleId);
    const keep = new Set(sorted);
    sorted.forEach((message, i) => {
      const print = prints[i]!.fingerprint;
      const left = remaining.get(print) ?? 0;
      if (left > 0) {
        remaining.set(print, left - 1);
        keep.delete(message);
      }
    });
    result.messages = result.messages.filter((message) => !message.ruleId || keep.has(message));
    result.errorCount = result.messages.filter((message) => message.severity === 2).length;
    result.warningCount = result.messages.filter((message) => message.severity === 1).length;
  }
}
