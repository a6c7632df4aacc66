import type { INestApplication } from '@nestjs/common';
import { CSRF_HEADER, CSRF_VALUE } from '../../server/src/auth/csrf';
import { createApp } from '../../server/src/bootstrap';
import { loadConfig } from '../../server/src/config/app-config';
import type { Database } from '../../server/src/database/database';
import { createLogger } from '../../server/src/logging/logger';
import { openThrowawayDatabase } from '../common/throwaway-database';

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
  const { database, dbName, close } = await openThrowawayDatabase('bench_api', {
    monitorCommands: true,
  });
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
