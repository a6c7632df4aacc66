import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { CSRF_HEADER, CSRF_VALUE } from '../../server/src/auth/csrf';
import { createApp } from '../../server/src/bootstrap';
import { repoRoot } from '../../server/src/common/repo-paths';
import { loadConfig } from '../../server/src/config/app-config';
import { type Database, openDatabase } from '../../server/src/database/database';
import { consoleLog } from '../../server/src/database/database-log';
import { createLogger } from '../../server/src/logging/logger';

export interface BenchServer {
  app: INestApplication;
  database: Database;
  /** `http://127.0.0.1:<port>` */
  base: string;
  close(): Promise<void>;
}

/**
 * The real server (AppModule: guards, inbox, engine, job scheduler, notifications) on a fresh
 * database — an embedded FerretDB in a temporary folder, started as the platform starts it, or a
 * throwaway database on MONGODB_URI — listening on a free loopback port. No seed.
 */
export async function startBenchServer(): Promise<BenchServer> {
  const { database, dbName, close } = await openBenchDatabase();
  const config = loadConfig({ PORT: '0', CONGRESSFLOW_DB_NAME: dbName });
  const app = await createApp(config, database, createLogger('error'), {
    // cheap password hashing and no login rate limit: the benchmark signs in hundreds of users
    auth: { bcryptRounds: 4, loginRatePerMinute: 1_000_000 },
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    database,
    base: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      await close();
    },
  };
}

/** The fresh database the server runs on. */
export async function openBenchDatabase(): Promise<{
  database: Database;
  dbName: string;
  close(): Promise<void>;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'congressflow-api-bench-'));
  const dbName = `bench_api_${Date.now().toString(36)}`;
  const database = await openDatabase({
    mongodbUri: process.env.MONGODB_URI,
    dbName,
    dataDir,
    toolsDir: process.env.CONGRESSFLOW_TOOLS_DIR ?? join(repoRoot(), '.tools'),
    log: { info: () => undefined, warn: consoleLog.warn },
    monitorCommands: true,
  });
  return {
    database,
    dbName,
    async close() {
      await database.connection.dropDatabase().catch(() => undefined);
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in user: requests carry the session cookie and the CSRF header. */
export class BenchClient {
  private constructor(
    private readonly base: string,
    private readonly cookie: string,
  ) {}

  static async login(base: string, username: string, password: string): Promise<BenchClient> {
    const response = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
      body: JSON.stringify({ username, password }),
    });
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('cf_session='));
    if (!cookie) throw new Error(`login ${username}: no session cookie`);
    return new BenchClient(base, cookie.split(';')[0]);
  }

  async get(path: string): Promise<unknown> {
    const response = await fetch(`${this.base}${path}`, { headers: { cookie: this.cookie } });
    if (response.status !== 200)
      throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  }

  async post(path: string, body: unknown): Promise<number> {
    const response = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: {
        cookie: this.cookie,
        'content-type': 'application/json',
        [CSRF_HEADER]: CSRF_VALUE,
      },
      body: JSON.stringify(body),
    });
    if (response.status >= 300)
      throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    return response.status;
  }
}
