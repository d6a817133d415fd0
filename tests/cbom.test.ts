import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../src/cli/main.js';
import { canonicalCurve, cipherDescription, digestName } from '../src/engine/inventory.js';
import plugin from '../src/index.js';

const require = createRequire(import.meta.url);

// ------------------------------------------------------------------ the official CycloneDX 1.6 schema

interface Validator {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}
interface AjvLike {
  addSchema(schema: object): AjvLike;
  addFormat(name: string, format: boolean): AjvLike;
  compile(schema: object): Validator;
}
// The package's exports map hides res/: locate the folder through its package.json.
const SCHEMAS = join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
const schemaFile = (name: string) => JSON.parse(readFileSync(join(SCHEMAS, `${name}.SNAPSHOT.schema.json`), 'utf8')) as Record<string, unknown>;
const Ajv = (require('ajv') as { default: new (options: object) => AjvLike }).default;
const addFormats = (require('ajv-formats') as { default: (ajv: AjvLike) => void }).default;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// Formats ajv-formats does not define; the schema uses them only for URLs and e-mail addresses we never emit.
ajv.addFormat('iri-reference', true);
ajv.addFormat('idn-email', true);
// The BOM schema refers to its companions by their SNAPSHOT file names.
for (const name of ['spdx', 'jsf-0.82']) {
  ajv.addSchema({ ...schemaFile(name), $id: `http://cyclonedx.org/schema/${name}.SNAPSHOT.schema.json` });
}
const validate = ajv.compile(schemaFile('bom-1.6'));

// ------------------------------------------------------------------ running the CLI in-process

interface Property {
  name: string;
  value: string;
}
interface Occurrence {
  location: string;
  line: number;
  symbol: string;
  additionalContext: string;
}
interface Component {
  type: string;
  'bom-ref': string;
  name: string;
  purl?: string;
  cryptoProperties?: {
    assetType: string;
    algorithmProperties: {
      primitive: string;
      mode?: string;
      padding?: string;
      parameterSetIdentifier?: string;
      curve?: string;
      cryptoFunctions: string[];
      classicalSecurityLevel?: number;
    };
  };
  evidence?: { occurrences: Occurrence[] };
  properties?: Property[];
}
interface Bom {
  bomFormat: string;
  specVersion: string;
  serialNumber: string;
  version: number;
  metadata: {
    timestamp: string;
    tools: { components: { name: string; version: string }[] };
    component: { name: string; version?: string };
    properties: Property[];
  };
  components: Component[];
  dependencies: { ref: string; dependsOn?: string[]; provides?: string[] }[];
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'keyguard-cbom-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(path: string, lines: readonly string[]): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), `${lines.join('\n')}\n`);
}

async function cbom(args: string[] = []): Promise<{ exitCode: number; bom: Bom; stdout: string }> {
  let stdout = '';
  let stderr = '';
  const { exitCode } = await run(['--format', 'cbom', ...args], dir, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY: false,
  });
  expect(exitCode, stderr).toBeLessThan(2);
  const output = args.indexOf('-o');
  const bom = JSON.parse(output >= 0 ? readFileSync(join(dir, args[output + 1]!), 'utf8') : stdout) as Bom;
  const valid = validate(bom);
  expect(validate.errors ?? [], 'valid CycloneDX 1.6').toEqual([]);
  expect(valid).toBe(true);
  return { exitCode, bom, stdout };
}

function asset(bom: Bom, name: string): Component {
  const found = bom.components.filter((component) => component.type === 'cryptographic-asset' && component.name === name);
  expect(found.map((component) => component.name), `one asset named ${name} in ${bom.components.map((c) => c.name).join(', ')}`).toEqual([name]);
  return found[0]!;
}

function propertyValues(component: Component, name: string): string[] {
  return (component.properties ?? []).filter((property) => property.name === name).map((property) => property.value);
}

function where(component: Component): string[] {
  return component.evidence!.occurrences.map((occurrence) => `${occurrence.location}:${occurrence.line}`);
}

// A small end-to-end encrypted vault: line numbers matter below.
const VAULT = [
  "import crypto from 'node:crypto';", // 1
  'const RSA_BITS = 1024;', // 2
  '', // 3
  'export function seal(key, iv, data) {', // 4
  "  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);", // 5
  '  return Buffer.concat([cipher.update(data), cipher.final(), cipher.getAuthTag()]);', // 6
  '}', // 7
  '', // 8
  "export const pair = crypto.generateKeyPairSync('rsa', { modulusLength: RSA_BITS });", // 9
  "export const ecdh = crypto.createECDH('prime256v1');", // 10
  "export const id = (data) => crypto.createHash('sha256').update(data).digest('hex');", // 11
];

