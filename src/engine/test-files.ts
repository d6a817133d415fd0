/**
 * Test and fixture files, for rules with an `ignoreTestFiles` option:
 * `*.test.*`, `*.spec.*`, anything under `__tests__/`, `__mocks__/`,
 * `test/`, `tests/`, `fixtures/` or `__fixtures__/`.
 */
const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__|__fixtures__|fixtures?|tests?)[\\/]|\.(?:test|spec)\.[cm]?[jt]sx?$/;

export function isTestFile(filename: string): boolean {
  return TEST_FILE.test(filename);
}
