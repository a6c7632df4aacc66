import type { Filter } from 'mongodb';
import type { ProcessEngine, TaskDoc, TaskQuery } from '../../engine/src';
import { readKeysetPage } from '../../engine/src/storage/keyset-page';
import { taskFilterToQuery, taskOrder } from '../../engine/src/storage/tasks/task-filter';
import { type LatencySummary, summarize } from '../engine/stats';
import { ROLES } from './seed-world';

const PAGE = 50;

/**
 * The inbox's reads on the engine alone, at the size the run left: a page of `mine` and of one
 * group's `claimable` from the inbox lists (what the server reads) and from the task collection
 * with the same filter pushed down (what it would read without them), and one task by `_id`.
 */
export async function readPaths(
  engine: ProcessEngine,
  district: string,
  userIds: string[],
  samples: number,
): Promise<{ label: string; latency: LatencySummary }[]> {
  const mine = (i: number): TaskQuery => ({
    district,
    assignee: userIds[i % userIds.length],
    status: 'open',
    sort: 'due',
    limit: PAGE,
  });
  const pool = (i: number): TaskQuery => ({
    district,
    candidateGroups: [ROLES[i % ROLES.length]],
    status: 'open',
    sort: 'due',
    limit: PAGE,
  });
  const fromCollection = (query: TaskQuery) =>
    readKeysetPage(
      engine.store.tasks,
      taskFilterToQuery(query) as Filter<TaskDoc>,
      taskOrder(query.sort),
      PAGE,
    );
  const someTask = (await engine.tasks.query(mine(0))).items[0]?._id ?? '';
  const shapes: [string, (i: number) => Promise<unknown>][] = [
    ['mine page from the inbox lists', (i) => engine.tasks.query(mine(i))],
    ['mine page from engine_tasks (pushed-down filter)', (i) => fromCollection(mine(i))],
    ['claimable page (one group) from the inbox lists', (i) => engine.tasks.query(pool(i))],
    ['claimable page (one group) from engine_tasks', (i) => fromCollection(pool(i))],
    ['one task by { _id }', () => engine.store.tasks.findOne({ _id: someTask })],
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
