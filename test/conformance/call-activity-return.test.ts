import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  staff,
} from '../support/engine-harness';

/** Return (退回) across a call activity: a called instance's first task back into the caller. */
describe('return across a call activity', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await createEngineHarness();
    await h.deployFixture('call-return-child');
    await h.deployFixture('call-return-parent');
  });
  afterAll(() => h.dispose());

  const open = (instanceId: string) => h.engine.tasks.openTasksOf(instanceId);
  const childrenOf = (parentId: string) =>
    h.engine.store.instances
      .find({ 'parent.instanceId': parentId })
      .sort({ startedAt: 1 })
      .toArray();
  const events = async (instanceId: string, type: string) =>
    (await h.engine.history(instanceId))
      .filter((e) => e.type === type)
      .map((e) => JSON.parse(e.data!) as Record<string, unknown>);

  /** The parent prepared by its starter, the child started and waiting in its first task. */
  async function called() {
    const parent = await h.engine.startInstance({
      processKey: 'call-return-parent',
      district: DISTRICT,
      starter: 'drafter',
      variables: { title: '议案' },
    });
    const [prepare] = await open(parent._id);
    await h.engine.tasks.complete(prepare._id, staff('drafter'), {});
    await h.engine.runDueJobs();
    const [child] = await childrenOf(parent._id);
    const [examine] = await open(child._id);
    expect(examine.activityId).toBe('examine');
    return { parent, child, prepare, examine };
  }

  it("lists the caller's earlier tasks as the targets of a called instance's first task", async () => {
    const { parent, prepare, examine } = await called();
    expect(await h.engine.tasks.returnTargets(examine._id)).toEqual([
      expect.objectContaining({
        activityId: 'prepare',
        instanceId: parent._id,
        taskId: prepare._id,
        completedBy: 'drafter',
      }),
    ]);
  });

  it('returns into the caller: the call is left, the called instance ends, the earlier task opens again', async () => {
    const { parent, child, examine } = await called();

    const target = await h.engine.tasks.returnTask(examine._id, staff('clerk', 'office'), {
      reason: '材料不全',
    });
    expect(target).toMatchObject({ activityId: 'prepare', instanceId: parent._id });

    expect((await h.engine.tasks.get(examine._id)).status).toBe('returned');
    expect(await h.engine.getInstance(child._id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'returned to the calling instance',
    });
    const [again] = await open(parent._id);
    expect(again).toMatchObject({ activityId: 'prepare', assignee: 'drafter' });
    expect((await h.engine.getInstance(parent._id)).activeActivityIds).toEqual(['prepare']);
    expect(await events(parent._id, 'task.returned')).toEqual([
      expect.objectContaining({
        reason: '材料不全',
        from: 'callExamine',
        to: 'prepare',
        calledInstanceId: child._id,
        calledTaskId: examine._id,
        assignee: 'drafter',
      }),
    ]);
    expect(await events(child._id, 'task.returned')).toEqual([
      expect.objectContaining({ to: 'prepare', callerInstanceId: parent._id }),
    ]);

    // the jobs the ended call leaves behind change nothing; the next call starts a new instance
    await h.engine.runDueJobs();
    expect(await h.engine.getInstance(parent._id)).toMatchObject({ status: 'running' });
    await h.engine.tasks.complete(again._id, staff('drafter'), {});
    await h.engine.runDueJobs();
    const children = await childrenOf(parent._id);
    expect(children).toHaveLength(2);
    const [examineAgain] = await open(children[1]._id);
    await h.engine.tasks.complete(examineAgain._id, staff('clerk', 'office'), {});
    await h.engine.tasks.complete((await open(children[1]._id))[0]._id, staff('head'), {
      verdict: 'ok',
    });
    await h.engine.runDueJobs();
    expect((await open(parent._id)).map((t) => t.activityId)).toEqual(['publish']);
  });

  it("a called instance's later task returns inside it, not across the call", async () => {
    const { parent, child, examine } = await called();
    await h.engine.tasks.complete(examine._id, staff('clerk', 'office'), {});
    const [approve] = await open(child._id);
    expect((await h.engine.tasks.returnTargets(approve._id)).map((t) => t.activityId)).toEqual([
      'examine',
    ]);
    await h.engine.tasks.returnTask(approve._id, staff('head'), { reason: '重审' });
    expect((await open(child._id)).map((t) => t.activityId)).toEqual(['examine']);
    expect((await h.engine.getInstance(parent._id)).activeActivityIds).toEqual(['callExamine']);
  });

  it('refuses a caller task that does not lie before the call activity', async () => {
    const { child, examine } = await called();
    await expect(
      h.engine.tasks.returnTask(examine._id, staff('clerk', 'office'), {
        targetActivityId: 'publish',
        reason: '退回',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((await open(child._id)).map((t) => t._id)).toEqual([examine._id]);
  });
});
