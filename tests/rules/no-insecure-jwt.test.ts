import rule from '../../rules/no-insecure-jwt.js';
import { createRuleTester, STRICT } from '../rule-tester.js';

const ruleTester = createRuleTester();
const strictTester = createRuleTester(STRICT);

ruleTester.run('no-insecure-jwt', rule, {
  valid: [
    { name: 'verify with an ES256 allow-list', code: "import jwt from 'jsonwebtoken'; jwt.verify(token, publicKey, { algorithms: ['ES256'] });" },
    { name: 'sign with RS256', code: "const jwt = require('jsonwebtoken'); jwt.sign(payload, privateKey, { algorithm: 'RS256', expiresIn: '1h' });" },
    { name: 'verify without options under recommended', code: "import jwt from 'jsonwebtoken'; jwt.verify(token, secret);" },
    { name: 'HMAC-only allow-list', code: "import jwt from 'jsonwebtoken'; jwt.verify(token, secret, { algorithms: ['HS256', 'HS512'] });" },
    { name: 'allowInsecureKeySizes false', code: "import jwt from 'jsonwebtoken'; jwt.sign(p, k, { algorithm: 'RS256', allowInsecureKeySizes: false });" },
    { name: 'ignoreExpiration under recommended', code: "import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: ['RS256'], ignoreExpiration: true });" },
    { name: 'decode under recommended', code: "import jwt from 'jsonwebtoken'; const claims = jwt.decode(token); if (claims.role === 'admin') grant();" },
    { name: 'jose jwtVerify with algorithms', code: "import { jwtVerify } from 'jose'; await jwtVerify(token, key, { algorithms: ['EdDSA'], issuer: 'me' });" },
    { name: 'jose SignJWT with ES256', code: "import { SignJWT } from 'jose'; await new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).setIssuedAt().sign(key);" },
    { name: 'a string that says none elsewhere', code: "import jwt from 'jsonwebtoken'; jwt.sign({ scope: 'none' }, key, { algorithm: 'HS256' });" },
    { name: 'a local verify', code: "function verify(t, k, o) {} verify(token, null, { algorithms: ['none'] });" },
    { name: 'an unknown allow-list', code: "import jwt from 'jsonwebtoken'; jwt.verify(token, key, { algorithms: config.algs });" },
  ],
  invalid: [
    {
      name: 'sign with algorithm none',
      code: "import jwt from 'jsonwebtoken';\njwt.sign(payload, null, { algorithm: 'none' });",
      errors: [{ messageId: 'signsNone', line: 2, column: 38, data: { value: "'none'" } }],
    },
    {
      name: 'sign with header.alg none overriding the algorithm',
      code: "const jwt = require('jsonwebtoken'); jwt.sign(payload, key, { algorithm: 'HS256', header: { alg: 'none' } });",
      errors: [{ messageId: 'signsNone' }],
    },
    {
      name: 'verify accepting none (named import)',
      code: "import { verify } from 'jsonwebtoken'; verify(token, key, { algorithms: ['RS256', 'none'] });",
      errors: [{ messageId: 'acceptsNone' }],
    },
    {
      name: 'verify accepting None via a const array in a variable',
      code: "import jwt from 'jsonwebtoken';\nconst ALGS = ['None'];\nconst opts = { algorithms: ALGS };\njwt.verify(token, key, opts);",
      errors: [{ messageId: 'acceptsNone', line: 4, data: { value: "'None' (line 2)" } }],
    },
    {
      name: 'none behind a flag',
      code: "import jwt from 'jsonwebtoken'; jwt.verify(token, key, { algorithms: debug ? ['none'] : ['ES256'] });",
      errors: [{ messageId: 'acceptsNone' }],
    },
    {
      name: 'none pushed into an allow-list',
      code: "import jwt from 'jsonwebtoken'; const algorithms = ['RS256']; algorithms.push('none'); jwt.verify(t, k, { algorithms });",
      errors: [{ messageId: 'acceptsNone' }],
    },
    {
      name: 'none from an enum through a helper parameter',
      code: "import jwt from 'jsonwebtoken'; enum Alg { None = 'none', Rs = 'RS256' } function issue(p, alg) { return jwt.sign(p, k, { algorithm: alg }); } issue({}, Alg.None);",
      errors: [{ messageId: 'signsNone' }],
    },
    {
      name: 'dynamic import of jsonwebtoken',
      code: "const { default: jwt } = await import('jsonwebtoken'); jwt.verify(t, k, { algorithms: ['none'] });",
      errors: [{ messageId: 'acceptsNone' }],
    },
    {
      name: 'mixed HMAC and RSA allow-list',
      code: "import jwt from 'jsonwebtoken'; jwt.verify(token, publicKey, { algorithms: ['RS256', 'HS256'] });",
      errors: [{ messageId: 'mixedAlgorithms', data: { hmac: 'HS256', asymmetric: 'RS256' } }],
    },
    {
      name: 'jose UnsecuredJWT encode and decode',
      code: "import { UnsecuredJWT } from 'jose';\nconst token = new UnsecuredJWT({ sub: 'x' }).encode();\nconst { payload } = UnsecuredJWT.decode(token);",
      errors: [
        { messageId: 'signsNone', line: 2 },
        { messageId: 'acceptsNone', line: 3 },
      ],
    },
    {
      name: 'mutation: the UnsecuredJWT class passed through a local identity helper, an array and an object literal',
      code: "import { UnsecuredJWT } from 'jose';\nexport const a = (claims) => new (wrap(UnsecuredJWT))(claims).setIssuedAt().encode();\nexport const b = (claims) => new [UnsecuredJWT][0](claims).encode();\nexport const c = (claims) => new ({ value: UnsecuredJWT }).value(claims).encode();\nfunction wrap(value) { return value; }",
      errors: [
        { messageId: 'signsNone', line: 2 },
        { messageId: 'signsNone', line: 3 },
        { messageId: 'signsNone', line: 4 },
      ],
    },
    {
      name: 'jose namespace SignJWT with alg none after a chained setter',
      code: "import * as jose from 'jose'; await new jose.SignJWT(claims).setIssuedAt().setProtectedHeader({ alg: 'none' }).sign(key);",
      errors: [{ messageId: 'signsNone' }],
    },
    {
      name: 'jose jwtVerify accepting none',
      code: "import { jwtVerify } from 'jose'; await jwtVerify(token, key, { algorithms: ['none'] });",
      errors: [{ messageId: 'acceptsNone' }],
    },
    {
      name: 'allowInsecureKeySizes',
      code: "import jwt from 'jsonwebtoken'; jwt.sign(payload, key, { algorithm: 'RS256', allowInsecureKeySizes: true });",
      errors: [{ messageId: 'insecureKeySizes', data: { api: 'jwt.sign' } }],
    },
    {
      name: 'allowInvalidAsymmetricKeyTypes through a spread of defaults',
      code: "import jwt from 'jsonwebtoken'; const LAX = { allowInvalidAsymmetricKeyTypes: true }; jwt.verify(t, k, { ...LAX, algorithms: ['RS256'] });",
      errors: [{ messageId: 'keyTypeMismatch' }],
    },
  ],
});

