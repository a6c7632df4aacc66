import { loadAuthSettings } from './auth/auth-settings';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/app-config';
import { openDatabase } from './database/database';
import { SystemPackageError } from './common/system-packages';
import { DatabaseError } from './database/database.error';
import { ensurePrintingPackages } from './documents-http/renditions/printing-packages';
import { createLogger } from './logging/logger';
import { loadSeedSettings } from './seed/seed-settings';

/**
 * One server process: configuration, the database (MONGODB_URI, or the embedded one it starts),
 * the HTTP app; SIGINT/SIGTERM stop the app, then the database. What `npm start` runs, and what
 * each worker of `npm run start:cluster` runs (with MONGODB_URI pointing at the shared database).
 */
export async function runServer(): Promise<void> {
  const config = loadConfig();
  const auth = loadAuthSettings();
  const seed = loadSeedSettings();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase({
    mongodbUri: config.mongodbUri,
    dbName: config.dbName,
    dataDir: config.dataDir,
    toolsDir: config.toolsDir,
    log: {
      info: (message, fields) => logger.info(fields ?? {}, message),
      warn: (message, fields) => logger.warn(fields ?? {}, message),
    },
  });

  await ensurePrintingPackages(config.chromiumPath, !config.mongodbUri, {
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
  });

  let app;
  try {
    app = await createApp(config, database, logger, { auth, seed });
    await app.listen(config.port, config.host);
  } catch (error) {
    await database.close();
    throw error;
  }
  const url = `http://${config.host}:${config.port}`;
  logger.info(
    { url, pid: process.pid, db: { kind: database.kind, version: database.version } },
    `CongressFlow is ready at ${url}`,
  );

  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await app.close();
    } finally {
      await database.close();
      logger.info('stopped');
      logger.flush();
      process.exit(0);
    }
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
}

/** Start-up problems a person can fix get their message alone, not a stack trace; then exit 1. */
export function exitOnStartError(error: unknown): never {
  if (
    error instanceof ConfigError ||
    error instanceof DatabaseError ||
    error instanceof SystemPackageError
  ) {
    console.error(`\nCongressFlow cannot start (${error.code}):\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
