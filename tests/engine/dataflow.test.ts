import { isKeyName, KEY_NAME_TRIGGERS } from '../../src/catalogue/sources.js';
import { Linter } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import { getAnalysis } from '../../src/engine/analysis.js';
import type { DataFlow } from '../../src/engine/dataflow.js';
import { applyOps, makeLabel, type TaintSource } from '../../src/engine/dataflow-model.js';
import { PathResolver } from '../../src/engine/dataflow-paths.js';
import { withAnalysis } from './with-analysis.js';

/** Runs the engine on a snippet and hands back its data flow (null when the file has no trigger). */
function dataflowOf(code: string): DataFlow | null {
  let flow: DataFlow | null = null;
  const linter = new Linter({ configType: 'flat' });
  const plugin = {
    rules: {
      probe: {
        meta: { type: 'problem' as const, schema: [] },
        create(context: TSESLint.RuleContext<string, []>) {
          return {
            'Program:exit'() {
              flow = getAnalysis(context as never)?.dataflow ?? null;
            },
          };
        },
      },
    },
  };
  const messages = linter.verify(code, [{ plugins: { t: plugin as never }, rules: { 't/probe': 'error' }, languageOptions: { sourceType: 'module' } }]);
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return flow;
}

const SOURCE: TaintSource = { id: 0, kind: 'key-material', node: {} as never, description: 'k', rank: 0, nameOnly: false };

describe('dataflow model', () => {
  it('keeps property paths: a public half read from a pair is clean, the private half is not', () => {
    const label = makeLabel(SOURCE, ['privateKey'], [], false);
    expect(applyOps(label, [{ op: 'project', key: 'publicKey' }])).toBeNull();
    expect(applyOps(label, [{ op: 'project', key: 'privateKey' }])?.path).toEqual([]);
  });

  it('treats metadata reads of a whole key as clean', () => {
    const label = makeLabel(SOURCE, [], [], false);
    expect(applyOps(label, [{ op: 'project', key: 'length' }])).toBeNull();
    expect(applyOps(label, [{ op: 'project', key: 'd' }])).not.toBeNull();
  });

  it('string coercion drops values under named properties ([object Object]) but keeps whole values and array elements', () => {
    expect(applyOps(makeLabel(SOURCE, ['key'], [], false), [{ op: 'coerce' }])).toBeNull();
    expect(applyOps(makeLabel(SOURCE, [], [], false), [{ op: 'coerce' }])?.path).toEqual([]);
    expect(applyOps(makeLabel(SOURCE, ['1'], [], false), [{ op: 'coerce' }])?.path).toEqual([]);
    expect(applyOps(makeLabel(SOURCE, ['*', 'k'], [], false), [{ op: 'coerce' }])?.path).toEqual([]);
  });

  it('hashing cleanses key material but keeps a digest of plaintext', () => {
    expect(applyOps(makeLabel(SOURCE, [], [], false), [{ op: 'hash' }])).toBeNull();
    const plain = makeLabel({ ...SOURCE, kind: 'plaintext' }, [], [], false);
    expect(applyOps(plain, [{ op: 'hash' }])?.hashed).toBe(true);
  });

  it('matches helper calls and returns: a label entering at one call cannot return to another', () => {
    const a = { range: [1, 2] } as never;
    const b = { range: [3, 4] } as never;
    const entered = applyOps(makeLabel(SOURCE, [], [], false), [{ op: 'enter', site: a }])!;
    expect(applyOps(entered, [{ op: 'exit', site: b }])).toBeNull();
    expect(applyOps(entered, [{ op: 'exit', site: a }])?.via).toEqual([]);
  });

  it('truncates long paths instead of growing them', () => {
    let label = makeLabel(SOURCE, [], [], false);
    for (let i = 0; i < 10; i++) label = applyOps(label, [{ op: 'prefix', key: `k${i}` }])!;
    expect(label.path.length).toBeLessThanOrEqual(4);
  });
});

