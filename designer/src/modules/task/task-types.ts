import type { ISchema } from '@formily/react';
import type { InstanceStatus, TaskSummary } from '../../shared/workflow-types';

export type TaskAction =
  | 'complete'
  | 'draft'
  | 'claim'
  | 'unclaim'
  | 'delegate'
  | 'return'
  | 'retrieve'
  | 'comment'
  | 'remind';

/** GET /api/tasks/:id */
export interface TaskDetail {
  task: TaskSummary & { description?: string; activityId?: string };
  form?: { key: string; version: number; schema: ISchema } | null;
  draft?: Record<string, unknown> | null;
  /** earlier steps' data this form shows but does not change */
  readOnly?: Record<string, unknown>;
  actions: TaskAction[] | string[];
  returnTargets?: ReturnTarget[];
}

export interface HistoryEntry {
  id?: string;
  at: string;
  type: string;
  activityId?: string;
  activityName?: string;
  taskId?: string;
  taskName?: string;
  userId?: string;
  userName?: string;
  /** details (reason, comment text, target, …); an object or its JSON */
  data?: unknown;
}

export interface DocumentRef {
  id: string;
  key: string;
  title: string;
  /** 文号 */
  number?: string;
  createdAt: string;
}

export interface InstanceTask {
  id: string;
  name: string;
  status: string;
  assignee?: string;
  assigneeName?: string;
  candidateGroups?: string[];
  dueDate?: string;
  overdue?: boolean;
  dueSoon?: boolean;
  createdAt?: string;
  completedAt?: string;
}

/** GET /api/instances/:id */
export interface InstanceDetail {
  instance: {
    id: string;
    processKey: string;
    processName?: string;
    version?: number;
    businessKey?: string;
    status: InstanceStatus;
    starter?: string;
    starterName?: string;
    startedAt?: string;
    endedAt?: string;
  };
  variables?: Record<string, unknown>;
  tasks?: InstanceTask[];
  history?: HistoryEntry[];
  documents?: DocumentRef[];
  diagram?: { xml: string; completed: string[]; active: string[] };
}

/** A step a task may go back to; a multi-instance step lists its elements (units, signers). */
export interface ReturnTarget {
  activityId: string;
  name: string;
  elements?: { key: string; completedBy?: string }[];
}
