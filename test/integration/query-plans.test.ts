/**
 * Every query of the hot paths is answered from an index.
 *
 * The inbox, the task page, a completion, the instance page, notifications, the job scheduler and
 * the event-feed consumers run through the real server while the driver records what they send;
 * each distinct filter is then explained on the database. On the embedded database this file
 * starts its own PostgreSQL with sequential scans priced out (`enable_seqscan=off`), so a plan
 * still holding a Seq Scan is one no index can serve — whatever the size of the test data.
 * With MONGODB_URI set, MongoDB's winning plans are checked for COLLSCAN instead.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { consoleLog } from '../../server/src/database/database-log';
import { EmbeddedDatabase } from '../../server/src/database/embedded-database';
import { ensureFerretDbBinary } from '../../server/src/database/ferretdb-binary';
import {
  advanceDays,
  createWorld,
  deliverNotifications,
  openTaskId,
  register,
  settle,
  startReview,
  type WorkflowWorld,
} from '../api/workflow.fixture';
import { ApiHarness } from '../support/api-app';
import {
  CommandRecorder,
  describeScan,
  findFullScans,
  type RecordedQuery,
} from '../support/query-plans';
import { TEST_RUNS_DIR, TOOLS_DIR } from '../support/test-env';

/**
 * Collections that grow with a district's organisation, not with its work, read by district on
 * purpose: the district list, a district's directory (hundreds of people and units) and the
 * versions of its parameters an administrator publishes. Everything else goes through an index.
 */
const BOUNDED = new Set(['districts', 'users', 'units', 'parameters']);

let embedded: EmbeddedDatabase | undefined;
let dataDir: string | undefined;
let api: ApiHarness;
let world: WorkflowWorld;
let recorder: CommandRecorder;

beforeAll(async () => {
  let uri = process.env.MONGODB_URI;
  if (!uri) {
    mkdirSync(TEST_RUNS_DIR, { recursive: true });
    dataDir = mkdtempSync(join(TEST_RUNS_DIR, 'plans-'));
    embedded = await EmbeddedDatabase.start({
      binary: await ensureFerretDbBinary(TOOLS_DIR, consoleLog),
      dataDir,
      log: { info: () => undefined, warn: consoleLog.warn },
      postgresSettings: ['enable_seqscan=off'],
    });
    uri = embedded.uri;
  }
  api = await ApiHarness.start({ database: { uri, monitorCommands: true } });
  world = await createWorld(api);
  recorder = new CommandRecorder(api.db.connection);
}, 120_000);

afterAll(async () => {
  recorder?.stop();
  await api?.close();
  await embedded?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function driveHotPaths(): Promise<void> {
  const { as } = world;
  const instanceId = await recorder.during('start an instance', () =>
    startReview(api, world, { title: '修缮道路', amount: 3 }, 'PLAN-1'),
  );
  await recorder.during('inbox', async () => {
    for (const view of ['mine', 'claimable', 'completed', 'cc', 'started'])
      expect((await as.starter.get(`/api/tasks?view=${view}`)).status).toBe(200);
    expect((await as.committee.get('/api/tasks?view=claimable&due=soon')).status).toBe(200);
    expect((await as.starter.get('/api/tasks/counts')).status).toBe(200);
    expect((await as.committee.get('/api/tasks/counts')).status).toBe(200);
  });
  const registerId = await openTaskId(world, instanceId, 'register');
  await recorder.during('task page', async () => {
    expect((await as.starter.get(`/api/tasks/${registerId}`)).status).toBe(200);
  });
  const approveId = await recorder.during('complete a task', () =>
    register(api, world, instanceId),
  );
  await recorder.during('claim and complete', async () => {
    expect((await as.committee.post(`/api/tasks/${approveId}/claim`).send({})).status).toBe(200);
    const done = await as.committee
      .post(`/api/tasks/${approveId}/complete`)
      .send({ data: { approved: true } });
    expect(done.status).toBe(204);
  });
  await recorder.during('jobs and timers', async () => {
    await settle(api);
    await advanceDays(api, world, 3);
    await settle(api);
  });
  await recorder.during('event-feed consumers', () => deliverNotifications(api));
  await recorder.during('instance page and notifications', async () => {
    expect((await world.as.starter.get(`/api/instances/${instanceId}`)).status).toBe(200);
    expect((await world.as.starter.get('/api/notifications')).status).toBe(200);
    expect((await world.as.starter.get('/api/notifications/unread-count')).status).toBe(200);
  });
}

describe('query plans of the hot paths', () => {
  it('answers every query of the inbox, the task page, completions, jobs and feeds from an index', async () => {
    await driveHotPaths();
    const queries = recorder.queries().filter((query) => !BOUNDED.has(query.collection));
    expect(queries.length).toBeGreaterThan(20);
    const scans = await findFullScans(api.db.connection.db!, queries);
    expect(scans.map(describeScan)).toEqual([]);
  });

  it('finds the full scan once an index the inbox needs is gone', async () => {
    const db = api.db.connection.db!;
    const tasks = db.collection('engine_tasks');
    const mine: RecordedQuery = {
      collection: 'engine_tasks',
      command: 'find',
      filter: { district: world.district, assignee: world.starter.id, status: 'open' },
      step: 'mine',
    };
    expect(await findFullScans(db, [mine])).toEqual([]);

    // every index holding the assignee goes, the way a careless migration would drop it
    const gone = (await tasks.indexes()).filter((index) => 'assignee' in index.key);
    expect(gone.length).toBeGreaterThan(0);
    for (const index of gone) await tasks.dropIndex(index.name!);
    try {
      expect((await findFullScans(db, [mine])).map(describeScan)).toEqual([
        expect.stringContaining('no index on assignee'),
      ]);
    } finally {
      for (const { key, name } of gone) await tasks.createIndex(key, { name });
    }
    expect(await findFullScans(db, [mine])).toEqual([]);
  });

  it('lets the task-list compactor take its queue in batches, and only with a limit', async () => {
    // compactPending runs in the background (so the run above sees it only sometimes): the queue
    // holds the changes not yet folded, read at most one batch at a time
    const db = api.db.connection.db!;
    await db.collection('engine_task_list_changes').insertOne({
      _id: `plans-probe-${Date.now()}` as never,
      list: 'plans-probe',
      at: new Date(),
    });
    const batch: RecordedQuery = {
      collection: 'engine_task_list_changes',
      command: 'find',
      filter: {},
      limit: 2_000,
      step: 'task-list compaction',
    };
    expect((await findFullScans(db, [batch])).map(describeScan)).toEqual([]);
    const { limit: _limit, ...unlimited } = batch;
    expect((await findFullScans(db, [unlimited])).map(describeScan)).toEqual([
      expect.stringContaining('narrowed by nothing'),
    ]);
    await db.collection('engine_task_list_changes').deleteMany({ list: 'plans-probe' });
  });
});
