import { isEngineError, type TaskListItem, type TaskQuery, type TaskSort } from '../../engine/src';
import {
  createEngineHarness,
  DAY,
  type EngineHarness,
  fixture,
  staff,
} from '../support/engine-harness';

describe('inbox queries', () => {
  const district = 'inbox-district';
  let h: EngineHarness;
  /** Instances by starter; each starter's `draft` task is assigned to them, due in 3 working days. */
  const started = new Map<string, string>();

  beforeAll(async () => {
    h = await createEngineHarness();
    await h.engine.deploy(fixture('two-user-tasks'), { district });
    await h.engine.deploy(fixture('two-user-tasks'), { district: 'other-district' });
    // given nine instances a day apart; the first five move on to the group task `review`
    for (let i = 0; i < 9; i++) {
      const starter = `u${i}`;
      const instance = await h.engine.startInstance({
        processKey: 'two-user-tasks',
        district,
        starter,
        businessKey: i === 4 ? 'BK (4).*' : `BK-${i}`,
      });
      started.set(starter, instance._id);
      if (i < 5) {
        const [draft] = await h.engine.tasks.openTasksOf(instance._id);
        await h.engine.tasks.complete(draft._id, staff(starter), { text: `t${i}` });
      }
      h.clock.advance(DAY);
    }
    await h.engine.startInstance({
      processKey: 'two-user-tasks',
      district: 'other-district',
      starter: 'u1',
    });
  });
  afterAll(() => h.dispose());

  /** Every page of a query, in order. */
  async function allPages(query: TaskQuery): Promise<TaskListItem[]> {
    const items: TaskListItem[] = [];
    let cursor = query.cursor;
    for (let page = 0; page < 50; page++) {
      const result = await h.engine.tasks.query({ ...query, cursor });
      items.push(...result.items);
      if (!result.nextCursor) return items;
      cursor = result.nextCursor;
    }
    throw new Error('too many pages');
  }

  it('tasks carry what the inbox shows: process name, business key, starter, times, who completed', async () => {
    const { items } = await h.engine.tasks.query({
      district,
      completedBy: 'u2',
      status: 'completed',
    });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      processKey: 'two-user-tasks',
      processName: '两个用户任务',
      businessKey: 'BK-2',
      starter: 'u2',
      status: 'completed',
      completedBy: 'u2',
      output: { text: 't2' },
    });
    expect(items[0].createdAt).toBeInstanceOf(Date);
    expect(items[0].completedAt).toBeInstanceOf(Date);
  });

  it('filters by assignee and status, and never leaves the district', async () => {
    const mine = await allPages({ district, assignee: 'u7', status: 'open' });
    expect(mine.map((t) => [t.activityId, t.instanceId])).toEqual([['draft', started.get('u7')]]);
    expect(await h.engine.tasks.count({ district, assignee: 'u1' })).toBe(1); // the other district's u1 task is not counted
    expect(await h.engine.tasks.count({ district: 'other-district' })).toBe(1);
  });

  it('candidates see the unassigned group tasks; a claim moves a task from their list to the assignee', async () => {
    const claimable = { district, candidateGroups: ['office'], status: 'open' as const };
    expect(await h.engine.tasks.count(claimable)).toBe(5);
    expect(await h.engine.tasks.count({ ...claimable, candidateGroups: ['nobody'] })).toBe(0);
    const [first] = (await h.engine.tasks.query({ ...claimable, sort: 'created', limit: 1 })).items;
    await h.engine.tasks.claim(first._id, staff('clerk', 'office'));
    expect(await h.engine.tasks.count(claimable)).toBe(4);
    expect((await allPages({ district, assignee: 'clerk' })).map((t) => t._id)).toEqual([
      first._id,
    ]);
    // candidate user and groups together: either way of being a candidate counts
    expect(
      await h.engine.tasks.count({ ...claimable, candidateUser: 'clerk', candidateGroups: ['x'] }),
    ).toBe(0);
    await h.engine.tasks.unclaim(first._id, staff('clerk', 'office'));
    expect(await h.engine.tasks.count(claimable)).toBe(5);
  });

  it('finds what was copied to a viewer, and filters by process, instance, dates and priority', async () => {
    const instanceId = started.get('u6')!;
    const [draft] = await h.engine.tasks.openTasksOf(instanceId);
    await h.engine.tasks.carbonCopy(draft._id, staff('u6'), ['reader']);
    expect((await allPages({ district, viewer: 'reader' })).map((t) => t._id)).toEqual([draft._id]);
    expect(await h.engine.tasks.count({ district, instanceId })).toBe(1);
    expect(await h.engine.tasks.count({ district, processKey: 'two-user-tasks' })).toBe(14);
    expect(await h.engine.tasks.count({ district, processKey: 'none' })).toBe(0);

    // drafts have priority 70 and a due date, reviews priority 50 and none
    expect(await h.engine.tasks.count({ district, priority: 70 })).toBe(9);
    expect(await h.engine.tasks.count({ district, priority: { min: 40, max: 60 } })).toBe(5);
    const due = (await allPages({ district, status: 'open', sort: 'due' }))
      .filter((t) => t.dueAt)
      .map((t) => t.dueAt!);
    expect(new Set(due.map((d) => d.getTime())).size).toBeGreaterThan(2);
    const middle = due[Math.floor(due.length / 2)];
    expect(await h.engine.tasks.count({ district, status: 'open', dueBefore: middle })).toBe(
      due.filter((d) => d < middle).length,
    );
    expect(await h.engine.tasks.count({ district, status: 'open', dueAfter: middle })).toBe(
      due.filter((d) => d >= middle).length,
    );
  });

  it('matches text literally in the name, the process name and the business key', async () => {
    expect(await h.engine.tasks.count({ district, text: 'BK (4).*' })).toBe(2); // draft and review of instance 4
    expect(await h.engine.tasks.count({ district, text: '(4).' })).toBe(2);
    expect(await h.engine.tasks.count({ district, text: '.*' })).toBe(2); // not "anything"
    expect(await h.engine.tasks.count({ district, text: '审核' })).toBe(5);
    expect(await h.engine.tasks.count({ district, text: '用户任务' })).toBe(14);
    expect(await h.engine.tasks.count({ district, text: 'bk-7' })).toBe(1);
  });

  it.each<TaskSort>(['created', '-created', 'due', '-due', 'priority'])(
    'pages through every task exactly once in %s order',
    async (sort) => {
      const pages = await allPages({ district, sort, limit: 3 });
      const whole = (await h.engine.tasks.query({ district, sort, limit: 200 })).items;
      expect(pages.map((t) => t._id)).toEqual(whole.map((t) => t._id));
      expect(new Set(pages.map((t) => t._id)).size).toBe(14);
      expect(isOrdered(pages, sort)).toBe(true);
    },
  );

  it('a cursor stays valid when tasks are inserted before and after it', async () => {
    const query = { district, status: 'open' as const, sort: 'created' as const, limit: 3 };
    const first = await h.engine.tasks.query(query);
    const before = (await allPages({ district, status: 'open', sort: 'created' })).map(
      (t) => t._id,
    );
    // new tasks: two sort after everything, one (clock moved back) before the cursor
    await h.engine.startInstance({ processKey: 'two-user-tasks', district, starter: 'late1' });
    await h.engine.startInstance({ processKey: 'two-user-tasks', district, starter: 'late2' });
    h.clock.advance(-30 * DAY);
    await h.engine.startInstance({ processKey: 'two-user-tasks', district, starter: 'early' });
    h.clock.advance(30 * DAY);

    const rest = await allPages({ ...query, cursor: first.nextCursor! });
    const seen = [...first.items, ...rest].map((t) => t._id);
    expect(new Set(seen).size).toBe(seen.length); // nothing twice
    expect(seen.filter((id) => before.includes(id))).toEqual(before); // nothing skipped, same order
    const late = rest.filter((t) => t.starter === 'late1' || t.starter === 'late2');
    expect(late).toHaveLength(2); // inserted after the cursor: on a later page
    expect(rest.some((t) => t.starter === 'early')).toBe(false); // inserted before it: not repeated
  });

  it('refuses a query without a district, a foreign or broken cursor, and a bad limit', async () => {
    const error = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: unknown) => e,
      );
    const created = await h.engine.tasks.query({ district, sort: 'created', limit: 1 });
    for (const attempt of [
      h.engine.tasks.query({ district: '' }),
      h.engine.tasks.query({ district, sort: 'due', cursor: created.nextCursor! }),
      h.engine.tasks.query({ district, cursor: 'not-a-cursor' }),
      h.engine.tasks.query({ district, limit: 0 }),
      h.engine.tasks.query({ district, sort: 'sideways' as TaskSort }),
      h.engine.tasks.query({ district, dueBefore: new Date('nonsense') }),
    ])
      expect(isEngineError(await error(attempt), 'INVALID_ARGUMENT')).toBe(true);
  });

  it('creates the indexes the task collection is still asked by, and no others', async () => {
    const keys = (await h.engine.store.tasks.listIndexes().toArray()).map((index) =>
      Object.keys(index.key as object).join(','),
    );
    expect(keys.sort()).toEqual(
      [
        '_id',
        'instanceId,status',
        'district,assignee,status',
        'district,owner',
        'district,candidateGroups,status',
        'district,candidateUsers,status',
        'district,completedBy,completedAt',
        'district,viewers,createdAt',
      ].sort(),
    );
    const history = (await h.engine.store.history.listIndexes().toArray()).map((index) =>
      Object.keys(index.key as object).join(','),
    );
    expect(history).toEqual(expect.arrayContaining(['district,userId,at,_id']));
  });

  it('answers what a user did, newest first, a page at a time', async () => {
    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await h.engine.historyOfUser('u3', { district, cursor, limit: 1 });
      pages.push(...page.items.map((e) => e.type));
      for (const event of page.items) expect(event).toMatchObject({ userId: 'u3', district });
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual(['task.completed', 'instance.started']);
    expect((await h.engine.historyOfUser('u1', { district: 'other-district' })).items).toHaveLength(
      1,
    );
  });
});

function isOrdered(tasks: TaskListItem[], sort: TaskSort): boolean {
  const time = (d?: Date) => d?.getTime();
  for (let i = 1; i < tasks.length; i++) {
    const [a, b] = [tasks[i - 1], tasks[i]];
    const created = time(a.createdAt)! - time(b.createdAt)!;
    switch (sort) {
      case 'created':
        if (created > 0) return false;
        break;
      case '-created':
        if (created < 0) return false;
        break;
      case 'due':
      case '-due': {
        if (a.dueAt && b.dueAt) {
          const due = time(a.dueAt)! - time(b.dueAt)!;
          if (sort === 'due' ? due > 0 : due < 0) return false;
        } else if (!a.dueAt && b.dueAt) return false; // tasks without a due date come last
        break;
      }
      case 'priority':
        if (a.priority < b.priority || (a.priority === b.priority && created > 0)) return false;
        break;
    }
  }
  return true;
}