strictTester.run('no-insecure-jwt (strict)', rule, {
  valid: [
    { name: 'strict: verify with algorithms', code: "import jwt from 'jsonwebtoken'; jwt.verify(token, key, { algorithms: ['ES256'] });" },
    { name: 'strict: decode to pick a key, then verify in the same function', code: "import jwt from 'jsonwebtoken'; function check(token) { const { header } = jwt.decode(token, { complete: true }); if (header.kid) {} return jwt.verify(token, keys[header.kid], { algorithms: ['RS256'] }); }" },
    { name: 'strict: decode for logging only', code: "import jwt from 'jsonwebtoken'; const decoded = jwt.decode(token); logger.debug(decoded);" },
    { name: 'strict: a custom claim is not authorization without the option', code: "import jwt from 'jsonwebtoken'; function plan(token) { const tier = jwt.decode(token).tier; return tier; }" },
    { name: 'strict: ignoreExpiration false', code: "import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: ['RS256'], ignoreExpiration: false });" },
  ],
  invalid: [
    {
      name: 'strict: verify without options',
      code: "import jwt from 'jsonwebtoken'; jwt.verify(token, secret);",
      errors: [{ messageId: 'noAllowList', data: { api: 'jwt.verify' } }],
    },
    {
      name: 'strict: verify with a callback and no options',
      code: "import jwt from 'jsonwebtoken'; jwt.verify(token, secret, (err, decoded) => {});",
      errors: [{ messageId: 'noAllowList' }],
    },
    {
      name: 'strict: verify with options lacking algorithms',
      code: "import jwt from 'jsonwebtoken'; jwt.verify(token, secret, { audience: 'api' });",
      errors: [{ messageId: 'noAllowList' }],
    },
    {
      name: 'strict: jose jwtVerify without options',
      code: "import { jwtVerify } from 'jose'; await jwtVerify(token, JWKS);",
      errors: [{ messageId: 'noAllowList', data: { api: 'jose.jwtVerify' } }],
    },
    {
      name: 'strict: ignoreExpiration',
      code: "import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: ['RS256'], ignoreExpiration: true });",
      errors: [{ messageId: 'ignoreExpiration' }],
    },
    {
      name: 'strict: decode used for a role check',
      code: "import jwt from 'jsonwebtoken'; function isAdmin(token) { const claims = jwt.decode(token); return claims.role === 'admin'; }",
      errors: [{ messageId: 'decodeWithoutVerify', data: { api: 'jwt.decode' } }],
    },
    {
      name: 'strict: decode stored as the request user',
      code: "import jwt from 'jsonwebtoken'; app.use((req, res, next) => { req.user = jwt.decode(req.headers.authorization); next(); });",
      errors: [{ messageId: 'decodeWithoutVerify' }],
    },
    {
      name: 'strict: authorizationClaims adds a claim name',
      code: "import jwt from 'jsonwebtoken'; function plan(token) { const tier = jwt.decode(token).tier; return tier; }",
      options: [{ authorizationClaims: ['Tier'] }],
      errors: [{ messageId: 'decodeWithoutVerify' }],
    },
    {
      name: 'strict: jose decodeJwt destructured into roles',
      code: "import { decodeJwt } from 'jose'; export function roles(token) { const { roles } = decodeJwt(token); return roles; }",
      errors: [{ messageId: 'decodeWithoutVerify', data: { api: 'jose.decodeJwt' } }],
    },
  ],
});
