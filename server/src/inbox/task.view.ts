import type { TaskDoc, TaskListItem, TaskStatus } from '../../../engine/src';
import type { DueWindow } from '../platform/due-window';

/** docs/api.md `TaskSummary`: one inbox row. */
export interface TaskSummary {
  id: string;
  name: string;
  processKey: string;
  processName: string;
  instanceId: string;
  businessKey?: string;
  assignee?: string;
  candidateGroups: string[];
  priority: number;
  dueDate?: Date;
  createdAt: Date;
  completedAt?: Date;
  status: TaskStatus;
  overdue: boolean;
  dueSoon: boolean;
}

/** The task of the task page: the summary and who stands where. */
export interface TaskDetail extends TaskSummary {
  activityId: string;
  candidateUsers: string[];
  owner?: string;
  claimedAt?: Date;
  completedBy?: string;
  starter?: string;
  followUpDate?: Date;
  /** What was submitted, once the task has ended (an anonymous ballot shows nothing). */
  output?: Record<string, unknown>;
}

export function toTaskSummary(task: TaskListItem, due: DueWindow): TaskSummary {
  const open = task.status === 'open';
  const dueAt = task.dueAt?.getTime();
  return {
    id: task._id,
    name: task.name,
    processKey: task.processKey,
    processName: task.processName || task.processKey,
    instanceId: task.instanceId,
    ...(task.businessKey !== undefined && { businessKey: task.businessKey }),
    ...(task.assignee !== undefined && { assignee: task.assignee }),
    candidateGroups: task.candidateGroups,
    priority: task.priority,
    ...(task.dueAt && { dueDate: task.dueAt }),
    createdAt: task.createdAt,
    ...(task.completedAt && { completedAt: task.completedAt }),
    status: task.status,
    overdue: open && dueAt !== undefined && dueAt < due.now.getTime(),
    dueSoon:
      open && dueAt !== undefined && dueAt >= due.now.getTime() && dueAt < due.soonUntil.getTime(),
  };
}

export function toTaskDetail(task: TaskDoc, due: DueWindow): TaskDetail {
  return {
    ...toTaskSummary(task, due),
    activityId: task.activityId,
    candidateUsers: task.candidateUsers,
    ...(task.owner !== undefined && { owner: task.owner }),
    ...(task.claimedAt && { claimedAt: task.claimedAt }),
    ...(task.completedBy !== undefined && { completedBy: task.completedBy }),
    ...(task.starter !== undefined && { starter: task.starter }),
    ...(task.followUpAt && { followUpDate: task.followUpAt }),
    ...(task.status !== 'open' && task.output !== undefined && { output: task.output }),
  };
}
