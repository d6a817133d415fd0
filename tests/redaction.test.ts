import { Linter } from 'eslint';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main.js';
import plugin from '../src/index.js';
import {
  EC_PRIVATE_JWK,
  EC_PRIVATE_PEM,
  OCT_JWK,
  OPENSSH_PRIVATE,
  RSA_PKCS1_PRIVATE_PEM,
  RSA_PRIVATE_PEM,
  RSA_PUBLIC_PEM,
  SECRET_BASE64_32,
  SECRET_HEX_16,
  SECRET_HEX_32,
  X25519_PUBLIC_HEX,
  js,
} from './keys.js';

/**
 * No message and no output format (stylish, JSON, SARIF, compact, CBOM) may carry a recognised key: not the
 * literal, not a fragment of it, not its bytes in another encoding, and not a hash of a secret.
 * Public keys are named by their SHA-256 fingerprint, which is allowed.
 */
const TEXT_SECRETS = ['webhook-signing-secret-7f3a9c', 'dev-fallback-secret', 'shhh-low-entropy'];

const source = [
  "import crypto from 'node:crypto';",
  "import jwt from 'jsonwebtoken';",
  "import CryptoJS from 'crypto-js';",
  `const PRIVATE = ${js(RSA_PRIVATE_PEM)};`,
  `const PKCS1 = \`${RSA_PKCS1_PRIVATE_PEM}\`;`,
  `const EC_KEY = crypto.createPrivateKey(${js(EC_PRIVATE_PEM)});`,
  `export const deployKey = ${js(OPENSSH_PRIVATE)};`,
  `export const jwk = ${js(EC_PRIVATE_JWK)};`,
  `await crypto.subtle.importKey('jwk', ${js(OCT_JWK)}, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);`,
  `crypto.createCipheriv('aes-256-gcm', Buffer.from(${js(SECRET_HEX_32)}, 'hex'), iv);`,
  `crypto.createSecretKey(Buffer.from(${js(SECRET_BASE64_32)}, 'base64'));`,
  `CryptoJS.AES.encrypt(message, CryptoJS.enc.Hex.parse(${js(SECRET_HEX_16)}), { iv });`,
  `crypto.createHmac('sha256', ${js(TEXT_SECRETS[0])});`,
  `jwt.sign(claims, process.env.JWT_SECRET || ${js(TEXT_SECRETS[1])});`,
  `jwt.verify(token, ${js(TEXT_SECRETS[2])});`,
  `const ESCROW = ${js(RSA_PUBLIC_PEM)};`,
  'export const leaf = (sessionKey) => crypto.publicEncrypt(ESCROW, sessionKey);',
  `export const card = (n) => crypto.publicEncrypt(Buffer.from(${js(X25519_PUBLIC_HEX)}, 'hex'), Buffer.from(n));`,
  `export const agree = (privateKey) => crypto.diffieHellman({ privateKey, publicKey: crypto.createPublicKey(${js(RSA_PUBLIC_PEM)}) });`,
].join('\n');

function pemBody(pem: string): string[] {
  return pem.split('\n').filter((line) => line && !line.startsWith('-----'));
}

/** Every fragment whose presence in an output would leak material. */
function forbidden(): string[] {
  const out = new Set<string>();
  const add = (text: string) => {
    if (text.length >= 12) out.add(text);
  };
  for (const pem of [RSA_PRIVATE_PEM, RSA_PKCS1_PRIVATE_PEM, EC_PRIVATE_PEM, OPENSSH_PRIVATE]) {
    for (const line of pemBody(pem)) add(line.slice(0, 24));
  }
  for (const jwk of [EC_PRIVATE_JWK, OCT_JWK] as Record<string, unknown>[]) {
    for (const field of ['d', 'k']) if (typeof jwk[field] === 'string') add((jwk[field] as string).slice(0, 16));
  }
  for (const secret of [Buffer.from(SECRET_HEX_32, 'hex'), Buffer.from(SECRET_BASE64_32, 'base64'), Buffer.from(SECRET_HEX_16, 'hex'), ...TEXT_SECRETS.map((t) => Buffer.from(t))]) {
    add(secret.toString('hex').slice(0, 16));
    add(secret.toString('base64').slice(0, 16));
    add(secret.toString('base64url').slice(0, 16));
    const sha = createHash('sha256').update(secret).digest('hex');
    add(sha.slice(0, 12));
    add(createHash('sha256').update(secret).digest('base64').slice(0, 12));
  }
  for (const text of TEXT_SECRETS) {
    for (let i = 0; i + 8 <= text.length; i++) out.add(text.slice(i, i + 8));
  }
  return [...out];
}

function expectRedacted(output: string, label: string): void {
  for (const fragment of forbidden()) {
    expect(output.includes(fragment), `${label} contains key material (${fragment.length} characters)`).toBe(false);
  }
}

const settings = { keyguard: { profile: 'strict', reportDisclosed: true } };

describe('redaction of key material', () => {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(source, [...plugin.configs.strict, { settings }], { filename: 'app.js' });

  it('the corpus produces hardcoded-key and escrow findings (so this test can fail)', () => {
    const rules = new Set(messages.map((message) => message.ruleId));
    expect(rules).toContain('keyguard/no-hardcoded-key');
    expect(rules).toContain('keyguard/no-escrow-recipient');
    expect(messages.filter((message) => message.ruleId === 'keyguard/no-hardcoded-key').length).toBeGreaterThanOrEqual(10);
  });

  it('the forbidden list would catch a leak', () => {
    expect(() => expectRedacted(`x ${SECRET_HEX_32} y`, 'probe')).toThrow();
    expect(() => expectRedacted(`x ${TEXT_SECRETS[2]} y`, 'probe')).toThrow();
    expect(() => expectRedacted(`x ${pemBody(RSA_PRIVATE_PEM)[3]} y`, 'probe')).toThrow();
    expect(() => expectRedacted(`x ${createHash('sha256').update(TEXT_SECRETS[0]!).digest('hex')} y`, 'probe')).toThrow();
  });

  it('no rule message carries material', () => {
    expectRedacted(messages.map((message) => message.message).join('\n'), 'messages');
  });

  for (const format of ['stylish', 'json', 'sarif', 'compact', 'cbom']) {
    it(`the CLI's ${format} output carries no material`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'keyguard-redaction-'));
      try {
        writeFileSync(join(dir, 'app.js'), source);
        writeFileSync(join(dir, '.keyguardrc.json'), JSON.stringify({ profile: 'strict' }));
        let output = '';
        const io = { stdout: (text: string) => void (output += text), stderr: (text: string) => void (output += text), isTTY: false };
        const { exitCode } = await run(['--strict', '--format', format, dir], dir, io);
        expect(exitCode, output.slice(0, 200)).toBe(1);
        expect(output.length).toBeGreaterThan(0);
        expectRedacted(output, `${format} output`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
