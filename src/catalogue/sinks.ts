/**
 * Data-flow sinks as data (issue 6): where data leaves the process or becomes
 * readable by someone else. Matched on callee *paths* computed by
 * src/engine/dataflow-paths.ts:
 *
 * - a module member: `axios.post`, `https.request`, `fs.writeFileSync`
 *   (`node:` prefixes are dropped; `fs/promises` is `fs.promises`);
 * - a global: `fetch`, `navigator.sendBeacon`, `console.log` (`window.`,
 *   `globalThis.` and `self.` are dropped);
 * - `()` marks the result of a call or `new`: `WebSocket().send` is `send` on
 *   `new WebSocket(url)`, `http.request().write` is `write` on the request;
 * - `~name` is a local variable or `this.name` the engine cannot resolve
 *   (a parameter, say): `~logger.info`.
 *
 * Pattern syntax: `*` is one path segment, `**` any run of segments, `{a,b}`
 * alternatives.
 */

export type SinkKind = 'network' | 'log' | 'storage' | 'process';

export const SINK_KINDS: readonly SinkKind[] = ['network', 'log', 'storage', 'process'];

/** One argument that carries data out. */
export interface SinkArg {
  /** argument index; `rest` is every argument from `from` on */
  index: number | 'rest';
  from?: number;
  /** how the message names it: `URL`, `body`, `headers` */
  part?: string;
  /** option properties of an object argument, by name, to their part (`headers` -> `headers`) */
  options?: Readonly<Record<string, string>>;
}

export interface CallSinkSpec {
  kind: SinkKind;
  calls: readonly string[];
  /** how messages name the sink: `fetch()`, `console.log()` */
  display: string;
  /** data-carrying arguments; absent: every argument */
  args?: readonly SinkArg[];
  /** the argument holding the destination URL or host, for `allowedDestinations` */
  destination?: number;
  /** the object argument property holding the destination URL or host */
  destinationOption?: string;
}

export interface PropertySinkSpec {
  kind: SinkKind;
  /** paths of assignment targets */
  targets: readonly string[];
  display: string;
}

const URL_ARG: SinkArg = { index: 0, part: 'URL' };
const REQUEST_OPTIONS: Readonly<Record<string, string>> = {
  body: 'body',
  data: 'body',
  json: 'body',
  form: 'body',
  headers: 'headers',
  params: 'query',
  qs: 'query',
  searchParams: 'query',
  url: 'URL',
  uri: 'URL',
  baseURL: 'URL',
  prefixUrl: 'URL',
  auth: 'credentials',
};
const HTTP_OPTIONS: Readonly<Record<string, string>> = {
  headers: 'headers',
  path: 'URL',
  host: 'host',
  hostname: 'host',
  auth: 'credentials',
};
const AXIOS_METHODS = 'get,delete,head,options';
const AXIOS_BODY_METHODS = 'post,put,patch,postForm,putForm,patchForm';
const LOG_LEVELS = 'trace,debug,info,warn,warning,error,fatal,log,verbose,silly,notice,critical';
const CONSOLE = 'log,info,warn,error,debug,trace,dir,dirxml,table,group,groupCollapsed,assert,timeLog';

