import { join } from 'node:path';
import { repoRoot } from '../../server/src/common/repo-paths';

/** Where the test run keeps its FerretDB (wiped at the start of every run) and the shared binary. */
export const TEST_DATA_DIR = join(repoRoot(), '.data', 'test');
export const TOOLS_DIR = process.env.CONGRESSFLOW_TOOLS_DIR ?? join(repoRoot(), '.tools');
/** Global setup publishes the server's URI here; test workers inherit it. */
export const TEST_URI_VARIABLE = 'CONGRESSFLOW_TEST_MONGODB_URI';
