import { isEngineError, type TaskDoc } from '../../engine/src';
import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  staff,
} from '../support/engine-harness';

/**
 * Task actions under real concurrency (Promise.all against the real database, many rounds):
 * FerretDB does not make conditional updates atomic, so these would let two claims win if task
 * actions still relied on them.
 */
// many rounds of real races on a machine that may be busy: give each test room
jest.setTimeout(60_000);

describe('task actions under concurrency', () => {
  const ROUNDS = 12;
  let h: EngineHarness;
  beforeAll(async () => {
    h = await createEngineHarness();
    await h.deployFixture('two-user-tasks');
  });
  afterAll(() => h.dispose());

  /** An instance waiting in `review`: unassigned, claimable by the group `office`. */
  async function reviewTask(): Promise<TaskDoc> {
    const instance = await h.engine.startInstance({
      processKey: 'two-user-tasks',
      district: DISTRICT,
      starter: 'author',
    });
    const [draft] = await h.engine.tasks.openTasksOf(instance._id);
    await h.engine.tasks.complete(draft._id, staff('author'), { text: 'draft' });
    const [review] = await h.engine.tasks.openTasksOf(instance._id);
    expect(review).toMatchObject({ activityId: 'review', status: 'open' });
    expect(review.assignee).toBeUndefined();
    return review;
  }

  const historyOf = async (task: TaskDoc, type: string) =>
    (await h.engine.history(task.instanceId)).filter(
      (e) => e.type === type && e.taskId === task._id,
    );

  it('of several users claiming at once exactly one gets the task, the others a CONFLICT', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const task = await reviewTask();
      const users = ['ann', 'bob', 'cai', 'dan'];
      const results = await Promise.allSettled(
        users.map((user) => h.engine.tasks.claim(task._id, staff(user, 'office'))),
      );
      const winners = users.filter((_, i) => results[i].status === 'fulfilled');
      expect(winners).toHaveLength(1);
      for (const result of results)
        if (result.status === 'rejected')
          expect(isEngineError(result.reason, 'CONFLICT')).toBe(true);
      const stored = await h.engine.tasks.get(task._id);
      expect(stored.assignee).toBe(winners[0]);
      expect(
        (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<TaskDoc>).value,
      ).toMatchObject({ assignee: winners[0], status: 'open' });
      expect(await historyOf(task, 'task.claimed')).toHaveLength(1);
    }
  });

  it('a claim racing a completion: exactly one of them happens, and the task agrees with it', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const task = await reviewTask();
      const [completion, claim] = await Promise.allSettled([
        h.engine.tasks.complete(task._id, staff('ann', 'office'), { ok: true }),
        h.engine.tasks.claim(task._id, staff('bob', 'office')),
      ]);
      const stored = await h.engine.tasks.get(task._id);
      const instance = await h.engine.getInstance(task.instanceId);
      if (completion.status === 'fulfilled') {
        outcomes.add('completed');
        // the claim came second: it saw a completed task
        expect(claim.status).toBe('rejected');
        expect(isEngineError((claim as PromiseRejectedResult).reason, 'CONFLICT')).toBe(true);
        expect(stored).toMatchObject({ status: 'completed', completedBy: 'ann' });
        expect(stored.assignee).toBeUndefined();
        expect(instance.status).toBe('completed');
        expect(await historyOf(task, 'task.claimed')).toHaveLength(0);
      } else {
        outcomes.add('claimed');
        // the claim came first: ann is no longer allowed to complete bob's task
        expect(claim.status).toBe('fulfilled');
        expect(isEngineError(completion.reason, 'FORBIDDEN')).toBe(true);
        expect(stored).toMatchObject({ status: 'open', assignee: 'bob' });
        expect(instance.status).toBe('running');
        expect(await historyOf(task, 'task.completed')).toHaveLength(0);
      }
    }
    // not asserted: which side wins depends on timing; both outcomes above are checked in full
    expect(outcomes.size).toBeGreaterThan(0);
  });

  it('the assignee completing while delegating elsewhere: one wins, the task is never reopened', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const task = await reviewTask();
      await h.engine.tasks.claim(task._id, staff('ann', 'office'));
      const [completion, delegation] = await Promise.allSettled([
        h.engine.tasks.complete(task._id, staff('ann', 'office'), { ok: true }),
        h.engine.tasks.delegate(task._id, staff('ann', 'office'), 'zoe', 'away'),
      ]);
      const stored = await h.engine.tasks.get(task._id);
      if (completion.status === 'fulfilled') {
        expect(delegation.status).toBe('rejected');
        expect(stored).toMatchObject({ status: 'completed', completedBy: 'ann', assignee: 'ann' });
      } else {
        expect(delegation.status).toBe('fulfilled');
        expect(isEngineError(completion.reason, 'FORBIDDEN')).toBe(true);
        expect(stored).toMatchObject({ status: 'open', assignee: 'zoe', owner: 'ann' });
      }
    }
  });

  it('drafts saved while the task is completed never bring the task back', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const task = await reviewTask();
      await h.engine.tasks.claim(task._id, staff('ann', 'office'));
      const results = await Promise.allSettled([
        h.engine.tasks.saveDraft(task._id, staff('ann', 'office'), { n: 1 }),
        h.engine.tasks.complete(task._id, staff('ann', 'office'), { ok: true }),
        h.engine.tasks.saveDraft(task._id, staff('ann', 'office'), { n: 2 }),
      ]);
      expect(results[1].status).toBe('fulfilled');
      for (const draft of [results[0], results[2]])
        if (draft.status === 'rejected') expect(isEngineError(draft.reason, 'CONFLICT')).toBe(true);
      expect(await h.engine.tasks.get(task._id)).toMatchObject({
        status: 'completed',
        output: { ok: true },
      });
      expect(await h.engine.tasks.openTasksOf(task.instanceId)).toEqual([]);
    }
  });

  it('copies made at the same moment are all kept (no lost update)', async () => {
    for (let round = 0; round < 4; round++) {
      const task = await reviewTask();
      await h.engine.tasks.claim(task._id, staff('ann', 'office'));
      const viewers = ['v1', 'v2', 'v3', 'v4', 'v5'];
      await Promise.all(
        viewers.map((viewer) => h.engine.tasks.carbonCopy(task._id, staff('ann'), [viewer])),
      );
      const stored = await h.engine.tasks.get(task._id);
      expect([...stored.viewers].sort()).toEqual(viewers);
      expect(stored.assignee).toBe('ann');
      expect(await historyOf(task, 'task.copied')).toHaveLength(viewers.length);
    }
  });

  it('unclaim and claim interleave into a consistent holder', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const task = await reviewTask();
      await h.engine.tasks.claim(task._id, staff('ann', 'office'));
      const [unclaim, claim] = await Promise.allSettled([
        h.engine.tasks.unclaim(task._id, staff('ann', 'office')),
        h.engine.tasks.claim(task._id, staff('bob', 'office')),
      ]);
      expect(unclaim.status).toBe('fulfilled');
      const stored = await h.engine.tasks.get(task._id);
      // bob either lost to ann's hold (CONFLICT) or claimed after the release
      if (claim.status === 'fulfilled') expect(stored.assignee).toBe('bob');
      else {
        expect(isEngineError(claim.reason, 'CONFLICT')).toBe(true);
        expect(stored.assignee).toBeUndefined();
      }
    }
  });

  it('an unknown task is NOT_FOUND for every action, whatever its id looks like', async () => {
    const task = await reviewTask();
    const unknown = ['nonsense', 'no-such-instance:review_1a2b', `${task.instanceId}:gone_1`];
    for (const taskId of unknown) {
      for (const action of [
        () => h.engine.tasks.claim(taskId, staff('ann', 'office')),
        () => h.engine.tasks.complete(taskId, staff('ann', 'office'), {}),
        () => h.engine.tasks.delegate(taskId, staff('ann', 'office'), 'zoe'),
        () => h.engine.tasks.saveDraft(taskId, staff('ann', 'office'), {}),
      ]) {
        const error = await action().catch((e: unknown) => e);
        expect(isEngineError(error, 'NOT_FOUND')).toBe(true);
      }
    }
  });

  it('a task write from an older revision arriving late does not move the task back', async () => {
    const task = await reviewTask();
    const claimed = await h.engine.tasks.claim(task._id, staff('ann', 'office'));
    // a re-applied outbox of the revision that created the task, arriving after the claim
    const stale = { taskId: task._id, rev: task.changedAtRev!, unset: [], whileOpen: false };
    await h.engine.store.taskRepository.write({ ...stale, set: { assignee: 'stale' } });
    expect(await h.engine.tasks.get(task._id)).toMatchObject({
      assignee: 'ann',
      changedAtRev: claimed.changedAtRev,
    });
    // a late close of an already closed task changes nothing either
    await h.engine.tasks.complete(task._id, staff('ann', 'office'), { ok: 1 });
    const closed = await h.engine.tasks.get(task._id);
    await h.engine.store.taskRepository.write({
      taskId: task._id,
      rev: closed.changedAtRev!,
      set: { status: 'cancelled' },
      unset: [],
      whileOpen: true,
    });
    expect(await h.engine.tasks.get(task._id)).toMatchObject({ status: 'completed' });
  });
});
