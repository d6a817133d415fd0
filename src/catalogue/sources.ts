import { fn, ref, type LibraryModel } from './types.js';

/**
 * Data-flow sources as data (issue 6).
 *
 * - Key material from crypto libraries is marked in their own tables
 *   (`result: 'key-material'`, `callbackResults`, `memberResults`).
 * - Wallet libraries are catalogued here: their secret keys and mnemonics are
 *   what the 2018 event-stream and 2024 @solana/web3.js backdoors went after.
 * - Name-only sources: identifiers and properties named like a private key.
 * - Untrusted input: request data, network responses, messages, URL parameters.
 */

// ------------------------------------------------------------------ wallets

const SOLANA_KEYPAIR = 'solana.Keypair';

/** @solana/web3.js: `Keypair.generate()`, `Keypair.fromSecretKey(bytes)`, `keypair.secretKey`. */
export const SOLANA_WEB3: LibraryModel = {
  id: '@solana/web3.js',
  modules: { '@solana/web3.js': 'solana' },
  types: {
    solana: {
      display: '@solana/web3.js',
      members: { Keypair: ref('solana.KeypairClass') },
    },
    'solana.KeypairClass': {
      display: 'Keypair',
      call: fn({ operation: 'generate', returns: SOLANA_KEYPAIR }),
      members: {
        generate: fn({ operation: 'generate', returns: SOLANA_KEYPAIR }),
        fromSecretKey: fn({ args: ['key'], operation: 'import', returns: SOLANA_KEYPAIR }),
        fromSeed: fn({ args: ['key'], operation: 'import', returns: SOLANA_KEYPAIR }),
      },
    },
    [SOLANA_KEYPAIR]: {
      display: 'Keypair',
      members: {},
      memberResults: { secretKey: 'key-material', publicKey: 'public-key' },
    },
  },
};

const ETHERS_WALLET = 'ethers.Wallet';

/** ethers v5/v6: `new Wallet(pk)`, `Wallet.createRandom()`, `Wallet.fromPhrase(p)`, `wallet.privateKey`, `wallet.mnemonic`. */
export const ETHERS: LibraryModel = {
  id: 'ethers',
  modules: { ethers: 'ethers', '@ethersproject/wallet': 'ethers' },
  types: {
    ethers: {
      display: 'ethers',
      members: {
        ethers: ref('ethers'),
        Wallet: ref('ethers.WalletClass'),
        HDNodeWallet: ref('ethers.WalletClass'),
      },
    },
    'ethers.WalletClass': {
      display: 'Wallet',
      call: fn({ args: ['key'], operation: 'import', returns: ETHERS_WALLET }),
      members: {
        createRandom: fn({ operation: 'generate', returns: ETHERS_WALLET }),
        fromPhrase: fn({ operation: 'import', returns: ETHERS_WALLET }),
        fromMnemonic: fn({ operation: 'import', returns: ETHERS_WALLET }),
        fromEncryptedJson: fn({ operation: 'import', returns: ETHERS_WALLET }),
        fromEncryptedJsonSync: fn({ operation: 'import', returns: ETHERS_WALLET }),
      },
    },
    [ETHERS_WALLET]: {
      display: 'Wallet',
      members: {},
      memberResults: {
        privateKey: 'key-material',
        mnemonic: 'key-material',
        signingKey: 'key-material',
        publicKey: 'public-key',
        address: 'public-key',
      },
    },
  },
};

/** bip39 and @scure/bip39: mnemonics and the seeds derived from them. */
export const BIP39: LibraryModel = {
  id: 'bip39',
  modules: { bip39: 'bip39', '@scure/bip39': 'bip39' },
  types: {
    bip39: {
      display: 'bip39',
      members: {
        generateMnemonic: fn({ operation: 'generate', result: 'key-material', resultLabel: 'mnemonic' }),
        entropyToMnemonic: fn({ operation: 'generate', result: 'key-material', resultLabel: 'mnemonic' }),
        mnemonicToSeedSync: fn({ operation: 'derive', result: 'key-material', resultLabel: 'wallet seed' }),
        mnemonicToSeed: fn({ operation: 'derive', result: 'key-material', resultLabel: 'wallet seed' }),
        mnemonicToEntropy: fn({ operation: 'derive', result: 'key-material', resultLabel: 'wallet entropy' }),
      },
    },
  },
};

export const WALLET_LIBRARIES: readonly LibraryModel[] = [SOLANA_WEB3, ETHERS, BIP39];

// --------------------------------------------------------- name-only sources

/**
 * Identifiers and properties whose name says they hold a private or secret
 * key, compared after lower-casing and removing `_`/`-`. `publicKey`, `keyId`,
 * `privateKeyPath` and a bare `key` do not match.
 */
const KEY_NAME =
  /^(?:priv(?:ate)?key|secretkey|sessionkey|masterkey|signingkey|walletkey|walletsecret|seedphrase|mnemonic(?:phrase)?|recoveryphrase|secretphrase)(?:s|hex|pem|der|bytes|b64|base64|base58|bs58|jwk|str|string|buf|buffer|raw)?$/;

/**
 * Every key name holds one of these words, possibly split by `_`/`-`: tested
 * first, without allocating, since most identifiers of a file fail it.
 */
