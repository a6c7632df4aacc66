import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  staff,
} from '../support/engine-harness';

describe('suspend, resume and cancel', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await createEngineHarness();
    await h.deployFixture('two-user-tasks');
    await h.deployFixture('intermediate-timer');
  });
  afterAll(() => h.dispose());

  it('a suspended instance accepts no completion and fires no timer; resume fires what fell due', async () => {
    h.clock.set('2026-03-02T09:00:00+08:00');
    const instance = await h.engine.startInstance({
      processKey: 'intermediate-timer',
      district: DISTRICT,
      starter: 'u',
    });
    await h.engine.suspendInstance(instance._id, 'admin');
    h.clock.set('2026-10-01T09:00:00+08:00');
    await h.engine.runDueJobs();
    expect(await h.engine.tasks.openTasksOf(instance._id)).toEqual([]);
    expect((await h.engine.getInstance(instance._id)).status).toBe('suspended');

    await h.engine.resumeInstance(instance._id, 'admin');
    await h.engine.runDueJobs();
    const [check] = await h.engine.tasks.openTasksOf(instance._id);
    expect(check.activityId).toBe('check');

    await h.engine.suspendInstance(instance._id, 'admin');
    await expect(h.engine.tasks.complete(check._id, staff('u'), {})).rejects.toMatchObject({
      code: 'INSTANCE_NOT_RUNNING',
    });
    await h.engine.resumeInstance(instance._id, 'admin');
    await h.engine.tasks.complete(check._id, staff('u'), {});
    expect((await h.engine.getInstance(instance._id)).status).toBe('completed');
  });

  it('cancel with a reason closes the open tasks and timers and records why', async () => {
    const instance = await h.engine.startInstance({
      processKey: 'intermediate-timer',
      district: DISTRICT,
      starter: 'u',
    });
    await h.engine.cancelInstance(instance._id, '重复立项', 'admin');
    const doc = await h.engine.getInstance(instance._id);
    expect(doc).toMatchObject({
      status: 'cancelled',
      cancelReason: '重复立项',
      activeActivityIds: [],
    });
    expect((await h.engine.jobs.find({ instanceId: instance._id })).map((j) => j.status)).toEqual([
      'cancelled',
    ]);
    await expect(h.engine.cancelInstance(instance._id, 'again')).rejects.toMatchObject({
      code: 'INSTANCE_NOT_RUNNING',
    });

    const other = await h.engine.startInstance({
      processKey: 'two-user-tasks',
      district: DISTRICT,
      starter: 'u',
    });
    const [task] = await h.engine.tasks.openTasksOf(other._id);
    await h.engine.cancelInstance(other._id, 'test');
    expect((await h.engine.tasks.get(task._id)).status).toBe('cancelled');
    const types = (await h.engine.history(other._id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['instance.cancelled', 'task.cancelled']));
  });
});
