import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { consoleLog } from '../../server/src/database/database-log';
import { EmbeddedDatabase } from '../../server/src/database/embedded-database';
import { ensureFerretDbBinary } from '../../server/src/database/ferretdb-binary';
import { TEST_RUNS_DIR, TEST_URI_VARIABLE, TOOLS_DIR } from './test-env';

declare global {
  var __CONGRESSFLOW_TEST_FERRETDB__: EmbeddedDatabase | undefined;
  var __CONGRESSFLOW_TEST_DATA_DIR__: string | undefined;
}

/** One embedded database (FerretDB on PostgreSQL) for the whole run; with MONGODB_URI set, the tests use that server instead. */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env[TEST_URI_VARIABLE] = process.env.MONGODB_URI;
    return;
  }
  const binary = await ensureFerretDbBinary(TOOLS_DIR, consoleLog);
  mkdirSync(TEST_RUNS_DIR, { recursive: true });
  const dataDir = mkdtempSync(join(TEST_RUNS_DIR, 'run-'));
  const db = await EmbeddedDatabase.start({ binary, dataDir, log: consoleLog });
  globalThis.__CONGRESSFLOW_TEST_DATA_DIR__ = dataDir;
  globalThis.__CONGRESSFLOW_TEST_FERRETDB__ = db;
  process.env[TEST_URI_VARIABLE] = db.uri;
}
