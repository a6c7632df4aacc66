import { EngineError } from '../engine.error';
import type { TaskDoc } from '../storage/documents';

/** Who acts on a task: the user and the groups (role keys) they hold in the task's district. */
export interface TaskActor {
  userId: string;
  groups: readonly string[];
}

export function isCandidate(task: TaskDoc, actor: TaskActor): boolean {
  return (
    task.candidateUsers.includes(actor.userId) ||
    task.candidateGroups.some((g) => actor.groups.includes(g))
  );
}

/** The assignee may act; an unassigned task may be acted on by its candidates. */
export function assertMayWork(task: TaskDoc, actor: TaskActor): void {
  if (task.assignee === actor.userId) return;
  if (!task.assignee && isCandidate(task, actor)) return;
  throw new EngineError('FORBIDDEN', `user ${actor.userId} may not work on task ${task._id}`);
}

export function assertOpen(task: TaskDoc): void {
  if (task.status !== 'open')
    throw new EngineError('CONFLICT', `task ${task._id} is already ${task.status}`, {
      status: task.status,
    });
}
