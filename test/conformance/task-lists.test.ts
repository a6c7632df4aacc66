/**
 * The inbox lists (engine/src/storage/tasks/lists) answer `mine` and `claimable` exactly as the task
 * collection would: through claims, delegation, completion, compaction by rival compactors, a
 * lost task write, and a store whose lists were never filed.
 */
import type { Document, Filter } from 'mongodb';
import type { TaskDoc, TaskListItem, TaskQuery, TaskSort } from '../../engine/src';
import { readKeysetPage } from '../../engine/src/storage/keyset-page';
import {
  pageLimit,
  taskFilterToQuery,
  taskOrder,
} from '../../engine/src/storage/tasks/task-filter';
import {
  createEngineHarness,
  DAY,
  type EngineHarness,
  fixture,
  staff,
} from '../support/engine-harness';

const district = 'lists-district';
let h: EngineHarness;

beforeAll(async () => {
  h = await createEngineHarness();
  await h.engine.deploy(fixture('two-user-tasks'), { district });
  // twelve cases: each starter's draft is theirs; half move on to office's group task `review`
  for (let i = 0; i < 12; i++) {
    const starter = `u${i % 3}`;
    const instance = await h.engine.startInstance({
      processKey: 'two-user-tasks',
      district,
      starter,
      businessKey: `LB-${i}`,
    });
    if (i % 2 === 0) {
      const [draft] = await h.engine.tasks.openTasksOf(instance._id);
      await h.engine.tasks.complete(draft._id, staff(starter), { text: `t${i}` });
    }
    h.clock.advance(DAY / 3);
  }
});
afterAll(() => h?.dispose());

