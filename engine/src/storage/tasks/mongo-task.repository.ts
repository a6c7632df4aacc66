import type { Collection, Filter, IndexSpecification } from 'mongodb';
import { type Clock, systemClock } from '../../clock';
import type { TaskDoc } from '../documents';
import { duplicateIndexes } from '../../jobs/job-storage.guard';
import { keysetPageOf, readKeysetPage } from '../keyset-page';
import { writeIfNewer } from '../newer-write';
import { ChangeVersions, entryOf, type ListChange, listKeysOf } from './lists/task-list-entry';
import { listsServing, matchesTaskFilter } from './lists/task-list-query';
import type { TaskListStore } from './lists/task-list.store';
import { pageLimit, taskFilterToQuery, taskOrder } from './task-filter';
import type { TaskFilter, TaskPage, TaskQuery } from './task-query';
import type { TaskRepository, TaskWrite } from './task.repository';
import { type TaskChange, taskWriteOf } from './task-writes';

/**
 * What the task collection is still asked once the inbox lists answer `mine` and `claimable`:
 * an instance's tasks; a user's part in tasks (access checks, the instance list); what a user
 * finished (`completed`) and what was copied to them (`cc`), newest first. Every index costs each
 * task write (on the embedded database twice: FerretDB's btree and the platform's GIN twin), so
 * there are no others.
 */
const TASK_INDEXES: IndexSpecification[] = [
  { instanceId: 1, status: 1 },
  { district: 1, assignee: 1, status: 1 },
  { district: 1, owner: 1 },
  { district: 1, candidateGroups: 1, status: 1 },
  { district: 1, candidateUsers: 1, status: 1 },
  { district: 1, completedBy: 1, completedAt: -1 },
  { district: 1, viewers: 1, createdAt: -1 },
];

/** Indexes of earlier versions that served the inbox before its lists did; dropped at start. */
const RETIRED_INDEXES: IndexSpecification[] = [
  { district: 1, assignee: 1, status: 1, dueAt: 1 },
  { district: 1, candidateGroups: 1, status: 1, dueAt: 1 },
  { district: 1, candidateUsers: 1, status: 1, dueAt: 1 },
  { district: 1, status: 1, dueAt: 1 },
  { district: 1, status: 1, createdAt: -1 },
  { district: 1, processKey: 1, status: 1 },
];

/**
 * Tasks in a MongoDB-protocol collection (MongoDB or FerretDB), with the inbox's read model: every
 * create and write of a task first records what it changes in the lists of open tasks
 * (lists/task-list.store.ts), and the queries of those lists — `mine`, `claimable` — are answered
 * from them. Recording before writing is what keeps them exact across a crash: an outbox applied
 * again records again, while a task write that landed but whose list change was lost could not be
 * told apart from one already recorded.
 */
export class MongoTaskRepository implements TaskRepository {
  private readonly versions = new ChangeVersions();

  constructor(
    private readonly tasks: Collection<TaskDoc>,
    private readonly lists: TaskListStore,
    private readonly clock: Clock = systemClock,
  ) {}

  async ensureIndexes(): Promise<void> {
    await Promise.all([
      ...TASK_INDEXES.map((keys) => this.tasks.createIndex(keys)),
      this.lists.ensureIndexes(),
    ]);
    const retired = new Set(RETIRED_INDEXES.map((keys) => JSON.stringify(keys)));
    for (const index of await this.tasks.indexes().catch(() => []))
      if (retired.has(JSON.stringify(index.key))) await this.tasks.dropIndex(index.name!);
    if (await this.lists.filed()) return;
    // once per store from before the lists: the one read of every open task
    await this.file(await this.tasks.find({ status: 'open' }).toArray());
    await this.lists.markFiled(this.clock.now());
  }

  /** Records tasks written without this repository (a bulk import) in the lists. */
  async file(tasks: TaskDoc[]): Promise<void> {
    await this.lists.record(
      tasks.flatMap((task) => this.listChanges(undefined, task, task.changedAtRev)),
      this.clock.now(),
    );
  }

  /** Folds the lists' long or old change queues (all with `all`); safe in any number of processes. */
  compactLists(all = false): Promise<number> {
    return this.lists.compactPending(this.clock.now(), all);
  }

  findById(taskId: string): Promise<TaskDoc | null> {
    return this.tasks.findOne({ _id: taskId });
  }

  openOf(instanceId: string): Promise<TaskDoc[]> {
    return this.tasks.find({ instanceId, status: 'open' }).sort({ createdAt: 1, _id: 1 }).toArray();
  }

