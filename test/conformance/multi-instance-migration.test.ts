import type { TaskDoc } from '../../engine/src';
import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  staff,
} from '../support/engine-harness';

/** Migration of instances waiting in a multi-instance user task: the body resumes where it stood. */
describe('migration with multi-instance user tasks', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await createEngineHarness();
    await h.deployFixture('co-handling');
    await h.deployFixture('co-signing');
  });
  afterAll(() => h.dispose());

  const open = (instanceId: string) => h.engine.tasks.openTasksOf(instanceId);
  const unitOf = (task: TaskDoc) => (task.loop?.element as { id: string }).id;
  const v1v2 = (processKey: string) => ({
    district: DISTRICT,
    processKey,
    fromVersion: 1,
    toVersion: 2,
    mapping: {},
    userId: 'admin',
  });

  it('parallel: the open elements keep their tasks, the completed ones stay completed', async () => {
    const instance = await h.engine.startInstance({
      processKey: 'co-handling',
      district: DISTRICT,
      starter: 'office',
      variables: {
        units: [
          { id: 'finance', users: ['f1'] },
          { id: 'legal', users: ['l1'] },
          { id: 'audit', users: ['a1'] },
        ],
      },
    });
    await h.engine.tasks.complete((await open(instance._id))[0]._id, staff('office'), {});
    const before = await open(instance._id);
    const finance = before.find((t) => unitOf(t) === 'finance')!;
    const legal = before.find((t) => unitOf(t) === 'legal')!;
    await h.engine.tasks.complete(finance._id, staff('f1'), { opinion: '同意' });
    await h.engine.tasks.claim(legal._id, staff('l1'));
    await h.engine.tasks.saveDraft(legal._id, staff('l1'), { opinion: '草稿' });

    await h.deployFixture('co-handling-v2');
    const result = await h.engine.migration.migrate(v1v2('co-handling'));
    expect(result).toMatchObject({ unmapped: [], failed: [] });
    expect(result.migrated.map((m) => m.instanceId)).toEqual([instance._id]);

    const doc = await h.engine.getInstance(instance._id);
    const moved = await open(instance._id);
    expect(doc.version).toBe(2);
    expect(moved.map((t) => [t._id, unitOf(t), t.loop?.index, t.name, t.version]).sort()).toEqual(
      before
        .filter((t) => t._id !== finance._id)
        .map((t) => [t._id, unitOf(t), t.loop?.index, '会办（第二版）', 2])
        .sort(),
    );
    expect(moved.find((t) => t._id === legal._id)).toMatchObject({
      assignee: 'l1',
      draft: { opinion: '草稿' },
    });
    for (const task of moved)
      expect(doc.waits.find((w) => w.taskId === task._id)?.executionId).toBe(task.executionId);

    // the body ends when the two open elements complete: finance's completion still counts
    const restarted = await h.restart();
    for (const task of moved)
      await restarted.tasks.complete(task._id, staff(task.candidateUsers![0]), { opinion: 'ok' });
    const [review] = await restarted.tasks.openTasksOf(instance._id);
    expect(review.activityId).toBe('review');
    await restarted.tasks.complete(review._id, staff('chair'), {});
    expect((await restarted.tasks.openTasksOf(instance._id)).map((t) => t.activityId)).toEqual([
      'confirm',
    ]);
    expect((await restarted.getInstance(instance._id)).variables.handleOutputs).toEqual({
      finance: { opinion: '同意' },
      legal: { opinion: 'ok' },
      audit: { opinion: 'ok' },
    });
  });

  it('sequential: the signer at work keeps the task, the signers after follow in order', async () => {
    const instance = await h.engine.startInstance({
      processKey: 'co-signing',
      district: DISTRICT,
      starter: 'drafter',
      variables: { signers: ['s1', 's2', 's3'] },
    });
    await h.engine.tasks.complete((await open(instance._id))[0]._id, staff('drafter'), {});
    await h.engine.tasks.complete((await open(instance._id))[0]._id, staff('s1'), { signed: 1 });
    const [s2] = await open(instance._id);

    await h.deployFixture('co-signing-v2');
    const result = await h.engine.migration.migrate(v1v2('co-signing'));
    expect(result.migrated.map((m) => m.instanceId)).toEqual([instance._id]);

    const [moved] = await open(instance._id);
    expect(moved).toMatchObject({
      _id: s2._id,
      assignee: 's2',
      loop: { index: 1 },
      name: '依次签署（第二版）',
      version: 2,
    });
    await h.engine.tasks.complete(moved._id, staff('s2'), { signed: 2 });
    const [s3] = await open(instance._id);
    expect(s3).toMatchObject({ assignee: 's3', loop: { index: 2 }, version: 2 });
    await h.engine.tasks.complete(s3._id, staff('s3'), { signed: 3 });
    expect((await open(instance._id)).map((t) => t.activityId)).toEqual(['archive']);
    expect((await h.engine.getInstance(instance._id)).variables.signOutputs).toEqual({
      s1: { signed: 1 },
      s2: { signed: 2 },
      s3: { signed: 3 },
    });
  });
});
