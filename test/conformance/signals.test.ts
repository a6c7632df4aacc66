import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  fixture,
  staff,
} from '../support/engine-harness';

describe('signals', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await createEngineHarness();
    await h.deployFixture('signal-wait');
    await h.deployFixture('signal-start');
    await h.deployFixture('signal-throw');
  });
  afterAll(() => h.dispose());

  const start = (processKey: string, variables: Record<string, unknown> = {}) =>
    h.engine.startInstance({ processKey, district: DISTRICT, starter: 'u1', variables });
  const openActivities = async (instanceId: string) =>
    (await h.engine.tasks.openTasksOf(instanceId)).map((t) => t.activityId).sort();
  const completeOnly = async (instanceId: string, activityId: string) => {
    const task = (await h.engine.tasks.openTasksOf(instanceId)).find(
      (t) => t.activityId === activityId,
    );
    await h.engine.tasks.complete(task!._id, staff('u1', 'office'), {});
  };
  const received = async (instanceId: string) =>
    (await h.engine.history(instanceId)).filter((e) => e.type === 'signal.received').length;
  const startedBySignal = () =>
    h.engine.listInstances({ district: DISTRICT, processKey: 'signal-start' });

  it('reaches every waiting instance and starts one at each signal start event, each exactly once even when the broadcast runs twice', async () => {
    // given three instances waiting at the catch event, and one in another district
    const waiting = [];
    for (let i = 0; i < 3; i++) {
      const instance = await start('signal-wait', { track: 'report' });
      await completeOnly(instance._id, 'handle');
      waiting.push(instance._id);
    }
    const elsewhere = await h.engine.deploy(fixture('signal-wait'), {
      district: 'other-district',
    });
    const outsider = await h.engine.startInstance({
      processKey: elsewhere.key,
      district: 'other-district',
      starter: 'u1',
      variables: { track: 'report' },
    });
    await completeOnly(outsider._id, 'handle');

    // when the signal is broadcast, and its fan-out runs again as after a crash
    const { broadcastId } = await h.engine.broadcastSignal({
      district: DISTRICT,
      name: 'session-opened',
      variables: { sessionNo: 3 },
    });
    const broadcast = await h.engine.jobs.get(`signal:${broadcastId}`);
    await h.engine.runDueJobs();
    await h.engine.jobs.schedule({ ...broadcast!, id: `${broadcast!.id}:re-run` });
    await h.engine.runDueJobs();

    // then each waiting instance got it once, the other district's did not, one instance started
    for (const id of waiting) {
      expect(await openActivities(id)).toEqual(['report']);
      expect(await received(id)).toBe(1);
      expect((await h.engine.getInstance(id)).variables.sessionNo).toBe(3);
    }
    expect(await openActivities(outsider._id)).toEqual([]);
    expect((await h.engine.getInstance(outsider._id)).activeActivityIds).toEqual(['awaitSession']);
    const started = await startedBySignal();
    expect(started).toHaveLength(1);
    expect(started[0].variables).toEqual({ sessionNo: 3 });
    expect(await openActivities(started[0]._id)).toEqual(['prepareAgenda']);
  });

  it('one instance that fails to take the signal keeps no other from getting it', async () => {
    const healthy = await start('signal-wait', { track: 'report' });
    const broken = await start('signal-wait'); // no track: its gateway has no way out
    await completeOnly(healthy._id, 'handle');
    await completeOnly(broken._id, 'handle');

    await h.engine.broadcastSignal({ district: DISTRICT, name: 'session-opened' });
    await h.engine.runDueJobs();

    expect(await openActivities(healthy._id)).toEqual(['report']);
    const [delivery] = await h.engine.jobs.find({
      instanceId: broken._id,
      kind: 'signal-delivery',
    });
    expect(delivery.status).toBe('pending'); // failed once, retried later with backoff
    expect(delivery.lastError).toMatch(/process failed/);
    expect((await h.engine.getInstance(broken._id)).activeActivityIds).toEqual(['awaitSession']);
  });

  it('a non-interrupting signal boundary event thrown by another instance adds a path', async () => {
    const waiting = await start('signal-wait', { track: 'report' });
    const thrower = await start('signal-throw');
    await completeOnly(thrower._id, 'decide');
    expect((await h.engine.getInstance(thrower._id)).status).toBe('completed');

    await h.engine.runDueJobs();

    expect(await openActivities(waiting._id)).toEqual(['handle', 'recheck']);
    expect((await h.engine.history(thrower._id)).map((e) => e.type)).toContain('signal.thrown');
  });

  it('an interrupting signal event sub-process ends the instance; suspended instances are skipped', async () => {
    const running = await start('signal-wait', { track: 'report' });
    const suspended = await start('signal-wait', { track: 'report' });
    await h.engine.suspendInstance(suspended._id);

    await h.engine.broadcastSignal({ district: DISTRICT, name: 'recall' });
    await h.engine.runDueJobs();

    expect(await h.engine.getInstance(running._id)).toMatchObject({ status: 'completed' });
    const handle = await h.engine.store.tasks.findOne({ instanceId: running._id });
    expect(handle?.status).toBe('cancelled');
    expect((await h.engine.getInstance(suspended._id)).status).toBe('suspended');
    expect(await received(suspended._id)).toBe(0);
  });

  it('keeps its subscriptions queryable by name', async () => {
    const instance = await start('signal-wait', { track: 'report' });
    const open = await h.engine.listSubscriptions({
      district: DISTRICT,
      kind: 'signal',
      instanceId: instance._id,
    });
    expect(open.map((s) => [s.name, s.activityId]).sort()).toEqual([
      ['deadline-changed', 'deadlineChanged'],
      ['recall', 'recallStart'],
    ]);
    const waitingForRecall = await h.engine.listSubscriptions({
      district: DISTRICT,
      name: 'recall',
    });
    expect(waitingForRecall.map((s) => s.instanceId)).toContain(instance._id);
  });
});
