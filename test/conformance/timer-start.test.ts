import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  fixture,
} from '../support/engine-harness';

describe('timer start events', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await createEngineHarness();
  });
  afterAll(() => h.dispose());

  const instancesOf = async (processKey: string) =>
    (await h.engine.listInstances({ district: DISTRICT, processKey })).sort(
      (a, b) => a.startedAt.getTime() - b.startedAt.getTime(),
    );
  const pendingStarts = async () =>
    (await h.engine.jobs.find({ kind: 'timer-start', district: DISTRICT, status: 'pending' })).map(
      (job) => [job.payload.startEventId, job.dueAt.toISOString()],
    );

  it('starts an instance on the 10th of every month at 09:00, once after downtime, and follows the latest active version', async () => {
    // deployed on Monday 2 March: the first start is due on 10 March, 09:00 Beijing time
    h.clock.set('2026-03-02T09:00:00+08:00');
    const v1 = await h.engine.deploy(fixture('timer-start'), { district: DISTRICT });
    expect(await pendingStarts()).toEqual([['monthly', '2026-03-10T01:00:00.000Z']]);
    await expect(
      h.engine.startInstance({ processKey: 'timer-start', district: DISTRICT }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });

    // three monthly starts
    h.clock.set('2026-03-10T08:59:00+08:00');
    await h.engine.runDueJobs();
    expect(await instancesOf('timer-start')).toHaveLength(0);
    for (const month of ['03', '04', '05']) {
      h.clock.set(`2026-${month}-10T09:00:00+08:00`);
      await h.engine.runDueJobs();
    }
    const started = await instancesOf('timer-start');
    expect(started.map((i) => i.startedAt.toISOString())).toEqual([
      '2026-03-10T01:00:00.000Z',
      '2026-04-10T01:00:00.000Z',
      '2026-05-10T01:00:00.000Z',
    ]);
    for (const instance of started) {
      const [task] = await h.engine.tasks.openTasksOf(instance._id);
      expect(task.activityId).toBe('compile');
    }

    // downtime over 10 June, July and August: two fresh servers start one instance between them
    h.clock.set('2026-08-15T09:00:00+08:00');
    const [a, b] = await Promise.all([
      h.restart({ owner: 'server-a' }),
      h.restart({ owner: 'server-b' }),
    ]);
    await Promise.all([a.runDueJobs(), b.runDueJobs(), a.runDueJobs(), b.runDueJobs()]);
    expect(await instancesOf('timer-start')).toHaveLength(4);
    expect(await pendingStarts()).toEqual([['monthly', '2026-09-10T01:00:00.000Z']]);

    // a new version with another day replaces the schedule
    const v2 = await h.engine.deploy(
      fixture('timer-start').replace('2026-01-10T09:00:00', '2026-01-20T09:00:00'),
      { district: DISTRICT },
    );
    expect(await pendingStarts()).toEqual([['monthly', '2026-08-20T01:00:00.000Z']]);
    h.clock.set('2026-08-20T09:00:00+08:00');
    await h.engine.runDueJobs();
    const afterV2 = await instancesOf('timer-start');
    expect(afterV2).toHaveLength(5);
    expect(afterV2[4]).toMatchObject({ definitionId: v2._id, version: 2 });

    // deactivating v2 falls back to v1's schedule; deactivating v1 too stops it
    await h.engine.setDefinitionActive(v2._id, false);
    expect(await pendingStarts()).toEqual([['monthly', '2026-09-10T01:00:00.000Z']]);
    await h.engine.setDefinitionActive(v1._id, false);
    expect(await pendingStarts()).toEqual([]);
    h.clock.set('2026-12-31T09:00:00+08:00');
    await h.engine.runDueJobs();
    expect(await instancesOf('timer-start')).toHaveLength(5);
  });

  it('a timeDate start event starts one instance; the none start event still starts by hand', async () => {
    h.clock.set('2026-03-02T09:00:00+08:00');
    await h.engine.deploy(fixture('timer-start-once'), { district: DISTRICT });
    const byHand = await h.engine.startInstance({
      processKey: 'timer-start-once',
      district: DISTRICT,
    });
    // started by the none start event alone: no timer of the timer start event in the instance
    expect((await h.engine.getInstance(byHand._id)).timers).toEqual([]);

    h.clock.set('2026-06-01T09:00:00+08:00');
    await h.engine.runDueJobs();
    h.clock.set('2027-06-01T09:00:00+08:00');
    await h.engine.runDueJobs();

    const instances = await instancesOf('timer-start-once');
    expect(instances).toHaveLength(2);
    expect(instances[1].startedAt.toISOString()).toBe('2026-06-01T01:00:00.000Z');
    const history = await h.engine.history(instances[1]._id);
    expect(history.find((e) => e.type === 'instance.triggered')?.activityId).toBe('onDate');
  });

  it('a crash between deploying and scheduling is repaired at start-up', async () => {
    h.clock.set('2026-03-02T09:00:00+08:00');
    const xml = fixture('timer-start').replace(/id="timer-start"/, 'id="timer-start-repaired"');
    // deploy through the definition service alone, as if the process died before scheduling
    await h.engine.definitions.deploy(xml, { district: DISTRICT });
    const jobsOf = async () =>
      (await h.engine.jobs.find({ kind: 'timer-start', status: 'pending' })).filter(
        (job) => job.payload.processKey === 'timer-start-repaired',
      );
    expect(await jobsOf()).toEqual([]);

    await h.restart({ owner: 'repaired' });

    expect((await jobsOf()).map((job) => job.dueAt.toISOString())).toEqual([
      '2026-03-10T01:00:00.000Z',
    ]);
  });
});
