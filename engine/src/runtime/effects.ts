import type { HistoryDoc, SubscriptionDoc, TaskDoc, TaskStatus } from '../storage/documents';

/**
 * What a committed instance step still has to do outside the instance document. The list is
 * committed with the state (the outbox) and applied afterwards; every effect is idempotent, so a
 * crash between commit and apply is repaired by applying the outbox again.
 */
export type Effect =
  | { type: 'task.create'; task: TaskDoc }
  | {
      type: 'task.close';
      taskId: string;
      status: Exclude<TaskStatus, 'open'>;
      at: Date;
      by?: string;
      output?: Record<string, unknown>;
      /** The revision that decided it; stamped when the step is finished (see tasks/task-writes.ts). */
      rev?: number;
    }
  /** Changes fields of a task that stays open (a migration moves it to the new definition). */
  | {
      type: 'task.update';
      taskId: string;
      set: Partial<Omit<TaskDoc, '_id' | 'status'>>;
      /** Fields to remove (an unclaim removes the assignee). */
      unset?: (keyof TaskDoc)[];
      rev?: number;
    }
  | { type: 'job.schedule'; job: ScheduledJob }
  | { type: 'job.cancel'; jobId: string }
  | { type: 'job.reschedule'; jobId: string; dueAt: Date }
  | { type: 'history'; events: HistoryDoc[] }
  /** A message or signal the instance now waits for becomes findable by name. */
  | { type: 'subscription.open'; subscription: SubscriptionDoc }
  | { type: 'subscription.close'; subscriptionId: string; at: Date };

export interface ScheduledJob {
  id: string;
  kind: string;
  instanceId: string;
  district: string;
  dueAt: Date;
  payload: Record<string, unknown>;
  maxAttempts?: number;
}

/** JSON with dates kept as dates (a marker object, since plain JSON turns them into strings). */
export function toDatedJson(value: unknown): string {
  return JSON.stringify(
    value,
    function replacer(this: Record<string, unknown>, key: string, current: unknown) {
      const original = this[key];
      return original instanceof Date ? { __date: original.toISOString() } : current;
    },
  );
}

export function fromDatedJson(json: string): unknown {
  return JSON.parse(json, (_key, value: unknown) =>
    value && typeof value === 'object' && '__date' in value && Object.keys(value).length === 1
      ? new Date((value as { __date: string }).__date)
      : value,
  );
}

export const serializeEffects = (effects: Effect[]): string => toDatedJson(effects);
export const deserializeEffects = (json: string): Effect[] => fromDatedJson(json) as Effect[];
