/**
 * The shape of the API catalogue. Every crypto-relevant library is described
 * as data: which modules and globals it exposes, which members they have, and
 * which semantic *role* each argument (or option property) of each call plays.
 *
 * Rules never look at call shapes. They ask the engine for every binding of a
 * role ("every value that reaches a cipher algorithm"), whatever library it
 * came from. Adding a library is adding a table; no engine code changes.
 */

/** Semantic roles an argument, option property or property write can play. */
export type Role =
  /** a full cipher name: `aes-256-gcm`, `des-ede3-cbc`, `DES-CBC`, `rc4` */
  | 'cipher'
  /** a block-cipher mode on its own: `ECB`, `CBC` (crypto-js `mode`, forge legacy APIs) */
  | 'cipherMode'
  /** a Web Crypto algorithm name (`RSA-OAEP`, `AES-GCM`, `HMAC`, `ECDH`) */
  | 'algorithm'
  /** the family of key being generated: `rsa`, `rsa-pss`, `dsa`, `dh`, `ec`, `hmac`, `aes` */
  | 'keyType'
  /** secret or private key material */
  | 'key'
  /** a password or passphrase from which a key is derived */
  | 'password'
  /** an initialisation vector or nonce */
  | 'iv'
  | 'salt'
  | 'iterations'
  /** a hash algorithm name (`sha256`, `SHA-1`) */
  | 'digest'
  /** RSA / DSA modulus size in bits */
  | 'modulusBits'
  /** finite-field DH prime size in bits */
  | 'primeBits'
  /** a named finite-field DH group: `modp2`, `modp14` */
  | 'dhGroup'
  /** an elliptic-curve name: `prime256v1`, `P-256`, `secp192k1` */
  | 'curve'
  /** a symmetric (or derived) key length, normalised to bits */
  | 'symmetricKeyBits'
  /** AEAD tag length, normalised to bits */
  | 'tagLengthBits'
  /** RSA padding: a `crypto.constants.RSA_*` number or a scheme name */
  | 'padding'
  /** the public key data is encrypted to, or agreed with */
  | 'recipientKey'
  /** the data being encrypted */
  | 'plaintext'
  /** TLS / HTTPS options object */
  | 'tlsOptions'
  /** JWT algorithm(s) */
  | 'jwtAlgorithms'
  /** scrypt / argon2 / bcrypt cost parameters */
  | 'cost'
  | 'blockSize'
  | 'parallelism'
  | 'memoryKiB'
  // --- hardcoded keys and escrow recipients (issue 5) ---
  /** public key material being imported or used to verify (`createPublicKey(pem)`, `jwt.verify` is `key`: it may be a secret) */
  | 'publicKey'
  /** key material of any kind being loaded, its kind told by its encoding (`new NodeRSA(pem)`, `openpgp.readKey({ armoredKey })`) */
  | 'keyData'
  /** the encoding of imported or exported key material: `raw`, `spki`, `pkcs8`, `jwk`, `pem`, `der` */
  | 'keyFormat'
  // --- weakened configuration (issue 3: hashes, padding, tags, JWT) ---
  /** the data a hash, MAC or signature is computed over (`hash.update(x)`, `CryptoJS.MD5(x)`) */
  | 'message'
  /** a flag that, when true, accepts ciphertext without an integrity check (openpgp `allowUnauthenticatedMessages`) */
  | 'allowUnauthenticated'
  /** a flag that, when true, accepts keys below the library's minimum size (jsonwebtoken `allowInsecureKeySizes`) */
  | 'allowInsecureKeySizes'
  /** a flag that, when true, accepts a key whose type does not match the algorithm (jsonwebtoken `allowInvalidAsymmetricKeyTypes`) */
  | 'allowKeyTypeMismatch'
  /** a flag that, when true, accepts expired tokens (jsonwebtoken `ignoreExpiration`) */
  | 'ignoreExpiration'
  /** an AEAD tag handed in to be checked (`decipher.setAuthTag(tag)`) */
  | 'authTag'
  // --- weakened configuration (issue 3: IVs, key derivation, randomness) ---
  /** the key-derivation function a call applies: `pbkdf2`, `scrypt`, `argon2`, `bcrypt`, `evp-bytestokey`, `sodium-pwhash` */
  | 'kdf'
  /** the seed of a deterministic generator (`seedrandom('x')`, `new MersenneTwister(42)`) */
  | 'seed'
  // --- TLS and trust (issue 4) ---
  /** a flag that keeps certificate verification on unless it is `false` (`rejectUnauthorized`, `strictSSL`, `sslValidate`) */
  | 'tlsVerify'
  /** a flag that turns certificate verification off when `true` (`tlsInsecure`, `tlsAllowInvalidCertificates`, `insecure`) */
  | 'tlsSkipVerify'
  /** a `checkServerIdentity(host, cert)` function: it must return (or throw) an Error to reject */
  | 'tlsServerIdentityCheck'
  /** a TLS protocol version name: `TLSv1.2`, `TLSv1`, `SSLv3` (`minVersion`, `maxVersion`, `tls.DEFAULT_MIN_VERSION`) */
  | 'tlsVersion'
  /** an OpenSSL method name fixing the protocol: `TLSv1_method`, `SSLv3_method`, `TLS_method` */
  | 'tlsSecureProtocol'
  /** an OpenSSL cipher-list string: `HIGH:!aNULL`, `RC4-SHA`, `DEFAULT@SECLEVEL=0` */
  | 'tlsCiphers'
  /** the trust anchors of one connection or agent (`ca`): they *replace* the system roots */
  | 'tlsCa'
  /** the process-wide trust anchors (`tls.setDefaultCACertificates`, `https.globalAgent.options.ca`) */
  | 'tlsDefaultCa'
  /** a certificate *added* to an existing trust store (`secureContext.context.addCACert`) */
  | 'tlsAddedCa'
  /** a database / service URL or DSN that may carry TLS settings (`sslmode=no-verify`, `tlsInsecure=true`) */
  | 'connectionString'
  /** an environment object handed to a process (`process.env = {...}`, `spawn(cmd, args, { env })`) */
  | 'environment'
  /** the value of `NODE_TLS_REJECT_UNAUTHORIZED` in an environment (`'0'` turns verification off) */
  | 'envTlsRejectUnauthorized'
  /** the value of `NODE_EXTRA_CA_CERTS` in an environment (extra trust anchors for child processes) */
  | 'envExtraCaCerts'
  /** the name of an event a listener is registered for (`app.on('certificate-error', ...)`) */
  | 'eventName'
  /** a listener function registered for an event */
  | 'eventListener'
  /** a certificate verification callback (Electron `session.setCertificateVerifyProc(proc)`) */
  | 'certificateVerifier'
  /** a Chromium command-line switch (Electron `app.commandLine.appendSwitch(name)`) */
  | 'commandLineSwitch';

