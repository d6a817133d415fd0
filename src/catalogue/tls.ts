import { fn, property, ref, type ArgSpec, type ArgSpecObject, type LibraryModel } from './types.js';

/**
 * The options of `tls.connect` / `tls.createSecureContext` that decide whom a
 * client trusts and which protocol it speaks. Every TLS client in the
 * catalogue (http clients, database drivers, mailers) reuses this table for
 * the object it hands to Node's TLS layer.
 */
export const TLS_CLIENT_OPTIONS: Readonly<Record<string, ArgSpec>> = {
  rejectUnauthorized: 'tlsVerify',
  checkServerIdentity: 'tlsServerIdentityCheck',
  minVersion: 'tlsVersion',
  maxVersion: 'tlsVersion',
  secureProtocol: 'tlsSecureProtocol',
  ciphers: 'tlsCiphers',
  ca: 'tlsCa',
};

/** A TLS client options object (`tls.connect`, `https.request`, `new https.Agent`). */
export const TLS_OPTIONS: ArgSpecObject = { options: TLS_CLIENT_OPTIONS };

/**
 * Server options: `rejectUnauthorized: false` on a server only concerns client
 * certificates (often checked by hand through `socket.authorized`), so only the
 * protocol settings are modelled.
 */
export const TLS_SERVER_OPTIONS: ArgSpecObject = {
  options: { minVersion: 'tlsVersion', maxVersion: 'tlsVersion', secureProtocol: 'tlsSecureProtocol', ciphers: 'tlsCiphers' },
};

/** The environment variables of a process that change how it trusts TLS peers. */
export const ENVIRONMENT: ArgSpecObject = {
  options: { NODE_TLS_REJECT_UNAUTHORIZED: 'envTlsRejectUnauthorized', NODE_EXTRA_CA_CERTS: 'envExtraCaCerts' },
};

/** `{ env }` of child_process and worker_threads calls. */
const CHILD_OPTIONS: ArgSpecObject = { options: { env: { role: 'environment', ...ENVIRONMENT } } };

/** node:tls. */
export const NODE_TLS: LibraryModel = {
  id: 'node:tls',
  modules: { tls: 'node:tls' },
  types: {
    'node:tls': {
      display: 'tls',
      members: {
        // connect(options), connect(port, options), connect(port, host, options), connect(path, options)
        connect: fn({ args: [TLS_OPTIONS, TLS_OPTIONS, TLS_OPTIONS], operation: 'configure' }),
        createSecureContext: fn({ args: [TLS_OPTIONS], operation: 'configure', returns: 'node:tls.SecureContext' }),
        TLSSocket: ref('node:tls.TLSSocketClass'),
        createServer: fn({ args: [TLS_SERVER_OPTIONS], operation: 'configure' }),
        // Deprecated; its fourth argument is rejectUnauthorized.
        createSecurePair: fn({ args: [null, null, null, 'tlsVerify'], operation: 'configure' }),
        DEFAULT_MIN_VERSION: property('tlsVersion', 'configure'),
        DEFAULT_MAX_VERSION: property('tlsVersion', 'configure'),
        DEFAULT_CIPHERS: property('tlsCiphers', 'configure'),
        rootCertificates: ref('node:tls.RootCertificates'),
        getCACertificates: fn({ args: [null], returns: 'node:tls.RootCertificates' }),
        setDefaultCACertificates: fn({ args: ['tlsDefaultCa'], operation: 'configure' }),
        checkServerIdentity: fn({ args: [null, null], operation: 'verify' }),
      },
    },
    'node:tls.TLSSocketClass': {
      display: 'tls.TLSSocket',
      call: fn({ args: [null, TLS_OPTIONS], operation: 'configure' }),
    },
    'node:tls.SecureContext': {
      display: 'SecureContext',
      members: { context: ref('node:tls.NativeSecureContext') },
    },
    'node:tls.NativeSecureContext': {
      display: 'SecureContext.context',
      members: { addCACert: fn({ args: ['tlsAddedCa'], operation: 'configure' }) },
    },
    /** `tls.rootCertificates`, `tls.getCACertificates()`: the system (bundled) roots. */
    'node:tls.RootCertificates': { display: 'tls.rootCertificates' },
  },
  triggers: ['rootCertificates', 'getCACertificates'],
};

