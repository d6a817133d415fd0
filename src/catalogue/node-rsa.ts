import { fn, type ArgSpec, type LibraryModel } from './types.js';

/** node-rsa options: `{ b: bits, encryptionScheme, signingScheme, environment }` */
const NODE_RSA_OPTIONS: ArgSpec = {
  options: {
    b: 'modulusBits',
    encryptionScheme: { role: 'padding', options: { scheme: 'padding', hash: 'digest' } },
  },
};

/** node-rsa: the module's export is the key class (`new NodeRSA({ b: 2048 })`). */
export const NODE_RSA: LibraryModel = {
  id: 'node-rsa',
  modules: { 'node-rsa': 'node-rsa' },
  triggers: ['NodeRSA'],
  types: {
    'node-rsa': {
      display: 'NodeRSA',
      call: fn({ args: [NODE_RSA_OPTIONS], fixed: { keyType: 'rsa' }, operation: 'generate', returns: 'node-rsa.Key' }),
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
        importKey: fn({ args: ['key'], operation: 'import' }),
        exportKey: fn({ operation: 'export' }),
      },
    },
  },
};
