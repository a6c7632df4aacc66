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
  /** The job that marks the user task overdue at its due date (cancelled when the task ends). */
  dueJobId?: string;
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
  /** For an instance a call activity started: the calling instance and its call activity execution. */
  parent?: { instanceId: string; executionId: string; activityId?: string };
  cancelReason?: string;
  /** childInstanceId: the incident is a called instance's, shown here at its call activity. */
  incident?: { message: string; activityId?: string; at: Date; childInstanceId?: string };
  /** Message and signal subscriptions this instance holds open (mirrored in engine_subscriptions). */
  subscriptions?: SubscriptionRecord[];
  /** A BPMN error the process threw that nothing in it caught; a calling instance may catch it. */
  uncaughtError?: { activityId: string; code?: string; name?: string };
  /**
   * For a called instance: the escalations it threw that nothing in it caught, in the order thrown
   * (`key`: `<rev>:<n>`, the step and position that threw it); its call activity may catch them.
   */
  uncaughtEscalations?: EscalationRecord[];
  /** Escalations of called instances that a call activity of this instance took (`<child>:<key>`). */
  takenEscalations?: string[];
  startedAt: Date;
  updatedAt: Date;
  endedAt?: Date;
}

export interface EscalationRecord {
  key: string;
  /** The throw or end event that threw it. */
  activityId: string;
  /** Absent: the escalation has no code; only a boundary event without one catches it. */
  code?: string;
  name?: string;
}

/** `returned`: sent back to an earlier task (退回); `retrieved`: taken back by whoever completed the task before it (取回). */
/** A message or signal an instance waits for: a catch event, receive task, boundary or event sub-process start. */
export interface SubscriptionRecord {
  /** `${instanceId}:${executionId}`, or for an event sub-process `${instanceId}:${startEventId}:${rev opened}`. */
  id: string;
  kind: 'message' | 'signal';
  name: string;
  activityId: string;
  /** The waiting execution; absent for an event sub-process start (nothing runs until it fires). */
  executionId?: string;
  eventSubProcess?: { subProcessId: string; interrupting: boolean };
}

/**
 * The queryable copy of an open subscription, so that correlating a message or broadcasting a
 * signal finds its receivers by name instead of loading every instance. Written by the step's
 * effects; a closed subscription stays as a tombstone (open: false) so that a late re-apply of the
 * outbox that opened it cannot bring it back.
 */
export interface SubscriptionDoc extends Omit<SubscriptionRecord, 'id'> {
  _id: string;
  district: string;
  instanceId: string;
  processKey: string;
  businessKey?: string;
  open: boolean;
  openedAt: Date;
  closedAt?: Date;
}

export type TaskStatus = 'open' | 'completed' | 'cancelled' | 'returned' | 'retrieved';

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
  /** The process's name, for the inbox (the deployment's `name`). */
  processName?: string;
  /** Who started the instance, for the inbox. */
  starter?: string;
  /**
   * The instance revision whose step last wrote this document. Every write carries the revision
   * that decided it and never applies over a newer one, so a late re-applied outbox cannot move
   * the task back (see tasks/task-writes.ts). Absent on documents written before it existed.
   */
  changedAtRev?: number;
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
  /**
   * Only on the event feed's copy (engine_feed): the event's place in the feed, a time-ordered key
   * stamped when it is inserted (see events/history-writer.ts).
   */
  feedKey?: string;
  /** Only on the feed's copy: the second and hour of its key, what it is found by (feed-directory.ts). */
  feedSecond?: number;
  feedHour?: number;
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
  /** When it was claimed (engine clock); pruning keeps recent claims (see runtime/revision-pruner.ts). */
  claimedAt?: Date;
}

/**
 * `n|<district>|<scope>|<n>`: number n of a business-key scope is taken (the unique insert is
 * what makes it one instance's); `h|<district>|<scope>`: where counting may resume, a hint only.
 */
export interface BusinessKeyDoc {
  _id: string;
  district: string;
  scope: string;
  /** The number taken, or (for the hint) the next one to try. */
  n: number;
  key?: string;
  instanceId?: string;
  at: Date;
}
