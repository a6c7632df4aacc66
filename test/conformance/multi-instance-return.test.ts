import type { TaskDoc } from '../../engine/src';
import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  staff,
} from '../support/engine-harness';

/** Return (退回) into and out of multi-instance user tasks: co-handling (parallel), co-signing (sequential). */
describe('return with multi-instance user tasks', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await createEngineHarness();
    await h.deployFixture('co-handling');
    await h.deployFixture('co-signing');
  });
  afterAll(() => h.dispose());

  const UNITS = [
    { id: 'finance', users: ['f1', 'f2'] },
    { id: 'legal', users: ['l1'] },
    { id: 'audit', users: ['a1'] },
  ];
  const open = (instanceId: string) => h.engine.tasks.openTasksOf(instanceId);
  const openAt = async (instanceId: string, activityId: string) =>
    (await open(instanceId)).filter((t) => t.activityId === activityId);
  const unitOf = (task: TaskDoc) => (task.loop?.element as { id: string }).id;
  const byUnit = async (instanceId: string, unit: string) =>
    (await openAt(instanceId, 'handle')).find((t) => unitOf(t) === unit)!;
  const returned = async (instanceId: string) =>
    (await h.engine.history(instanceId))
      .filter((e) => e.type === 'task.returned')
      .map((e) => JSON.parse(e.data!) as Record<string, unknown>);

  /** Handling by the units given; f2 claims and completes finance's element. */
  async function handled(units = UNITS.slice(0, 2)) {
    const instance = await h.engine.startInstance({
      processKey: 'co-handling',
      district: DISTRICT,
      starter: 'office',
      variables: { units },
    });
    await h.engine.tasks.complete((await open(instance._id))[0]._id, staff('office'), {});
    const finance = await byUnit(instance._id, 'finance');
    await h.engine.tasks.claim(finance._id, staff('f2'));
    await h.engine.tasks.complete(finance._id, staff('f2'), { opinion: '财务同意' });
    return instance;
  }
  async function atReview() {
    const instance = await handled();
    await h.engine.tasks.complete((await byUnit(instance._id, 'legal'))._id, staff('l1'), {
      opinion: '法务同意',
    });
    const [review] = await open(instance._id);
    expect(review.activityId).toBe('review');
    return { instance, review };
  }

  it('lists the multi-instance activity as one target, with the elements that may be re-opened alone', async () => {
    const { review } = await atReview();
    const targets = await h.engine.tasks.returnTargets(review._id);
    expect(targets.map((t) => t.activityId)).toEqual(['handle', 'assign']);
    expect(targets[0].elements).toEqual([
      expect.objectContaining({ key: 'finance', index: 0, completedBy: 'f2' }),
      expect.objectContaining({ key: 'legal', index: 1, completedBy: 'l1' }),
    ]);
  });

  it('returns into the whole activity: every element runs again, each for whoever completed it last', async () => {
    const { instance, review } = await atReview();
    await h.engine.tasks.returnTask(review._id, staff('chair'), {
      targetActivityId: 'handle',
      reason: '会办意见不一致',
    });

    expect((await h.engine.tasks.get(review._id)).status).toBe('returned');
    const again = await openAt(instance._id, 'handle');
    expect(again.map((t) => [unitOf(t), t.assignee, t.loop?.index]).sort()).toEqual([
      ['finance', 'f2', 0],
      ['legal', 'l1', 1],
    ]);
    expect(await returned(instance._id)).toEqual([
      expect.objectContaining({ from: 'review', to: 'handle', assignees: ['f2', 'l1'] }),
    ]);
    // what the elements gave stays until each completes again
    expect((await h.engine.getInstance(instance._id)).variables.handleOutputs).toEqual({
      finance: { opinion: '财务同意' },
      legal: { opinion: '法务同意' },
    });

    await h.engine.tasks.complete((await byUnit(instance._id, 'finance'))._id, staff('f2'), {
      opinion: '财务修改后同意',
    });
    expect((await open(instance._id)).map((t) => t.activityId)).toEqual(['handle']);
    await h.engine.tasks.complete((await byUnit(instance._id, 'legal'))._id, staff('l1'), {});
    const [reviewAgain] = await open(instance._id);
    await h.engine.tasks.complete(reviewAgain._id, staff('chair'), {});
    expect(await h.engine.getInstance(instance._id)).toMatchObject({
      status: 'completed',
      variables: { handleOutputs: { finance: { opinion: '财务修改后同意' }, legal: {} } },
    });
  });

  it('returns into one element: only it runs again, with its element and index; then the activity completes', async () => {
    const { instance, review } = await atReview();
    const target = await h.engine.tasks.returnTask(review._id, staff('chair'), {
      targetActivityId: 'handle',
      targetElement: 'finance',
      reason: '财务意见需补充',
    });
    expect(target.activityId).toBe('handle');
    const [finance] = await open(instance._id);
    expect(finance).toMatchObject({
      activityId: 'handle',
      assignee: 'f2',
      candidateUsers: ['f1', 'f2'],
      loop: { index: 0, element: UNITS[0] },
    });
    expect(await returned(instance._id)).toEqual([
      expect.objectContaining({ to: 'handle', element: 'finance', assignees: ['f2'] }),
    ]);

    // a fresh engine carries on from the stored state
    const restarted = await h.restart();
    await restarted.tasks.complete(finance._id, staff('f2'), { opinion: '补充后同意' });
    const [reviewAgain] = await restarted.tasks.openTasksOf(instance._id);
    expect(reviewAgain.activityId).toBe('review');
    expect((await restarted.getInstance(instance._id)).variables.handleOutputs).toEqual({
      finance: { opinion: '补充后同意' },
      legal: { opinion: '法务同意' },
    });
  });

  it('returns one element to the task before the activity: the whole activity is left, its other open elements cancelled', async () => {
    const instance = await handled(UNITS);
    const legal = await byUnit(instance._id, 'legal');
    const audit = await byUnit(instance._id, 'audit');
    expect((await h.engine.tasks.returnTargets(legal._id)).map((t) => t.activityId)).toEqual([
      'assign',
    ]);

    await h.engine.tasks.returnTask(legal._id, staff('l1'), { reason: '交办单位有误' });

    expect((await h.engine.tasks.get(legal._id)).status).toBe('returned');
    expect((await h.engine.tasks.get(audit._id)).status).toBe('cancelled');
    expect((await open(instance._id)).map((t) => [t.activityId, t.assignee])).toEqual([
      ['assign', 'office'],
    ]);
    expect((await h.engine.getInstance(instance._id)).activeActivityIds).toEqual(['assign']);

    // the activity runs afresh after the task before it
    await h.engine.tasks.complete((await open(instance._id))[0]._id, staff('office'), {
      units: UNITS.slice(1),
    });
    expect((await openAt(instance._id, 'handle')).map(unitOf).sort()).toEqual(['audit', 'legal']);
  });

  it('refuses to return an element into its own activity', async () => {
    const instance = await handled();
    const legal = await byUnit(instance._id, 'legal');
    await expect(
      h.engine.tasks.returnTask(legal._id, staff('l1'), {
        targetActivityId: 'handle',
        targetElement: 'finance',
        reason: '退回',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((await open(instance._id)).map((t) => t._id)).toEqual([legal._id]);
  });

  describe('sequential', () => {
    async function signedBy(signers: string[], done: number) {
      const instance = await h.engine.startInstance({
        processKey: 'co-signing',
        district: DISTRICT,
        starter: 'drafter',
        variables: { signers },
      });
      await h.engine.tasks.complete((await open(instance._id))[0]._id, staff('drafter'), {});
      for (const signer of signers.slice(0, done))
        await h.engine.tasks.complete((await open(instance._id))[0]._id, staff(signer), {
          signed: signer,
        });
      return instance;
    }

    it('returns from the task after the activity into one signer, and goes on to the task after it', async () => {
      const instance = await signedBy(['s1', 's2', 's3'], 3);
      const [archive] = await open(instance._id);
      await h.engine.tasks.returnTask(archive._id, staff('clerk'), {
        targetActivityId: 'sign',
        targetElement: 's2',
        reason: '签名不清',
      });
      const [again] = await open(instance._id);
      expect(again).toMatchObject({ activityId: 'sign', assignee: 's2', loop: { index: 1 } });
      await h.engine.tasks.complete(again._id, staff('s2'), { signed: 's2 again' });
      expect((await open(instance._id)).map((t) => t.activityId)).toEqual(['archive']);
      expect((await h.engine.getInstance(instance._id)).variables.signOutputs).toMatchObject({
        s1: { signed: 's1' },
        s2: { signed: 's2 again' },
        s3: { signed: 's3' },
      });
    });

    it('returns from a signer to the task before the activity; the signing starts over after it', async () => {
      const instance = await signedBy(['s1', 's2', 's3'], 1);
      const [s2] = await open(instance._id);
      await h.engine.tasks.returnTask(s2._id, staff('s2'), { reason: '文稿有误' });
      const [prepare] = await open(instance._id);
      expect(prepare).toMatchObject({ activityId: 'prepare', assignee: 'drafter' });
      await h.engine.tasks.complete(prepare._id, staff('drafter'), {});
      expect((await open(instance._id)).map((t) => t.assignee)).toEqual(['s1']);
    });
  });
});
