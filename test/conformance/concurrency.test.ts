import { isEngineError } from '../../engine/src';
import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  staff,
} from '../support/engine-harness';

describe('consistency under concurrency', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await createEngineHarness();
    await h.deployFixture('parallel-join');
    await h.deployFixture('two-user-tasks');
    await h.deployFixture('multi-instance');
  });
  afterAll(() => h.dispose());

  it('two users completing two parallel tasks of one instance at the same moment both succeed', async () => {
    const instance = await h.engine.startInstance({
      processKey: 'parallel-join',
      district: DISTRICT,
      starter: 'u',
    });
    const tasks = await h.engine.tasks.openTasksOf(instance._id);
    const left = tasks.find((t) => t.activityId === 'left')!;
    const right = tasks.find((t) => t.activityId === 'right')!;
    await Promise.all([
      h.engine.tasks.complete(left._id, staff('alice'), { l: 1 }),
      h.engine.tasks.complete(right._id, staff('bob'), { r: 2 }),
    ]);
    const open = await h.engine.tasks.openTasksOf(instance._id);
    expect(open.map((t) => t.activityId)).toEqual(['after']);
    expect((await h.engine.getInstance(instance._id)).variables).toEqual({ l: 1, r: 2 });
  });

  it('ten voters completing at once: every vote is kept, the body completes once', async () => {
    const voters = Array.from({ length: 10 }, (_, i) => `v${i}`);
    const instance = await h.engine.startInstance({
      processKey: 'multi-instance',
      district: DISTRICT,
      starter: 'chair',
      variables: { rule: 'all', voters },
    });
    const tasks = await h.engine.tasks.openTasksOf(instance._id);
    await Promise.all(
      tasks.map((t) =>
        h.engine.tasks.complete(t._id, staff(t.assignee!), { choice: `c-${t.assignee}` }),
      ),
    );
    const doc = await h.engine.getInstance(instance._id);
    expect(Object.keys(doc.variables.voteOutputs as object).sort()).toEqual([...voters].sort());
    expect((await h.engine.tasks.openTasksOf(instance._id)).map((t) => t.activityId)).toEqual([
      'tally',
    ]);
  });

  it('the same task completed twice at once: exactly one succeeds, the other gets a typed conflict', async () => {
    const instance = await h.engine.startInstance({
      processKey: 'two-user-tasks',
      district: DISTRICT,
      starter: 'u',
    });
    const [task] = await h.engine.tasks.openTasksOf(instance._id);
    const results = await Promise.allSettled([
      h.engine.tasks.complete(task._id, staff('u'), { n: 1 }),
      h.engine.tasks.complete(task._id, staff('u'), { n: 2 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(isEngineError(rejected.reason, 'CONFLICT')).toBe(true);
    const open = await h.engine.tasks.openTasksOf(instance._id);
    expect(open.map((t) => t.activityId)).toEqual(['review']);
    const completions = (await h.engine.history(instance._id)).filter(
      (e) => e.type === 'task.completed',
    );
    expect(completions).toHaveLength(1);
  });

  it('an outbox left by a crash between commit and apply is applied by the next engine', async () => {
    const instance = await h.engine.startInstance({
      processKey: 'two-user-tasks',
      district: DISTRICT,
      starter: 'u',
    });
    const [task] = await h.engine.tasks.openTasksOf(instance._id);
    await h.engine.tasks.complete(task._id, staff('u'), {});
    // simulate the crash: the committed step's effects never reached the task collection
    const reviewTask = (await h.engine.tasks.openTasksOf(instance._id))[0];
    await h.engine.store.tasks.deleteOne({ _id: reviewTask._id });
    const doc = await h.engine.getInstance(instance._id);
    await h.engine.store.instances.updateOne(
      { _id: instance._id },
      {
        $set: {
          outbox: JSON.stringify([
            {
              type: 'task.create',
              task: { ...reviewTask, createdAt: { __date: reviewTask.createdAt.toISOString() } },
            },
          ]),
        },
      },
    );
    expect(await h.engine.tasks.openTasksOf(instance._id)).toEqual([]);

    const restarted = await h.restart();
    expect((await restarted.tasks.openTasksOf(instance._id)).map((t) => t.activityId)).toEqual([
      'review',
    ]);
    expect((await restarted.getInstance(instance._id)).outbox).toBeNull();
    expect((await restarted.getInstance(instance._id)).rev).toBe(doc.rev);
  });
});
