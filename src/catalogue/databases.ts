import { TLS_CLIENT_OPTIONS, TLS_OPTIONS } from './tls.js';
import { fn, ref, type ArgSpecObject, type FunctionSpec, type LibraryModel } from './types.js';

/*
 * Database drivers, ORMs and mailers: where their TLS options object sits
 * (`ssl`, `tls`, `dialectOptions.ssl`...), their own verification switches,
 * and the connection strings that can carry TLS settings.
 */

// --------------------------------------------------------------------- pg

/** pg `ssl`: `true`, or a TLS options object. */
const PG_CONFIG: ArgSpecObject = {
  role: 'connectionString',
  options: { connectionString: 'connectionString', ssl: TLS_OPTIONS },
};
const PG_CLIENT: FunctionSpec = fn({ args: [PG_CONFIG], operation: 'configure' });

export const PG: LibraryModel = {
  id: 'pg',
  modules: { pg: 'pg', 'pg-pool': 'pg.Pool' },
  types: {
    pg: {
      display: 'pg',
      members: {
        Client: ref('pg.Client'),
        Pool: ref('pg.Pool'),
        native: ref('pg'),
        defaults: ref('pg.defaults'),
        default: ref('pg'),
      },
    },
    'pg.Client': { display: 'pg.Client', call: PG_CLIENT },
    'pg.Pool': { display: 'pg.Pool', call: PG_CLIENT },
    'pg.defaults': {
      display: 'pg.defaults',
      // `pg.defaults.ssl = { rejectUnauthorized: false }` applies to every client created afterwards
      members: { ssl: { kind: 'property', role: 'tlsOptions', operation: 'configure', value: TLS_OPTIONS } },
    },
  },
};

// ------------------------------------------------------------ mysql / mysql2

/** mysql2 `ssl`: a profile name (`'Amazon RDS'`) or a TLS options object; `uri` a connection string. */
const MYSQL_CONFIG: ArgSpecObject = {
  role: 'connectionString',
  options: { uri: 'connectionString', ssl: TLS_OPTIONS },
};
const MYSQL_CONNECT: FunctionSpec = fn({ args: [MYSQL_CONFIG], operation: 'configure' });

export const MYSQL: LibraryModel = {
  id: 'mysql2',
  modules: { mysql2: 'mysql2', 'mysql2/promise': 'mysql2', mysql: 'mysql2' },
  types: {
    mysql2: {
      display: 'mysql',
      members: {
        createConnection: MYSQL_CONNECT,
        createPool: MYSQL_CONNECT,
        createPoolCluster: fn({ returns: 'mysql2.PoolCluster' }),
        default: ref('mysql2'),
      },
    },
    'mysql2.PoolCluster': {
      display: 'PoolCluster',
      members: { add: fn({ args: [MYSQL_CONFIG, MYSQL_CONFIG], operation: 'configure' }) },
    },
  },
};

// ------------------------------------------------------- mongodb / mongoose

/** MongoDB driver options: its own switches, plus the TLS options it passes to Node. */
const MONGO_OPTIONS: ArgSpecObject = {
  options: {
    ...TLS_CLIENT_OPTIONS,
    tlsInsecure: 'tlsSkipVerify',
    tlsAllowInvalidCertificates: 'tlsSkipVerify',
    tlsAllowInvalidHostnames: 'tlsSkipVerify',
    sslValidate: 'tlsVerify',
  },
};
const MONGO_CONNECT: FunctionSpec = fn({ args: ['connectionString', MONGO_OPTIONS], operation: 'configure' });

export const MONGODB: LibraryModel = {
  id: 'mongodb',
  modules: { mongodb: 'mongodb', mongoose: 'mongoose' },
  types: {
    mongodb: { display: 'mongodb', members: { MongoClient: ref('mongodb.MongoClient') } },
    'mongodb.MongoClient': { display: 'MongoClient', call: MONGO_CONNECT, members: { connect: MONGO_CONNECT } },
    mongoose: {
      display: 'mongoose',
      members: { connect: MONGO_CONNECT, createConnection: MONGO_CONNECT, default: ref('mongoose') },
    },
  },
};

// ---------------------------------------------------------- ioredis / redis

