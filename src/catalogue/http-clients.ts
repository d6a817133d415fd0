import { TLS_CLIENT_OPTIONS, TLS_OPTIONS } from './tls.js';
import { fn, ref, type ArgSpecObject, type FunctionSpec, type LibraryModel, type TypeSpec } from './types.js';

/*
 * HTTP clients. Most take an `https.Agent` (already a fact where it is
 * constructed); these tables add each client's own TLS switches and the
 * nested places where a TLS options object can be written inline.
 */

// ------------------------------------------------------------------ axios

/** axios config: TLS lives in `httpsAgent` (an https.Agent; an inline object is modelled too). */
const AXIOS_CONFIG: ArgSpecObject = { options: { httpsAgent: TLS_OPTIONS } };
const AXIOS_CALL = fn({ args: [AXIOS_CONFIG, AXIOS_CONFIG], operation: 'configure' });
const AXIOS_URL_CONFIG = fn({ args: [null, AXIOS_CONFIG], operation: 'configure' });
const AXIOS_URL_DATA_CONFIG = fn({ args: [null, null, AXIOS_CONFIG], operation: 'configure' });

const AXIOS_INSTANCE: TypeSpec = {
  display: 'axios',
  call: AXIOS_CALL,
  members: {
    request: fn({ args: [AXIOS_CONFIG], operation: 'configure' }),
    get: AXIOS_URL_CONFIG,
    delete: AXIOS_URL_CONFIG,
    head: AXIOS_URL_CONFIG,
    options: AXIOS_URL_CONFIG,
    post: AXIOS_URL_DATA_CONFIG,
    put: AXIOS_URL_DATA_CONFIG,
    patch: AXIOS_URL_DATA_CONFIG,
    create: fn({ args: [AXIOS_CONFIG], operation: 'configure', returns: 'axios' }),
  },
};

export const AXIOS: LibraryModel = {
  id: 'axios',
  modules: { axios: 'axios' },
  types: { axios: AXIOS_INSTANCE },
};

// -------------------------------------------------------------------- got

/** got options: `https: {...}` (got 12+; `certificateAuthority` is its `ca`), `rejectUnauthorized` (got 11 and older). */
const GOT_OPTIONS: ArgSpecObject = {
  options: {
    https: { options: { ...TLS_CLIENT_OPTIONS, certificateAuthority: 'tlsCa' } },
    rejectUnauthorized: 'tlsVerify',
    ca: 'tlsCa',
  },
};
const GOT_CALL = fn({ args: [GOT_OPTIONS, GOT_OPTIONS], operation: 'configure' });

export const GOT: LibraryModel = {
  id: 'got',
  modules: { got: 'got' },
  types: {
    got: {
      display: 'got',
      call: GOT_CALL,
      members: {
        got: ref('got'),
        get: GOT_CALL,
        post: GOT_CALL,
        put: GOT_CALL,
        patch: GOT_CALL,
        delete: GOT_CALL,
        head: GOT_CALL,
        stream: GOT_CALL,
        paginate: GOT_CALL,
        extend: fn({ args: [GOT_OPTIONS], operation: 'configure', returns: 'got' }),
      },
    },
  },
};

// ------------------------------------------------------------- node-fetch

export const NODE_FETCH: LibraryModel = {
  id: 'node-fetch',
  modules: { 'node-fetch': 'node-fetch' },
  types: {
    'node-fetch': {
      display: 'fetch',
      call: fn({ args: [null, { options: { agent: TLS_OPTIONS } }], operation: 'configure' }),
      members: { default: ref('node-fetch') },
    },
  },
};

// ----------------------------------------------------------------- undici

/** `connect` options of an undici dispatcher (a function there is a custom connector: not modelled). */
const UNDICI_DISPATCHER_OPTIONS: ArgSpecObject = {
  options: { connect: TLS_OPTIONS, requestTls: TLS_OPTIONS, proxyTls: TLS_OPTIONS },
};
const UNDICI_DISPATCHER: FunctionSpec = fn({
  args: [UNDICI_DISPATCHER_OPTIONS, UNDICI_DISPATCHER_OPTIONS],
  operation: 'configure',
});

