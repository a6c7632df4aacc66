import type { TaskDoc } from '../documents';
import type { TaskChange } from './task-writes';
import type { TaskFilter, TaskPage, TaskQuery } from './task-query';

/**
 * Where task documents live. Task documents are projections of instance steps: they are written
 * only through `create` and `write`, by the effect applier, each write carrying the instance
 * revision that decided it (see task-writes.ts). The implementation owns its indexes.
 */
export interface TaskRepository {
  ensureIndexes(): Promise<void>;
  findById(taskId: string): Promise<TaskDoc | null>;
  /** The instance's open tasks, oldest first. */
  openOf(instanceId: string): Promise<TaskDoc[]>;
  query(query: TaskQuery): Promise<TaskPage>;
  count(filter: TaskFilter): Promise<number>;
  /** Idempotent: a task that exists already is left as it is. */
  create(task: TaskDoc): Promise<void>;
  /** Applies a change unless the document has already seen this revision or a later one. */
  write(change: TaskChange): Promise<void>;
  /** `create` and `write` of several distinct tasks at once (one step's effects). */
  applyAll(writes: TaskWrite[]): Promise<void>;
  /**
   * Folds the inbox lists whose change queue is long or old, or every queue with `all` (see
   * lists/task-list.store.ts); returns the lists folded.
   */
  compactLists(all?: boolean): Promise<number>;
  /** Files tasks that were written around the repository (a bulk import) in the inbox lists. */
  file(tasks: TaskDoc[]): Promise<void>;
}

export type TaskWrite = { create: TaskDoc } | { change: TaskChange };