  async query(query: TaskQuery): Promise<TaskPage> {
    const filter = taskFilterToQuery(query) as Filter<TaskDoc>; // checks the query first
    const served = await this.fromLists(query);
    if (served)
      return keysetPageOf(served, taskOrder(query.sort), pageLimit(query.limit), query.cursor);
    return readKeysetPage(
      this.tasks,
      filter,
      taskOrder(query.sort),
      pageLimit(query.limit),
      query.cursor,
    );
  }

  async count(filter: TaskFilter): Promise<number> {
    const query = taskFilterToQuery(filter) as Filter<TaskDoc>;
    const served = await this.fromLists(filter);
    return served ? served.length : this.tasks.countDocuments(query);
  }

  /** The tasks of a list-served filter (listsServing), matched in memory; undefined otherwise. */
  private async fromLists(filter: TaskFilter) {
    const lists = listsServing(filter);
    if (!lists) return undefined;
    const open = await this.lists.openTasks(lists, this.clock.now());
    return open.filter((task) => matchesTaskFilter(task, filter));
  }

  create(task: TaskDoc): Promise<void> {
    return this.applyAll([{ create: task }]);
  }

  write(change: TaskChange): Promise<void> {
    return this.applyAll([{ change }]);
  }

  /**
   * Creates and changes several tasks (distinct ones) with one insert of their list changes:
   * what each does is decided first (a change reads its task), recorded in the lists, then written.
   */
  async applyAll(writes: TaskWrite[]): Promise<void> {
    const planned = await Promise.all(
      writes.map((write) =>
        'create' in write ? this.planCreate(write.create) : this.planChange(write.change),
      ),
    );
    await this.lists.record(
      planned.flatMap((plan) => plan?.listChanges ?? []),
      this.clock.now(),
    );
    for (const plan of planned) await plan?.write();
  }

  private planCreate(task: TaskDoc): Planned {
    return {
      listChanges: this.listChanges(undefined, task, task.changedAtRev),
      write: async () => {
        try {
          await this.tasks.insertOne(task);
        } catch (error) {
          if (!duplicateIndexes(error, 1)) throw error; // created already: creation is idempotent
        }
      },
    };
  }

  /** Undefined when the change no longer applies (the task moved on, or is gone). */
  private async planChange(change: TaskChange): Promise<Planned | undefined> {
    const { update, also } = taskWriteOf(change);
    const current = await this.tasks.findOne({ _id: change.taskId });
    if (!current) return undefined;
    if (Object.entries(also).some(([field, value]) => current[field as keyof TaskDoc] !== value))
      return undefined;
    if (change.rev !== undefined && (current.changedAtRev ?? -1) >= change.rev) return undefined;
    return {
      listChanges: this.listChanges(current, applied(current, change), change.rev),
      write: async () => {
        if (change.rev === undefined) {
          await this.tasks.updateOne({ _id: change.taskId, ...also }, update);
          return;
        }
        await writeIfNewer({
          collection: this.tasks,
          id: change.taskId,
          field: 'changedAtRev',
          rev: change.rev,
          update,
          also,
        });
      },
    };
  }

  /** What a task's change does to the lists: it enters, changes in, or leaves each. */
  private listChanges(
    before: TaskDoc | undefined,
    after: TaskDoc,
    rev: number | undefined,
  ): { list: string; change: ListChange }[] {
    const was = before ? listKeysOf(before) : [];
    const is = listKeysOf(after);
    const entry = entryOf(after);
    const changed = !before || JSON.stringify(entryOf(before)) !== JSON.stringify(entry);
    const version = this.versions.next(rev ?? 0, this.clock.now().getTime());
    return [
      ...is
        .filter((list) => changed || !was.includes(list))
        .map((list) => ({ list, change: { taskId: after._id, version, entry } })),
      ...was
        .filter((list) => !is.includes(list))
        .map((list) => ({ list, change: { taskId: after._id, version, entry: null } })),
    ];
  }
}

interface Planned {
  listChanges: { list: string; change: ListChange }[];
  write(): Promise<void>;
}

/** The task as the change leaves it. */
function applied(task: TaskDoc, change: TaskChange): TaskDoc {
  const next = { ...task, ...change.set } as Record<string, unknown>;
  for (const field of change.unset) if (!(field in change.set)) delete next[field];
  if (change.rev !== undefined) next.changedAtRev = change.rev;
  return next as unknown as TaskDoc;
}