const KEY_NAME_HINT = /k[-_]*e[-_]*y|s[-_]*e[-_]*c[-_]*r[-_]*e[-_]*t|p[-_]*h[-_]*r[-_]*a[-_]*s[-_]*e|m[-_]*n[-_]*e[-_]*m[-_]*o[-_]*n[-_]*i[-_]*c/i;

/** The shortest key name is `privkey`: most identifiers of a bundle (`e`, `t`, `n`, `i`) are shorter. */
export const KEY_NAME_MIN_LENGTH = 7;

export function isKeyName(name: string): boolean {
  return name.length >= KEY_NAME_MIN_LENGTH && name.length < 40 && KEY_NAME_HINT.test(name) && KEY_NAME.test(name.toLowerCase().replace(/[_-]/g, ''));
}

/** Words that make a file worth analysing for name-only sources (registry triggers). */
export const KEY_NAME_TRIGGERS: readonly string[] = [
  'privateKey',
  'PrivateKey',
  'private_key',
  'PRIVATE_KEY',
  'secretKey',
  'SecretKey',
  'secret_key',
  'SECRET_KEY',
  'sessionKey',
  'masterKey',
  'signingKey',
  'mnemonic',
  'Mnemonic',
  'MNEMONIC',
  'seedPhrase',
  'seed_phrase',
  'SEED_PHRASE',
];

/** A variable holding CSPRNG output and named like this is a key (`const aesKey = randomBytes(32)`). */
export const RANDOM_KEY_NAME = /(?:key|secret|seed)(?:s|bytes|buf|buffer|hex|raw)?$/i;
export const NOT_A_KEY_NAME = /(?:public|pub|api|cache|storage|idempotency|request|query|map|row|sort|partition|route|react|object)_?key/i;

/**
 * Property reads that never carry key material: metadata (`.length`, `.type`,
 * `.algorithm`, `.asymmetricKeyType`), public halves, key ids, and what an
 * Error put in a key variable by a failed parse holds (`.message`, `.stack`).
 */
export const METADATA_MEMBERS: ReadonlySet<string> = new Set([
  'length',
  'byteLength',
  'size',
  'type',
  'algorithm',
  'asymmetricKeyType',
  'asymmetricKeyDetails',
  'symmetricKeySize',
  'extractable',
  'usages',
  'name',
  'publicKey',
  'publicKeyPem',
  'publicKeyJwk',
  'pubKey',
  'pubkey',
  'address',
  'id',
  'kid',
  'keyId',
  'fingerprint',
  'thumbprint',
  'constructor',
  'then',
  'message',
  'stack',
]);

/** Method calls on a key that return something public or derived one-way. */
export const METADATA_METHODS: ReadonlySet<string> = new Set([
  'getPublicKey',
  'publicKey',
  'toPublicKey',
  'getAddress',
  'equals',
  'includes',
  'indexOf',
  'startsWith',
  'endsWith',
]);

// --------------------------------------------------------- untrusted input

/** Parameter names that hold an HTTP request in Express/Koa/Fastify/Next/Hono handlers. */
export const REQUEST_NAMES: ReadonlySet<string> = new Set(['req', 'request', 'ctx', 'context', 'c', 'event']);

/** Members of a request that carry client-controlled data. */
export const REQUEST_DATA_MEMBERS: ReadonlySet<string> = new Set([
  'query',
  'body',
  'params',
  'headers',
  'cookies',
  'searchParams',
  'nextUrl',
  'url',
  'originalUrl',
  'rawBody',
  'payload',
]);

/** Callee paths whose result is a network response (see src/engine/dataflow-paths.ts for the pattern syntax). */
export const RESPONSE_CALLS: readonly string[] = [
  'fetch',
  'node-fetch',
  'cross-fetch',
  'undici.{fetch,request}',
  'axios',
  'axios.{get,post,put,patch,delete,head,options,request}',
  'axios.create().{get,post,put,patch,delete,head,options,request}',
  'got',
  'got.{get,post,put,patch,delete,head}',
  'ky',
  'ky.{get,post,put,patch,delete,head}',
  'ky.**.{json,text}',
  'superagent.{get,post,put,patch,del,delete}',
  'request-promise',
  'request-promise-native',
];

/** Callees whose callback's first parameter is a network response: `https.get(url, (res) => ...)`. */
export const RESPONSE_CALLBACK_CALLS: readonly string[] = ['{http,https}.{get,request}', 'request', 'request.{get,post}'];

/** Event names whose listener receives data from another origin or peer. */
export const MESSAGE_EVENTS: ReadonlySet<string> = new Set(['message', 'data']);

/** Member reads that are attacker-controlled in a browser. */
export const URL_SOURCES: readonly string[] = [
  'location.{search,hash,href,pathname}',
  'document.location.{search,hash,href,pathname}',
  'document.{URL,documentURI,referrer}',
  '**.searchParams',
];

/** Sources that are untrusted only when a rule's options say so. */
export const ENVIRONMENT_SOURCES: readonly string[] = ['process.env', 'process.env.*', 'import.meta.env.*', 'Deno.env.get'];
export const CONFIG_SOURCES: readonly string[] = ['fs.{readFileSync,readFile}', 'fs.promises.readFile'];
