import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection } from 'mongoose';
import { VirtualClock } from '../../engine/src/clock';
import {
  type Job,
  type JobHandler,
  JobRepository,
  JobScheduler,
  type JobSchedulerOptions,
} from '../../engine/src/jobs';
import { connect } from '../../server/src/database/database';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let db: TestDatabase;
let collectionCount = 0;

beforeAll(async () => {
  db = await openTestDatabase('jobs');
});
afterAll(async () => {
  await db.dispose();
});

interface Setup {
  clock: VirtualClock;
  collection: string;
  repository: JobRepository;
  scheduler: JobScheduler;
  /** Handler calls by job id. */
  calls: Map<string, number>;
}

/** A fresh collection per test; every handler counts its calls before doing what it is told. */
async function setup(
  handlers: Record<string, JobHandler> = {},
  options: Partial<JobSchedulerOptions> = {},
): Promise<Setup> {
  const clock = new VirtualClock();
  const collection = `jobs_${++collectionCount}`;
  const repository = new JobRepository(db.connection, { collection, clock });
  await repository.ensureIndexes();
  const calls = new Map<string, number>();
  const all: Record<string, JobHandler> = { timer: async () => undefined, ...handlers };
  const counted = new Map(
    Object.entries(all).map(([kind, handler]) => [
      kind,
      async (job: Job) => {
        calls.set(job.id, (calls.get(job.id) ?? 0) + 1);
        await handler(job);
      },
    ]),
  );
  const scheduler = new JobScheduler({
    repository,
    clock,
    owner: 'node-a',
    handlers: counted,
    ...options,
  });
  return { clock, collection, repository, scheduler, calls };
}