export const CALL_SINKS: readonly CallSinkSpec[] = [
  // ------------------------------------------------------------- network
  {
    kind: 'network',
    display: 'fetch()',
    calls: ['fetch', 'node-fetch', 'cross-fetch', 'isomorphic-fetch', 'undici.{fetch,request}', 'Request', '~fetch'],
    args: [URL_ARG, { index: 1, part: 'request options', options: REQUEST_OPTIONS }],
    destination: 0,
  },
  {
    kind: 'network',
    display: 'axios',
    calls: ['axios', 'axios.request', 'axios.create().request', '~axios.request', '~http.request'],
    args: [{ index: 0, part: 'request', options: REQUEST_OPTIONS }, { index: 1, part: 'request options', options: REQUEST_OPTIONS }],
    destination: 0,
    destinationOption: 'url',
  },
  {
    kind: 'network',
    display: 'an HTTP client',
    calls: [
      `axios.{${AXIOS_METHODS}}`,
      `axios.create().{${AXIOS_METHODS}}`,
      `~{axios,api,client,http,httpClient,apiClient}.{${AXIOS_METHODS}}`,
      'got',
      'got.{get,head,delete}',
      'ky',
      'ky.{get,head,delete}',
      'superagent.{get,head,del,delete}',
      'request',
      'request.{get,head,del}',
      'needle',
      'phin',
    ],
    args: [URL_ARG, { index: 1, part: 'request options', options: REQUEST_OPTIONS }],
    destination: 0,
  },
  {
    kind: 'network',
    display: 'an HTTP client',
    calls: [
      `axios.{${AXIOS_BODY_METHODS}}`,
      `axios.create().{${AXIOS_BODY_METHODS}}`,
      `~{axios,api,client,http,httpClient,apiClient}.{${AXIOS_BODY_METHODS}}`,
    ],
    args: [URL_ARG, { index: 1, part: 'body' }, { index: 2, part: 'request options', options: REQUEST_OPTIONS }],
    destination: 0,
  },
  {
    kind: 'network',
    display: 'an HTTP client',
    calls: ['got.{post,put,patch}', 'ky.{post,put,patch}', 'request.{post,put,patch}', 'needle.{post,put,patch}'],
    args: [URL_ARG, { index: 1, part: 'request options', options: REQUEST_OPTIONS }],
    destination: 0,
  },
  {
    kind: 'network',
    display: 'superagent',
    calls: ['superagent.{post,put,patch}', 'superagent.**.{send,set,query,field,attach,auth}'],
  },
  {
    kind: 'network',
    display: 'http.request()',
    calls: ['{http,https,http2}.{request,get}', 'follow-redirects.{http,https}.{request,get}'],
    args: [
      { index: 0, part: 'request', options: HTTP_OPTIONS },
      { index: 1, part: 'request options', options: HTTP_OPTIONS },
    ],
    destination: 0,
  },
  {
    kind: 'network',
    display: 'an HTTP request body',
    calls: ['{http,https,http2}.{request,get}().{write,end,setHeader}', 'http2.connect().request().{write,end}', 'http2.connect().request'],
  },
  {
    kind: 'network',
    display: 'a socket',
    calls: [
      '{net,tls}.{connect,createConnection}().{write,end}',
      'net.Socket().{write,end,connect}',
      '{net,tls}.{connect,createConnection}',
      '~{socket,conn,connection,client,sock}.{write,end}',
    ],
  },
  { kind: 'network', display: 'dgram send()', calls: ['dgram.createSocket().send', '~{udp,dgram}.send'] },
  {
    kind: 'network',
    display: 'a DNS lookup',
    calls: [
      'dns.{lookup,lookupService,resolve,resolve4,resolve6,resolveAny,resolveCname,resolveMx,resolveNs,resolveTxt,resolveSrv,reverse}',
      'dns.promises.{lookup,resolve,resolve4,resolve6,resolveAny,resolveCname,resolveMx,resolveNs,resolveTxt,resolveSrv}',
      'dns.Resolver().{resolve,resolve4,resolve6,resolveTxt,resolveAny}',
    ],
    args: [{ index: 0, part: 'hostname' }],
  },
  {
    kind: 'network',
    display: 'XMLHttpRequest',
    calls: ['XMLHttpRequest().open'],
    args: [{ index: 1, part: 'URL' }],
    destination: 1,
  },
  { kind: 'network', display: 'XMLHttpRequest', calls: ['XMLHttpRequest().send', '~{xhr,xmlhttp,request}.send'], args: [{ index: 0, part: 'body' }] },
  {
    kind: 'network',
    display: 'XMLHttpRequest',
    calls: ['XMLHttpRequest().setRequestHeader', '~{xhr,xmlhttp}.setRequestHeader'],
    args: [{ index: 1, part: 'headers' }],
  },
  {
    kind: 'network',
    display: 'navigator.sendBeacon()',
    calls: ['navigator.sendBeacon'],
    args: [URL_ARG, { index: 1, part: 'body' }],
    destination: 0,
  },
  {
    kind: 'network',
    display: 'WebSocket',
    calls: ['WebSocket', 'ws', 'ws.WebSocket', 'isomorphic-ws', 'EventSource', 'eventsource'],
    args: [URL_ARG],
    destination: 0,
  },
  {
    kind: 'network',
    display: 'WebSocket send()',
    calls: ['{WebSocket,ws,ws.WebSocket,isomorphic-ws}().send', '~{ws,websocket,webSocket,socket,wsClient}.send', 'RTCPeerConnection().createDataChannel().send', '~{channel,dataChannel}.send'],
  },
  {
    kind: 'network',
    display: 'socket.io emit()',
    calls: [
      'socket.io-client{,.io,.connect,.default}().{emit,send}',
      'socket.io-client{,.io,.connect,.default}().**.{emit,send}',
      '~{socket,io,client}.emit',
    ],
  },
  {
    kind: 'network',
    display: 'postMessage()',
    calls: ['postMessage', '{parent,top,opener}.postMessage', '**.contentWindow.postMessage', 'window.{parent,top,opener}.postMessage'],
    args: [{ index: 0, part: 'message' }],
  },
  {
    kind: 'network',
    display: 'a navigation',
    calls: ['open', 'location.{assign,replace}', 'document.location.{assign,replace}'],
    args: [{ index: 0, part: 'URL' }],
    destination: 0,
  },
  // ------------------------------------------------------------------ log
  { kind: 'log', display: 'console', calls: [`console.{${CONSOLE}}`] },
  { kind: 'log', display: 'process output', calls: ['process.{stdout,stderr}.write'] },
  {
    kind: 'log',
    display: 'a logger',
    calls: [
      `{pino,pino.default,pino.pino}().{${LOG_LEVELS}}`,
      `{pino,pino.default,pino.pino}().child().{${LOG_LEVELS}}`,
      `winston.{${LOG_LEVELS}}`,
      `winston.createLogger().{${LOG_LEVELS}}`,
      `bunyan.createLogger().{${LOG_LEVELS}}`,
      `log4js.getLogger().{${LOG_LEVELS}}`,
      `loglevel.{${LOG_LEVELS}}`,
      `signale.{${LOG_LEVELS},success,note}`,
      `consola.{${LOG_LEVELS},success,box}`,
      `npmlog.{${LOG_LEVELS}}`,
      'debug()',
      'util.debuglog()',
      `~{logger,log,_logger,_log,LOGGER,LOG,pino,winston,bunyan,appLogger,fastify.log,app.log,server.log,request.log,req.log,console}.{${LOG_LEVELS}}`,
      `~{fastify,app,server,req,request,reply,ctx}.log.{${LOG_LEVELS}}`,
      '~{debug,dbg,trace}',
      'electron-log.{info,warn,error,debug,verbose,silly,log}',
    ],
  },
  {
    kind: 'log',
    display: 'a crash or analytics reporter',
    calls: [
      '{@sentry/node,@sentry/browser,@sentry/react,@sentry/nextjs,@sentry/react-native,@sentry/electron,@sentry/vue,Sentry}.{captureException,captureMessage,captureEvent,setContext,setExtra,setExtras,setUser,setTag,setTags,addBreadcrumb}',
      '{@sentry/node,@sentry/browser,Sentry}.{getCurrentScope,getIsolationScope}().{setContext,setExtra,setExtras,setUser,setTag}',
      '~scope.{setContext,setExtra,setExtras,setUser,setTag}',
      '{analytics,~analytics,@segment/analytics-node(),@segment/analytics-next.AnalyticsBrowser.load()}.{track,identify,page,group,screen}',
      '{mixpanel,mixpanel-browser}.{track,identify,register,people.set}',
      '{posthog,posthog-js,posthog-node()}.{capture,identify}',
      '{amplitude,@amplitude/analytics-browser}.{track,logEvent,identify}',
      '{Bugsnag,@bugsnag/js}.{notify,leaveBreadcrumb}',
      '{Rollbar,rollbar()}.{log,debug,info,warning,error,critical}',
      'newrelic.{noticeError,addCustomAttribute,addCustomAttributes,recordCustomEvent}',
      '{datadogLogs,@datadog/browser-logs.datadogLogs}.logger.{debug,info,warn,error,log}',
      '{gtag,ga,dataLayer.push,_paq.push,plausible,umami.track}',
      '{applicationinsights,appInsights}.**.{trackEvent,trackException,trackTrace}',
    ],
  },
  // ---------------------------------------------------------------- storage
  {
    kind: 'storage',
    display: 'Web Storage',
    calls: ['{localStorage,sessionStorage}.setItem'],
    args: [{ index: 1, part: 'value' }],
  },
  {
    kind: 'storage',
    display: 'a file',
    calls: [
      '{fs,fs-extra,graceful-fs}.{writeFile,writeFileSync,appendFile,appendFileSync,write,writeSync,outputFile,outputFileSync,writeJson,writeJsonSync,outputJson,outputJsonSync}',
      'fs.promises.{writeFile,appendFile}',
      '{fs,fs-extra}.createWriteStream().{write,end}',
      '{fs.promises.open,fs.promises.open()}.{write,writeFile,appendFile}',
      'Bun.write',
      'Deno.{writeTextFile,writeTextFileSync,writeFile,writeFileSync}',
    ],
  },
  {
    kind: 'storage',
    display: 'app storage',
    calls: [
      '@react-native-async-storage/async-storage{,.default}.{setItem,multiSet,mergeItem}',
      '~AsyncStorage.{setItem,multiSet,mergeItem}',
      'electron-store().set',
      'conf().set',
      'configstore().set',
      'idb-keyval.{set,setMany,update}',
      'localforage.setItem',
      'js-cookie.set',
      'react-native-keychain.setGenericPassword',
      '**.objectStore().{put,add}',
      '~{store,objectStore}.{put,add}',
      'chrome.storage.{local,sync,session}.set',
    ],
  },
  {
    kind: 'storage',
    display: 'the clipboard',
    calls: ['navigator.clipboard.{writeText,write}', 'electron.clipboard.{writeText,write}', 'clipboardy.{write,writeSync}', '~clipboard.{writeText,write}'],
  },
  // ---------------------------------------------------------------- process
  {
    kind: 'process',
    display: 'a child process',
    calls: [
      'child_process.{exec,execSync,execFile,execFileSync,spawn,spawnSync,fork}',
      'execa',
      'execa.{execa,execaSync,execaCommand,execaCommandSync,$}',
      'cross-spawn',
      'shelljs.exec',
      'Bun.spawn',
    ],
  },
];

export const PROPERTY_SINKS: readonly PropertySinkSpec[] = [
  { kind: 'storage', display: 'document.cookie', targets: ['document.cookie'] },
  { kind: 'storage', display: 'Web Storage', targets: ['{localStorage,sessionStorage}.*'] },
  { kind: 'network', display: 'a navigation', targets: ['location', 'location.{href,search,hash}', 'document.location', 'document.location.href'] },
  { kind: 'network', display: 'an image or script src', targets: ['**.src', '**.srcset', '**.action'] },
  { kind: 'process', display: 'process.env', targets: ['process.env.*'] },
];

/** `throw new Error(message)`: a log sink under the strict profile only. */
export const THROWN_ERRORS: ReadonlySet<string> = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'AggregateError']);
