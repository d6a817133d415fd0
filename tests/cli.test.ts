import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inShard, run } from '../src/cli/main.js';
import { fingerprint } from '../src/cli/sarif.js';

const require = createRequire(import.meta.url);
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

interface Captured {
  exitCode: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], cwd: string): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const { exitCode } = await run(args, cwd, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY: false,
  });
  return { exitCode, stdout, stderr };
}

const WEAK = "const crypto = require('crypto');\ncrypto.createCipheriv('des-cbc', key, iv);\n";
const CLEAN = "const crypto = require('crypto');\ncrypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));\n";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'keyguard-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(path: string, text: string): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}

describe('keyguard CLI', () => {
  it('prints findings with rule ids and exits 1 on the bundled fixtures', async () => {
    const result = await cli([FIXTURES], dir);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('keyguard/no-weak-cipher');
    expect(result.stdout).toContain('keyguard/no-ecb-mode');
    expect(result.stderr).toMatch(/\d+ file\(s\) checked, \d+ finding\(s\)/);
  });

  it('exits 0 on clean code, and defaults to the current directory', async () => {
    write('src/ok.js', CLEAN);
    const result = await cli([], dir);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('--help documents every option and exits 0', async () => {
    const result = await cli(['--help'], dir);
    expect(result.exitCode).toBe(0);
    for (const option of ['--strict', '--format', '--output', '--max-warnings', '--shard', '--baseline', '--update-baseline', '.keyguardrc.json']) {
      expect(result.stdout).toContain(option);
    }
  });

  it.each([
    [['--format', 'xml'], /--format must be stylish, compact, json, sarif or cbom/],
    [['--max-warnings', 'many'], /--max-warnings takes a whole number/],
    [['--shard', '3/2'], /--shard takes i\/n/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['missing-dir'], /no such file or directory: missing-dir/],
    [['--update-baseline'], /--update-baseline needs --baseline/],
  ])('usage error %j exits 2 with a clear message', async (args, message) => {
    const result = await cli(args, dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('reads policy from .keyguardrc.json and rejects a bad key with exit 2', async () => {
    write('a.js', "const c = require('crypto'); c.generateKeyPairSync('rsa', { modulusLength: 2048 });\n");
    expect((await cli(['.'], dir)).exitCode).toBe(0);
    write('.keyguardrc.json', JSON.stringify({ minRsaBits: 3072 }));
    expect((await cli(['.'], dir)).exitCode).toBe(1);
    write('.keyguardrc.json', JSON.stringify({ minRsaBit: 3072 }));
    const bad = await cli(['.'], dir);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/minRsaBit is not a known setting \(did you mean minRsaBits\?\)/);
  });

  it('reads policy from the keyguard field of package.json', async () => {
    write('package.json', JSON.stringify({ name: 'x', keyguard: { profile: 'strict' } }));
    write('a.js', "const c = require('crypto'); c.createDecipheriv('des-cbc', key, iv);\n");
    expect((await cli(['.'], dir)).exitCode).toBe(1);
  });

  it('--strict reports decryption with weak ciphers', async () => {
    write('a.js', "const c = require('crypto'); c.createDecipheriv('des-cbc', key, iv);\n");
    expect((await cli(['.'], dir)).exitCode).toBe(0);
    expect((await cli(['--strict', '.'], dir)).exitCode).toBe(1);
  });

  it('honours .gitignore, skips node_modules, build output and minified bundles', async () => {
    write('.gitignore', 'generated/\n*.gen.js\n');
    mkdirSync(join(dir, '.git'));
    write('generated/a.js', WEAK);
    write('src/b.gen.js', WEAK);
    write('node_modules/lib/index.js', WEAK);
    write('dist/index.js', WEAK);
    write('src/vendor.min.js', WEAK);
    write('src/bundle.js', `${'var a=1;'.repeat(400)}\n`.repeat(3) + WEAK);
    write('src/real.ts', WEAK);
    const result = await cli(['--format', 'json', '.'], dir);
    const files = (JSON.parse(result.stdout) as { filePath: string }[]).map((r) => r.filePath);
    expect(files).toEqual(['src/real.ts']);
    expect(result.stderr).toContain('2 minified skipped');
  });

  it('lints an explicitly named file and reports parse failures without counting them as findings', async () => {
    write('broken.js', 'const = ;\n');
    write('weak.js', WEAK);
    const broken = await cli(['broken.js'], dir);
    expect(broken.exitCode).toBe(0);
    expect(broken.stderr).toMatch(/1 file\(s\) could not be parsed/);
    expect((await cli(['weak.js', 'broken.js'], dir)).exitCode).toBe(1);
  });

  it('--format json drops sources and lists findings with rule ids', async () => {
    write('a.js', WEAK);
    const result = await cli(['--format', 'json'], dir);
    expect(result.exitCode).toBe(1);
    const json = JSON.parse(result.stdout) as { filePath: string; source?: string; messages: { ruleId: string; line: number }[] }[];
    expect(json).toHaveLength(1);
    expect(json[0]!.source).toBeUndefined();
    expect(result.stdout).not.toContain('crypto.createCipheriv(');
    expect(json[0]!.messages.map((m) => [m.ruleId, m.line])).toEqual([['keyguard/no-weak-cipher', 2]]);
  });

  it('--format compact prints one line per finding, for hooks', async () => {
    write('a.js', WEAK);
    write('b.js', CLEAN);
    const result = await cli(['--format', 'compact', 'a.js', 'b.js'], dir);
    expect(result.exitCode).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^a\.js:2:23: .* \[keyguard\/no-weak-cipher\]$/)]);
  });

  it('--max-warnings tolerates up to n findings', async () => {
    write('a.js', WEAK);
    expect((await cli(['--max-warnings', '1'], dir)).exitCode).toBe(0);
    expect((await cli(['--max-warnings', '0'], dir)).exitCode).toBe(1);
  });

  it('--output writes the report to a file', async () => {
    write('a.js', WEAK);
    const result = await cli(['--format', 'json', '-o', 'report.json'], dir);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toHaveLength(1);
  });
});

describe('SARIF', () => {
  const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
  // CommonJS packages: loaded with require so their default export needs no interop.
  interface Validator {
    (data: unknown): boolean;
    errors?: unknown[] | null;
  }
  interface AjvLike {
    compile(schema: object): Validator;
  }
  const Ajv = (require('ajv-draft-04') as { default: new (options: object) => AjvLike }).default;
  const addFormats = (require('ajv-formats') as { default: (ajv: AjvLike) => void }).default;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  type Sarif = {
    runs: {
      tool: { driver: { rules: { id: string; helpUri: string; properties: { tags: string[]; precision: string; 'security-severity': string } }[] } };
      results: {
        ruleId: string;
        locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }[];
        partialFingerprints: Record<string, string>;
        suppressions?: { kind: string; status?: string; justification?: string }[];
      }[];
    }[];
  };

  async function sarif(): Promise<Sarif> {
    const result = await cli(['--format', 'sarif', '.'], dir);
    expect(result.exitCode).toBeLessThan(2);
    const log = JSON.parse(result.stdout) as Sarif;
    const valid = validate(log);
    expect(validate.errors ?? [], 'valid SARIF 2.1.0').toEqual([]);
    expect(valid).toBe(true);
    return log;
  }

  it('is valid SARIF 2.1.0 with what code scanning ranks by', async () => {
    write('src/a.js', WEAK);
    const log = await sarif();
    const run = log.runs[0]!;
    const rule = run.tool.driver.rules.find((r) => r.id === 'keyguard/no-weak-cipher')!;
    expect(rule.helpUri).toMatch(/docs\/rules\/no-weak-cipher\.md$/);
    expect(rule.properties.tags).toEqual(expect.arrayContaining(['security', 'CWE-327']));
    expect(rule.properties['security-severity']).toMatch(/^\d+\.\d$/);
    expect(rule.properties.precision).toBe('very-high');
    const location = run.results[0]!.locations[0]!.physicalLocation;
    expect(location.artifactLocation).toEqual({ uri: 'src/a.js', uriBaseId: '%SRCROOT%' });
    expect(location.region.startLine).toBe(2);
  });

  it('keeps fingerprints stable across unrelated edits', async () => {
    write('src/a.js', WEAK);
    const before = (await sarif()).runs[0]!.results[0]!.partialFingerprints;
    write('src/a.js', `// a new header comment\n\nconst unrelated = 1;\n${WEAK}`);
    const after = (await sarif()).runs[0]!.results[0]!;
    expect(after.locations[0]!.physicalLocation.region.startLine).toBe(5);
    expect(after.partialFingerprints).toEqual(before);
  });

  it('fingerprints never depend on a secret written on the reported line', () => {
    const line = (secret: string) => `const key = Buffer.from('${secret}', 'hex'); createCipheriv('aes-256-gcm', key, iv);`;
    expect(fingerprint('keyguard/no-hardcoded-key', 'a.js', line('00112233445566778899aabbccddeeff'), 0)).toBe(
      fingerprint('keyguard/no-hardcoded-key', 'a.js', line('ffeeddccbbaa99887766554433221100'), 0),
    );
    expect(fingerprint('keyguard/no-hardcoded-key', 'a.js', 'const k = "hunter2";', 0)).toBe(fingerprint('keyguard/no-hardcoded-key', 'a.js', 'const k = "letmein";', 0));
    expect(fingerprint('r', 'a.js', 'foo(1)', 0)).not.toBe(fingerprint('r', 'a.js', 'bar(1)', 0));
  });

  it('emits a disclosed escrow recipient as an external suppression with its reason, and fails no other format', async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const sha256 = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
    write(
      'src/leaf.js',
      `import crypto from 'node:crypto';\nconst RECOVERY = ${JSON.stringify(pem)};\nexport function seal(data) {\n  const sessionKey = crypto.randomBytes(32);\n  return { leaf: crypto.publicEncrypt(RECOVERY, sessionKey), data };\n}\n`,
    );
    // Undisclosed: an escrow finding in every format.
    expect((await cli(['--format', 'json', '.'], dir)).exitCode).toBe(1);
    write('.keyguardrc.json', JSON.stringify({ disclosedRecipients: [{ sha256, reason: 'Organisation recovery key, ADR-12' }] }));
    const json = await cli(['--format', 'json', '.'], dir);
    expect(json.exitCode).toBe(0);
    const log = await sarif();
    const results = log.runs[0]!.results.filter((r) => r.ruleId === 'keyguard/no-escrow-recipient');
    expect(results).toHaveLength(1);
    expect(results[0]!.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'Organisation recovery key, ADR-12' }]);
  });

  it('emits findings silenced by eslint-disable as suppressions, with the justification', async () => {
    write('src/a.js', "const crypto = require('crypto');\n// eslint-disable-next-line keyguard/no-weak-cipher -- legacy firmware protocol\ncrypto.createCipheriv('des-cbc', key, iv);\n");
    const result = await cli(['--format', 'sarif', '.'], dir);
    expect(result.exitCode).toBe(0);
    const log = JSON.parse(result.stdout) as Sarif;
    expect(validate(log)).toBe(true);
    expect(log.runs[0]!.results).toHaveLength(1);
    expect(log.runs[0]!.results[0]!.suppressions).toEqual([{ kind: 'inSource', justification: 'legacy firmware protocol' }]);
  });
});