/** Delays of the timers the scheduler itself sets (the driver keeps timers of its own). */
function watchSchedulerTimers(): { delays: number[]; restore: () => void } {
  const delays: number[] = [];
  const original = global.setTimeout;
  const spy = jest.spyOn(global, 'setTimeout').mockImplementation(((
    callback: () => void,
    delay?: number,
  ) => {
    const caller = new Error().stack
      ?.split('\n')
      .slice(2)
      .find((frame) => !frame.includes('jest-mock') && !frame.includes('.test.ts'));
    if (caller?.includes('jobs/job-scheduler.ts')) delays.push(delay ?? 0);
    return original(callback, delay);
  }) as typeof setTimeout);
  return { delays, restore: () => spy.mockRestore() };
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

describe('the job scheduler', () => {
  it('runs a job once when it falls due, and never again', async () => {
    const { clock, repository, scheduler, calls } = await setup();
    const payload = { 'a.b': 1, $where: { 'x.y': ['z'] } };
    await repository.schedule({ id: 'j1', kind: 'timer', dueAt: clock.now(), payload });
    await repository.schedule({ id: 'j2', kind: 'timer', dueAt: new Date(+clock.now() + HOUR) });

    expect(await scheduler.runDueJobs()).toBe(1);
    expect(await scheduler.runDueJobs()).toBe(0);
    expect(calls.get('j2')).toBeUndefined();

    clock.advance(HOUR - 1);
    expect(await scheduler.runDueJobs()).toBe(0);
    clock.advance(1);
    expect(await scheduler.runDueJobs()).toBe(1);
    clock.advance(DAY);
    expect(await scheduler.drain()).toBe(0);

    expect(Object.fromEntries(calls)).toEqual({ j1: 1, j2: 1 });
    expect(await repository.get('j1')).toMatchObject({ status: 'done', attempts: 1, payload });
    expect(await repository.get('j1')).not.toHaveProperty('lockOwner');
  });

  it('fires a job six months ahead after the clock moves six months, with no long timer', async () => {
    const timers = watchSchedulerTimers();
    try {
      const { clock, repository, scheduler, calls } = await setup();
      await repository.schedule({
        id: 'half-year',
        kind: 'timer',
        dueAt: new Date('2026-07-05T09:00:00+08:00'),
      });
      expect(await repository.nextDueAt()).toEqual(new Date('2026-07-05T09:00:00+08:00'));
      clock.advance(180 * DAY);
      expect(await scheduler.drain()).toBe(0);
      clock.advance(1 * DAY);
      expect(await scheduler.drain()).toBe(1);
      expect(calls.get('half-year')).toBe(1);
      expect(await repository.nextDueAt()).toBeNull();
      expect(timers.delays).toEqual([]);
    } finally {
      timers.restore();
    }
  });

  it('keeps one job per id, and never brings a finished one back', async () => {
    const { clock, repository, scheduler, calls } = await setup();
    const dueAt = clock.now();
    await repository.schedule({ id: 'once', kind: 'timer', dueAt, payload: { n: 1 } });
    await repository.schedule({ id: 'once', kind: 'timer', dueAt, payload: { n: 2 } });
    await repository.scheduleMany([
      { id: 'once', kind: 'timer', dueAt, payload: { n: 3 } },
      { id: 'other', kind: 'timer', dueAt },
      { id: 'other', kind: 'timer', dueAt },
    ]);
    expect((await repository.find({})).map((job) => [job.id, job.payload])).toEqual([
      ['once', { n: 1 }],
      ['other', {}],
    ]);

    await scheduler.drain();
    await repository.schedule({ id: 'once', kind: 'timer', dueAt });
    expect(await scheduler.drain()).toBe(0);
    expect(Object.fromEntries(calls)).toEqual({ once: 1, other: 1 });
    expect(await repository.get('once')).toMatchObject({ status: 'done' });
  });

  it('retries a failing handler with backoff, then raises an incident that can be retried by hand', async () => {
    let healthy = false;
    const incidents: [Job, unknown][] = [];
    const { clock, repository, scheduler, calls } = await setup(
      {
        'service-task': async () => {
          if (!healthy) throw new Error('remote down');
        },
      },
      { onIncident: (job, error) => incidents.push([job, error]) },
    );
    const t0 = clock.now();
    const at = (ms: number): Date => new Date(t0.getTime() + ms);
    await repository.schedule({ id: 'call', kind: 'service-task', dueAt: t0, maxAttempts: 3 });

    expect(await scheduler.drain()).toBe(1);
    expect(await repository.get('call')).toMatchObject({
      status: 'pending',
      attempts: 1,
      dueAt: at(10 * SECOND),
      lastError: 'remote down',
    });
    clock.set(at(10 * SECOND - 1));
    expect(await scheduler.drain()).toBe(0);
    clock.set(at(10 * SECOND));
    expect(await scheduler.drain()).toBe(1);
    expect(await repository.get('call')).toMatchObject({ attempts: 2, dueAt: at(30 * SECOND) });
    clock.set(at(30 * SECOND));
    expect(await scheduler.drain()).toBe(1);

    const incident = await repository.get('call');
    expect(incident).toMatchObject({ status: 'incident', attempts: 3, lastError: 'remote down' });
    expect(incidents).toHaveLength(1);
    expect(incidents[0][0]).toMatchObject({ id: 'call', status: 'incident' });
    expect(incidents[0][1]).toEqual(new Error('remote down'));
    clock.advance(DAY);
    expect(await scheduler.drain()).toBe(0);
    expect(calls.get('call')).toBe(3);

    healthy = true;
    expect(await repository.retry('call', clock.now())).toBe(true);
    expect(await repository.get('call')).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await scheduler.drain()).toBe(1);
    expect(await repository.get('call')).toMatchObject({ status: 'done', attempts: 1 });
    expect(await repository.retry('call', clock.now())).toBe(false);
    expect(calls.get('call')).toBe(4);
  });

  it('records a job of an unknown kind as failed instead of crashing', async () => {
    const { clock, repository, scheduler } = await setup();
    await repository.schedule({ id: 'mystery', kind: 'no-such-kind', dueAt: clock.now() });
    expect(await scheduler.runDueJobs()).toBe(1);
    expect(await repository.get('mystery')).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'No handler for job kind "no-such-kind"',
    });
  });
});

