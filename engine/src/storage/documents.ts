/** The shapes the engine stores. Ids are strings chosen by the engine, deterministic where a retry must not duplicate. */

export interface DeploymentDoc {
  _id: string;
  key: string;
  version: number;
  district: string;
  name?: string;
  xml: string;
  /** Form versions pinned at deployment ("binding at deployment"); an array, since keys may not contain '.'. */
  formBindings: { formKey: string; version: number }[];
  active: boolean;
  deployedAt: Date;
  deployedBy?: string;
}

export type InstanceStatus = 'running' | 'completed' | 'cancelled' | 'suspended' | 'incident';

/** A waiting activity execution the instance knows about, and the task or job standing for it. */
export interface WaitRecord {
  executionId: string;
  activityId: string;
  kind: 'userTask' | 'serviceTask' | 'callActivity' | 'other';
  taskId?: string;
  jobId?: string;
}

export interface TimerRecord {
  executionId: string;
  activityId: string;
  jobId: string;
  dueAt: Date;
  firedCount: number;
}

export interface InstanceDoc {
  _id: string;
  definitionId: string;
  processKey: string;
  version: number;
  district: string;
  businessKey?: string;
  starter?: string;
  status: InstanceStatus;
  /** bpmn-engine state, serialized: its keys start with '$', which the wire protocol restricts. */
  state: string;
  /** Compare-and-set counter: every mutation is conditional on it and increments it. */
  rev: number;
  variables: Record<string, unknown>;
  activeActivityIds: string[];
  waits: WaitRecord[];
  timers: TimerRecord[];
  /** Effects committed with the state but not yet applied elsewhere (tasks, jobs, history), as JSON. */
  outbox: string | null;
  parent?: { instanceId: string; executionId: string };
  cancelReason?: string;
  incident?: { message: string; activityId?: string; at: Date };
  startedAt: Date;
  updatedAt: Date;
  endedAt?: Date;
}

export type TaskStatus = 'open' | 'completed' | 'cancelled';

export interface TaskDoc {
  _id: string;
  instanceId: string;
  definitionId: string;
  processKey: string;
  version: number;
  activityId: string;
  executionId: string;
  district: string;
  businessKey?: string;
  name: string;
  formKey?: string;
  formVersion?: number;
  assignee?: string;
  owner?: string;
  candidateUsers: string[];
  candidateGroups: string[];
  /** Read-only viewers (抄送 / carbon copy). */
  viewers: string[];
  priority: number;
  dueAt?: Date;
  followUpAt?: Date;
  /** For one iteration of a multi-instance task: the collection element and its index. */
  loop?: { index: number; element: unknown; elementVariable?: string };
  status: TaskStatus;
  draft?: Record<string, unknown>;
  output?: Record<string, unknown>;
  createdAt: Date;
  claimedAt?: Date;
  completedAt?: Date;
  completedBy?: string;
  instanceRev: number;
}

export interface HistoryDoc {
  _id: string;
  instanceId: string;
  district: string;
  /** Order: the instance revision that produced the event, then its place within that revision. */
  rev: number;
  seq: number;
  at: Date;
  type: string;
  activityId?: string;
  taskId?: string;
  userId?: string;
  /** Event details as JSON (old/new values, comments, reasons): free-form keys stay out of the document. */
  data?: string;
}

/**
 * The claim of one instance revision: `${instanceId}:${rev}`, inserted before the instance
 * document is written. Whoever inserts it first owns that step (a unique-_id insert is atomic on
 * MongoDB and FerretDB alike); it holds the full new document, so a crash between the claim and
 * the instance write is rolled forward by the next reader.
 */
export interface RevisionDoc {
  _id: string;
  instanceId: string;
  rev: number;
  /** The instance document of this revision, as JSON. */
  doc: string;
}
