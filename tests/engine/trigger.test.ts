import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_NAME_TRIGGERS } from '../../src/catalogue/sources.js';
import { fileTriggers, getRegistry } from '../../src/engine/registry.js';
import { TriggerScanner } from '../../src/engine/trigger.js';

describe('the trigger scan', () => {
  const registry = getRegistry();
  it.each([
    "const c = require('crypto');",
    'import x from "node:crypto";',
    "import AES from 'crypto-js/aes';",
    "const ws = require('ws');",
    'const k = privateKey;',
    '-----BEGIN PUBLIC KEY-----',
    'Math.random()',
    "import { SignJWT } from 'jose';",
    "import { Keypair } from '@solana/web3.js';",
  ])('finds %s, exactly as the trigger expression does', (text) => {
    expect(registry.hasTrigger(text)).toBe(true);
    expect(registry.trigger.test(text)).toBe(true);
  });

  it.each(["const ws = 1; const pg = 2; const got = 3;", 'export const answer = 42;', "import x from './local';"])(
    'skips %s',
    (text) => {
      expect(registry.hasTrigger(text)).toBe(false);
      expect(registry.trigger.test(text)).toBe(false);
    },
  );
});

describe('the one-pass scanner agrees with the trigger expression', () => {
  const registry = getRegistry();
  // Pieces that make or nearly make a trigger: every needle's own parts, quotes, `node:`, subpaths, and
  // characters above 127 whose low seven bits alias ASCII letters in the scanner's bigram table.
  const pieces = fc.constantFrom(
    'crypto', 'rypto', 'Crypto', 'privateKey', 'private', 'Key', 'ws', 'pg', 'got', 'tls', 'jose', 'node:', 'node-rsa',
    '@solana/web3.js', '@solana', 'Math.random', 'Math', '.random', 'new Date()', 'new Date', '-----BEGIN', '----',
    "'", '"', '`', '/', ' ', '\n', '(', ')', 'require(', 'import x from ', 'x', 'é', '\u00f7', '\u0161', '\u01f0', '\u{1F511}',
  );
  it('on generated texts', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(registry.hasTrigger(text)).toBe(registry.trigger.test(text));
      }),
      { numRuns: 3000 },
    );
  });

  // The engine decides on the full list (triggersIn) and answers two later questions from it: which catalogued
  // globals the text names (the evaluator's entry points) and whether it has a key-name word (the key-material
  // data flow). Each must be what a plain substring search says.
  it('lists every trigger word in the text: as many as a substring search finds, and one exactly when test() finds one', () => {
    expect([...registry.globals.keys()].every((name) => registry.words.has(name))).toBe(true);
    expect(KEY_NAME_TRIGGERS.every((word) => registry.words.has(word))).toBe(true);
    const words = fc.constantFrom(...registry.words, 'crypt', 'Forge', 'msCrypt', 'secret_Key', 'é', ' ', "'ws'", "'node-forge'");
    fc.assert(
      fc.property(fc.array(words, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        const found = registry.triggersIn(text);
        expect(found.size > 0).toBe(registry.trigger.test(text));
        for (const word of registry.words) expect([word, found.has(word)]).toEqual([word, text.includes(word)]);
      }),
      { numRuns: 2000 },
    );
  });

  it('scans a file once and keeps the answer with its AST', () => {
    const ast = {};
    const text = 'const k = privateKey; window.crypto.subtle;';
    const first = fileTriggers({ ast, text }, registry);
    expect([...first].sort()).toEqual(['crypto', 'privateKey', 'subtle']);
    // the same object: no second scan, even if the caller's text were different
    expect(fileTriggers({ ast, text: '' }, registry)).toBe(first);
    expect(fileTriggers({ ast: {}, text: '' }, registry).size).toBe(0);
  });

  it('on every fixture and test source of this repository', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.[cm]?[jt]sx?$/.test(entry.name)) files.push(path);
      }
    };
    walk('fixtures');
    walk('tests');
    walk('src');
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect([file, registry.hasTrigger(text)]).toEqual([file, registry.trigger.test(text)]);
    }
  });

  it('at the edges of the text and past the reusable buffer', () => {
    for (const text of ['', 'c', "'ws'", "ws'", "'ws", "'node:tls'", "x'node:tls/promises'", 'kty', 'kt']) {
      expect([text, registry.hasTrigger(text)]).toEqual([text, registry.trigger.test(text)]);
    }
    const padding = 'x'.repeat(1_500_000);
    expect(registry.hasTrigger(padding)).toBe(false);
    expect(registry.hasTrigger(`${padding}'ws'`)).toBe(true);
    expect(registry.hasTrigger(`é${padding.slice(0, 70_000)}privateKey`)).toBe(true);
    // a short file after a long one sees none of the long one's bytes
    expect(registry.hasTrigger("'w")).toBe(false);
  });

  it('lists every word and module it finds, with the same matching as test()', () => {
    const scanner = new TriggerScanner(['crypto', 'forge', 'CryptoJS'], ['ws', 'openpgp']);
    const found = (text: string) => [...scanner.matches(text)].sort();
    // every needle, not just the first; a quoted two-letter module is named without its closing quote
    expect(found("const ws = require('ws'); forge.pki; import('node:openpgp/lightweight'); crypto.subtle;")).toEqual([
      'crypto',
      'forge',
      'openpgp',
      'ws',
    ]);
    // words anywhere (a comment, inside a longer word), modules only when quoted
    expect(found('// uses webcrypto and CryptoJS; openpgp and ws unquoted')).toEqual(['CryptoJS', 'crypto']);
    expect(found('nothing here')).toEqual([]);
    // the same verdicts as test(), needle by needle
    for (const text of ["'ws", "ws'", "'ws'", "x'node:openpgp'", 'forg', "'forge'", '']) {
      expect([text, scanner.matches(text).size > 0]).toEqual([text, scanner.test(text)]);
    }
  });

  it('rejects a needle too short to index', () => {
    expect(() => new TriggerScanner(['k'], [])).toThrow(/too short/);
  });
});
