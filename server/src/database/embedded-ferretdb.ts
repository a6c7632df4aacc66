import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';
import { DatabaseError } from './database.error';
import type { DatabaseLog } from './database-log';
import { freeLoopbackPort } from './free-port';
import { spawnSupervised, stopChild, stopLeftover, tailOf } from './supervised-process';

/** Where FerretDB keeps the documents: a PostgreSQL database (the default) or SQLite files. */
export type FerretDbBackend = { kind: 'postgresql'; url: string } | { kind: 'sqlite'; dir: string };

export interface EmbeddedFerretDbOptions {
  binary: string;
  /** Holds the pid file and FerretDB's own log (and, for SQLite, its files under sqlite/). */
  dataDir: string;
  /** By default SQLite files under dataDir/sqlite. */
  backend?: FerretDbBackend;
  log: DatabaseLog;
  /** Fixed port; by default a free loopback port is picked. */
  port?: number;
  startTimeoutMs?: number;
}

/**
 * A FerretDB child process on loopback, over PostgreSQL or SQLite.
 *
 * No orphan, ever: `stop()` on SIGINT/SIGTERM/normal exit (the caller's job), a synchronous kill
 * in process 'exit', the kernel's parent-death signal (setpriv --pdeathsig) for a parent that is
 * SIGKILLed, and a pid file so the next start stops a leftover from a machine crash.
 */
export class EmbeddedFerretDb {
  private readonly killOnExit = (): void => {
    this.child.kill('SIGKILL');
  };

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    private readonly pidFile: string,
  ) {
    process.once('exit', this.killOnExit);
  }

  get uri(): string {
    return `mongodb://127.0.0.1:${this.port}/`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  static async start(options: EmbeddedFerretDbOptions): Promise<EmbeddedFerretDb> {
    const backend = options.backend ?? { kind: 'sqlite', dir: join(options.dataDir, 'sqlite') };
    mkdirSync(options.dataDir, { recursive: true });
    if (backend.kind === 'sqlite') mkdirSync(backend.dir, { recursive: true });
    const pidFile = join(options.dataDir, 'ferretdb.pid');
    await stopLeftover(pidFile, 'ferretdb', options.log);

    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = options.port ?? (await freeLoopbackPort());
      const child = spawnSupervised(options.binary, ferretDbArgs(backend, port), {
        logFile: join(options.dataDir, 'ferretdb.log'),
      });
      const db = new EmbeddedFerretDb(child, port, pidFile);
      try {
        await db.waitForHello(
          options.startTimeoutMs ?? 30_000,
          join(options.dataDir, 'ferretdb.log'),
        );
        writeFileSync(pidFile, String(child.pid));
        options.log.info('embedded FerretDB is up', {
          port,
          pid: child.pid,
          dataDir: options.dataDir,
          backend: backend.kind,
        });
        return db;
      } catch (error) {
        lastError = error;
        await db.stop();
        if (options.port !== undefined) break;
      }
    }
    throw lastError;
  }

  async stop(): Promise<void> {
    process.removeListener('exit', this.killOnExit);
    await stopChild(this.child, 'SIGTERM');
    if (
      existsSync(this.pidFile) &&
      readFileSync(this.pidFile, 'utf8').trim() === String(this.child.pid)
    ) {
      rmSync(this.pidFile, { force: true });
    }
  }

  private async waitForHello(timeoutMs: number, logFile: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) {
        throw new DatabaseError(
          'FERRETDB_START_FAILED',
          `FerretDB exited during start-up: ${tailOf(logFile)}`,
        );
      }
      // Probe the port first: a MongoClient that fails to connect keeps monitor timers alive.
      if (!(await acceptsConnections(this.port))) {
        await sleep(50);
        continue;
      }
      const client = new mongoose.mongo.MongoClient(this.uri, {
        serverSelectionTimeoutMS: 2_000,
        directConnection: true,
      });
      try {
        await client.connect();
        await client.db('admin').command({ hello: 1 });
        return;
      } catch {
        await sleep(100);
      } finally {
        await client.close().catch(() => undefined);
      }
    }
    throw new DatabaseError(
      'FERRETDB_START_FAILED',
      `FerretDB did not answer hello within ${timeoutMs} ms: ${tailOf(logFile)}`,
    );
  }
}

function ferretDbArgs(backend: FerretDbBackend, port: number): string[] {
  const storage =
    backend.kind === 'postgresql'
      ? ['--handler=postgresql', `--postgresql-url=${backend.url}`]
      : ['--handler=sqlite', `--sqlite-url=file:${backend.dir}/`];
  return [
    ...storage,
    `--listen-addr=127.0.0.1:${port}`,
    '--telemetry=disable',
    '--debug-addr=-',
    '--state-dir=-',
    '--log-level=warn',
  ];
}

function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolveProbe) => {
    const socket = connectTcp({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolveProbe(true);
    });
    socket.once('error', () => resolveProbe(false));
  });
}
