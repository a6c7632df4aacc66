import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import {
  ferretDbPid,
  ferretDbProcessesFor,
  isFerretDbRunning,
  PlatformProcess,
  postgresPid,
  waitFor,
} from '../support/platform-process';
import { testServerUri } from '../support/test-database';
import { consoleLog } from '../../server/src/database/database-log';
import { EmbeddedFerretDb } from '../../server/src/database/embedded-ferretdb';
import { ensureFerretDbBinary } from '../../server/src/database/ferretdb-binary';
import { TOOLS_DIR } from '../support/test-env';

// These start the real platform process with its own embedded database (the same binary the
// run already built), so they prove the Quick start behaviour, not a test double of it.
const embeddedOnly = process.env.MONGODB_URI ? describe.skip : describe;

embeddedOnly('the platform with its embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-platform-'));
  const env = { CONGRESSFLOW_DATA_DIR: dataDir, CONGRESSFLOW_DB_NAME: 'lifecycle' };

  it('answers /api/health with the embedded FerretDB and leaves no FerretDB behind on Ctrl-C', async () => {
    const platform = await PlatformProcess.start(env);
    await platform.waitUntilHealthy();
    expect(await platform.health()).toEqual({
      status: 200,
      body: { status: 'ok', db: { ok: true, kind: 'ferretdb', version: 'v1.24.2' } },
    });
    const pid = ferretDbPid(dataDir);
    expect(isFerretDbRunning(pid)).toBe(true);
    expect(postgresPid(dataDir)).toBeDefined();

    // write through the platform's database so the next start can prove persistence
    const client = await mongoose
      .createConnection(`mongodb://127.0.0.1:${portOf(platform)}/`, { dbName: 'lifecycle' })
      .asPromise();
    await client.collection('marks').insertOne({ mark: 'before-restart' });
    await client.close();

    platform.child.kill('SIGINT');
    expect(await platform.waitForExit()).toBe(0);
    expect(isFerretDbRunning(pid)).toBe(false);
    expect(ferretDbProcessesFor(dataDir)).toEqual([]);
    expect(postgresPid(dataDir)).toBeUndefined();
  });

  it('starts again over the same data folder and still has the earlier data', async () => {
    const platform = await PlatformProcess.start(env);
    await platform.waitUntilHealthy();
    const client = await mongoose
      .createConnection(`mongodb://127.0.0.1:${portOf(platform)}/`, { dbName: 'lifecycle' })
      .asPromise();
    expect(await client.collection('marks').findOne({ mark: 'before-restart' })).not.toBeNull();
    await client.close();
    platform.child.kill('SIGTERM');
    expect(await platform.waitForExit()).toBe(0);
    expect(ferretDbProcessesFor(dataDir)).toEqual([]);
    expect(postgresPid(dataDir)).toBeUndefined();
  });

  it('leaves no FerretDB behind even when the platform is killed with SIGKILL', async () => {
    const platform = await PlatformProcess.start(env);
    await platform.waitUntilHealthy();
    const pid = ferretDbPid(dataDir);
    expect(postgresPid(dataDir)).toBeDefined();
    platform.child.kill('SIGKILL');
    await platform.waitForExit();
    expect(await waitFor(() => !isFerretDbRunning(pid))).toBe(true);
    expect(await waitFor(() => postgresPid(dataDir) === undefined, 30_000)).toBe(true);
  });

  it('copies the data of the earlier SQLite-backed embedded database over on its first start', async () => {
    const oldDir = mkdtempSync(join(tmpdir(), 'cf-sqlite-'));
    const old = await EmbeddedFerretDb.start({
      binary: await ensureFerretDbBinary(TOOLS_DIR, consoleLog),
      dataDir: join(oldDir, 'ferretdb'),
      log: { info: () => undefined, warn: consoleLog.warn },
    });
    const before = await mongoose.createConnection(old.uri, { dbName: 'kept' }).asPromise();
    await before.collection('letters').createIndex({ district: 1, sentAt: -1 });
    await before
      .collection<{ _id: string; district: string; n: number }>('letters')
      .insertMany(Array.from({ length: 1200 }, (_, i) => ({ _id: `l${i}`, district: 'd1', n: i })));
    await before.close();
    await old.stop();

    const platform = await PlatformProcess.start({
      CONGRESSFLOW_DATA_DIR: oldDir,
      CONGRESSFLOW_DB_NAME: 'kept',
    });
    await platform.waitUntilHealthy();
    const after = await mongoose
      .createConnection(`mongodb://127.0.0.1:${portOf(platform)}/`, { dbName: 'kept' })
      .asPromise();
    expect(await after.collection('letters').countDocuments()).toBe(1200);
    expect(await after.collection('letters').findOne({ _id: 'l777' as never })).toMatchObject({
      n: 777,
    });
    const indexes = (await after.collection('letters').indexes()).map((index) => index.key);
    expect(indexes).toContainEqual({ district: 1, sentAt: -1 });
    await after.close();
    platform.child.kill('SIGINT');
    expect(await platform.waitForExit()).toBe(0);
    // the old files are kept, renamed, and never read again
    const ferretDir = join(oldDir, 'ferretdb');
    expect(existsSync(join(ferretDir, 'sqlite'))).toBe(false);
    expect(readdirSync(ferretDir).some((name) => name.startsWith('sqlite.migrated-'))).toBe(true);
  });
});

describe('the platform with MONGODB_URI set', () => {
  it('uses that server and neither builds nor starts a FerretDB', async () => {
    // an empty tools folder and no Go on PATH: any attempt to build or start FerretDB would fail
    const toolsDir = mkdtempSync(join(tmpdir(), 'cf-no-tools-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'cf-no-data-'));
    const platform = await PlatformProcess.start({
      MONGODB_URI: testServerUri(),
      CONGRESSFLOW_TOOLS_DIR: toolsDir,
      CONGRESSFLOW_DATA_DIR: dataDir,
      PATH: '/usr/bin:/bin',
    });
    try {
      await platform.waitUntilHealthy();
      const { body } = await platform.health();
      expect(body).toMatchObject({ status: 'ok', db: { ok: true } });
      expect(ferretDbProcessesFor(dataDir)).toEqual([]);
      expect(platform.output).not.toMatch(/embedded FerretDB is up|Building FerretDB/);
    } finally {
      platform.child.kill('SIGINT');
      await platform.waitForExit();
    }
  });
});

describe('start-up configuration', () => {
  it('stops with a message naming the bad variable', async () => {
    const platform = await PlatformProcess.start({ PORT: 'not-a-port' });
    expect(await platform.waitForExit()).toBe(1);
    expect(platform.output).toMatch(/PORT must be an integer/);
  });

  it('explains what to do when neither Go nor MONGODB_URI is available', async () => {
    const platform = await PlatformProcess.start({
      CONGRESSFLOW_TOOLS_DIR: mkdtempSync(join(tmpdir(), 'cf-no-tools-')),
      CONGRESSFLOW_DATA_DIR: mkdtempSync(join(tmpdir(), 'cf-no-data-')),
      PATH: '/nonexistent',
    });
    expect(await platform.waitForExit()).toBe(1);
    expect(platform.output).toMatch(/GO_NOT_FOUND/);
    expect(platform.output).toMatch(/install Go 1\.24 or newer/);
  });
});

function portOf(platform: PlatformProcess): number {
  const match = /"port":(\d+),"pid"/.exec(platform.output);
  if (!match) throw new Error(`no FerretDB port in output:\n${platform.output}`);
  return Number(match[1]);
}
