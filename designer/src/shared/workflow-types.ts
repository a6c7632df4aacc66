/** Shapes of docs/api.md shared by the inbox, task and start screens. */

export type TaskStatus = 'open' | 'completed' | 'cancelled' | string;

export interface TaskSummary {
  id: string;
  name: string;
  processKey: string;
  processName?: string;
  instanceId: string;
  businessKey?: string;
  assignee?: string;
  /** display name of the assignee when the server resolves it */
  assigneeName?: string;
  candidateGroups: string[];
  /** 0–100, 50 by default (camunda:priority) */
  priority: number;
  dueDate?: string;
  createdAt: string;
  completedAt?: string;
  status: TaskStatus;
  overdue: boolean;
  dueSoon: boolean;
}

export type InstanceStatus =
  'running' | 'completed' | 'cancelled' | 'suspended' | 'incident' | string;

/** The `started` view of the inbox lists instances, not tasks. */
export interface InstanceSummary {
  id: string;
  processKey: string;
  processName?: string;
  businessKey?: string;
  status: InstanceStatus;
  startedAt?: string;
  createdAt?: string;
  endedAt?: string;
  /** the activities the instance waits in now, with the names a person reads */
  activeSteps?: { id: string; name: string }[];
  overdue?: boolean;
  dueSoon?: boolean;
}

export interface TaskCounts {
  mine: number;
  claimable: number;
  completed: number;
  cc: number;
  started: number;
  overdue: number;
  dueSoon: number;
}
