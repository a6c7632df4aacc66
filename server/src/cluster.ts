import cluster, { type Worker } from 'node:cluster';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config/app-config';
import { EmbeddedDatabase } from './database/embedded-database';
import { ensureFerretDbBinary } from './database/ferretdb-binary';
import { consoleLog } from './database/database-log';
import { createLogger } from './logging/logger';
import { exitOnStartError, runServer } from './run-server';

/**
 * `npm run start:cluster -- --nodes 3`: several server processes on one machine, sharing one
 * port and one database. The primary starts the embedded database once (or uses MONGODB_URI),
 * then forks the workers with MONGODB_URI pointing at it; Node's cluster module hands each
 * connection to the next worker. The first worker starts alone, so the start-up seed runs once;
 * a worker that dies is replaced; Ctrl-C stops the workers, then the database.
 */
async function primary(): Promise<void> {
  const { values } = parseArgs({ options: { nodes: { type: 'string', default: '2' } } });
  const nodes = Number(values.nodes);
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 64)
    throw new ConfigError('--nodes', 'must be a whole number from 1 to 64');
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  let embedded: EmbeddedDatabase | undefined;
  let uri = config.mongodbUri;
  if (uri === undefined) {
    embedded = await EmbeddedDatabase.start({
      binary: await ensureFerretDbBinary(config.toolsDir, consoleLog),
      dataDir: config.dataDir,
      log: consoleLog,
    });
    uri = embedded.uri;
  }
  let stopping = false;
  const fork = (): Worker => {
    const worker = cluster.fork({ MONGODB_URI: uri, CONGRESSFLOW_CLUSTER_WORKER: '1' });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      logger.warn(
        { pid: worker.process.pid, code, signal },
        'a server process ended; starting another',
      );
      fork();
    });
    return worker;
  };
  await new Promise<void>((listening, failed) => {
    const first = fork();
    first.once('listening', () => listening());
    first.once('exit', (code) => failed(new Error(`the first server process exited (${code})`)));
  });
  for (let i = 1; i < nodes; i++) fork();
  logger.info({ nodes, port: config.port }, `CongressFlow runs ${nodes} server processes`);

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter(
      (w): w is Worker => w !== undefined,
    );
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((exited) => {
            if (worker.isDead()) return exited();
            worker.once('exit', () => exited());
            worker.process.kill('SIGTERM');
          }),
      ),
    );
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

if (cluster.isPrimary) primary().catch(exitOnStartError);
else runServer().catch(exitOnStartError);
