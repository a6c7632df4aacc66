import { type ChildProcess, spawn } from 'node:child_process';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';
import { DatabaseError } from './database.error';
import type { DatabaseLog } from './database-log';
import { freeLoopbackPort } from './free-port';

export interface EmbeddedFerretDbOptions {
  binary: string;
  /** Holds the SQLite files, the pid file and FerretDB's own log. */
  dataDir: string;
  log: DatabaseLog;
  /** Fixed port; by default a free loopback port is picked. */
  port?: number;
  startTimeoutMs?: number;
}

const SETPRIV = '/usr/bin/setpriv';

/**
 * A FerretDB child process on loopback with the SQLite backend.
 *
 * No orphan, ever: `stop()` on SIGINT/SIGTERM/normal exit (the caller's job), a synchronous kill
 * in process 'exit', the kernel's parent-death signal (setpriv --pdeathsig) for a parent that is
 * SIGKILLed, and a pid file so the next start stops a leftover from a machine crash.
 */
export class EmbeddedFerretDb {
  private exited: Promise<void>;
  private readonly killOnExit = (): void => {
    this.child.kill('SIGKILL');
  };

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    private readonly pidFile: string,
  ) {
    this.exited = new Promise((resolveExit) => child.once('exit', () => resolveExit()));
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
    const sqliteDir = join(options.dataDir, 'sqlite');
    mkdirSync(sqliteDir, { recursive: true });
    const pidFile = join(options.dataDir, 'ferretdb.pid');
    await stopLeftover(pidFile, options.log);

    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = options.port ?? (await freeLoopbackPort());
      const child = spawnFerretDb(
        options.binary,
        sqliteDir,
        port,
        join(options.dataDir, 'ferretdb.log'),
      );
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
    if (this.running) {
      this.child.kill('SIGTERM');
      const stopped = await Promise.race([
        this.exited.then(() => true),
        // unref'd: a pending 10 s timer must not hold the caller's event loop open
        sleep(10_000, undefined, { ref: false }).then(() => false),
      ]);
      if (!stopped) {
        this.child.kill('SIGKILL');
        await this.exited;
      }
    }
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
          `FerretDB exited during start-up: ${tail(logFile)}`,
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
      `FerretDB did not answer hello within ${timeoutMs} ms: ${tail(logFile)}`,
    );
  }
}

function spawnFerretDb(
  binary: string,
  sqliteDir: string,
  port: number,
  logFile: string,
): ChildProcess {
  const args = [
    '--handler=sqlite',
    `--sqlite-url=file:${sqliteDir}/`,
    `--listen-addr=127.0.0.1:${port}`,
    '--telemetry=disable',
    '--debug-addr=-',
    '--state-dir=-',
    '--log-level=warn',
  ];
  const log = openSync(logFile, 'a');
  try {
    const [command, commandArgs] = hasSetpriv()
      ? [SETPRIV, ['--pdeathsig', 'SIGTERM', '--', binary, ...args]]
      : [binary, args];
    return spawn(command, commandArgs, { stdio: ['ignore', log, log] });
  } finally {
    closeSync(log);
  }
}

function hasSetpriv(): boolean {
  try {
    accessSync(SETPRIV, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A FerretDB left running by a crashed parent still holds the SQLite files; stop it first. */
async function stopLeftover(pidFile: string, log: DatabaseLog): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || !isFerretDb(pid)) return;
  log.warn('stopping a FerretDB left over from an earlier run', { pid });
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && isFerretDb(pid); i++) await sleep(50);
  if (isFerretDb(pid)) process.kill(pid, 'SIGKILL');
}

function isFerretDb(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('ferretdb');
  } catch {
    return false;
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-5).join('\n');
  } catch {
    return '(no log)';
  }
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
