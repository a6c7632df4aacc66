import type { Collection, Db } from 'mongodb';
import type { TaskDoc } from '../../engine/src';
import { type LatencySummary, summarize } from '../engine/stats';

const PAGE = 50;

/** A per-user inbox document: the open tasks' list fields, earliest due first. */
interface InboxDoc {
  /** `<district>:<userId>` */
  _id: string;
  tasks: Pick<TaskDoc, '_id' | 'name' | 'processKey' | 'instanceId' | 'priority' | 'dueAt'>[];
}

/**
 * The inbox's and a completion's reads straight on the driver, at the size the run left, to see
 * what FerretDB answers from an index and what it scans:
 * - one task by `{ _id }` (the engine's reads and writes) and by `{ _id, district }`
 *   (DistrictScopedCollection.findById: the inbox's check before every task action);
 * - an instance's tasks by `{ instanceId }` (the instance page);
 * - the `mine` page as the engine sends it (first phase: dated tasks by due) on `engine_tasks`,
 *   and on a collection holding one district's tasks only;
 * - the `mine` page from a per-user inbox document holding its list (one read by `_id` in a
 *   collection of one document per user).
 * The district should lie in the middle of the collection: a scan that stops at its first match
 * then reads about half the rows, as it would on average.
 */
export async function inboxStorageExperiment(
  db: Db,
  district: string,
  userIds: string[],
  samples: number,
): Promise<{ label: string; latency: LatencySummary }[]> {
  const tasks = db.collection<TaskDoc>('engine_tasks');
  const own = db.collection<TaskDoc>(`exp_tasks_${district.replace(/\W/g, '_')}`);
  const inbox = db.collection<InboxDoc>('exp_inbox');
  const docs = await tasks.find({ district, status: 'open' }).toArray();
  for (let i = 0; i < docs.length; i += 1000) await own.insertMany(docs.slice(i, i + 1000));
  const byUser = new Map<string, TaskDoc[]>(userIds.map((id) => [id, []]));
  for (const doc of docs) if (doc.assignee) byUser.get(doc.assignee)?.push(doc);
  // one inbox document per user of every district, as the real collection would hold
  const lists = new Map<string, InboxDoc['tasks']>();
  for await (const doc of tasks.find({ status: 'open', assignee: { $exists: true } })) {
    const id = `${doc.district}:${doc.assignee}`;
    const { _id, name, processKey, instanceId, priority, dueAt } = doc;
    lists.set(id, [
      ...(lists.get(id) ?? []),
      { _id, name, processKey, instanceId, priority, dueAt },
    ]);
  }
  const inboxDocs = [...lists].map(([_id, list]) => ({
    _id,
    tasks: list.sort((a, b) => (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0)),
  }));
  for (let i = 0; i < inboxDocs.length; i += 100)
    await inbox.insertMany(inboxDocs.slice(i, i + 100));

  const userAt = (i: number) => userIds[i % userIds.length];
  const taskOf = (i: number) => byUser.get(userAt(i))?.[0] ?? docs[i % docs.length];
  const minePage = (collection: Collection<TaskDoc>, userId: string) =>
    collection
      .find({
        $and: [{ district, assignee: userId, status: 'open' }, { dueAt: { $exists: true } }],
      })
      .sort({ dueAt: 1, _id: 1 })
      .limit(PAGE + 1)
      .toArray();
  const shapes: [string, (i: number) => Promise<unknown>][] = [
    ['one task by { _id }', (i) => tasks.findOne({ _id: taskOf(i)._id })],
    [
      'one task by { _id, district } (DistrictScopedCollection.findById)',
      (i) => tasks.findOne({ _id: taskOf(i)._id, district }),
    ],
    [
      'an instance’s tasks by { instanceId } (GET /instances/:id)',
      (i) => tasks.find({ instanceId: taskOf(i).instanceId }).toArray(),
    ],
    ['mine page on engine_tasks (all districts)', (i) => minePage(tasks, userAt(i))],
    ['mine page on one district’s own collection', (i) => minePage(own, userAt(i))],
    [
      'mine page from a per-user inbox document (one read by _id)',
      async (i) => (await inbox.findOne({ _id: `${district}:${userAt(i)}` }))?.tasks.slice(0, PAGE),
    ],
  ];
  const results: { label: string; latency: LatencySummary }[] = [];
  for (const [label, read] of shapes) {
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      await read(i);
      times.push(performance.now() - started);
    }
    results.push({ label, latency: summarize(times) });
  }
  return results;
}
