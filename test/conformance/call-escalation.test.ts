import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  staff,
} from '../support/engine-harness';

describe('escalations across call activities', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await createEngineHarness();
    for (const name of [
      'escalation-child',
      'escalation-parent',
      'escalation-parent-plain',
      'escalation-multi-instance',
    ])
      await h.deployFixture(name);
  });
  afterAll(() => h.dispose());

  const office = staff('u1', 'office');
  const start = (processKey: string, variables: Record<string, unknown> = {}) =>
    h.engine.startInstance({ processKey, district: DISTRICT, starter: 'u1', variables });
  const childrenOf = (parentId: string) =>
    h.engine.store.instances.find({ 'parent.instanceId': parentId }).toArray();
  const openActivities = async (instanceId: string) =>
    (await h.engine.tasks.openTasksOf(instanceId)).map((t) => t.activityId).sort();
  const complete = async (instanceId: string, activityId: string, data = {}) => {
    const task = (await h.engine.tasks.openTasksOf(instanceId)).find(
      (t) => t.activityId === activityId,
    );
    if (!task) throw new Error(`no open ${activityId} in ${instanceId}`);
    await h.engine.tasks.complete(task._id, office, data);
    await h.engine.runDueJobs();
  };
  const escalatedAt = async (instanceId: string) =>
    (await h.engine.history(instanceId))
      .filter((e) => e.type === 'call.escalated')
      .map((e) => JSON.parse(e.data!) as Record<string, unknown>);
  /** A parent waiting in its call activity, and the child it called. */
  const startCalled = async (processKey: string) => {
    const parent = await start(processKey);
    await h.engine.runDueJobs();
    const [child] = await childrenOf(parent._id);
    expect(await openActivities(child._id)).toEqual(['review']);
    return { parent, child };
  };

  it('non-interrupting: the parent runs the boundary path while the child goes on', async () => {
    const { parent, child } = await startCalled('escalation-parent');

    // the child throws LATE (its own bpmn:escalation, same code) and goes on to "finish"
    await complete(child._id, 'review', { outcome: 'late' });

    expect(await openActivities(parent._id)).toEqual(['urge']);
    expect((await h.engine.getInstance(parent._id)).activeActivityIds).toContain('callHandling');
    expect(await h.engine.getInstance(child._id)).toMatchObject({
      status: 'running',
      uncaughtEscalations: [{ activityId: 'reportLate', code: 'LATE', name: '逾期' }],
    });
    expect(await openActivities(child._id)).toEqual(['finish']);
    // the boundary event for that code took it, not the one without a code
    expect(await escalatedAt(parent._id)).toEqual([
      {
        childInstanceId: child._id,
        code: 'LATE',
        thrownBy: 'reportLate',
        caughtBy: 'onLate',
        interrupting: false,
      },
    ]);

    // the delivery job runs again (as after a crash before it was marked done): nothing twice
    await h.engine.jobs.schedule({
      id: `call-escalation:${child._id}:again`,
      kind: 'call-activity.escalation',
      instanceId: child._id,
      district: DISTRICT,
      dueAt: h.clock.now(),
      payload: { childId: child._id },
    });
    await h.engine.runDueJobs();
    expect(await openActivities(parent._id)).toEqual(['urge']);

    // the child ends: the resumption hands its escalations over again, and none is taken twice
    await complete(child._id, 'finish');
    expect(await openActivities(parent._id)).toEqual(['publish', 'urge']);
    expect(await escalatedAt(parent._id)).toHaveLength(1);
  });

  it('a suspended parent takes the escalation once it is resumed', async () => {
    const { parent, child } = await startCalled('escalation-parent');
    await h.engine.suspendInstance(parent._id);

    await complete(child._id, 'review', { outcome: 'late' });
    expect(await openActivities(parent._id)).toEqual([]);

    await h.engine.resumeInstance(parent._id);
    await h.engine.runDueJobs();
    expect(await openActivities(parent._id)).toEqual(['urge']);
  });

  it('interrupting, from an escalation end event: the parent leaves the call by the boundary event', async () => {
    const { parent, child } = await startCalled('escalation-parent');

    await complete(child._id, 'review', { outcome: 'giveUp' });

    expect((await h.engine.getInstance(child._id)).status).toBe('completed');
    expect(await openActivities(parent._id)).toEqual(['takeOver']);
    const doc = await h.engine.getInstance(parent._id);
    expect(doc.activeActivityIds).toEqual(['takeOver']);
    await complete(parent._id, 'takeOver');
    expect((await h.engine.getInstance(parent._id)).status).toBe('completed');
    // the call was left by the escalation, not completed: its out-path never ran
    const history = (await h.engine.history(parent._id)).map((e) => e.type);
    expect(history).not.toContain('call.completed');
  });

  it('interrupting, from a throw event: the child that went on is cancelled', async () => {
    const { parent, child } = await startCalled('escalation-parent');

    await complete(child._id, 'review', { outcome: 'stuck' });

    expect(await openActivities(parent._id)).toEqual(['takeOver']);
    expect((await h.engine.getInstance(child._id)).status).toBe('cancelled');
    const hold = await h.engine.store.tasks.findOne({ instanceId: child._id, activityId: 'hold' });
    expect(hold?.status).toBe('cancelled');
  });

  it('a boundary event without a code catches any other escalation; the call still completes', async () => {
    const { parent, child } = await startCalled('escalation-parent');

    await complete(child._id, 'review', { outcome: 'other' });

    expect(await openActivities(parent._id)).toEqual(['note', 'publish']);
    expect(await escalatedAt(parent._id)).toEqual([
      expect.objectContaining({ code: 'OTHER', caughtBy: 'onAny', interrupting: false }),
    ]);
  });

  it('an escalation the child catches itself does not reach the parent', async () => {
    const { parent, child } = await startCalled('escalation-parent');

    await complete(child._id, 'review', { outcome: 'internal' });

    const done = await h.engine.getInstance(child._id);
    expect(done.status).toBe('completed');
    expect(done.uncaughtEscalations).toBeUndefined();
    expect(await openActivities(parent._id)).toEqual(['publish']);
    expect(await escalatedAt(parent._id)).toEqual([]);
  });

  it('uncaught in the parent, nothing happens: the child goes on and the call completes', async () => {
    const { parent, child } = await startCalled('escalation-parent-plain');

    await complete(child._id, 'review', { outcome: 'late' });
    expect(await openActivities(parent._id)).toEqual([]);
    expect((await h.engine.getInstance(parent._id)).status).toBe('running');
    expect(await openActivities(child._id)).toEqual(['finish']);

    await complete(child._id, 'finish');
    expect(await openActivities(parent._id)).toEqual(['publish']);
    expect(await escalatedAt(parent._id)).toEqual([]);
  });

  it("multi-instance: each child's escalation reaches the boundary event; an interrupting one ends the call and cancels the other children", async () => {
    const departments = ['财政局', '教育局', '卫健委'];
    const parent = await start('escalation-multi-instance', { departments });
    await h.engine.runDueJobs();
    const children = await childrenOf(parent._id);
    expect(children).toHaveLength(3);
    const [first, second, third] = children;

    await complete(first._id, 'review', { outcome: 'late' });
    expect(await openActivities(parent._id)).toEqual(['urge']);
    await complete(parent._id, 'urge');

    // the non-interrupting boundary event is armed again: the second child's escalation counts too
    await complete(second._id, 'review', { outcome: 'late' });
    expect(await openActivities(parent._id)).toEqual(['urge']);
    expect((await escalatedAt(parent._id)).map((e) => e.childInstanceId)).toEqual([
      first._id,
      second._id,
    ]);

    await complete(third._id, 'review', { outcome: 'giveUp' });
    expect(await openActivities(parent._id)).toEqual(['takeOver', 'urge']);
    for (const child of [first, second])
      expect((await h.engine.getInstance(child._id)).status).toBe('cancelled');
    expect((await h.engine.history(parent._id)).map((e) => e.type)).not.toContain('call.completed');
  });
});