const LEGACY = [
  "import { createCipheriv, createHash } from 'crypto';", // 1
  '', // 2
  'export function open(algorithm: string, key: Buffer, iv: Buffer, legacy: boolean) {', // 3
  '  createCipheriv(algorithm, key, iv);', // 4
  "  return createCipheriv(legacy ? 'des-cbc' : 'aes-256-gcm', key, iv);", // 5
  '}', // 6
  "export const checksum = (data: string) => createHash('sha256').update(data).digest('hex');", // 7
];

describe('keyguard --format cbom', () => {
  it('is a valid CycloneDX 1.6 document naming keyguard as its tool', async () => {
    write('package.json', ['{ "name": "vault-app", "version": "2.3.4" }']);
    write('src/vault.js', VAULT);
    const { bom } = await cbom();
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.specVersion).toBe('1.6');
    expect(bom.version).toBe(1);
    expect(bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(Number.isNaN(Date.parse(bom.metadata.timestamp))).toBe(false);
    expect(bom.metadata.tools.components).toEqual([expect.objectContaining({ name: 'keyguard', version: plugin.meta.version })]);
    expect(bom.metadata.component).toEqual(expect.objectContaining({ name: 'vault-app', version: '2.3.4' }));
    expect(bom.metadata.properties).toContainEqual({ name: 'keyguard:profile', value: 'recommended' });
  });

  it('lists AES-256-GCM, RSA-1024 with its finding, an ECDH curve and a hash, with their lines', async () => {
    write('src/vault.js', VAULT);
    const { bom, exitCode } = await cbom();
    expect(exitCode).toBe(1); // findings fail the run in every format

    const aes = asset(bom, 'AES-256-GCM');
    expect(aes.cryptoProperties).toEqual({
      assetType: 'algorithm',
      algorithmProperties: {
        primitive: 'ae',
        mode: 'gcm',
        parameterSetIdentifier: '256',
        cryptoFunctions: ['encrypt'],
        classicalSecurityLevel: 256,
      },
    });
    expect(aes.evidence!.occurrences).toEqual([
      { location: 'src/vault.js', line: 5, symbol: 'crypto.createCipheriv', additionalContext: 'encrypt via node:crypto' },
    ]);
    expect(propertyValues(aes, 'keyguard:finding')).toEqual([]);

    const rsa = asset(bom, 'RSA-1024');
    expect(rsa.cryptoProperties!.algorithmProperties).toEqual({
      primitive: 'pke',
      parameterSetIdentifier: '1024',
      cryptoFunctions: ['keygen'],
      classicalSecurityLevel: 80,
    });
    expect(where(rsa)).toEqual(['src/vault.js:9']);
    const findings = propertyValues(rsa, 'keyguard:finding');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^keyguard\/no-weak-key-size src\/vault\.js:9:\d+ RSA modulus of 1024 bits/);

    const ecdh = asset(bom, 'ECDH-P-256');
    expect(ecdh.cryptoProperties!.algorithmProperties).toEqual({
      primitive: 'key-agree',
      curve: 'P-256',
      cryptoFunctions: ['keyderive'],
      classicalSecurityLevel: 128,
    });
    expect(where(ecdh)).toEqual(['src/vault.js:10']);

    const sha = asset(bom, 'SHA-256');
    expect(sha.cryptoProperties!.algorithmProperties).toEqual({
      primitive: 'hash',
      parameterSetIdentifier: '256',
      cryptoFunctions: ['digest'],
      classicalSecurityLevel: 128,
    });
    expect(where(sha)).toEqual(['src/vault.js:11']);
  });

  it('merges uses across files, keeps unresolved names as such, and attaches a ternary finding to its branch only', async () => {
    write('src/vault.js', VAULT);
    write('src/legacy.ts', LEGACY);
    const { bom } = await cbom();

    expect(where(asset(bom, 'SHA-256'))).toEqual(['src/legacy.ts:7', 'src/vault.js:11']);
    expect(where(asset(bom, 'AES-256-GCM'))).toEqual(['src/legacy.ts:5', 'src/vault.js:5']);
    expect(propertyValues(asset(bom, 'AES-256-GCM'), 'keyguard:finding')).toEqual([]);

    const des = asset(bom, 'DES-CBC');
    expect(des.cryptoProperties!.algorithmProperties).toEqual(
      expect.objectContaining({ primitive: 'block-cipher', mode: 'cbc', parameterSetIdentifier: '56' }),
    );
    expect(where(des)).toEqual(['src/legacy.ts:5']);
    expect(propertyValues(des, 'keyguard:finding')).toEqual([expect.stringMatching(/^keyguard\/no-weak-cipher src\/legacy\.ts:5:\d+ /)]);

    const unresolved = asset(bom, 'cipher (unresolved)');
    expect(unresolved.cryptoProperties!.algorithmProperties.primitive).toBe('unknown');
    expect(where(unresolved)).toEqual(['src/legacy.ts:4']);
    expect(propertyValues(unresolved, 'keyguard:unresolved')).toEqual(['the cipher is computed at run time']);
  });

  it('lists the libraries in use and which algorithms each provides', async () => {
    write('src/vault.js', VAULT);
    write('src/token.js', [
      "const CryptoJS = require('crypto-js');", // 1
      "const nacl = require('tweetnacl');", // 2
      "exports.legacy = (m, k) => CryptoJS.AES.encrypt(m, k, { mode: CryptoJS.mode.ECB });", // 3
      'exports.box = (m, n, pk, sk) => nacl.box(m, n, pk, sk);', // 4
    ]);
    const { bom } = await cbom();
    const libraries = bom.components.filter((component) => component.type === 'library');
    expect(libraries.map((library) => library.name)).toEqual(['crypto-js', 'node:crypto', 'tweetnacl']);
    expect(libraries.find((library) => library.name === 'crypto-js')!.purl).toBe('pkg:npm/crypto-js');

    const ecb = asset(bom, 'AES-ECB');
    expect(ecb.cryptoProperties!.algorithmProperties).toEqual(expect.objectContaining({ primitive: 'block-cipher', mode: 'ecb' }));
    expect(propertyValues(ecb, 'keyguard:finding')).toEqual([expect.stringMatching(/^keyguard\/no-ecb-mode src\/token\.js:3:/)]);
    expect(where(asset(bom, 'X25519'))).toEqual(['src/token.js:4']);
    expect(where(asset(bom, 'XSalsa20-Poly1305'))).toEqual(['src/token.js:4']);

    const provides = (id: string) => bom.dependencies.find((dependency) => dependency.ref === `library/${id}`)!.provides;
    const refOf = (name: string) => asset(bom, name)['bom-ref'];
    expect(provides('tweetnacl')).toEqual([refOf('X25519'), refOf('XSalsa20-Poly1305')]);
    expect(provides('crypto-js')).toEqual([refOf('AES-ECB')]);
    expect(provides('node-crypto')).toContain(refOf('RSA-1024'));

    // every reference resolves, and every bom-ref is unique
    const refs = bom.components.map((component) => component['bom-ref']);
    expect(new Set(refs).size).toBe(refs.length);
    for (const dependency of bom.dependencies) {
      for (const ref of [...(dependency.dependsOn ?? []), ...(dependency.provides ?? [])]) expect(refs).toContain(ref);
    }
  });

  it('is deterministic: two runs differ only in serial number and timestamp', async () => {
    write('src/vault.js', VAULT);
    write('src/legacy.ts', LEGACY);
    const first = (await cbom()).bom;
    const second = (await cbom()).bom;
    expect(second.serialNumber).not.toBe(first.serialNumber);
    const strip = (bom: Bom) => ({ ...bom, serialNumber: '', metadata: { ...bom.metadata, timestamp: '' } });
    expect(strip(second)).toEqual(strip(first));
    const names = first.components.filter((c) => c.type === 'cryptographic-asset').map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('records findings silenced in source as suppressed findings, with the justification', async () => {
    write('src/a.js', [
      "const crypto = require('crypto');",
      '// eslint-disable-next-line keyguard/no-weak-cipher -- legacy firmware protocol',
      "crypto.createCipheriv('des-cbc', key, iv);",
    ]);
    const { bom, exitCode } = await cbom();
    expect(exitCode).toBe(0);
    const des = asset(bom, 'DES-CBC');
    expect(propertyValues(des, 'keyguard:finding')).toEqual([]);
    expect(propertyValues(des, 'keyguard:suppressed-finding')).toEqual([
      expect.stringMatching(/^keyguard\/no-weak-cipher src\/a\.js:3:\d+ .*\(suppressed: legacy firmware protocol\)$/),
    ]);
  });

  it('is a valid empty inventory for code without crypto, and writes to --output', async () => {
    write('src/plain.js', ['export const add = (a, b) => a + b;']);
    const { bom, exitCode, stdout } = await cbom(['--strict', '-o', 'cbom.json']);
    expect(exitCode).toBe(0);
    expect(stdout).toBe('');
    expect(bom.components).toEqual([]);
    expect(bom.metadata.properties).toContainEqual({ name: 'keyguard:profile', value: 'strict' });
  });

  it('is checked by a validator that rejects what CycloneDX 1.6 does not allow', async () => {
    write('src/vault.js', VAULT);
    const { bom } = await cbom();
    const aes = asset(bom, 'AES-256-GCM');
    const broken = {
      ...bom,
      components: [{ ...aes, cryptoProperties: { assetType: 'algorithm', algorithmProperties: { primitive: 'magic' } } }],
    };
    expect(validate(broken)).toBe(false);
    expect(validate({ ...bom, serialNumber: 'not-a-urn' })).toBe(false);
  });

  it('keeps its collecting rule private', async () => {
    write('src/vault.js', VAULT);
    const { stdout } = await cbom();
    expect(stdout).not.toContain('keyguard-inventory');
    expect(Object.keys(plugin.rules).some((name) => /inventory|collect|cbom/.test(name))).toBe(false);
  });
});

describe('inventory naming', () => {
  it.each([
    ['aes-256-gcm', 'AES-256-GCM', 'ae', 'gcm', '256'],
    ['AES-128-CBC', 'AES-128-CBC', 'block-cipher', 'cbc', '128'],
    ['aes256', 'AES-256', 'block-cipher', undefined, '256'],
    ['des-ede3-cbc', '3DES-CBC', 'block-cipher', 'cbc', '168'],
    ['des-ede-cbc', '3DES-CBC', 'block-cipher', 'cbc', '112'],
    ['rc4', 'RC4', 'stream-cipher', undefined, undefined],
    ['chacha20-poly1305', 'ChaCha20-Poly1305', 'ae', undefined, '256'],
    ['bf-cbc', 'Blowfish-CBC', 'block-cipher', 'cbc', undefined],
    ['aes-256-ctr', 'AES-256-CTR', 'block-cipher', 'ctr', '256'],
    ['id-aes256-wrap', 'AES-256-WRAP', 'block-cipher', 'other', '256'],
  ])('cipher %s is %s', (raw, name, primitive, mode, size) => {
    const description = cipherDescription(raw);
    expect(description?.name).toBe(name);
    expect(description?.primitive).toBe(primitive);
    expect(description?.mode).toBe(mode);
    expect(description?.parameterSetIdentifier).toBe(size);
  });

  it('takes a separately given mode (crypto-js, forge legacy helpers)', () => {
    expect(cipherDescription('aes', 'ECB')).toEqual(expect.objectContaining({ name: 'AES-ECB', mode: 'ecb' }));
    expect(cipherDescription('des', 'CBC')).toEqual(expect.objectContaining({ name: 'DES-CBC', mode: 'cbc' }));
  });

  it('is undefined for names that are not ciphers', () => {
    expect(cipherDescription('sha256')).toBeUndefined();
  });

  it.each([
    ['sha256', 'SHA-256'],
    ['SHA-1', 'SHA-1'],
    ['RSA-SHA512', 'SHA-512'],
    ['sha512-256', 'SHA-512/256'],
    ['sha3-384', 'SHA3-384'],
    ['shake256', 'SHAKE256'],
    ['blake2b512', 'BLAKE2b-512'],
    ['md5', 'MD5'],
    ['ripemd160', 'RIPEMD-160'],
  ])('digest %s is %s', (raw, name) => {
    expect(digestName(raw)?.name).toBe(name);
  });

  it.each([
    ['prime256v1', 'P-256'],
    ['secp256r1', 'P-256'],
    ['P-384', 'P-384'],
    ['secp256k1', 'secp256k1'],
    ['brainpoolP256r1', 'brainpoolP256r1'],
    ['x25519', 'Curve25519'],
  ])('curve %s is %s', (raw, name) => {
    expect(canonicalCurve(raw)).toBe(name);
  });
});