/** Every page the lists give, and the same query read from the task collection itself. */
async function bothWays(query: TaskQuery): Promise<{ lists: string[]; collection: string[] }> {
  const ids = (docs: TaskListItem[]) => docs.map((doc) => doc._id);
  const lists: TaskListItem[] = [];
  const collection: Document[] = [];
  let cursor: string | undefined;
  do {
    const page = await h.engine.tasks.query({ ...query, cursor, limit: 4 });
    lists.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  do {
    const page = await readKeysetPage(
      h.engine.store.tasks,
      taskFilterToQuery(query) as Filter<TaskDoc>,
      taskOrder(query.sort),
      pageLimit(4),
      cursor,
    );
    collection.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { lists: ids(lists), collection: ids(collection as TaskDoc[]) };
}

const VIEWS: TaskQuery[] = [
  { district, assignee: 'u0', status: 'open' },
  { district, assignee: 'u1', status: 'open', text: 'lb-1' },
  { district, candidateUser: 'u9', candidateGroups: ['office'], status: 'open' },
  { district, candidateGroups: ['office', 'committee'], status: 'open', priority: { min: 0 } },
];
const SORTS: TaskSort[] = ['due', '-due', 'created', '-created', 'priority'];

async function expectListsAgree(): Promise<void> {
  for (const view of VIEWS)
    for (const sort of SORTS) {
      const { lists, collection } = await bothWays({ ...view, sort });
      expect({ view, sort, ids: lists }).toEqual({ view, sort, ids: collection });
      expect(await h.engine.tasks.count(view)).toBe(collection.length);
    }
}

describe('inbox lists', () => {
  it('page, sort, filter and count exactly as the task collection does', async () => {
    expect((await bothWays({ ...VIEWS[0], sort: 'due' })).lists.length).toBeGreaterThan(0);
    expect((await bothWays({ ...VIEWS[2], sort: 'due' })).lists.length).toBe(6);
    await expectListsAgree();
  });

  it('follow claims, returns to the pool, delegation and completion, before and after compaction', async () => {
    const { items: pool } = await h.engine.tasks.query({ ...VIEWS[2], sort: 'created' });
    const [first, second, third] = pool;
    await h.engine.tasks.claim(first._id, staff('o1', 'office'));
    await h.engine.tasks.claim(second._id, staff('o2', 'office'));
    await h.engine.tasks.unclaim(second._id, staff('o2', 'office'));
    await h.engine.tasks.claim(third._id, staff('o1', 'office'));
    await h.engine.tasks.delegate(third._id, staff('o1', 'office'), 'o3');
    await h.engine.tasks.complete(first._id, staff('o1', 'office'), {});
    await h.engine.tasks.saveDraft(second._id, staff('o2', 'office'), { note: 'x' });

    const mine = async (user: string) =>
      (await h.engine.tasks.query({ district, assignee: user, status: 'open' })).items.map(
        (t) => t._id,
      );
    expect(await mine('o1')).toEqual([]);
    expect(await mine('o3')).toEqual([third._id]);
    await expectListsAgree();

    // two compactors at once: each snapshot revision is won by one of them, nothing is lost
    const other = await h.restart();
    const all = { all: true };
    const folded = await Promise.all([h.engine.compactTaskLists(all), other.compactTaskLists(all)]);
    expect(folded[0] + folded[1]).toBeGreaterThan(0);
    expect(await h.engine.compactTaskLists(all)).toBe(0);
    expect(await h.db.connection.collection('engine_task_list_changes').countDocuments()).toBe(0);
    expect(await mine('o3')).toEqual([third._id]);
    await expectListsAgree();
  });

  it('reads see every change while compactions fold and delete them underneath', async () => {
    const pool = { district, candidateGroups: ['office'], status: 'open' as const };
    const { items } = await h.engine.tasks.query(pool);
    for (const [i, task] of items.entries()) {
      await h.engine.tasks.claim(task._id, staff(`o${i}`, 'office'));
      if (i % 2 === 0) await h.engine.tasks.unclaim(task._id, staff(`o${i}`, 'office'));
    }
    const truth = async () => (await bothWays({ ...pool, sort: 'created' })).collection;
    const expected = await truth();
    const engines = [h.engine, await h.restart(), await h.restart()];
    const reads: string[][] = [];
    await Promise.all([
      ...engines.map(async (engine) => {
        for (let round = 0; round < 3; round++) await engine.compactTaskLists({ all: true });
      }),
      ...engines.map(async (engine) => {
        for (let round = 0; round < 8; round++) {
          const page = await engine.tasks.query({ ...pool, sort: 'created', limit: 200 });
          reads.push(page.items.map((task) => task._id));
        }
      }),
    ]);
    expect(reads).toHaveLength(24);
    for (const read of reads) expect(read).toEqual(expected);
    await expectListsAgree();
  });

  it('a task write lost after its list change leaves the lists right once the outbox is applied again', async () => {
    const { items } = await h.engine.tasks.query({ district, assignee: 'u1', status: 'open' });
    const task = items[0];
    // the change reaches the lists; then the task write is undone, as if the process had died
    // between the two, and the step is rolled forward by a restarted engine
    const before = await h.engine.store.tasks.findOne({ _id: task._id });
    await h.engine.tasks.complete(task._id, staff('u1'), { text: 'done' });
    const instance = await h.engine.getInstance(task.instanceId);
    await h.engine.store.tasks.replaceOne({ _id: task._id }, before!);
    await h.engine.store.instances.updateOne(
      { _id: instance._id },
      { $set: { rev: instance.rev - 1 } },
    );
    await h.restart();
    expect((await h.engine.tasks.get(task._id)).status).toBe('completed');
    await expectListsAgree();
  });

  it('files the open tasks of a store from before the lists, once', async () => {
    const db = h.db.connection;
    await db.collection('engine_task_lists').deleteMany({});
    await db.collection('engine_task_list_changes').deleteMany({});
    expect((await h.engine.tasks.query(VIEWS[0])).items).toEqual([]);
    const restarted = await h.restart();
    expect((await restarted.tasks.query(VIEWS[0])).items.length).toBeGreaterThan(0);
    await expectListsAgree();
  });
});
