import mongoose, { type ConnectOptions, type Connection } from 'mongoose';
import { DatabaseError } from './database.error';
import type { DatabaseLog } from './database-log';
import { EmbeddedDatabase } from './embedded-database';
import { ensureFerretDbBinary } from './ferretdb-binary';

export type DatabaseKind = 'ferretdb' | 'mongodb';

export interface OpenDatabaseOptions {
  /** Set → the production path: connect there and never build or start FerretDB. */
  mongodbUri?: string;
  dbName: string;
  dataDir: string;
  toolsDir: string;
  log: DatabaseLog;
  /** The driver emits command events (benchmarks count round trips with them). */
  monitorCommands?: boolean;
}

export interface DatabaseHealth {
  ok: boolean;
  kind: DatabaseKind;
  version: string;
}

/** The one open connection of a process, and the embedded server behind it when there is one. */
export class Database {
  constructor(
    readonly connection: Connection,
    readonly kind: DatabaseKind,
    readonly version: string,
    readonly uri: string,
    readonly embedded?: EmbeddedDatabase,
  ) {}

  async health(): Promise<DatabaseHealth> {
    let ok = false;
    try {
      const db = this.connection.db;
      ok = db !== undefined && (await db.command({ ping: 1 })).ok === 1;
    } catch {
      ok = false;
    }
    return { ok, kind: this.kind, version: this.version };
  }

  async close(): Promise<void> {
    await this.connection.close().catch(() => undefined);
    await this.embedded?.stop();
  }
}

/**
 * Connects to MONGODB_URI, or builds FerretDB (once), starts it over the private PostgreSQL cluster
 * and connects to it.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let uri = options.mongodbUri;
  if (uri === undefined) {
    const binary = await ensureFerretDbBinary(options.toolsDir, options.log);
    embedded = await EmbeddedDatabase.start({ binary, dataDir: options.dataDir, log: options.log });
    uri = embedded.uri;
  }
  try {
    const connection = await connect(uri, options.dbName, {
      monitorCommands: options.monitorCommands ?? false,
    });
    const { kind, version } = await identifyServer(connection);
    options.log.info('database connected', {
      kind,
      version,
      dbName: options.dbName,
      embedded: embedded !== undefined,
    });
    return new Database(connection, kind, version, uri, embedded);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

export async function connect(
  uri: string,
  dbName: string,
  options: Pick<ConnectOptions, 'monitorCommands'> = {},
): Promise<Connection> {
  try {
    return await mongoose
      .createConnection(uri, { dbName, serverSelectionTimeoutMS: 10_000, ...options })
      .asPromise();
  } catch (cause) {
    throw new DatabaseError(
      'DATABASE_UNREACHABLE',
      `Cannot connect to ${redact(uri)}: ${(cause as Error).message}`,
      { cause },
    );
  }
}

/** FerretDB answers buildInfo with its own version beside the MongoDB version it emulates. */
export async function identifyServer(
  connection: Connection,
): Promise<{ kind: DatabaseKind; version: string }> {
  const info = await connection.db!.admin().command({ buildInfo: 1 });
  if (typeof info.ferretdbVersion === 'string')
    return { kind: 'ferretdb', version: info.ferretdbVersion };
  return { kind: 'mongodb', version: String(info.version) };
}

function redact(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}
