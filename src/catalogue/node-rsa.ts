import { fn, type ArgSpec, type LibraryModel } from './types.js';

/** node-rsa options: `{ b: bits, encryptionScheme, signingScheme, environment }` */
const NODE_RSA_OPTIONS: ArgSpec = {
  options: {
    b: 'modulusBits',
    encryptionScheme: { role: 'padding', options: { scheme: 'padding', hash: 'digest' } },
  },
};

/** The options argument after a key and format: only the scheme matters there (issue 3). */
const NODE_RSA_SCHEME_OPTIONS: ArgSpec = {
  options: { encryptionScheme: { role: 'padding', options: { scheme: 'padding', hash: 'digest' } } },
};

/** node-rsa: the module's export is the key class (`new NodeRSA({ b: 2048 })`). */
export const NODE_RSA: LibraryModel = {
  id: 'node-rsa',
  modules: { 'node-rsa': 'node-rsa' },
  triggers: ['NodeRSA'],
  types: {
    'node-rsa': {
      display: 'NodeRSA',
      // `new NodeRSA(keyOrBits, format?, options?)`: options may come second or third (issue 3: encryptionScheme).
      call: fn({
        // issue 5: a key given as the first argument is loaded (`keyData`), its format second.
        args: [{ ...NODE_RSA_OPTIONS, role: 'keyData' }, { ...NODE_RSA_SCHEME_OPTIONS, role: 'keyFormat' }, NODE_RSA_SCHEME_OPTIONS],
        fixed: { keyType: 'rsa' },
        operation: 'generate',
        returns: 'node-rsa.Key',
      }),
    },
    'node-rsa.Key': {
      display: 'NodeRSA key',
      members: {
        generateKeyPair: fn({ args: ['modulusBits'], fixed: { keyType: 'rsa' }, operation: 'generate' }),
        setOptions: fn({ args: [NODE_RSA_OPTIONS], operation: 'configure' }),
        encrypt: fn({ args: ['plaintext'], operation: 'encrypt' }),
        encryptPrivate: fn({ args: ['plaintext'], operation: 'sign' }),
        decrypt: fn({ operation: 'decrypt' }),
        decryptPublic: fn({ operation: 'verify' }),
        importKey: fn({ args: ['keyData', 'keyFormat'], operation: 'import' }),
        exportKey: fn({ operation: 'export' }),
      },
    },
  },
};
