import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  staff,
} from '../support/engine-harness';

describe('messages', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await createEngineHarness();
    await h.deployFixture('message-wait');
    await h.deployFixture('message-start');
  });
  afterAll(() => h.dispose());

  const start = (businessKey: string) =>
    h.engine.startInstance({
      processKey: 'message-wait',
      district: DISTRICT,
      starter: 'u1',
      businessKey,
    });
  const openActivities = async (instanceId: string) =>
    (await h.engine.tasks.openTasksOf(instanceId)).map((t) => t.activityId).sort();
  const completeOnly = async (instanceId: string, activityId: string) => {
    const task = (await h.engine.tasks.openTasksOf(instanceId)).find(
      (t) => t.activityId === activityId,
    );
    await h.engine.tasks.complete(task!._id, staff('u1', 'office'), {});
  };
  const openSubscriptions = (instanceId: string) =>
    h.engine.store.subscriptions.find({ instanceId, open: true }).toArray();

  it('delivers to the waiting catch event by business key, then to the receive task, with variables', async () => {
    // given an instance past its first task, waiting for 'reply'
    const instance = await start('case-1');
    await expect(
      h.engine.correlateMessage({ district: DISTRICT, name: 'reply', businessKey: 'case-1' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await completeOnly(instance._id, 'prepare');
    expect((await openSubscriptions(instance._id)).map((s) => [s.name, s.activityId])).toEqual(
      expect.arrayContaining([
        ['reply', 'awaitReply'],
        ['abort', 'abortStart'],
      ]),
    );

    // when the reply arrives
    const result = await h.engine.correlateMessage({
      district: DISTRICT,
      name: 'reply',
      businessKey: 'case-1',
      variables: { replyText: '已答复' },
    });

    // then the catch event completed, its subscription closed, the receive task now waits
    expect(result).toEqual({ instanceId: instance._id, started: false, activityId: 'awaitReply' });
    const doc = await h.engine.getInstance(instance._id);
    expect(doc.variables.replyText).toBe('已答复');
    expect(doc.activeActivityIds).toContain('awaitConfirm');
    const closed = await h.engine.store.subscriptions.findOne({
      instanceId: instance._id,
      name: 'reply',
    });
    expect(closed?.open).toBe(false);
    await expect(
      h.engine.correlateMessage({ district: DISTRICT, name: 'reply', businessKey: 'case-1' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await h.engine.correlateMessage({
      district: DISTRICT,
      name: 'confirm',
      instanceId: instance._id,
    });
    expect(await openActivities(instance._id)).toEqual(['review']);
    expect((await h.engine.history(instance._id)).map((e) => e.type)).toEqual(
      expect.arrayContaining(['message.received']),
    );
  });

  it('refuses a message several instances wait for (CONFLICT); correlateAll delivers to each', async () => {
    const a = await start('case-a');
    const b = await start('case-b');
    await completeOnly(a._id, 'prepare');
    await completeOnly(b._id, 'prepare');

    const conflict = await h.engine
      .correlateMessage({ district: DISTRICT, name: 'reply' })
      .catch((e: unknown) => e);
    expect(conflict).toMatchObject({ code: 'CONFLICT' });
    expect(
      (conflict as { details: { instanceId: string }[] }).details.map((d) => d.instanceId).sort(),
    ).toEqual([a._id, b._id].sort());

    const results = await h.engine.correlateAll({ district: DISTRICT, name: 'reply' });
    expect(results.map((r) => r.instanceId).sort()).toEqual([a._id, b._id].sort());
    for (const id of [a._id, b._id])
      expect((await h.engine.getInstance(id)).activeActivityIds).toContain('awaitConfirm');
    // every receiver moved on, so a second round finds nobody
    expect(await h.engine.correlateAll({ district: DISTRICT, name: 'reply' })).toEqual([]);
  });

  it('an interrupting message boundary event cancels its task and takes its own path', async () => {
    const instance = await start('case-withdraw');
    await h.engine.correlateMessage({
      district: DISTRICT,
      name: 'withdraw',
      businessKey: 'case-withdraw',
    });
    const doc = await h.engine.getInstance(instance._id);
    expect(doc.status).toBe('completed');
    const [prepare] = await h.engine.store.tasks.find({ instanceId: instance._id }).toArray();
    expect(prepare.status).toBe('cancelled');
    expect(await openSubscriptions(instance._id)).toEqual([]);
  });

  it('a non-interrupting message boundary event adds a path and leaves its task open', async () => {
    const instance = await start('case-remind');
    await completeOnly(instance._id, 'prepare');
    await h.engine.correlateMessage({
      district: DISTRICT,
      name: 'reply',
      instanceId: instance._id,
    });
    await h.engine.correlateMessage({
      district: DISTRICT,
      name: 'confirm',
      instanceId: instance._id,
    });
    await h.engine.correlateMessage({
      district: DISTRICT,
      name: 'remind',
      businessKey: 'case-remind',
    });
    expect(await openActivities(instance._id)).toEqual(['chase', 'review']);
    await completeOnly(instance._id, 'chase');
    await completeOnly(instance._id, 'review');
    expect((await h.engine.getInstance(instance._id)).status).toBe('completed');
  });

  it('an interrupting event sub-process ends everything else in the instance', async () => {
    const instance = await start('case-abort');
    await h.engine.correlateMessage({
      district: DISTRICT,
      name: 'abort',
      businessKey: 'case-abort',
      variables: { abortReason: '撤案' },
    });
    expect(await openActivities(instance._id)).toEqual(['archive']);
    const prepare = await h.engine.store.tasks.findOne({
      instanceId: instance._id,
      activityId: 'prepare',
    });
    expect(prepare?.status).toBe('cancelled');
    // the event sub-process runs: nothing more waits for 'withdraw' or 'abort'
    expect(await openSubscriptions(instance._id)).toEqual([]);
    await completeOnly(instance._id, 'archive');
    const doc = await h.engine.getInstance(instance._id);
    expect(doc).toMatchObject({ status: 'completed', variables: { abortReason: '撤案' } });
  });

  it('a message start event starts an instance with the business key and variables', async () => {
    await expect(
      h.engine.startInstance({ processKey: 'message-start', district: DISTRICT }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });

    const result = await h.engine.correlateMessage({
      district: DISTRICT,
      name: 'submit',
      businessKey: 'S-2026-001',
      variables: { title: '关于加强社区养老服务的建议' },
    });

    expect(result).toMatchObject({ started: true, activityId: 'submitted' });
    const doc = await h.engine.getInstance(result.instanceId);
    expect(doc).toMatchObject({
      processKey: 'message-start',
      businessKey: 'S-2026-001',
      status: 'running',
      variables: { title: '关于加强社区养老服务的建议' },
    });
    expect(await openActivities(doc._id)).toEqual(['register']);
  });

  it('a non-interrupting event sub-process runs beside the main path, then can run again', async () => {
    const { instanceId } = await h.engine.correlateMessage({
      district: DISTRICT,
      name: 'submit',
      businessKey: 'S-note',
    });
    await h.engine.correlateMessage({ district: DISTRICT, name: 'note', businessKey: 'S-note' });
    expect(await openActivities(instanceId)).toEqual(['readNote', 'register']);
    // one run of an event sub-process at a time: while it runs, the message finds no receiver
    await expect(
      h.engine.correlateMessage({ district: DISTRICT, name: 'note', businessKey: 'S-note' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await completeOnly(instanceId, 'readNote');
    await h.engine.correlateMessage({ district: DISTRICT, name: 'note', businessKey: 'S-note' });
    expect(await openActivities(instanceId)).toEqual(['readNote', 'register']);
  });

  it('finds waiting instances through another engine over the same database (after a restart)', async () => {
    const instance = await start('case-restart');
    await completeOnly(instance._id, 'prepare');
    const restarted = await h.restart({ owner: 'after-restart' });
    await restarted.correlateMessage({
      district: DISTRICT,
      name: 'reply',
      businessKey: 'case-restart',
    });
    expect((await h.engine.getInstance(instance._id)).activeActivityIds).toContain('awaitConfirm');
  });

  it('does not deliver to a suspended instance', async () => {
    const instance = await start('case-suspended');
    await completeOnly(instance._id, 'prepare');
    await h.engine.suspendInstance(instance._id);
    await expect(
      h.engine.correlateMessage({ district: DISTRICT, name: 'reply', instanceId: instance._id }),
    ).rejects.toMatchObject({ code: 'INSTANCE_NOT_RUNNING' });
    await h.engine.resumeInstance(instance._id);
    await h.engine.correlateMessage({
      district: DISTRICT,
      name: 'reply',
      instanceId: instance._id,
    });
    expect((await h.engine.getInstance(instance._id)).activeActivityIds).toContain('awaitConfirm');
  });
});
