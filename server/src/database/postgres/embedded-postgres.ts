import { type ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DatabaseError } from '../database.error';
import type { DatabaseLog } from '../database-log';
import { commandAs, spawnSupervised, stopChild, stopLeftover, tailOf } from '../supervised-process';
import { ensureSystemPackage } from '../../common/system-packages';
import { GIN_TWINS_SQL } from './gin-twins.sql';

/** Debian's PostgreSQL 15 (package postgresql-15). */
export const POSTGRES_BIN = process.env.CONGRESSFLOW_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
const POSTGRES_PACKAGE = {
  debian: 'postgresql-15',
  purpose: 'PostgreSQL 15 (the embedded database)',
};
/** The PostgreSQL database FerretDB keeps every MongoDB database in (one schema each). */
export const FERRETDB_PG_DATABASE = 'ferretdb';
const PORT = 5432; // only names the socket file: the cluster listens on no TCP port

/** Settings the platform's indexes depend on; see gin-twins.sql.ts. */
const SERVER_SETTINGS = [
  'listen_addresses=',
  // FerretDB passes the field name as a statement parameter; a generic plan cannot match it to
  // an expression index, so every execution must be planned with its values.
  'plan_cache_mode=force_custom_plan',
  'max_connections=200',
  'shared_buffers=256MB',
  'log_min_messages=warning',
];

export interface EmbeddedPostgresOptions {
  /** Holds the cluster (`cluster/`) and its log. */
  dataDir: string;
  log: DatabaseLog;
  startTimeoutMs?: number;
  /** More `name=value` server settings, after the platform's own (a test's planner switches). */
  settings?: string[];
}

