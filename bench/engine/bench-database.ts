import mongoose, { type Connection } from 'mongoose';
import { openThrowawayDatabase } from '../common/throwaway-database';

export interface BenchDatabase {
  /** 'ferretdb 1.24.2' or 'mongodb 7.0.x'. */
  server: string;
  /** Monitors commands, so the profile can count round trips. */
  connection: Connection;
  close(): Promise<void>;
}

/**
 * A fresh database for one run: an embedded FerretDB in a temporary folder (removed afterwards),
 * started exactly as the platform starts it, or a throwaway database on MONGODB_URI.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const { database, dbName, close } = await openThrowawayDatabase('bench');
  const connection = await mongoose
    .createConnection(database.uri, { dbName, monitorCommands: true, maxPoolSize: 32 })
    .asPromise();
  return {
    server: `${database.kind} ${database.version}`,
    connection,
    async close() {
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
      await close();
    },
  };
}
