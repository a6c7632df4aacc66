import {
  createEngineHarness,
  DAY,
  DISTRICT,
  type EngineHarness,
  staff,
} from '../support/engine-harness';

describe('durable timers', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await createEngineHarness();
    await h.deployFixture('boundary-timers');
    await h.deployFixture('intermediate-timer');
  });
  afterAll(() => h.dispose());

  const activities = async (instanceId: string) =>
    (await h.engine.tasks.openTasksOf(instanceId)).map((t) => t.activityId).sort();

  it('a non-interrupting boundary timer adds a task at 5 working days; the interrupting one escalates at 10', async () => {
    // Monday 2026-03-02: 5 working days → end of Monday 03-09, 10 → end of Monday 03-16
    h.clock.set('2026-03-02T09:00:00+08:00');
    const instance = await h.engine.startInstance({
      processKey: 'boundary-timers',
      district: DISTRICT,
      starter: 'staff',
    });
    expect(
      (await h.engine.getInstance(instance._id)).timers
        .map((t) => [t.activityId, t.dueAt.toISOString()])
        .sort(),
    ).toEqual([
      ['overdue', '2026-03-16T15:59:59.999Z'],
      ['remind', '2026-03-09T15:59:59.999Z'],
    ]);

    h.clock.set('2026-03-09T12:00:00+08:00');
    await h.engine.runDueJobs();
    expect(await activities(instance._id)).toEqual(['handle']);

    h.clock.set('2026-03-10T00:00:00+08:00');
    expect(await h.engine.runDueJobs()).toBeGreaterThan(0);
    expect(await activities(instance._id)).toEqual(['handle', 'urge']);

    h.clock.set('2026-03-17T00:00:00+08:00');
    await h.engine.runDueJobs();
    expect(await activities(instance._id)).toEqual(['escalate', 'urge']);
    const handle = await h.engine.store.tasks.findOne({
      instanceId: instance._id,
      activityId: 'handle',
    });
    expect(handle?.status).toBe('cancelled');
    const history = (await h.engine.history(instance._id)).map((e) => e.type);
    expect(history.filter((t) => t === 'timer.fired')).toHaveLength(2);
  });

  it('completing the task in time cancels its timers', async () => {
    h.clock.set('2026-03-02T09:00:00+08:00');
    const instance = await h.engine.startInstance({
      processKey: 'boundary-timers',
      district: DISTRICT,
      starter: 'staff',
    });
    const [task] = await h.engine.tasks.openTasksOf(instance._id);
    await h.engine.tasks.complete(task._id, staff('unit1'), { reply: '已办' });
    expect((await h.engine.getInstance(instance._id)).status).toBe('completed');
    const jobs = await h.engine.jobs.find({ instanceId: instance._id, kind: 'timer' });
    expect(jobs.map((j) => j.status)).toEqual(['cancelled', 'cancelled']);
    h.clock.advance(60 * DAY);
    await h.engine.runDueJobs();
    expect(await activities(instance._id)).toEqual([]);
  });

  it('a 6-month intermediate timer fires after six months of virtual time, not before', async () => {
    h.clock.set('2026-03-02T09:00:00+08:00');
    const instance = await h.engine.startInstance({
      processKey: 'intermediate-timer',
      district: DISTRICT,
      starter: 'u',
    });
    expect((await h.engine.getInstance(instance._id)).timers[0].dueAt.toISOString()).toBe(
      '2026-09-02T01:00:00.000Z',
    );
    h.clock.set('2026-09-01T09:00:00+08:00');
    await h.engine.runDueJobs();
    expect(await activities(instance._id)).toEqual([]);
    h.clock.set('2026-09-02T09:00:00+08:00');
    await h.engine.runDueJobs();
    expect(await activities(instance._id)).toEqual(['check']);
  });

  it('a fresh engine over the same database fires a timer that fell due during downtime exactly once', async () => {
    h.clock.set('2026-03-02T09:00:00+08:00');
    const instance = await h.engine.startInstance({
      processKey: 'intermediate-timer',
      district: DISTRICT,
      starter: 'u',
    });
    // "downtime": nobody polls while the clock passes the due time; then two fresh engines start
    h.clock.set('2026-12-01T09:00:00+08:00');
    const [a, b] = await Promise.all([
      h.restart({ owner: 'server-a' }),
      h.restart({ owner: 'server-b' }),
    ]);
    await Promise.all([a.runDueJobs(), b.runDueJobs(), a.runDueJobs(), b.runDueJobs()]);
    expect(await activities(instance._id)).toEqual(['check']);
    const fired = (await h.engine.history(instance._id)).filter((e) => e.type === 'timer.fired');
    expect(fired).toHaveLength(1);
  });
});
