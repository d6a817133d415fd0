import { ARGON2 } from './argon2.js';
import { BCRYPT } from './bcrypt.js';
import { CRYPTO_JS } from './crypto-js.js';
import { MONGODB, MYSQL, NODEMAILER, ORMS, PG, REDIS } from './databases.js';
import { ELECTRON } from './electron.js';
import { ELLIPTIC } from './elliptic.js';
import { AXIOS, GOT, NODE_FETCH, REQUEST, SUPERAGENT, UNDICI, WS } from './http-clients.js';
import { NODE_CRYPTO } from './node-crypto.js';
import { NODE_FORGE } from './node-forge.js';
import { NODE_RSA } from './node-rsa.js';
import { JOSE } from './jose.js';
import { JSONWEBTOKEN } from './jsonwebtoken.js';
import { LIBSODIUM } from './libsodium.js';
import { NOBLE } from './noble.js';
import { OPENPGP } from './openpgp.js';
import { SEEDED_GENERATORS, SEEDRANDOM } from './seedrandom.js';
import { WALLET_LIBRARIES } from './sources.js';
import { NODE_HTTP2, NODE_HTTPS, NODE_PROCESS_ENV, NODE_TLS } from './tls.js';
import { TWEETNACL } from './tweetnacl.js';
import type { LibraryModel } from './types.js';
import { WEBCRYPTO } from './webcrypto.js';

export * from './types.js';

/** Every catalogued library. Add a library by adding its table here. */
export const LIBRARIES: readonly LibraryModel[] = [
  NODE_CRYPTO,
  WEBCRYPTO,
  CRYPTO_JS,
  NODE_FORGE,
  NODE_RSA,
  TWEETNACL,
  LIBSODIUM,
  JSONWEBTOKEN,
  JOSE,
  OPENPGP,
  // key derivation and randomness (issue 3)
  BCRYPT,
  ARGON2,
  SEEDRANDOM,
  SEEDED_GENERATORS,
  // hardcoded keys and escrow recipients (issue 5)
  NOBLE,
  ELLIPTIC,
  // TLS and trust (issue 4)
  NODE_TLS,
  NODE_HTTPS,
  NODE_HTTP2,
  NODE_PROCESS_ENV,
  AXIOS,
  GOT,
  NODE_FETCH,
  UNDICI,
  REQUEST,
  SUPERAGENT,
  WS,
  PG,
  MYSQL,
  MONGODB,
  REDIS,
  NODEMAILER,
  ORMS,
  ELECTRON,
  // wallets: key-material sources for data flow (issue 6)
  ...WALLET_LIBRARIES,
];