/** What a call does, as far as rules care. */
export type Operation =
  | 'encrypt'
  | 'decrypt'
  | 'sign'
  | 'verify'
  | 'hash'
  | 'mac'
  | 'generate'
  | 'derive'
  | 'agree'
  | 'import'
  | 'export'
  | 'wrap'
  | 'unwrap'
  | 'random'
  | 'configure'
  /** reads a token or message without verifying it (`jwt.decode`, jose `decodeJwt`) */
  | 'decode';

/**
 * How one argument (or one option property) maps to roles.
 * - a bare role: the value itself plays that role;
 * - an object: `role` applies to scalar values (strings, numbers), `options`
 *   describes the properties of object values (nested specs allowed), and
 *   `scale` converts numeric units to the role's unit (bytes to bits: 8,
 *   crypto-js 32-bit words to bits: 32).
 */
export type ArgSpec = Role | ArgSpecObject | null;

export interface ArgSpecObject {
  role?: Role;
  scale?: number;
  options?: Readonly<Record<string, ArgSpec>>;
  /**
   * The library's default when the argument or option is absent (or
   * `undefined`): bound to `role` as a literal marked `implied: 'default'`,
   * reported on the call's callee. Node-forge `encrypt(data)` defaults to
   * `RSAES-PKCS1-V1_5`. `null` binds "absent" itself (jsonwebtoken `verify`
   * without `algorithms`).
   */
  default?: string | number | boolean | null;
}

