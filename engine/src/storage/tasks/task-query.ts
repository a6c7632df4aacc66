import type { TaskDoc, TaskStatus } from '../documents';

/** Inbox orders. `due`: earliest due date first, tasks without one last; `priority`: highest first. */
export type TaskSort = 'due' | '-due' | 'created' | '-created' | 'priority';

export const TASK_SORTS: readonly TaskSort[] = ['due', '-due', 'created', '-created', 'priority'];

/** Which tasks: every given condition must hold. */
export interface TaskFilter {
  district: string;
  assignee?: string;
  /**
   * Tasks this user may claim: unassigned, with the user among the candidate users. Given with
   * `candidateGroups`, a task matches through either.
   */
  candidateUser?: string;
  /** Tasks any of these groups (role keys) may claim: unassigned, with one of them a candidate group. */
  candidateGroups?: readonly string[];
  status?: TaskStatus | readonly TaskStatus[];
  completedBy?: string;
  /** Tasks carbon-copied (抄送) to this user. */
  viewer?: string;
  processKey?: string;
  instanceId?: string;
  businessKey?: string;
  /** Due strictly before / at or after; tasks without a due date match neither. */
  dueBefore?: Date;
  dueAfter?: Date;
  /** An exact priority, or a range (inclusive). */
  priority?: number | { min?: number; max?: number };
  /** A substring of the task name, the process name or the business key, case-insensitive. */
  text?: string;
}

export interface TaskQuery extends TaskFilter {
  /** Default `created`. */
  sort?: TaskSort;
  /** From a previous page's nextCursor; it belongs to the sort it was made with. */
  cursor?: string;
  /** 1–200, default 50. */
  limit?: number;
}

/**
 * What a task query gives of each task: what the inbox shows, filters and sorts by. Pages from
 * the inbox lists hold exactly this; pages from the task collection hold whole documents.
 */
export type TaskListItem = Pick<
  TaskDoc,
  | '_id'
  | 'district'
  | 'instanceId'
  | 'activityId'
  | 'processKey'
  | 'processName'
  | 'name'
  | 'businessKey'
  | 'starter'
  | 'assignee'
  | 'candidateUsers'
  | 'candidateGroups'
  | 'priority'
  | 'dueAt'
  | 'createdAt'
  | 'completedAt'
  | 'completedBy'
  | 'status'
>;

export interface TaskPage {
  items: TaskListItem[];
  /** Null on the last page. Keyset-based: tasks inserted meanwhile never shift a page. */
  nextCursor: string | null;
}

export const DEFAULT_TASK_PAGE = 50;
export const MAX_TASK_PAGE = 200;
