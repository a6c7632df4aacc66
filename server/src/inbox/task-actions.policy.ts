import type { InstanceDoc, TaskDoc } from '../../../engine/src';
import type { Caller } from '../auth/caller';

export const TASK_ACTIONS = [
  'complete',
  'draft',
  'claim',
  'unclaim',
  'delegate',
  'return',
  'retrieve',
  'comment',
  'remind',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** What the rules below need besides the task, its instance and the caller. */
export interface ActionContext {
  /** The task's form is an anonymous ballot: no draft, no delegation (the vote is personal). */
  anonymous: boolean;
  supervisor: boolean;
  /** Return targets exist (engine.tasks.returnTargets). */
  returnable: boolean;
  /** A completed task of the caller's that nothing has touched since (see TaskPageService). */
  retrievable: boolean;
}

export function isCandidate(task: TaskDoc, caller: Caller): boolean {
  return (
    task.candidateUsers.includes(caller.userId) ||
    task.candidateGroups.some((group) => caller.roles.includes(group))
  );
}

/** The assignee works on a task; an unassigned one is worked on by its candidates. */
export function mayWork(task: TaskDoc, caller: Caller): boolean {
  return task.assignee === caller.userId || (!task.assignee && isCandidate(task, caller));
}

/**
 * What the caller may do with a task they can see, now (the task page's `actions`). The engine
 * checks again when the action comes; these rules only keep the page from offering what would
 * fail or what the platform reserves (completing and drafting need the task claimed first).
 */
export function allowedActions(
  task: TaskDoc,
  instance: InstanceDoc,
  caller: Caller,
  context: ActionContext,
): TaskAction[] {
  const actions: TaskAction[] = [];
  const open = task.status === 'open';
  const workable = open && (instance.status === 'running' || instance.status === 'incident');
  const assignee = task.assignee === caller.userId;
  const pooled = task.candidateUsers.length > 0 || task.candidateGroups.length > 0;
  if (workable && assignee) actions.push('complete');
  if (workable && assignee && !context.anonymous) actions.push('draft');
  if (workable && !task.assignee && isCandidate(task, caller)) actions.push('claim');
  if (workable && assignee && pooled) actions.push('unclaim');
  if (workable && mayWork(task, caller) && !context.anonymous) actions.push('delegate');
  if (workable && mayWork(task, caller) && context.returnable) actions.push('return');
  if (context.retrievable) actions.push('retrieve');
  actions.push('comment');
  if (open && (instance.starter === caller.userId || context.supervisor)) actions.push('remind');
  return actions;
}
