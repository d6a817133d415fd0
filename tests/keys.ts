import { generateKeyPairSync, randomBytes } from 'node:crypto';

/**
 * Key material for tests, generated per run so no real key is ever committed
 * and so tests cannot depend on one particular key.
 */
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const x25519 = generateKeyPairSync('x25519');

export const RSA_PUBLIC_PEM = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
export const RSA_PKCS1_PUBLIC_PEM = rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
export const RSA_PRIVATE_PEM = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
export const RSA_PKCS1_PRIVATE_PEM = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
export const RSA_SPKI_BASE64 = rsa.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
export const EC_PRIVATE_PEM = ec.privateKey.export({ type: 'sec1', format: 'pem' }).toString();
export const EC_PUBLIC_JWK = ec.publicKey.export({ format: 'jwk' });
export const EC_PRIVATE_JWK = ec.privateKey.export({ format: 'jwk' });
/** the uncompressed P-256 point, hex */
export const EC_POINT_HEX = Buffer.concat([Buffer.from([4]), Buffer.from(EC_PUBLIC_JWK.x!, 'base64url'), Buffer.from(EC_PUBLIC_JWK.y!, 'base64url')]).toString('hex');
export const X25519_PUBLIC_HEX = Buffer.from(x25519.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
export const X25519_PUBLIC_BASE64 = Buffer.from(X25519_PUBLIC_HEX, 'hex').toString('base64');
export const SECRET_HEX_32 = randomBytes(32).toString('hex');
export const SECRET_HEX_16 = randomBytes(16).toString('hex');
export const SECRET_BASE64_32 = randomBytes(32).toString('base64');
export const OCT_JWK = { kty: 'oct', k: randomBytes(32).toString('base64url'), alg: 'HS256' };
/** a syntactically plausible OpenSSH private key block (random body: never a usable key) */
export const OPENSSH_PRIVATE = `-----BEGIN OPENSSH PRIVATE KEY-----\n${randomBytes(180).toString('base64').replace(/(.{70})/g, '$1\n')}\n-----END OPENSSH PRIVATE KEY-----\n`;
/** a syntactically plausible armored OpenPGP public key block (random body) */
export const PGP_PUBLIC = `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n${randomBytes(300).toString('base64').replace(/(.{64})/g, '$1\n')}\n=AbCd\n-----END PGP PUBLIC KEY BLOCK-----\n`;

export const js = JSON.stringify;