describe('--shard and --baseline', () => {
  it('shards partition the file set: their union is one full run', async () => {
    for (let i = 0; i < 12; i++) write(`src/f${i}.js`, WEAK);
    const full = JSON.parse((await cli(['--format', 'json'], dir)).stdout) as { filePath: string }[];
    const parts: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const shard = JSON.parse((await cli(['--format', 'json', '--shard', `${i}/3`], dir)).stdout) as { filePath: string }[];
      parts.push(...shard.map((r) => r.filePath));
    }
    expect(parts.sort()).toEqual(full.map((r) => r.filePath).sort());
    expect(new Set(parts).size).toBe(parts.length);
  });

  it('shard membership is deterministic', () => {
    expect(inShard('src/a.js', { index: 1, count: 1 })).toBe(true);
    const first = ['a', 'b', 'c', 'd'].map((f) => inShard(f, { index: 1, count: 2 }));
    expect(['a', 'b', 'c', 'd'].map((f) => inShard(f, { index: 1, count: 2 }))).toEqual(first);
  });

  it('a baseline hides recorded findings and still fails on new ones', async () => {
    write('src/a.js', WEAK);
    expect((await cli(['--baseline', 'kg-baseline.json', '--update-baseline'], dir)).exitCode).toBe(0);
    expect((await cli(['--baseline', 'kg-baseline.json'], dir)).exitCode).toBe(0);
    write('src/a.js', `// moved down\n${WEAK}`);
    expect((await cli(['--baseline', 'kg-baseline.json'], dir)).exitCode).toBe(0);
    write('src/b.js', "const c = require('crypto'); c.createCipheriv('rc4', key, null);\n");
    const result = await cli(['--baseline', 'kg-baseline.json', '--format', 'json'], dir);
    expect(result.exitCode).toBe(1);
    expect((JSON.parse(result.stdout) as { filePath: string }[]).map((r) => r.filePath)).toEqual(['src/b.js']);
  });

  it('a missing baseline is a clear configuration error', async () => {
    const result = await cli(['--baseline', 'nope.json'], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/baseline file .* does not exist/);
  });
});