/**
 * A private PostgreSQL cluster for the embedded FerretDB: created with initdb in the data folder
 * on first start, listening only on a Unix socket in a fresh private directory, stopped with the
 * platform. As root it runs as the `postgres` system user (PostgreSQL refuses root).
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly child: ChildProcess,
    readonly socketDir: string,
    private readonly asUser: string | undefined,
    private readonly logFile: string,
  ) {
    process.once('exit', this.killOnExit);
  }

  private readonly killOnExit = (): void => {
    this.child.kill('SIGKILL');
  };

  /** What FerretDB's --postgresql-url takes. */
  get url(): string {
    return `postgres://postgres@/${FERRETDB_PG_DATABASE}?host=${encodeURIComponent(this.socketDir)}&port=${PORT}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    await ensureSystemPackage(
      POSTGRES_PACKAGE,
      () => existsSync(join(POSTGRES_BIN, 'postgres')) && existsSync(join(POSTGRES_BIN, 'psql')),
      options.log,
    );
    const asUser = process.getuid?.() === 0 ? 'postgres' : undefined;
    const owner = asUser ? systemUser(asUser) : undefined;
    mkdirSync(options.dataDir, { recursive: true });
    const clusterDir = join(options.dataDir, 'cluster');
    const logFile = join(options.dataDir, 'postgres.log');
    await stopLeftover(
      join(clusterDir, 'postmaster.pid'),
      'postgres',
      options.log,
      'SIGINT',
      false,
    );
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      await initCluster(clusterDir, asUser, owner, options.log);
    }
    const socketDir = mkdtempSync(join(tmpdir(), 'congressflow-pg-'));
    if (owner) chownSync(socketDir, owner.uid, owner.gid);
    chmodSync(socketDir, 0o700);

    const args = ['-D', clusterDir, '-k', socketDir, '-p', String(PORT)];
    for (const setting of [...SERVER_SETTINGS, ...(options.settings ?? [])])
      args.push('-c', setting);
    const child = spawnSupervised(join(POSTGRES_BIN, 'postgres'), args, {
      logFile,
      asUser,
      parentDeathSignal: 'SIGINT',
    });
    const pg = new EmbeddedPostgres(child, socketDir, asUser, logFile);
    try {
      await pg.waitUntilReady(options.startTimeoutMs ?? 60_000);
      await pg.prepareFerretDbDatabase();
      options.log.info('embedded PostgreSQL is up', { pid: child.pid, clusterDir });
      return pg;
    } catch (error) {
      await pg.stop();
      throw error;
    }
  }

  /** Runs SQL through psql as the cluster's superuser; returns unaligned, tuples-only output. */
  async sql(sql: string, database = FERRETDB_PG_DATABASE): Promise<string> {
    const [command, args] = commandAs(this.asUser, join(POSTGRES_BIN, 'psql'), [
      '-h',
      this.socketDir,
      '-p',
      String(PORT),
      '-U',
      'postgres',
      '-d',
      database,
      '-X',
      '-q',
      '-At',
      '-v',
      'ON_ERROR_STOP=1',
      '-f',
      '-',
    ]);
    return runWithInput(command, args, sql);
  }

  async stop(): Promise<void> {
    process.removeListener('exit', this.killOnExit);
    await stopChild(this.child, 'SIGINT', 20_000);
    rmSync(this.socketDir, { recursive: true, force: true });
  }

  private async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    while (Date.now() < deadline) {
      if (!this.running) {
        throw new DatabaseError(
          'POSTGRES_START_FAILED',
          `PostgreSQL exited during start-up: ${tailOf(this.logFile)}`,
        );
      }
      if (existsSync(join(this.socketDir, `.s.PGSQL.${PORT}`))) {
        try {
          await this.sql('SELECT 1', 'postgres');
          return;
        } catch (error) {
          lastError = error;
        }
      }
      await sleep(100);
    }
    throw new DatabaseError(
      'POSTGRES_START_FAILED',
      `PostgreSQL did not accept connections within ${timeoutMs} ms: ${String(lastError)} ${tailOf(this.logFile)}`,
    );
  }

  private async prepareFerretDbDatabase(): Promise<void> {
    const exists = await this.sql(
      `SELECT 1 FROM pg_database WHERE datname = '${FERRETDB_PG_DATABASE}'`,
      'postgres',
    );
    if (exists.trim() !== '1') {
      await this.sql(`CREATE DATABASE ${FERRETDB_PG_DATABASE} ENCODING 'UTF8'`, 'postgres');
    }
    await this.sql(GIN_TWINS_SQL);
  }
}

async function initCluster(
  clusterDir: string,
  asUser: string | undefined,
  owner: { uid: number; gid: number } | undefined,
  log: DatabaseLog,
): Promise<void> {
  log.info('creating the embedded PostgreSQL cluster', { clusterDir });
  rmSync(clusterDir, { recursive: true, force: true });
  mkdirSync(clusterDir, { recursive: true });
  if (owner) chownSync(clusterDir, owner.uid, owner.gid);
  chmodSync(clusterDir, 0o700);
  const [command, args] = commandAs(asUser, join(POSTGRES_BIN, 'initdb'), [
    '-D',
    clusterDir,
    '-U',
    'postgres',
    // only the platform's processes reach the socket, in a directory only its user can enter
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  try {
    await runWithInput(command, args, '');
  } catch (cause) {
    throw new DatabaseError('POSTGRES_START_FAILED', `initdb failed: ${(cause as Error).message}`, {
      cause,
    });
  }
}

function systemUser(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) {
    throw new DatabaseError(
      'POSTGRES_START_FAILED',
      `PostgreSQL must not run as root, and there is no "${name}" system user to run it as (the Debian package postgresql-15 creates it).`,
    );
  }
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function runWithInput(command: string, args: string[], input: string): Promise<string> {
  return new Promise((resolveRun, rejectRun) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', rejectRun);
    child.once('close', (code) => {
      if (code === 0) resolveRun(stdout);
      else rejectRun(new Error(`${command} exited ${code}: ${stderr.trim()}`));
    });
    child.stdin.end(input);
  });
}
