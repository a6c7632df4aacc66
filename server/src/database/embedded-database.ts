import { existsSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import mongoose from 'mongoose';
import type { DatabaseLog } from './database-log';
import { DatabaseError } from './database.error';
import { EmbeddedFerretDb } from './embedded-ferretdb';
import { EmbeddedPostgres } from './postgres/embedded-postgres';

export interface EmbeddedDatabaseOptions {
  binary: string;
  /** The platform's data folder: postgres/ holds the cluster, ferretdb/ FerretDB's pid and log. */
  dataDir: string;
  log: DatabaseLog;
  /** More PostgreSQL server settings (see EmbeddedPostgresOptions.settings). */
  postgresSettings?: string[];
  /** FerretDB's port; by default a free loopback port (a restart that clients reconnect to needs the same). */
  port?: number;
}

/**
 * The embedded default: FerretDB 1.24 over a private PostgreSQL 15 cluster. Stopping it stops
 * FerretDB first (it holds connections), then PostgreSQL.
 */
export class EmbeddedDatabase {
  private constructor(
    readonly postgres: EmbeddedPostgres,
    readonly ferretdb: EmbeddedFerretDb,
  ) {}

  get uri(): string {
    return this.ferretdb.uri;
  }

  static async start(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
    const ferretDir = join(options.dataDir, 'ferretdb');
    const sqliteDir = join(ferretDir, 'sqlite');
    const firstStart = !existsSync(join(options.dataDir, 'postgres', 'cluster', 'PG_VERSION'));
    const postgres = await EmbeddedPostgres.start({
      dataDir: join(options.dataDir, 'postgres'),
      log: options.log,
      settings: options.postgresSettings,
    });
    let ferretdb: EmbeddedFerretDb;
    try {
      ferretdb = await EmbeddedFerretDb.start({
        binary: options.binary,
        dataDir: ferretDir,
        backend: { kind: 'postgresql', url: postgres.url },
        log: options.log,
        port: options.port,
      });
    } catch (error) {
      await postgres.stop();
      throw error;
    }
    const database = new EmbeddedDatabase(postgres, ferretdb);
    try {
      if (hasSqliteData(sqliteDir)) {
        if (!firstStart) throw sqliteLeftOver(sqliteDir);
        await migrateFromSqlite(options.binary, ferretDir, sqliteDir, ferretdb.uri, options.log);
      }
    } catch (error) {
      await database.stop();
      throw error;
    }
    return database;
  }

  async stop(): Promise<void> {
    await this.ferretdb.stop();
    await this.postgres.stop();
  }
}

function hasSqliteData(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.sqlite'));
}

function sqliteLeftOver(dir: string): DatabaseError {
  return new DatabaseError(
    'SQLITE_DATA_FOUND',
    `The data folder holds documents of the old SQLite-backed embedded database (${dir}) beside ` +
      `the PostgreSQL-backed one, which has its own data already. They are not merged. Move ` +
      `${dir} away to keep only the PostgreSQL data, or delete the postgres folder beside it ` +
      `and start again: a start that finds only SQLite data copies it over automatically.`,
  );
}

/**
 * Copies every database, collection and index of an old SQLite-backed data folder into the new
 * backend, checks the counts, and renames the SQLite folder so it is never read again.
 */
async function migrateFromSqlite(
  binary: string,
  ferretDir: string,
  sqliteDir: string,
  targetUri: string,
  log: DatabaseLog,
): Promise<void> {
  log.info('copying the documents of the old SQLite-backed embedded database', { sqliteDir });
  const source = await EmbeddedFerretDb.start({
    binary,
    dataDir: join(ferretDir, 'sqlite-migration'),
    backend: { kind: 'sqlite', dir: sqliteDir },
    log,
  });
  const from = new mongoose.mongo.MongoClient(source.uri, { directConnection: true });
  const to = new mongoose.mongo.MongoClient(targetUri, { directConnection: true });
  try {
    await from.connect();
    await to.connect();
    const { databases } = await from.db('admin').admin().listDatabases();
    let copied = 0;
    for (const { name } of databases) {
      for (const info of await from.db(name).listCollections().toArray()) {
        copied += await copyCollection(from.db(name), to.db(name), info.name);
      }
    }
    log.info('old SQLite data copied', { documents: copied });
  } finally {
    await from.close();
    await to.close();
    await source.stop();
  }
  renameSync(sqliteDir, `${sqliteDir}.migrated-${new Date().toISOString().slice(0, 10)}`);
}

async function copyCollection(
  from: mongoose.mongo.Db,
  to: mongoose.mongo.Db,
  name: string,
): Promise<number> {
  const indexes = (await from.collection(name).indexes()).filter((index) => index.name !== '_id_');
  for (const { key, name: indexName, unique } of indexes) {
    await to.collection(name).createIndex(key, { name: indexName, unique: unique ?? false });
  }
  let batch: mongoose.mongo.Document[] = [];
  for await (const document of from.collection(name).find()) {
    batch.push(document);
    if (batch.length === 500) {
      await to.collection(name).insertMany(batch, { ordered: true });
      batch = [];
    }
  }
  if (batch.length > 0) await to.collection(name).insertMany(batch, { ordered: true });
  const [expected, actual] = await Promise.all([
    from.collection(name).countDocuments(),
    to.collection(name).countDocuments(),
  ]);
  if (expected !== actual) {
    throw new DatabaseError(
      'SQLITE_DATA_FOUND',
      `Copying ${from.databaseName}.${name} from the old SQLite data gave ${actual} documents, expected ${expected}; the old data is left untouched.`,
    );
  }
  return actual;
}
