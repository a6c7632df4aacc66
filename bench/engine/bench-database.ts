import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { repoRoot } from '../../server/src/common/repo-paths';
import { openDatabase } from '../../server/src/database/database';
import { consoleLog } from '../../server/src/database/database-log';

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
  const dataDir = mkdtempSync(join(tmpdir(), 'congressflow-bench-'));
  const dbName = `bench_${Date.now().toString(36)}`;
  const database = await openDatabase({
    mongodbUri: process.env.MONGODB_URI,
    dbName,
    dataDir,
    toolsDir: process.env.CONGRESSFLOW_TOOLS_DIR ?? join(repoRoot(), '.tools'),
    log: { info: () => undefined, warn: consoleLog.warn },
  });
  const connection = await mongoose
    .createConnection(database.uri, { dbName, monitorCommands: true, maxPoolSize: 32 })
    .asPromise();
  return {
    server: `${database.kind} ${database.version}`,
    connection,
    async close() {
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