describe('several schedulers over one job store', () => {
  let secondConnection: Connection;
  beforeAll(async () => {
    // a connection of its own, as a second server process would have
    secondConnection = await connect(db.uri, db.dbName);
  });
  afterAll(async () => {
    await secondConnection.close();
  });

  it('lease a job to exactly one of many owners racing for it', async () => {
    const { clock, repository, collection } = await setup();
    const rivals = [repository, new JobRepository(secondConnection, { collection, clock })];
    for (let round = 0; round < 20; round++) {
      await repository.schedule({ id: `race-${round}`, kind: 'timer', dueAt: clock.now() });
      const leased = await Promise.all(
        Array.from({ length: 8 }, (_, owner) =>
          rivals[owner % 2].acquireDue(`owner-${owner}`, clock.now(), MINUTE, 5),
        ),
      );
      expect(leased.flat().map((job) => job.id)).toEqual([`race-${round}`]);
      const winner = leased.flat()[0].lockOwner!;
      expect(await repository.complete(`race-${round}`, winner)).toBe(true);
    }
  });

  it('run each of 200 due jobs exactly once between two of them', async () => {
    const handler: JobHandler = () => new Promise((resolve) => setImmediate(resolve));
    const a = await setup({ timer: handler }, { batchSize: 10 });
    const bRepository = new JobRepository(secondConnection, {
      collection: a.collection,
      clock: a.clock,
    });
    const b = new JobScheduler({
      repository: bRepository,
      clock: a.clock,
      owner: 'node-b',
      handlers: new Map([
        [
          'timer',
          async (job: Job) => {
            a.calls.set(job.id, (a.calls.get(job.id) ?? 0) + 1);
            await handler(job);
          },
        ],
      ]),
      batchSize: 10,
    });
    const ids = Array.from({ length: 200 }, (_, n) => `bulk-${String(n).padStart(3, '0')}`);
    await a.repository.scheduleMany(ids.map((id) => ({ id, kind: 'timer', dueAt: a.clock.now() })));

    const ran = { a: 0, b: 0 };
    for (let round = 0; round < 50; round++) {
      const [byA, byB] = await Promise.all([a.scheduler.drain(), b.drain()]);
      ran.a += byA;
      ran.b += byB;
      if (byA + byB === 0 && (await a.repository.find({ status: 'pending' })).length === 0) break;
    }

    expect(ran.a + ran.b).toBe(200);
    expect(ran.a).toBeGreaterThan(0);
    expect(ran.b).toBeGreaterThan(0);
    expect([...a.calls.keys()].sort()).toEqual(ids);
    expect([...a.calls.values()].every((count) => count === 1)).toBe(true);
    const jobs = await bRepository.find({});
    expect(jobs.filter((job) => job.status === 'done')).toHaveLength(200);
  }, 60_000);

  it('take over a job whose owner crashed once its lease has expired', async () => {
    const { clock, repository, scheduler, calls } = await setup({}, { owner: 'node-b' });
    await repository.schedule({ id: 'orphan', kind: 'timer', dueAt: clock.now() });
    const [taken] = await repository.acquireDue('crashed-node', clock.now(), MINUTE, 10);
    expect(taken).toMatchObject({ id: 'orphan', status: 'running', lockOwner: 'crashed-node' });

    expect(await scheduler.drain()).toBe(0);
    clock.advance(MINUTE - 1);
    expect(await scheduler.drain()).toBe(0);
    clock.advance(1);
    expect(await scheduler.drain()).toBe(1);
    expect(await scheduler.drain()).toBe(0);

    expect(calls.get('orphan')).toBe(1);
    expect(await repository.get('orphan')).toMatchObject({ status: 'done', attempts: 2 });
    // the crashed owner coming back late must not change the outcome
    expect(await repository.complete('orphan', 'crashed-node')).toBe(false);
    expect(await repository.fail('orphan', 'crashed-node', 'late', null)).toBe(false);
    expect(await repository.get('orphan')).toMatchObject({ status: 'done' });
  });

  it('turn a job whose runs keep dying into an incident instead of taking it over for ever', async () => {
    const incidents: Job[] = [];
    const { clock, repository, scheduler, calls } = await setup(
      {},
      { onIncident: (job) => incidents.push(job) },
    );
    await repository.schedule({ id: 'poison', kind: 'timer', dueAt: clock.now(), maxAttempts: 2 });
    for (const owner of ['ghost-1', 'ghost-2']) {
      expect(await repository.acquireDue(owner, clock.now(), MINUTE, 1)).toHaveLength(1);
      clock.advance(MINUTE);
    }
    expect(await scheduler.runDueJobs()).toBe(1);
    expect(calls.get('poison')).toBeUndefined();
    const poison = await repository.get('poison');
    expect(poison).toMatchObject({ status: 'incident', attempts: 3 });
    expect(poison?.lastError).toMatch(/started 2 times without finishing/);
    expect(incidents.map((job) => job.id)).toEqual(['poison']);
  });

  it('heal a change whose writer died between committing it and updating the job', async () => {
    const { clock, collection, repository, scheduler, calls } = await setup();
    await repository.schedule({ id: 'half-written', kind: 'timer', dueAt: clock.now() });
    // the version log says a lease was taken; the job document never heard of it
    await db.connection.collection(`${collection}_versions`).insertOne({
      _id: 'half-written@1' as never,
      jobId: 'half-written',
      version: 1,
      state: {
        status: 'running',
        dueAt: clock.now(),
        attempts: 1,
        lockOwner: 'ghost',
        lockedUntil: new Date(+clock.now() + MINUTE),
        lastError: null,
        updatedAt: clock.now(),
      },
    });
    expect(await repository.get('half-written')).toMatchObject({ lockOwner: 'ghost' });
    expect(await scheduler.drain()).toBe(0);
    clock.advance(MINUTE);
    expect(await scheduler.drain()).toBe(1);
    expect(calls.get('half-written')).toBe(1);
    expect(await repository.find({ status: 'done' })).toMatchObject([{ id: 'half-written' }]);
  });
});