/** ioredis `tls`; `new Redis(port, host, options)`, `new Redis(url, options)`, `new Redis(options)`. */
const IOREDIS_OPTIONS: ArgSpecObject = { role: 'connectionString', options: { tls: TLS_OPTIONS } };
const IOREDIS_CLASS: FunctionSpec = fn({ args: [IOREDIS_OPTIONS, IOREDIS_OPTIONS, IOREDIS_OPTIONS], operation: 'configure' });
const IOREDIS_CLUSTER: FunctionSpec = fn({
  args: [null, { options: { redisOptions: { options: { tls: TLS_OPTIONS } } } }],
  operation: 'configure',
});

/** node-redis 4+: `createClient({ url, socket: { tls: true, rejectUnauthorized, ca } })`. */
const REDIS_OPTIONS: ArgSpecObject = { options: { url: 'connectionString', socket: TLS_OPTIONS } };

export const REDIS: LibraryModel = {
  id: 'redis',
  modules: { ioredis: 'ioredis', redis: 'redis' },
  types: {
    ioredis: {
      display: 'Redis',
      call: IOREDIS_CLASS,
      members: { Redis: ref('ioredis'), default: ref('ioredis'), Cluster: ref('ioredis.Cluster') },
    },
    'ioredis.Cluster': { display: 'Redis.Cluster', call: IOREDIS_CLUSTER },
    redis: {
      display: 'redis',
      members: {
        createClient: fn({ args: [REDIS_OPTIONS], operation: 'configure' }),
        createCluster: fn({
          args: [{ options: { defaults: REDIS_OPTIONS, rootNodes: null } }],
          operation: 'configure',
        }),
      },
    },
  },
};

// ------------------------------------------------------------- nodemailer

/** nodemailer `createTransport(options | url)`: `tls` is handed to Node. */
const MAIL_TRANSPORT: ArgSpecObject = { role: 'connectionString', options: { tls: TLS_OPTIONS } };

export const NODEMAILER: LibraryModel = {
  id: 'nodemailer',
  modules: { nodemailer: 'nodemailer' },
  types: {
    nodemailer: {
      display: 'nodemailer',
      members: {
        createTransport: fn({ args: [MAIL_TRANSPORT, null], operation: 'configure' }),
        default: ref('nodemailer'),
      },
    },
  },
};

// ---------------------------------------------------- knex / sequelize / typeorm

/** knex `connection`: a connection string or a driver config (pg/mysql `ssl`). */
const KNEX_CONFIG: ArgSpecObject = { options: { connection: PG_CONFIG } };
/** Sequelize `dialectOptions.ssl` (and a URI as first argument). */
const SEQUELIZE_OPTIONS: ArgSpecObject = {
  role: 'connectionString',
  options: { dialectOptions: { options: { ssl: TLS_OPTIONS } } },
};
/** TypeORM `ssl` and `extra.ssl`, `url`. */
const TYPEORM_OPTIONS: ArgSpecObject = {
  options: { url: 'connectionString', ssl: TLS_OPTIONS, extra: { options: { ssl: TLS_OPTIONS } } },
};

export const ORMS: LibraryModel = {
  id: 'orm',
  modules: { knex: 'knex', sequelize: 'sequelize', typeorm: 'typeorm' },
  types: {
    knex: {
      display: 'knex',
      call: fn({ args: [KNEX_CONFIG], operation: 'configure' }),
      members: { knex: ref('knex'), default: ref('knex') },
    },
    sequelize: { display: 'sequelize', members: { Sequelize: ref('sequelize.Sequelize'), default: ref('sequelize.Sequelize') } },
    'sequelize.Sequelize': {
      display: 'Sequelize',
      // (uri, options) | (options) | (database, username, password, options)
      call: fn({ args: [SEQUELIZE_OPTIONS, SEQUELIZE_OPTIONS, null, SEQUELIZE_OPTIONS], operation: 'configure' }),
    },
    typeorm: { display: 'typeorm', members: { DataSource: ref('typeorm.DataSource'), createConnection: fn({ args: [TYPEORM_OPTIONS], operation: 'configure' }) } },
    'typeorm.DataSource': { display: 'DataSource', call: fn({ args: [TYPEORM_OPTIONS], operation: 'configure' }) },
  },
};
