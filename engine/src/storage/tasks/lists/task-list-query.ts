import type { TaskDoc } from '../../documents';
import { escapeRegex } from '../task-filter';
import type { TaskFilter, TaskListItem } from '../task-query';
import { listKey } from './task-list-entry';

/**
 * The lists that hold every task a filter can match, when its tasks are open ones someone may
 * work (`mine`, `claimable`); undefined for any other filter, which the task collection answers.
 */
export function listsServing(filter: TaskFilter): string[] | undefined {
  const status = typeof filter.status === 'string' ? [filter.status] : filter.status;
  if (status?.length !== 1 || status[0] !== 'open') return undefined;
  if (filter.completedBy !== undefined || filter.viewer !== undefined) return undefined;
  const candidates = filter.candidateUser !== undefined || filter.candidateGroups !== undefined;
  if (filter.assignee !== undefined)
    return candidates ? undefined : [listKey(filter.district, 'a', filter.assignee)];
  if (!candidates) return undefined;
  return [
    ...(filter.candidateUser !== undefined
      ? [listKey(filter.district, 'u', filter.candidateUser)]
      : []),
    ...(filter.candidateGroups ?? []).map((group) => listKey(filter.district, 'g', group)),
  ];
}

/** A filter's meaning (task-filter.ts), tested on one task in memory. */
export function matchesTaskFilter(
  task: TaskListItem & Partial<Pick<TaskDoc, 'viewers'>>,
  filter: TaskFilter,
): boolean {
  const equal = (value: unknown, wanted: unknown) => wanted === undefined || value === wanted;
  if (task.district !== filter.district) return false;
  if (!equal(task.assignee, filter.assignee)) return false;
  if (!equal(task.completedBy, filter.completedBy)) return false;
  if (filter.viewer !== undefined && !(task.viewers ?? []).includes(filter.viewer)) return false;
  if (!equal(task.processKey, filter.processKey)) return false;
  if (!equal(task.instanceId, filter.instanceId)) return false;
  if (!equal(task.businessKey, filter.businessKey)) return false;
  if (filter.candidateUser !== undefined || filter.candidateGroups !== undefined) {
    if (task.assignee !== undefined) return false;
    const byUser =
      filter.candidateUser !== undefined && task.candidateUsers.includes(filter.candidateUser);
    const byGroup = (filter.candidateGroups ?? []).some((group) =>
      task.candidateGroups.includes(group),
    );
    if (!byUser && !byGroup) return false;
  }
  if (filter.status !== undefined) {
    const statuses: readonly string[] =
      typeof filter.status === 'string' ? [filter.status] : filter.status;
    if (!statuses.includes(task.status)) return false;
  }
  const due = task.dueAt?.getTime();
  if (filter.dueBefore !== undefined && !(due !== undefined && due < filter.dueBefore.getTime()))
    return false;
  if (filter.dueAfter !== undefined && !(due !== undefined && due >= filter.dueAfter.getTime()))
    return false;
  if (typeof filter.priority === 'number' && task.priority !== filter.priority) return false;
  if (filter.priority !== undefined && typeof filter.priority === 'object') {
    const { min, max } = filter.priority;
    if (min !== undefined && !(task.priority >= min)) return false;
    if (max !== undefined && !(task.priority <= max)) return false;
  }
  const text = filter.text?.trim();
  if (text) {
    const pattern = new RegExp(escapeRegex(text), 'i');
    if (
      ![task.name, task.processName, task.businessKey].some(
        (v) => typeof v === 'string' && pattern.test(v),
      )
    )
      return false;
  }
  return true;
}