describe('a platform that was down', () => {
  it('runs each job that fell due meanwhile exactly once, at the first poll after start()', async () => {
    const { clock, repository, calls } = await setup();
    const handlers = new Map<string, JobHandler>([
      [
        'timer',
        async (job) => {
          calls.set(job.id, (calls.get(job.id) ?? 0) + 1);
        },
      ],
    ]);
    for (const [id, ago] of [
      ['missed-3d', 3 * DAY],
      ['missed-1m', MINUTE],
    ] as const)
      await repository.schedule({ id, kind: 'timer', dueAt: new Date(+clock.now() - ago) });
    await repository.schedule({ id: 'future', kind: 'timer', dueAt: new Date(+clock.now() + DAY) });

    const timers = watchSchedulerTimers();
    const scheduler = new JobScheduler({
      repository,
      clock,
      owner: 'restarted',
      handlers,
      pollIntervalMs: 20,
    });
    try {
      scheduler.start();
      scheduler.start();
      await waitFor(() => calls.size === 2);
      await sleep(100);
      expect(timers.delays.length).toBeGreaterThan(1);
      expect(Math.max(...timers.delays)).toBeLessThanOrEqual(20);
    } finally {
      timers.restore();
      await scheduler.stop();
    }
    expect(Object.fromEntries(calls)).toEqual({ 'missed-3d': 1, 'missed-1m': 1 });
    expect(await repository.find({ status: 'pending' })).toMatchObject([{ id: 'future' }]);
  });

  it('stop() waits for the handlers that are running', async () => {
    let release!: () => void;
    const finished: string[] = [];
    const { clock, repository, scheduler } = await setup(
      {
        timer: async (job) => {
          await new Promise<void>((resolve) => (release = resolve));
          finished.push(job.id);
        },
      },
      { pollIntervalMs: 10 },
    );
    await repository.schedule({ id: 'slow', kind: 'timer', dueAt: clock.now() });
    scheduler.start();
    await waitFor(() => release !== undefined);
    const stopped = scheduler.stop();
    release();
    await stopped;
    expect(finished).toEqual(['slow']);
    expect(await repository.get('slow')).toMatchObject({ status: 'done' });
  });
});

