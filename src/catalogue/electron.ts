import { fn, ref, type FunctionSpec, type LibraryModel } from './types.js';

/** `emitter.on(event, listener)` and its aliases. */
const LISTEN: FunctionSpec = fn({ args: ['eventName', 'eventListener'], operation: 'configure' });
const LISTENERS = { on: LISTEN, once: LISTEN, addListener: LISTEN, prependListener: LISTEN, prependOnceListener: LISTEN };

/**
 * Electron's main-process certificate hooks: `app` / `webContents`
 * `certificate-error` events, `session.setCertificateVerifyProc`, and
 * Chromium switches appended with `app.commandLine`.
 */
export const ELECTRON: LibraryModel = {
  id: 'electron',
  modules: { electron: 'electron', 'electron/main': 'electron' },
  types: {
    electron: {
      display: 'electron',
      members: {
        app: ref('electron.App'),
        session: ref('electron.SessionModule'),
        BrowserWindow: ref('electron.BrowserWindowClass'),
        webContents: ref('electron.WebContentsModule'),
      },
    },
    'electron.App': {
      display: 'app',
      members: { ...LISTENERS, commandLine: ref('electron.CommandLine') },
    },
    'electron.CommandLine': {
      display: 'app.commandLine',
      members: {
        appendSwitch: fn({ args: ['commandLineSwitch', null], operation: 'configure' }),
        appendArgument: fn({ args: ['commandLineSwitch'], operation: 'configure' }),
      },
    },
    'electron.SessionModule': {
      display: 'session',
      members: {
        defaultSession: ref('electron.Session'),
        fromPartition: fn({ args: [null, null], returns: 'electron.Session' }),
        fromPath: fn({ args: [null, null], returns: 'electron.Session' }),
      },
    },
    'electron.Session': {
      display: 'session',
      members: {
        ...LISTENERS,
        setCertificateVerifyProc: fn({ args: ['certificateVerifier'], operation: 'configure' }),
      },
    },
    'electron.BrowserWindowClass': {
      display: 'BrowserWindow',
      call: fn({ args: [null], returns: 'electron.BrowserWindow' }),
      members: {
        getFocusedWindow: fn({ returns: 'electron.BrowserWindow' }),
        fromId: fn({ args: [null], returns: 'electron.BrowserWindow' }),
        fromWebContents: fn({ args: [null], returns: 'electron.BrowserWindow' }),
      },
    },
    'electron.BrowserWindow': {
      display: 'BrowserWindow',
      members: { webContents: ref('electron.WebContents') },
    },
    'electron.WebContentsModule': {
      display: 'webContents',
      members: {
        getFocusedWebContents: fn({ returns: 'electron.WebContents' }),
        fromId: fn({ args: [null], returns: 'electron.WebContents' }),
      },
    },
    'electron.WebContents': {
      display: 'webContents',
      members: { ...LISTENERS, session: ref('electron.Session') },
    },
  },
};
