import { isEngineError } from '../../engine/src';
import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  staff,
} from '../support/engine-harness';

describe('user tasks', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await createEngineHarness();
    await h.deployFixture('two-user-tasks');
  });
  afterAll(() => h.dispose());

  it('creates a task when the process waits, assigned by the starter resolver, with a working-day due date', async () => {
    // given a process whose first task goes to its starter, due in 3 working days
    const instance = await h.engine.startInstance({
      processKey: 'two-user-tasks',
      district: DISTRICT,
      starter: 'u-starter',
      businessKey: 'BK-1',
      variables: { title: '测试' },
    });
    // then one open task exists with the pinned details
    const [task] = await h.engine.tasks.openTasksOf(instance._id);
    expect(task).toMatchObject({
      activityId: 'draft',
      name: '起草',
      assignee: 'u-starter',
      formKey: 'draft-form',
      priority: 70,
      businessKey: 'BK-1',
      district: DISTRICT,
      status: 'open',
    });
    // Monday 2026-03-02 09:00 (+08:00) + 3 working days → end of Thursday 2026-03-05 local time
    expect(task.dueAt?.toISOString()).toBe('2026-03-05T15:59:59.999Z');
    expect((await h.engine.getInstance(instance._id)).activeActivityIds).toEqual(['draft']);
  });

  it('completes tasks in order, merges data into variables and ends the instance', async () => {
    const instance = await h.engine.startInstance({
      processKey: 'two-user-tasks',
      district: DISTRICT,
      starter: 'u1',
    });
    const [draft] = await h.engine.tasks.openTasksOf(instance._id);
    await h.engine.tasks.complete(draft._id, staff('u1'), { text: '草稿' });

    const [review] = await h.engine.tasks.openTasksOf(instance._id);
    expect(review).toMatchObject({ activityId: 'review', candidateGroups: ['office'] });
    expect(review.assignee).toBeUndefined();
    expect(await h.engine.tasks.get(draft._id)).toMatchObject({
      status: 'completed',
      completedBy: 'u1',
      output: { text: '草稿' },
    });

    // a candidate claims, then completes
    await h.engine.tasks.claim(review._id, staff('clerk', 'office'));
    await h.engine.tasks.complete(review._id, staff('clerk', 'office'), { ok: true });

    const done = await h.engine.getInstance(instance._id);
    expect(done.status).toBe('completed');
    expect(done.variables).toEqual({ text: '草稿', ok: true });
    expect(done.activeActivityIds).toEqual([]);
    expect(await h.engine.tasks.openTasksOf(instance._id)).toEqual([]);
  });

  it('refuses non-candidates, a second claim and a second completion', async () => {
    const instance = await h.engine.startInstance({
      processKey: 'two-user-tasks',
      district: DISTRICT,
      starter: 'u2',
    });
    const [draft] = await h.engine.tasks.openTasksOf(instance._id);
    await expect(
      h.engine.tasks.complete(draft._id, staff('someone-else'), {}),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await h.engine.tasks.complete(draft._id, staff('u2'), {});
    await expect(h.engine.tasks.complete(draft._id, staff('u2'), {})).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const [review] = await h.engine.tasks.openTasksOf(instance._id);
    await expect(
      h.engine.tasks.claim(review._id, staff('outsider', 'deputy')),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await h.engine.tasks.claim(review._id, staff('a', 'office'));
    const lost = await h.engine.tasks
      .claim(review._id, staff('b', 'office'))
      .catch((e: unknown) => e);
    expect(isEngineError(lost, 'CONFLICT')).toBe(true);
    // unclaim gives it back to the group
    await h.engine.tasks.unclaim(review._id, staff('a', 'office'));
    await h.engine.tasks.claim(review._id, staff('b', 'office'));
    expect((await h.engine.tasks.get(review._id)).assignee).toBe('b');
  });

  it('saves drafts, delegates (转办), comments, copies and reminds — each into history', async () => {
    const instance = await h.engine.startInstance({
      processKey: 'two-user-tasks',
      district: DISTRICT,
      starter: 'u3',
    });
    const [draft] = await h.engine.tasks.openTasksOf(instance._id);
    await h.engine.tasks.saveDraft(draft._id, staff('u3'), { text: '半成品' });
    expect((await h.engine.tasks.get(draft._id)).draft).toEqual({ text: '半成品' });

    await h.engine.tasks.delegate(draft._id, staff('u3'), 'u4', '出差');
    expect(await h.engine.tasks.get(draft._id)).toMatchObject({ assignee: 'u4', owner: 'u3' });
    await expect(h.engine.tasks.complete(draft._id, staff('u3'), {})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    await h.engine.tasks.comment(draft._id, staff('u4'), '收到');
    await h.engine.tasks.carbonCopy(draft._id, staff('u4'), ['viewer-1']);
    await h.engine.tasks.remind(draft._id, staff('boss'), '请尽快');
    await h.engine.tasks.complete(draft._id, staff('u4'), { text: '完成' });

    const types = (await h.engine.history(instance._id)).map((e) => e.type);
    for (const expected of [
      'instance.started',
      'task.created',
      'task.delegated',
      'task.commented',
      'task.copied',
      'task.reminded',
      'task.completed',
      'variable.changed',
    ]) {
      expect(types).toContain(expected);
    }
    expect(types.indexOf('instance.started')).toBeLessThan(types.indexOf('task.created'));
    expect(types.indexOf('task.delegated')).toBeLessThan(types.indexOf('task.completed'));
    const change = (await h.engine.history(instance._id)).find(
      (e) => e.type === 'variable.changed',
    );
    expect(JSON.parse(change!.data!)).toEqual({ name: 'text', old: null, new: '完成' });
  });

  it('deploying the same key again makes version 2; running instances keep version 1', async () => {
    const running = await h.engine.startInstance({
      processKey: 'two-user-tasks',
      district: DISTRICT,
      starter: 'u5',
    });
    await h.deployFixture('two-user-tasks');
    const newer = await h.engine.startInstance({
      processKey: 'two-user-tasks',
      district: DISTRICT,
      starter: 'u5',
    });
    expect(running.version).toBe(1);
    expect(newer.version).toBe(2);
    const [task] = await h.engine.tasks.openTasksOf(running._id);
    await h.engine.tasks.complete(task._id, staff('u5'), {});
    expect((await h.engine.tasks.openTasksOf(running._id))[0]).toMatchObject({
      activityId: 'review',
      version: 1,
    });
  });
});
