import type { TaskDoc } from '../storage/documents';
import type { TaskChange } from '../storage/tasks/task-writes';
import type { Effect, ScheduledJob } from './effects';

/**
 * What a step's effects mean for task documents: the change each task effect writes, the
 * revision every write carries, and the due-date job a new task brings. The runtime derives them;
 * the task store (storage/tasks) performs them; the task operations (tasks/) decide them.
 */

type TaskCloseEffect = Extract<Effect, { type: 'task.close' }>;
type TaskUpdateEffect = Extract<Effect, { type: 'task.update' }>;

/**
 * Why task writes are race-free without transactions: every decision about a task (claim,
 * delegate, complete, copy, draft…) is taken inside a step of its instance, and steps are
 * serialized by the revision claim (a unique insert). A step's task writes travel in its outbox,
 * and the instance document of revision n is written only once that outbox is applied in full
 * (by the step, or by whoever rolls its claim forward), while revision n+1 is decided from that
 * document. So the first write of revision n always lands on a task that has seen every earlier
 * revision, and all that can still arrive late is a repeated write of an older outbox (applied
 * twice at the same moment) — which the `changedAtRev` guard turns into a no-op instead of moving
 * the task back (storage/newer-write.ts).
 */
export function taskChangeOf(effect: TaskCloseEffect | TaskUpdateEffect): TaskChange {
  if (effect.type === 'task.close')
    return {
      taskId: effect.taskId,
      rev: effect.rev,
      set: {
        status: effect.status,
        completedAt: effect.at,
        ...(effect.by && { completedBy: effect.by }),
        ...(effect.output && { output: effect.output }),
      },
      unset: [],
      whileOpen: true,
    };
  return {
    taskId: effect.taskId,
    rev: effect.rev,
    set: { ...effect.set },
    unset: (effect.unset ?? []).map(String),
    whileOpen: false,
  };
}

/**
 * Gives every task write of a step the revision the step commits as, so actions need not know
 * it. Called on the step's effects right before they are serialized into the outbox.
 */
export function stampTaskRevisions(effects: Effect[], rev: number): void {
  for (const effect of effects) {
    if (effect.type === 'task.create') effect.task.changedAtRev ??= rev;
    if ((effect.type === 'task.close' || effect.type === 'task.update') && effect.rev === undefined)
      effect.rev = rev;
  }
}

/** The job kind that marks a user task overdue when its due date passes. */
export const TASK_DUE_JOB = 'task-due';

/**
 * The due-date job of a task that has a due date: scheduled with the task (same step, same
 * outbox) and cancelled when the task ends, so "overdue" is a durable moment in the history
 * and the event feed rather than something every reader has to compute.
 */
export function taskDueJob(task: TaskDoc): ScheduledJob | undefined {
  if (!task.dueAt) return undefined;
  return {
    id: `task-due:${task._id}`,
    kind: TASK_DUE_JOB,
    instanceId: task.instanceId,
    district: task.district,
    dueAt: task.dueAt,
    payload: { instanceId: task.instanceId, taskId: task._id },
  };
}
