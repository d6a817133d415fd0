import { RuleTester } from '@typescript-eslint/rule-tester';

/** A RuleTester on @typescript-eslint/parser (which also parses plain JS), module source type. */
export function createRuleTester(settings?: Record<string, unknown>): RuleTester {
  return new RuleTester({
    languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    ...(settings ? { settings } : {}),
  });
}

/** Settings that switch on the strict profile. */
export const STRICT = { keyguard: { profile: 'strict' } };
