import type { TaskDoc } from '../../engine/src';
import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  staff,
} from '../support/engine-harness';

/** Retrieve (取回) of one element task of a multi-instance user task. */
describe('retrieve with multi-instance user tasks', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await createEngineHarness();
    await h.deployFixture('co-handling');
    await h.deployFixture('co-signing');
  });
  afterAll(() => h.dispose());

  const UNITS = [
    { id: 'finance', users: ['f1'] },
    { id: 'legal', users: ['l1'] },
  ];
  const open = (instanceId: string) => h.engine.tasks.openTasksOf(instanceId);
  const unitOf = (task: TaskDoc) => (task.loop?.element as { id: string } | undefined)?.id;
  const byUnit = async (instanceId: string, unit: string) =>
    (await open(instanceId)).find((t) => unitOf(t) === unit)!;
  const outputs = async (instanceId: string, name: string) =>
    (await h.engine.getInstance(instanceId)).variables[name];

  async function handling() {
    const instance = await h.engine.startInstance({
      processKey: 'co-handling',
      district: DISTRICT,
      starter: 'office',
      variables: { units: UNITS },
    });
    await h.engine.tasks.complete((await open(instance._id))[0]._id, staff('office'), {});
    return instance;
  }

  it('takes one element back while the others run: only it opens again, with the data as a draft', async () => {
    const instance = await handling();
    const finance = await byUnit(instance._id, 'finance');
    const legal = await byUnit(instance._id, 'legal');
    await h.engine.tasks.complete(finance._id, staff('f1'), { opinion: '同意' });

    expect(await h.engine.tasks.retrieve(finance._id, staff('f1'))).toEqual([]);

    const again = await byUnit(instance._id, 'finance');
    expect(again._id).not.toBe(finance._id);
    expect(again).toMatchObject({ assignee: 'f1', draft: { opinion: '同意' }, loop: { index: 0 } });
    expect((await h.engine.tasks.get(legal._id)).status).toBe('open');
    expect(await outputs(instance._id, 'handleOutputs')).toBeUndefined();

    await h.engine.tasks.complete(again._id, staff('f1'), { opinion: '修改后同意' });
    await h.engine.tasks.complete(legal._id, staff('l1'), { opinion: '同意' });
    expect((await open(instance._id)).map((t) => t.activityId)).toEqual(['review']);
    expect(await outputs(instance._id, 'handleOutputs')).toEqual({
      finance: { opinion: '修改后同意' },
      legal: { opinion: '同意' },
    });
  });

  it('takes the last element back after it ended the activity: the next task ends as retrieved', async () => {
    const instance = await handling();
    await h.engine.tasks.complete((await byUnit(instance._id, 'finance'))._id, staff('f1'), {
      opinion: '同意',
    });
    const legal = await byUnit(instance._id, 'legal');
    await h.engine.tasks.complete(legal._id, staff('l1'), { opinion: '反对' });
    const [review] = await open(instance._id);
    expect(review.activityId).toBe('review');

    const retrieved = await h.engine.tasks.retrieve(legal._id, staff('l1'));
    expect(retrieved.map((t) => t._id)).toEqual([review._id]);
    expect((await h.engine.tasks.get(review._id)).status).toBe('retrieved');
    const [again] = await open(instance._id);
    expect(again).toMatchObject({ activityId: 'handle', assignee: 'l1', loop: { index: 1 } });
    expect(await outputs(instance._id, 'handleOutputs')).toEqual({ finance: { opinion: '同意' } });

    // a fresh engine carries on from the stored state
    const restarted = await h.restart();
    await restarted.tasks.complete(again._id, staff('l1'), { opinion: '同意' });
    const [reviewAgain] = await restarted.tasks.openTasksOf(instance._id);
    expect(reviewAgain.activityId).toBe('review');
    expect((await restarted.getInstance(instance._id)).variables.handleOutputs).toEqual({
      finance: { opinion: '同意' },
      legal: { opinion: '同意' },
    });
  });

  it('refuses once another element completed since', async () => {
    const instance = await handling();
    const finance = await byUnit(instance._id, 'finance');
    await h.engine.tasks.complete(finance._id, staff('f1'), {});
    await h.engine.tasks.complete((await byUnit(instance._id, 'legal'))._id, staff('l1'), {});
    await expect(h.engine.tasks.retrieve(finance._id, staff('f1'))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('sequential: takes a signature back while the next signer has not begun', async () => {
    const instance = await h.engine.startInstance({
      processKey: 'co-signing',
      district: DISTRICT,
      starter: 'drafter',
      variables: { signers: ['s1', 's2'] },
    });
    await h.engine.tasks.complete((await open(instance._id))[0]._id, staff('drafter'), {});
    const [s1] = await open(instance._id);
    await h.engine.tasks.complete(s1._id, staff('s1'), { signed: 's1' });
    const [s2] = await open(instance._id);
    expect(s2.assignee).toBe('s2');

    const retrieved = await h.engine.tasks.retrieve(s1._id, staff('s1'));
    expect(retrieved.map((t) => t._id)).toEqual([s2._id]);
    expect((await h.engine.tasks.get(s2._id)).status).toBe('retrieved');
    const [again] = await open(instance._id);
    expect(again).toMatchObject({ activityId: 'sign', assignee: 's1', loop: { index: 0 } });

    await h.engine.tasks.complete(again._id, staff('s1'), { signed: 's1 again' });
    const [s2Again] = await open(instance._id);
    expect(s2Again).toMatchObject({ assignee: 's2', loop: { index: 1 } });
    await h.engine.tasks.complete(s2Again._id, staff('s2'), { signed: 's2' });
    expect((await open(instance._id)).map((t) => t.activityId)).toEqual(['archive']);
    expect(await outputs(instance._id, 'signOutputs')).toEqual({
      s1: { signed: 's1 again' },
      s2: { signed: 's2' },
    });
  });
});
