import type { InstanceDoc, InstanceStatus, TaskDoc } from '../storage/documents';
import type { BpmnSession } from './bpmn-session';
import type { Effect } from './effects';

/** A history event before it gets its place (rev, seq) in the instance's history. */
export interface HistoryDraft {
  type: string;
  activityId?: string;
  taskId?: string;
  userId?: string;
  data?: Record<string, unknown>;
}

/** What an action may read and change during one instance step; storage is written only after it. */
export interface StepContext {
  readonly instance: Readonly<InstanceDoc>;
  readonly session: BpmnSession;
  /** The instance variables; change them in place. */
  readonly variables: Record<string, unknown>;
  readonly now: Date;
  readonly effects: Effect[];
  readonly history: HistoryDraft[];
  /** Task ids the action closed itself (completed), so the step does not also cancel them. */
  readonly closedTaskIds: Set<string>;
  /**
   * Fields to set on the tasks this step opens, by activity execution id, over what the task
   * factory resolves (a return assigns the task to whoever completed it before).
   */
  taskPatches?: Map<string, Partial<TaskDoc>>;
  status?: InstanceStatus;
  patch: Partial<Pick<InstanceDoc, 'cancelReason' | 'incident' | 'endedAt' | 'takenEscalations'>>;
}
