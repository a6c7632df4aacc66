import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, identifyServer } from '../../server/src/database/database';
import { silentLog } from '../../server/src/database/database-log';
import { EmbeddedFerretDb } from '../../server/src/database/embedded-ferretdb';
import { ferretDbBinaryPath } from '../../server/src/database/ferretdb-binary';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { TOOLS_DIR } from '../support/test-env';

describe('the test database', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  beforeAll(async () => {
    [a, b] = await Promise.all([openTestDatabase('a'), openTestDatabase('b')]);
  });
  afterAll(async () => {
    await Promise.all([a.dispose(), b.dispose()]);
  });

  it('is a real MongoDB-protocol server that says what it is', async () => {
    const { kind, version } = await identifyServer(a.connection);
    if (process.env.MONGODB_URI) expect(kind).toMatch(/ferretdb|mongodb/);
    else expect({ kind, version }).toEqual({ kind: 'ferretdb', version: 'v1.24.2' });
  });

  it('gives each caller its own database name, so files do not see each other', async () => {
    expect(a.dbName).not.toBe(b.dbName);
    await a.connection.collection('notes').insertOne({ text: 'only in a' });
    expect(await a.connection.collection('notes').countDocuments()).toBe(1);
    expect(await b.connection.collection('notes').countDocuments()).toBe(0);
  });
});

describe('an embedded FerretDB restarted over the same data folder', () => {
  const maybe = process.env.MONGODB_URI ? it.skip : it;

  maybe('keeps what was written before the restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cf-restart-'));
    const binary = ferretDbBinaryPath(TOOLS_DIR);

    const first = await EmbeddedFerretDb.start({ binary, dataDir, log: silentLog });
    const before = await connect(first.uri, 'restart');
    await before
      .collection('instances')
      .insertOne({ _id: 'i-1' as never, state: '{"$opaque":true}', version: 3 });
    await before.close();
    await first.stop();
    expect(first.running).toBe(false);

    const second = await EmbeddedFerretDb.start({ binary, dataDir, log: silentLog });
    try {
      expect(second.pid).not.toBe(first.pid);
      const after = await connect(second.uri, 'restart');
      const doc = await after.collection('instances').findOne({ _id: 'i-1' as never });
      await after.close();
      expect(doc).toMatchObject({ state: '{"$opaque":true}', version: 3 });
    } finally {
      await second.stop();
    }
  });
});