export const UNDICI: LibraryModel = {
  id: 'undici',
  modules: { undici: 'undici' },
  types: {
    undici: {
      display: 'undici',
      members: {
        Agent: ref('undici.Agent'),
        Pool: ref('undici.Pool'),
        Client: ref('undici.Client'),
        ProxyAgent: ref('undici.ProxyAgent'),
        EnvHttpProxyAgent: ref('undici.EnvHttpProxyAgent'),
        buildConnector: fn({ args: [TLS_OPTIONS], operation: 'configure' }),
      },
    },
    'undici.Agent': { display: 'undici.Agent', call: UNDICI_DISPATCHER },
    'undici.Pool': { display: 'undici.Pool', call: UNDICI_DISPATCHER },
    'undici.Client': { display: 'undici.Client', call: UNDICI_DISPATCHER },
    'undici.ProxyAgent': { display: 'undici.ProxyAgent', call: UNDICI_DISPATCHER },
    'undici.EnvHttpProxyAgent': { display: 'undici.EnvHttpProxyAgent', call: UNDICI_DISPATCHER },
  },
};

// ---------------------------------------------------------------- request

/** request / request-promise: `strictSSL`, `rejectUnauthorized`, `agentOptions`, `ca`. */
const REQUEST_OPTIONS: ArgSpecObject = {
  options: { ...TLS_CLIENT_OPTIONS, strictSSL: 'tlsVerify', agentOptions: TLS_OPTIONS },
};
const REQUEST_CALL = fn({ args: [REQUEST_OPTIONS, REQUEST_OPTIONS], operation: 'configure' });

export const REQUEST: LibraryModel = {
  id: 'request',
  modules: { request: 'request', 'request-promise': 'request', 'request-promise-native': 'request' },
  types: {
    request: {
      display: 'request',
      call: REQUEST_CALL,
      members: {
        get: REQUEST_CALL,
        post: REQUEST_CALL,
        put: REQUEST_CALL,
        patch: REQUEST_CALL,
        del: REQUEST_CALL,
        delete: REQUEST_CALL,
        head: REQUEST_CALL,
        defaults: fn({ args: [REQUEST_OPTIONS], operation: 'configure', returns: 'request' }),
      },
    },
  },
};

// ------------------------------------------------------------- superagent

const SUPERAGENT_REQUEST = 'superagent.Request';
const chain = fn({ returns: SUPERAGENT_REQUEST });
/** Methods of a superagent request that return the request (for chains). */
const SUPERAGENT_CHAIN: TypeSpec['members'] = {
  set: chain,
  query: chain,
  send: chain,
  type: chain,
  accept: chain,
  auth: chain,
  timeout: chain,
  retry: chain,
  redirects: chain,
  field: chain,
  attach: chain,
  withCredentials: chain,
  buffer: chain,
  responseType: chain,
  use: chain,
  ok: chain,
  key: chain,
  cert: chain,
  pfx: chain,
  http2: chain,
  agent: chain,
  ca: fn({ args: ['tlsCa'], operation: 'configure', returns: SUPERAGENT_REQUEST }),
  disableTLSCerts: fn({ fixed: { tlsVerify: false }, operation: 'configure', returns: SUPERAGENT_REQUEST }),
};
const SUPERAGENT_VERBS: TypeSpec['members'] = Object.fromEntries(
  ['get', 'post', 'put', 'patch', 'del', 'delete', 'head', 'options'].map((verb) => [verb, fn({ returns: SUPERAGENT_REQUEST })]),
);

export const SUPERAGENT: LibraryModel = {
  id: 'superagent',
  modules: { superagent: 'superagent' },
  types: {
    superagent: {
      display: 'superagent',
      call: fn({ returns: SUPERAGENT_REQUEST }),
      members: { ...SUPERAGENT_VERBS, agent: fn({ returns: 'superagent.Agent' }) },
    },
    'superagent.Agent': {
      display: 'superagent.agent()',
      members: { ...SUPERAGENT_VERBS, ...SUPERAGENT_CHAIN },
    },
    [SUPERAGENT_REQUEST]: { display: 'superagent request', members: SUPERAGENT_CHAIN },
  },
  triggers: ['disableTLSCerts'],
};

// --------------------------------------------------------------------- ws

/** `new WebSocket(url, protocols?, options?)`: the options go to https.request. */
const WS_CLASS: TypeSpec = {
  display: 'WebSocket',
  call: fn({ args: [null, TLS_OPTIONS, TLS_OPTIONS], operation: 'configure' }),
};

export const WS: LibraryModel = {
  id: 'ws',
  modules: { ws: 'ws', 'isomorphic-ws': 'ws' },
  types: {
    ws: { ...WS_CLASS, members: { WebSocket: ref('ws'), default: ref('ws') } },
  },
};