const HTTPS_REQUEST = fn({ args: [TLS_OPTIONS, TLS_OPTIONS], operation: 'configure' });

/** node:https: request/get take TLS options directly or through an Agent. */
export const NODE_HTTPS: LibraryModel = {
  id: 'node:https',
  modules: { https: 'node:https' },
  types: {
    'node:https': {
      display: 'https',
      members: {
        request: HTTPS_REQUEST,
        get: HTTPS_REQUEST,
        Agent: ref('node:https.AgentClass'),
        globalAgent: ref('node:https.Agent'),
        createServer: fn({ args: [TLS_SERVER_OPTIONS], operation: 'configure' }),
      },
    },
    'node:https.AgentClass': {
      display: 'https.Agent',
      call: fn({ args: [TLS_OPTIONS], operation: 'configure', returns: 'node:https.Agent' }),
    },
    'node:https.Agent': {
      display: 'https.globalAgent',
      members: { options: ref('node:https.AgentOptions') },
    },
    /** `https.globalAgent.options`: written, it changes every request of the process that uses the global agent. */
    'node:https.AgentOptions': {
      display: 'https.globalAgent.options',
      members: {
        rejectUnauthorized: property('tlsVerify', 'configure'),
        ca: property('tlsDefaultCa', 'configure'),
        minVersion: property('tlsVersion', 'configure'),
        maxVersion: property('tlsVersion', 'configure'),
        secureProtocol: property('tlsSecureProtocol', 'configure'),
        ciphers: property('tlsCiphers', 'configure'),
        checkServerIdentity: property('tlsServerIdentityCheck', 'configure'),
      },
    },
  },
};

/** node:http2: `connect(authority, options)`. */
export const NODE_HTTP2: LibraryModel = {
  id: 'node:http2',
  modules: { http2: 'node:http2' },
  types: {
    'node:http2': {
      display: 'http2',
      members: {
        connect: fn({ args: [null, TLS_OPTIONS], operation: 'configure' }),
        createSecureServer: fn({ args: [TLS_SERVER_OPTIONS], operation: 'configure' }),
      },
    },
  },
};

const SPAWN = fn({ args: [null, CHILD_OPTIONS, CHILD_OPTIONS], operation: 'configure' });

/**
 * The environment a process runs with: `process.env` writes (the running
 * process, and every child it spawns later) and the `env` handed to child
 * processes and workers.
 */
export const NODE_PROCESS_ENV: LibraryModel = {
  id: 'node:process',
  modules: { child_process: 'node:child_process', worker_threads: 'node:worker_threads' },
  builtinProperties: {
    'process.env': { kind: 'property', role: 'environment', operation: 'configure', value: ENVIRONMENT },
    'process.env.NODE_TLS_REJECT_UNAUTHORIZED': { kind: 'property', role: 'envTlsRejectUnauthorized', operation: 'configure' },
    'process.env.NODE_EXTRA_CA_CERTS': { kind: 'property', role: 'envExtraCaCerts', operation: 'configure' },
  },
  types: {
    'node:child_process': {
      display: 'child_process',
      members: {
        // (command, args?, options?): options is the second argument when args are left out
        spawn: SPAWN,
        spawnSync: SPAWN,
        execFile: SPAWN,
        execFileSync: SPAWN,
        fork: SPAWN,
        exec: fn({ args: [null, CHILD_OPTIONS], operation: 'configure' }),
        execSync: fn({ args: [null, CHILD_OPTIONS], operation: 'configure' }),
      },
    },
    'node:worker_threads': {
      display: 'worker_threads',
      members: { Worker: ref('node:worker_threads.WorkerClass') },
    },
    'node:worker_threads.WorkerClass': {
      display: 'Worker',
      call: fn({ args: [null, CHILD_OPTIONS], operation: 'configure' }),
    },
  },
  triggers: ['NODE_TLS_REJECT_UNAUTHORIZED', 'NODE_EXTRA_CA_CERTS'],
};
