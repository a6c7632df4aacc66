import { rmSync } from 'node:fs';
import { consoleLog } from '../../server/src/database/database-log';
import { EmbeddedFerretDb } from '../../server/src/database/embedded-ferretdb';
import { ensureFerretDbBinary } from '../../server/src/database/ferretdb-binary';
import { TEST_DATA_DIR, TEST_URI_VARIABLE, TOOLS_DIR } from './test-env';

declare global {
  var __CONGRESSFLOW_TEST_FERRETDB__: EmbeddedFerretDb | undefined;
}

/** One FerretDB for the whole run; with MONGODB_URI set, the tests use that server instead. */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env[TEST_URI_VARIABLE] = process.env.MONGODB_URI;
    return;
  }
  const binary = await ensureFerretDbBinary(TOOLS_DIR, consoleLog);
  rmSync(TEST_DATA_DIR, { recursive: true, force: true });
  const db = await EmbeddedFerretDb.start({ binary, dataDir: TEST_DATA_DIR, log: consoleLog });
  globalThis.__CONGRESSFLOW_TEST_FERRETDB__ = db;
  process.env[TEST_URI_VARIABLE] = db.uri;
}
