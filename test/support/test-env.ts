import { join } from 'node:path';
import { repoRoot } from '../../server/src/common/repo-paths';

/** Each test run keeps its FerretDB in a folder of its own, so concurrent runs never share files. */
export const TEST_RUNS_DIR = join(repoRoot(), '.data', 'test-runs');
export const TOOLS_DIR = process.env.CONGRESSFLOW_TOOLS_DIR ?? join(repoRoot(), '.tools');
/** Global setup publishes the server's URI here; test workers inherit it. */
export const TEST_URI_VARIABLE = 'CONGRESSFLOW_TEST_MONGODB_URI';
