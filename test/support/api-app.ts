import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { VirtualClock } from '../../engine/src';
import type { RoleKey } from '../../server/src/accounts/roles/role-catalog';
import { UnitsService } from '../../server/src/accounts/units/units.service';
import type { UnitKind } from '../../server/src/accounts/units/unit.document';
import { UsersService } from '../../server/src/accounts/users/users.service';
import type { AuthSettings } from '../../server/src/auth/auth-settings';
import { CSRF_HEADER, CSRF_VALUE } from '../../server/src/auth/csrf';
import { createApp } from '../../server/src/bootstrap';
import { loadConfig, type LogLevel } from '../../server/src/config/app-config';
import { Database, identifyServer } from '../../server/src/database/database';
import { DistrictsService } from '../../server/src/districts/districts.service';
import { createLogger } from '../../server/src/logging/logger';
import type { SeedSettings } from '../../server/src/seed/seed-settings';
import { openTestDatabase, type TestDatabase, type TestDatabaseOptions } from './test-database';

export type Agent = request.Agent;

export interface ApiTestOptions {
  auth?: Partial<AuthSettings>;
  seed?: SeedSettings;
  database?: TestDatabaseOptions;
  /** Environment variables for the server's configuration (CONGRESSFLOW_CHROMIUM, …). */
  env?: Record<string, string>;
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  district: string;
}

export interface TestUserSpec {
  username?: string;
  name?: string;
  password?: string;
  roles?: RoleKey[];
  unitId?: string;
  isDistrictAdmin?: boolean;
  isPlatformAdmin?: boolean;
}

/** Fast hashing and a login rate limit no ordinary test reaches; tests of those set their own. */
const TEST_AUTH: Partial<AuthSettings> = { bcryptRounds: 4, loginRatePerMinute: 10_000 };

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}${randomBytes(2).toString('hex')}`;

/**
 * The real Nest application (AppModule, global filter, pipe and guards) on this test file's own
 * FerretDB database, listening on a free loopback port, with a VirtualClock. Fixtures are made
 * through the services (fast, no HTTP); tests then talk HTTP like the web app.
 */
export class ApiHarness {
  private constructor(
    readonly app: INestApplication,
    readonly db: TestDatabase,
    readonly clock: VirtualClock,
  ) {}

  static async start(options: ApiTestOptions = {}): Promise<ApiHarness> {
    const db = await openTestDatabase('api', options.database);
    const { kind, version } = await identifyServer(db.connection);
    const database = new Database(db.connection, kind, version, db.uri);
    const logger = createLogger((process.env.TEST_LOG_LEVEL as LogLevel | undefined) ?? 'silent');
    const clock = new VirtualClock(new Date());
    const config = loadConfig({ ...options.env, PORT: '0', CONGRESSFLOW_DB_NAME: db.dbName });
    const app = await createApp(config, database, logger, {
      auth: { ...TEST_AUTH, ...options.auth },
      seed: options.seed,
      clock,
    });
    await app.listen(0, '127.0.0.1');
    return new ApiHarness(app, db, clock);
  }

  get server() {
    return this.app.getHttpServer();
  }

  /** No cookie, no headers: exactly what the test sends. */
  raw() {
    return request(this.server);
  }

  /** No session, but the CSRF header every web-app request carries. */
  anonymous(): Agent {
    return request.agent(this.server).set(CSRF_HEADER, CSRF_VALUE);
  }

  async createDistrict(name = '测试区'): Promise<string> {
    const code = unique('d');
    await this.app.get(DistrictsService).register({ code, name });
    return code;
  }

  async createUnit(
    district: string,
    name = unique('单位'),
    kind: UnitKind = 'unit',
  ): Promise<string> {
    return (await this.app.get(UnitsService).create(district, { name, kind })).id;
  }

  async createUser(district: string, spec: TestUserSpec = {}): Promise<TestUser> {
    const username = spec.username ?? unique('user');
    const password = spec.password ?? `Pw-${randomBytes(4).toString('hex')}9x`;
    const created = await this.app.get(UsersService).create(district, {
      username,
      name: spec.name ?? `用户${username}`,
      password,
      roles: spec.roles ?? [],
      unitId: spec.unitId,
      isDistrictAdmin: spec.isDistrictAdmin ?? false,
      isPlatformAdmin: spec.isPlatformAdmin ?? false,
    });
    return { id: created.id, username, password, district };
  }

  /** A district administrator of a new district, signed in. */
  async districtAdmin(): Promise<{ district: string; user: TestUser; agent: Agent }> {
    const district = await this.createDistrict();
    const user = await this.createUser(district, { isDistrictAdmin: true });
    return { district, user, agent: await this.loginAs(user) };
  }

  /** Signs in through POST /api/auth/login; the agent keeps the cookie and sends the CSRF header. */
  async loginAs(user: Pick<TestUser, 'username' | 'password'>): Promise<Agent> {
    const agent = this.anonymous();
    const response = await agent
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password });
    if (response.status !== 200) {
      throw new Error(
        `login as ${user.username} failed: ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    return agent;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.db.dispose();
  }
}