describe('dataflow engine', () => {
  it('does not report a key-material source in a crypto file without one', () => {
    const flow = dataflowOf("import crypto from 'node:crypto';\nconst h = crypto.createHash('sha256').update(x).digest('hex');\nconsole.log(h);");
    expect(flow).not.toBeNull();
    expect(flow!.hasKeySources).toBe(false);
  });

  it('counts a key-named word anywhere in the text as a possible source, and nothing else', () => {
    const has = (code: string) => dataflowOf(`import crypto from 'node:crypto';\n${code}`)!.hasKeySources;
    for (const word of KEY_NAME_TRIGGERS) {
      expect([word, has(`const h = crypto.createHash('sha256');\nconsole.log(h, config.${word}Value);`)]).toEqual([word, true]);
    }
    expect(has("const h = crypto.createHash('sha256');\nconsole.log(h, config.privKy, 'secret key');")).toBe(false);
  });

  it('finds sources and flows in a file with a source', () => {
    const flow = dataflowOf("import crypto from 'node:crypto';\nconst { privateKey } = crypto.generateKeyPairSync('ed25519');\nfetch('/x', { body: privateKey.export({ format: 'jwk' }).d });");
    expect(flow!.hasKeySources).toBe(true);
    const flows = flow!.flows('key-material');
    expect(flows.map((f) => [f.source.description, f.sink.display, f.parts])).toEqual([
      ['private key from crypto.generateKeyPairSync', 'fetch()', ['body']],
    ]);
  });

  it('survives deeply nested code without recursion limits', () => {
    const depth = 300;
    const code = `import crypto from 'node:crypto';\nconst { privateKey } = crypto.generateKeyPairSync('ed25519');\nconst v = ${'['.repeat(depth)}privateKey${']'.repeat(depth)};\nconsole.log(v);`;
    const flow = dataflowOf(code);
    expect(() => flow!.flows('key-material')).not.toThrow();
  });

  it('stays bounded on a long chain of reassignments in a loop', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `s${i + 1} = s${i} + s${(i * 7) % (i + 1)};`).join('\n');
    const decls = Array.from({ length: 401 }, (_, i) => `let s${i} = '';`).join('\n');
    const code = `import crypto from 'node:crypto';\n${decls}\ns0 = crypto.generateKeySync('aes', { length: 128 }).export();\nfor (;;) {\n${lines}\n}\nconsole.log(s400);`;
    const started = performance.now();
    const flows = dataflowOf(code)!.flows('key-material');
    expect(flows.length).toBe(1);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('isKeyName', () => {
  it('accepts key names from the shortest (privKey) on, whatever the case and separators', () => {
    for (const name of ['privKey', 'PRIVKEY', 'priv_key', 'privateKeyPem', 'SECRET_KEY', 'walletSecret', 'mnemonicPhrase', 'seed-phrase']) {
      expect([name, isKeyName(name)]).toEqual([name, true]);
    }
  });

  it('rejects other names, short ones included', () => {
    for (const name of ['key', 'sk', 'pk', 'privK', 'apiKey', 'publicKey', 'keyId', 'secret', 'e', 'privateKeyLength'.repeat(3)]) {
      expect([name, isKeyName(name)]).toEqual([name, false]);
    }
  });
});

describe('PathResolver.pathMatching', () => {
  const NAMES = new Set(['fetch', 'get', 'readFileSync']);

  /** The matching path of every identifier callee, and how many scope lookups the resolver asked for. */
  function callees(code: string): { paths: (string | null)[]; lookups: number } {
    return withAnalysis(`import * as crypto from 'node:crypto';\n${code}`, (analysis) => {
      let lookups = 0;
      const resolver = new PathResolver(
        (id) => {
          lookups++;
          return analysis.evaluator.findVariable(id);
        },
        (name) => analysis.evaluator.nameDenotesItself(name),
      );
      const calls = analysis.index.calls.filter((call) => call.callee.type === 'Identifier');
      return { paths: calls.map((call) => resolver.pathMatching(call.callee, NAMES)), lookups };
    });
  }

  it('skips local functions and globals that no pattern ends in, without a scope lookup', () => {
    expect(callees('function helper() {}\nconst run = () => 1;\nhelper();\nrun();\nsetTimeout(run);')).toEqual({ paths: [null, null, null], lookups: 0 });
  });

  it('resolves the names patterns end in, and names that may be bound to something else', () => {
    expect(callees('function fetch() {}\nfetch();').paths).toEqual(['~fetch']);
    expect(callees("fetch('/x');").paths).toEqual(['fetch']);
    expect(callees("import axios from 'axios';\nconst load = axios.get;\nload('/x');").paths).toEqual(['axios.get']);
    expect(callees("import { get as load } from 'axios';\nload('/x');").paths).toEqual(['axios.get']);
    expect(callees("import { readFileSync as read } from 'node:fs';\nread('key.pem');").paths).toEqual(['fs.readFileSync']);
    // Reassigned, or bound by a parameter somewhere too: looked up, whatever the path turns out to be.
    expect(callees("import axios from 'axios';\nfunction load() {}\nload = axios.get as any;\nload('/x');").lookups).toBeGreaterThan(0);
    expect(callees('function load() {}\nfunction g(load: any) { load(); }\nload();').lookups).toBeGreaterThan(0);
  });
});
