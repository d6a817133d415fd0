import { CRYPTO_JS } from './crypto-js.js';
import { NODE_CRYPTO } from './node-crypto.js';
import { NODE_FORGE } from './node-forge.js';
import { NODE_RSA } from './node-rsa.js';
import { JOSE } from './jose.js';
import { JSONWEBTOKEN } from './jsonwebtoken.js';
import { LIBSODIUM } from './libsodium.js';
import { OPENPGP } from './openpgp.js';
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
];
