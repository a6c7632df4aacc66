import { createHash, randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connect } from '../../server/src/database/database';
import { TEST_URI_VARIABLE } from './test-env';

export interface TestDatabase {
  uri: string;
  dbName: string;
  connection: Connection;
  /** Drops this file's database and closes the connection. */
  dispose(): Promise<void>;
}

/** The run's URI: set by global setup (embedded FerretDB) or by MONGODB_URI. */
export function testServerUri(): string {
  const uri = process.env[TEST_URI_VARIABLE];
  if (!uri)
    throw new Error(
      `${TEST_URI_VARIABLE} is not set: run integration tests through jest's integration project`,
    );
  return uri;
}

export interface TestDatabaseOptions {
  /** Another server than the run's (a test that starts its own). */
  uri?: string;
  /** Emit the driver's command events, for a test that records what the code sends. */
  monitorCommands?: boolean;
}

/** A database of its own for each test file (name from the file path), so files run in parallel. */
export async function openTestDatabase(
  label = '',
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const testPath = expect.getState().testPath ?? 'unknown';
  const fileHash = createHash('sha1').update(testPath).digest('hex').slice(0, 8);
  const dbName = `t_${fileHash}_${label}${randomBytes(3).toString('hex')}`.slice(0, 60);
  const uri = options.uri ?? testServerUri();
  const connection = await connect(uri, dbName, { monitorCommands: options.monitorCommands });
  return {
    uri,
    dbName,
    connection,
    async dispose() {
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
    },
  };
}
