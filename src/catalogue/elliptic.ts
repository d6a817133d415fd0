import { fn, ref, type LibraryModel } from './types.js';

/**
 * elliptic (indutny): `new EC('secp256k1')`, `ec.keyFromPrivate(hex, 'hex')`,
 * `ec.keyFromPublic(hex, 'hex')`, `key.derive(peer.getPublic())` (ECDH) and
 * ECDSA/EdDSA signatures.
 */
export const ELLIPTIC: LibraryModel = {
  id: 'elliptic',
  modules: { elliptic: 'elliptic' },
  types: {
    elliptic: {
      display: 'elliptic',
      members: { ec: ref('elliptic.ECClass'), eddsa: ref('elliptic.EdDSAClass') },
    },
    'elliptic.ECClass': {
      display: 'elliptic.ec',
      call: fn({ args: ['curve'], returns: 'elliptic.EC' }),
    },
    'elliptic.EC': {
      display: 'elliptic EC',
      members: {
        genKeyPair: fn({ operation: 'generate', returns: 'elliptic.KeyPair' }),
        keyFromPrivate: fn({ args: ['key', null], operation: 'import', returns: 'elliptic.KeyPair' }),
        keyFromPublic: fn({ args: ['publicKey', null], operation: 'import', returns: 'elliptic.KeyPair' }),
        keyPair: fn({ args: [{ options: { priv: 'key', pub: 'publicKey' } }], operation: 'import', returns: 'elliptic.KeyPair' }),
        sign: fn({ args: [null, 'key'], operation: 'sign' }),
        verify: fn({ args: [null, null, 'publicKey'], operation: 'verify' }),
      },
    },
    'elliptic.KeyPair': {
      display: 'elliptic key pair',
      members: {
        derive: fn({ args: ['recipientKey'], operation: 'agree', result: 'key-material' }),
        getPublic: fn({ operation: 'export' }),
        getPrivate: fn({ operation: 'export' }),
        sign: fn({ operation: 'sign' }),
        verify: fn({ operation: 'verify' }),
      },
    },
    'elliptic.EdDSAClass': {
      display: 'elliptic.eddsa',
      call: fn({ args: ['curve'], returns: 'elliptic.EdDSA' }),
    },
    'elliptic.EdDSA': {
      display: 'elliptic EdDSA',
      members: {
        keyFromSecret: fn({ args: ['key'], operation: 'import' }),
        keyFromPublic: fn({ args: ['publicKey'], operation: 'import' }),
        sign: fn({ args: [null, 'key'], operation: 'sign' }),
        verify: fn({ args: [null, null, 'publicKey'], operation: 'verify' }),
      },
    },
  },
};
