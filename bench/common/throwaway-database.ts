import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../server/src/common/repo-paths';
import { type Database, openDatabase } from '../../server/src/database/database';
import { consoleLog } from '../../server/src/database/database-log';

export interface ThrowawayDatabase {
  database: Database;
  dbName: string;
  /** Drops the database, closes it and removes its temporary folder. */
  close(): Promise<void>;
}

/**
 * A fresh database for one bench run, opened exactly as the platform opens it: an embedded
 * FerretDB in a temporary folder (removed afterwards), or a throwaway database on MONGODB_URI
 * (dropped afterwards). `name` tells the runs' folders and databases apart ('bench', 'bench_api').
 */
export async function openThrowawayDatabase(
  name: string,
  options: { monitorCommands?: boolean } = {},
): Promise<ThrowawayDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), `congressflow-${name.replace(/_/g, '-')}-`));
  const dbName = `${name}_${Date.now().toString(36)}`;
  const database = await openDatabase({
    mongodbUri: process.env.MONGODB_URI,
    dbName,
    dataDir,
    toolsDir: process.env.CONGRESSFLOW_TOOLS_DIR ?? join(repoRoot(), '.tools'),
    log: { info: () => undefined, warn: consoleLog.warn },
    monitorCommands: options.monitorCommands,
  });
  return {
    database,
    dbName,
    async close() {
      await database.connection.dropDatabase().catch(() => undefined);
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
