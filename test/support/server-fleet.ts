import mongoose, { type Connection } from 'mongoose';
import { CSRF_HEADER, CSRF_VALUE } from '../../server/src/auth/csrf';
import { ProcessEngine, systemClock } from '../../engine/src';
import { FormStore } from '../../server/src/forms';
import { PlatformProcess } from './platform-process';

/** The demo users' password in these tests (CONGRESSFLOW_DEMO_PASSWORD). */
export const FLEET_PASSWORD = 'Fleet-pass-2026';
export const DEMO_DISTRICT = 'demo';

/**
 * Several real server processes (`server/src/main.ts`, as `npm start` runs it) over one database,
 * each on its own loopback port — what N processes behind a reverse proxy are. The first starts
 * alone, so the demo seed runs once; the others find it done.
 */
export class ServerFleet {
  private constructor(
    readonly servers: (PlatformProcess | undefined)[],
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  static async start(
    count: number,
    uri: string,
    dbName: string,
    extra: NodeJS.ProcessEnv = {},
  ): Promise<ServerFleet> {
    const env = {
      MONGODB_URI: uri,
      CONGRESSFLOW_DB_NAME: dbName,
      CONGRESSFLOW_DEMO_PASSWORD: FLEET_PASSWORD,
      CONGRESSFLOW_ADMIN_PASSWORD: FLEET_PASSWORD,
      LOG_LEVEL: 'warn',
      ...extra,
    };
    const fleet = new ServerFleet([], env);
    for (let i = 0; i < count; i++) await fleet.restart(i);
    return fleet;
  }

  server(index: number): PlatformProcess {
    const server = this.servers[index];
    if (!server) throw new Error(`server ${index} is not running`);
    return server;
  }

  /** Starts server `index` (again), on a new port, and waits until it answers /api/health. */
  async restart(index: number): Promise<PlatformProcess> {
    const server = await PlatformProcess.start(this.env);
    await server.waitUntilHealthy();
    this.servers[index] = server; // clients see it once it answers
    return server;
  }

  /** kill -9: no shutdown hook runs. */
  async kill(index: number): Promise<void> {
    const server = this.server(index);
    server.child.kill('SIGKILL');
    await server.waitForExit();
    this.servers[index] = undefined;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.servers.map(async (server) => {
        if (!server || server.child.exitCode !== null) return;
        server.child.kill('SIGTERM');
        await server.waitForExit();
      }),
    );
  }
}

/** A signed-in user of a fleet: the session lives in the database, so any server accepts it. */
export class FleetUser {
  private constructor(readonly cookie: string) {}

  static async signIn(server: PlatformProcess, username: string): Promise<FleetUser> {
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
      body: JSON.stringify({ username, password: FLEET_PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('cf_session='));
    if (!cookie) throw new Error(`login ${username}: no session cookie`);
    return new FleetUser(cookie.split(';')[0]);
  }

  /** The status, or 0 when no answer came (connection refused or reset). */
  async send(
    server: PlatformProcess,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }> {
    try {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          cookie: this.cookie,
          [CSRF_HEADER]: CSRF_VALUE,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    } catch {
      return { status: 0, body: undefined };
    }
  }
}

/**
 * The test's own view of the database the fleet shares: a connection and an engine over it, to
 * deploy fixtures, start instances and check what the servers did. Its engine runs no scheduler.
 */
export class FleetDatabase {
  private constructor(
    readonly connection: Connection,
    readonly engine: ProcessEngine,
  ) {}

  static async open(uri: string, dbName: string): Promise<FleetDatabase> {
    const connection = await mongoose.createConnection(uri, { dbName }).asPromise();
    return new FleetDatabase(connection, await ProcessEngine.create({ connection }));
  }

  /** Publishes a form version in the demo district, as an administrator would. */
  async publishForm(key: string, schema: object): Promise<void> {
    await new FormStore(this.connection, systemClock).publish(DEMO_DISTRICT, key, schema);
  }

  /** The id of a demo user. */
  async userId(username: string): Promise<string> {
    const claim = await this.connection.collection('usernames').findOne({ _id: username as never });
    if (!claim) throw new Error(`no user ${username}`);
    return String(claim.userId);
  }

  async close(drop = true): Promise<void> {
    if (drop) await this.connection.dropDatabase().catch(() => undefined);
    await this.connection.close();
  }
}

/** Runs `count` jobs, `concurrency` at a time. */
export async function inPool(
  count: number,
  concurrency: number,
  job: (index: number, worker: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < count) await job(next++, worker);
    }),
  );
}
