import type { Collection, Filter, IndexSpecification } from 'mongodb';
import type { TaskDoc } from '../storage/documents';
import { duplicateIndexes } from '../jobs/job-storage.guard';
import { readKeysetPage } from '../storage/keyset-page';
import { type ConditionalWrites, writeIfNewer } from '../storage/newer-write';
import { pageLimit, taskFilterToQuery, taskOrder } from './task-filter';
import type { TaskFilter, TaskPage, TaskQuery } from './task-query';
import type { TaskRepository } from './task.repository';
import { type TaskChange, taskWriteOf } from './task-writes';

/**
 * The inbox's indexes: who holds a task (assignee), who may claim it (candidate groups and users),
 * what someone finished, what was copied to someone — each with the status and the due date the
 * inbox filters and sorts by. MongoDB answers the inbox from them; FerretDB 1.24 on SQLite creates
 * them but answers every query by scanning (its lookups do not use its own expression indexes).
 */
const TASK_INDEXES: IndexSpecification[] = [
  { district: 1, assignee: 1, status: 1, dueAt: 1 },
  { district: 1, candidateGroups: 1, status: 1, dueAt: 1 },
  { district: 1, candidateUsers: 1, status: 1, dueAt: 1 },
  { district: 1, status: 1, dueAt: 1 },
  { district: 1, status: 1, createdAt: -1 },
  { district: 1, completedBy: 1, completedAt: -1 },
  { district: 1, viewers: 1, createdAt: -1 },
  { district: 1, processKey: 1, status: 1 },
  { instanceId: 1, status: 1 },
];

/** Tasks in a MongoDB-protocol collection (MongoDB or FerretDB). */
export class MongoTaskRepository implements TaskRepository {
  constructor(
    private readonly tasks: Collection<TaskDoc>,
    /** How the server decides the revision guard of a write (see storage/newer-write.ts). */
    private readonly conditionalWrites: () => ConditionalWrites = () => 'atomic',
  ) {}

  async ensureIndexes(): Promise<void> {
    await Promise.all(TASK_INDEXES.map((keys) => this.tasks.createIndex(keys)));
  }

  findById(taskId: string): Promise<TaskDoc | null> {
    return this.tasks.findOne({ _id: taskId });
  }

  openOf(instanceId: string): Promise<TaskDoc[]> {
    return this.tasks.find({ instanceId, status: 'open' }).sort({ createdAt: 1, _id: 1 }).toArray();
  }

  async query(query: TaskQuery): Promise<TaskPage> {
    return readKeysetPage(
      this.tasks,
      taskFilterToQuery(query) as Filter<TaskDoc>,
      taskOrder(query.sort),
      pageLimit(query.limit),
      query.cursor,
    );
  }

  async count(filter: TaskFilter): Promise<number> {
    return this.tasks.countDocuments(taskFilterToQuery(filter) as Filter<TaskDoc>);
  }

  async create(task: TaskDoc): Promise<void> {
    try {
      await this.tasks.insertOne(task);
    } catch (error) {
      if (!duplicateIndexes(error, 1)) throw error; // created already: creation is idempotent
    }
  }

  async write(change: TaskChange): Promise<void> {
    const { update, also } = taskWriteOf(change);
    if (change.rev === undefined) {
      await this.tasks.updateOne({ _id: change.taskId, ...also }, update);
      return;
    }
    await writeIfNewer(
      {
        collection: this.tasks,
        id: change.taskId,
        field: 'changedAtRev',
        rev: change.rev,
        update,
        also,
      },
      this.conditionalWrites(),
    );
  }
}
