import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { getAnalysis, type FileAnalysis } from '../../src/engine/analysis.js';

/**
 * Lints `code` (TypeScript) with one private rule that hands the shared analysis of the file to
 * `check`, with the arguments of every `probe(...)` call in source order. The code must mention a
 * trigger (a catalogued module, global or marker) or the engine will not analyse it; the file must
 * parse. Engine tests use this instead of each building its own harness.
 */
export function withAnalysis<T>(code: string, check: (analysis: FileAnalysis, probes: TSESTree.Expression[]) => T): T {
  let result: T | undefined;
  let ran = false;
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as Linter.Parser },
        plugins: {
          probe: {
            rules: {
              probe: {
                create(context) {
                  return {
                    'Program:exit'() {
                      const analysis = getAnalysis(context as never);
                      if (!analysis) throw new Error('the engine did not analyse this code: add a trigger');
                      const probes = analysis.index.calls
                        .filter((call) => call.callee.type === 'Identifier' && call.callee.name === 'probe')
                        .map((call) => call.arguments[0] as TSESTree.Expression);
                      ran = true;
                      result = check(analysis, probes);
                    },
                  };
                },
              },
            },
          },
        },
        rules: { 'probe/probe': 'error' },
      },
    ],
    'file.ts',
  );
  const fatal = messages.filter((message) => message.fatal);
  if (fatal.length) throw new Error(`test code does not parse: ${fatal[0]!.message}`);
  if (!ran) throw new Error('the probe rule did not run');
  return result as T;
}
