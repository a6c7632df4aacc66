import type { Collection, Db } from 'mongodb';
import type { TaskDoc } from '../../engine/src';
import { type LatencySummary, summarize } from '../engine/stats';
import type { BenchUser } from './seed-world';

const PAGE = 50;

interface InboxEntryDoc {
  /** `<district>:<userId>`: the one lookup FerretDB answers from an index. */
  _id: string;
  /** The user's open task ids, earliest due first. */
  open: string[];
}

/**
 * The inbox's database work three ways, straight on the driver, at the size the run left:
 * 1. the `mine` query as the engine sends it (first phase: dated tasks by due) on `engine_tasks`;
 * 2. the same query on a collection holding one district's tasks only;
 * 3. a per-user inbox document keyed by `_id` (the open task ids in due order) and the page's
 *    tasks fetched by `_id` — the shape FerretDB can answer without a scan;
 * and one task by id three ways: `{ _id }` alone, `{ _id, district }` (what
 * DistrictScopedCollection.findById sends) and `{ _id, $or: [changedAtRev …] }` (the guard of the
 * engine's task writes, read with find so nothing changes).
 */
export async function inboxStorageExperiment(
  db: Db,
  district: string,
  users: BenchUser[],
  samples: number,
): Promise<{ label: string; latency: LatencySummary }[]> {
  const tasks = db.collection<TaskDoc>('engine_tasks');
  const own = db.collection<TaskDoc>(`exp_tasks_${district.replace(/\W/g, '_')}`);
  const inbox = db.collection<InboxEntryDoc>('exp_inbox');
  const docs = await tasks.find({ district, status: 'open' }).toArray();
  for (let i = 0; i < docs.length; i += 1000) await own.insertMany(docs.slice(i, i + 1000));
  for (const user of users) {
    const open = docs
      .filter((doc) => doc.assignee === user.id)
      .sort((a, b) => (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0))
      .map((doc) => doc._id);
    await inbox.insertOne({ _id: `${district}:${user.id}`, open });
  }

  const mineQuery = (collection: Collection<TaskDoc>, user: BenchUser) =>
    collection
      .find({
        $and: [{ district, assignee: user.id, status: 'open' }, { dueAt: { $exists: true } }],
      })
      .sort({ dueAt: 1, _id: 1 })
      .limit(PAGE + 1)
      .toArray();
  const byIndexDocument = async (user: BenchUser) => {
    const entry = await inbox.findOne({ _id: `${district}:${user.id}` });
    const ids = entry?.open.slice(0, PAGE) ?? [];
    return Promise.all(ids.map((id) => tasks.findOne({ _id: id })));
  };
  const byIndexDocumentIn = async (user: BenchUser) => {
    const entry = await inbox.findOne({ _id: `${district}:${user.id}` });
    return tasks.find({ _id: { $in: entry?.open.slice(0, PAGE) ?? [] } }).toArray();
  };
  const someTask = (user: BenchUser) => docs.find((doc) => doc.assignee === user.id)?._id ?? '';
  const shapes: [string, (user: BenchUser) => Promise<unknown>][] = [
    ['one task by { _id }', (user) => tasks.findOne({ _id: someTask(user) })],
    [
      'one task by { _id, district } (DistrictScopedCollection.findById)',
      (user) => tasks.findOne({ _id: someTask(user), district }),
    ],
    [
      'one task by { _id, $or: changedAtRev } (engine task-write guard)',
      (user) =>
        tasks.findOne({
          _id: someTask(user),
          $or: [{ changedAtRev: { $lt: 1_000_000 } }, { changedAtRev: { $exists: false } }],
        }),
    ],
    ['mine page on engine_tasks (all districts)', (user) => mineQuery(tasks, user)],
    ['mine page on one district’s own collection', (user) => mineQuery(own, user)],
    ['per-user inbox document + 50 findOne by _id', byIndexDocument],
    ['per-user inbox document + one find _id $in', byIndexDocumentIn],
  ];
  const results: { label: string; latency: LatencySummary }[] = [];
  for (const [label, read] of shapes) {
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      await read(users[i % users.length]);
      times.push(performance.now() - started);
    }
    results.push({ label, latency: summarize(times) });
  }
  return results;
}