describe('the job repository', () => {
  it('cancels the open jobs of one instance only', async () => {
    const { clock, repository, scheduler, calls } = await setup({ 'service-task': async () => {} });
    const soon = new Date(+clock.now() + HOUR);
    await repository.scheduleMany([
      { id: 'i1-done', kind: 'timer', instanceId: 'i-1', dueAt: clock.now() },
      { id: 'i1-timer', kind: 'timer', instanceId: 'i-1', dueAt: soon },
      { id: 'i1-task', kind: 'service-task', instanceId: 'i-1', dueAt: soon },
      { id: 'i2-timer', kind: 'timer', instanceId: 'i-2', dueAt: soon, district: 'd-7' },
    ]);
    await scheduler.drain();

    expect(await repository.cancelForInstance('i-2', { kind: 'service-task' })).toBe(0);
    expect(await repository.cancelForInstance('i-1')).toBe(2);
    expect(await repository.cancelForInstance('i-1')).toBe(0);
    const byId = Object.fromEntries((await repository.find({})).map((j) => [j.id, j.status]));
    expect(byId).toEqual({
      'i1-done': 'done',
      'i1-timer': 'cancelled',
      'i1-task': 'cancelled',
      'i2-timer': 'pending',
    });

    clock.advance(HOUR);
    expect(await scheduler.drain()).toBe(1);
    expect([...calls.keys()].sort()).toEqual(['i1-done', 'i2-timer']);
    expect(await repository.find({ district: 'd-7', status: 'done' })).toHaveLength(1);
  });

  it('reschedules and cancels pending jobs, and refuses what has no meaning', async () => {
    const { clock, repository, scheduler, calls } = await setup();
    await repository.schedule({ id: 'r', kind: 'timer', dueAt: clock.now() });
    expect(await repository.reschedule('r', new Date(+clock.now() + MINUTE))).toBe(true);
    expect(await scheduler.drain()).toBe(0);
    clock.advance(MINUTE);
    expect(await scheduler.drain()).toBe(1);
    expect(await repository.reschedule('r', clock.now())).toBe(false);
    expect(await repository.cancel('r')).toBe(false);
    expect(await repository.cancel('missing')).toBe(false);
    expect(await repository.get('missing')).toBeNull();
    expect(calls.get('r')).toBe(1);

    await expect(
      repository.schedule({ id: '', kind: 'timer', dueAt: new Date(Number.NaN) }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(
      repository.schedule({ id: 'c', kind: 'timer', dueAt: clock.now(), payload: circular }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('purges finished jobs with their history, after which an id is free again', async () => {
    const { clock, collection, repository, scheduler, calls } = await setup();
    await repository.scheduleMany([
      { id: 'old', kind: 'timer', dueAt: clock.now() },
      { id: 'dropped', kind: 'timer', dueAt: new Date(+clock.now() + DAY) },
      { id: 'waiting', kind: 'timer', dueAt: new Date(+clock.now() + DAY) },
    ]);
    await scheduler.drain();
    await repository.cancel('dropped');
    const log = db.connection.collection(`${collection}_versions`);
    expect(await log.countDocuments()).toBe(3);

    expect(await repository.purgeFinished(clock.now())).toBe(0);
    clock.advance(1);
    expect(await repository.purgeFinished(clock.now())).toBe(2);
    expect((await repository.find({})).map((job) => job.id)).toEqual(['waiting']);
    expect(await log.countDocuments()).toBe(0);

    await repository.schedule({ id: 'old', kind: 'timer', dueAt: clock.now() });
    expect(await scheduler.drain()).toBe(1);
    expect(calls.get('old')).toBe(2);
  });
});