/** A callable member: a function, method or constructor. */
export interface FunctionSpec {
  kind: 'function';
  /** positional arguments */
  args?: readonly ArgSpec[];
  /**
   * Roles the API itself implies, whatever the arguments: `CryptoJS.DES.encrypt`
   * implies the cipher `des`. Reported on the callee.
   */
  fixed?: Readonly<Partial<Record<Role, string | number | boolean>>>;
  /** the operation; `inherit` takes the operation of the receiver's creating call */
  operation?: Operation | 'inherit';
  /** type name of the returned value (awaited, when the function is async) */
  returns?: string;
  /** what the returned value is, when it is not an object of a catalogued type */
  result?: ResultKind;
  /** calling this checks an AEAD tag and throws when it does not match (`decipher.final()`) */
  authenticates?: true;
  /**
   * The call decodes its first argument from this encoding into bytes (crypto-js
   * `enc.Hex.parse('...')`): the result is a `bytes` value made from it, like `Buffer.from(s, enc)`.
   */
  decodes?: 'hex' | 'base64' | 'base64url' | 'utf8' | 'latin1';
  /**
   * Data flow (issue 6): a human name for a `key-material` result, for messages
   * (`private key`, `shared secret`, `derived key`). Defaults from the operation.
   */
  resultLabel?: string;
  /**
   * Data flow (issue 6), async node APIs: what each parameter of the callback
   * (the last function argument) holds. `generateKeyPair(type, opts, (err,
   * publicKey, privateKey) => ...)` is `[null, 'public-key', 'key-material']`.
   */
  callbackResults?: readonly (ResultKind | null)[];
  /**
   * Weakened configuration (issue 3): the value a role takes when no argument
   * or option of the call binds it, whatever alias would have (Node's scrypt
   * `N`/`cost` default to 16384). Not bound as facts: rules that judge
   * parameters read them (`roleValues` in rules/no-weak-kdf.ts).
   */
  defaults?: Readonly<Partial<Record<Role, string | number>>>;
  /**
   * Weakened configuration (issue 3): a string in the `key` role is a passphrase,
   * from which the library derives key and IV with OpenSSL's EVP_BytesToKey
   * (one MD5 round): crypto-js ciphers.
   */
  stringKeyIsPassphrase?: boolean;
}

/**
 * Kinds of returned values: `random` bytes from a CSPRNG, `key-material`
 * (private or secret keys, derived keys, shared secrets), `public-key`,
 * `ciphertext`, `digest`, `auth-tag` (an AEAD tag: `cipher.getAuthTag()`).
 */
export type ResultKind =
  | 'random'
  | 'key-material'
  | 'public-key'
  | 'ciphertext'
  | 'digest'
  | 'auth-tag'
  /** decrypted data, unauthenticated until the AEAD tag is checked (issue 3: `decipher.update()`) */
  | 'plaintext'
  /** output of a deterministic generator (issue 3): predictable when the seed of the call that created it is */
  | 'pseudo-random';

/** A member that is itself an object of a catalogued type. */
export interface TypeRefSpec {
  kind: 'type';
  type: string;
}

/** A named constant: `crypto.constants.RSA_PKCS1_PADDING`, `CryptoJS.mode.ECB`. */
export interface ConstSpec {
  kind: 'const';
  value: string | number;
}

/** A writable property whose assigned value plays a role: `tls.DEFAULT_MIN_VERSION = ...`. */
export interface PropertySpec {
  kind: 'property';
  role: Role;
  operation?: Operation;
  /** how the properties of an assigned object map to roles (`pg.defaults.ssl = { rejectUnauthorized }`) */
  value?: ArgSpec;
}

export type MemberSpec = FunctionSpec | TypeRefSpec | ConstSpec | PropertySpec;

export interface TypeSpec {
  /** a human name for messages: `crypto`, `crypto.subtle`, `CryptoJS.DES` */
  display: string;
  members?: Readonly<Record<string, MemberSpec>>;
  /** present when the object itself can be called or constructed (node-rsa's class) */
  call?: FunctionSpec;
  /**
   * Data flow (issue 6): what some properties of an object of this type hold,
   * `{ privateKey: 'key-material', publicKey: 'public-key' }` on a key pair.
   */
  memberResults?: Readonly<Record<string, ResultKind>>;
}

export interface LibraryModel {
  /** stable id, also used in the CBOM and messages: `node:crypto`, `crypto-js` */
  id: string;
  /** module specifier to the type of `require(spec)` / the default import */
  modules?: Readonly<Record<string, string | ConstSpec>>;
  /** global identifier (also reachable through globalThis/window/self/global) to type */
  globals?: Readonly<Record<string, string>>;
  types: Readonly<Record<string, TypeSpec>>;
  /**
   * Extra words whose presence in a file's text means the file may use this
   * library (module specifiers and globals are added automatically).
   */
  triggers?: readonly string[];
  /**
   * Writable properties of JavaScript builtins, by builtin path: a write to
   * `process.env.NODE_TLS_REJECT_UNAUTHORIZED` (however `process.env` is
   * reached) becomes a fact, like a write to a catalogued type's property.
   */
  builtinProperties?: Readonly<Record<string, PropertySpec>>;
}

/** Small constructors that keep the tables readable. */
export const fn = (spec: Omit<FunctionSpec, 'kind'>): FunctionSpec => ({ kind: 'function', ...spec });
export const ref = (type: string): TypeRefSpec => ({ kind: 'type', type });
export const constant = (value: string | number): ConstSpec => ({ kind: 'const', value });
export const property = (role: Role, operation?: Operation): PropertySpec =>
  operation ? { kind: 'property', role, operation } : { kind: 'property', role };
