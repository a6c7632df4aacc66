import type { HistoryDoc } from '../storage/documents';

/**
 * One event of the feed: a history entry as the host consumes it. `id` is its idempotency key —
 * the same event delivered twice has the same id — and `cursor` resumes the feed right after it.
 */
export interface EngineEvent {
  id: string;
  cursor: string;
  type: string;
  district: string;
  instanceId: string;
  /** Its place in the instance's own history: the revision, then the order within it. */
  rev: number;
  seq: number;
  at: Date;
  activityId?: string;
  taskId?: string;
  userId?: string;
  data: Record<string, unknown>;
}

/** Called after events are stored, in the process that stored them; see event-feed.ts for when to rely on it. */
export type EngineEventListener = (event: EngineEvent) => void | Promise<void>;

export function toEngineEvent(doc: HistoryDoc): EngineEvent {
  let data: Record<string, unknown> = {};
  try {
    data = doc.data ? (JSON.parse(doc.data) as Record<string, unknown>) : {};
  } catch {
    data = { unreadable: doc.data };
  }
  return {
    id: doc._id,
    cursor: encodeFeedCursor(doc.feedKey ?? ''),
    type: doc.type,
    district: doc.district,
    instanceId: doc.instanceId,
    rev: doc.rev,
    seq: doc.seq,
    at: doc.at,
    ...(doc.activityId && { activityId: doc.activityId }),
    ...(doc.taskId && { taskId: doc.taskId }),
    ...(doc.userId && { userId: doc.userId }),
    data,
  };
}

export function encodeFeedCursor(feedKey: string): string {
  return Buffer.from(`feed:${feedKey}`, 'utf8').toString('base64url');
}

/** The feed key inside a cursor, or undefined when the text is no feed cursor. */
export function decodeFeedCursor(cursor: string): string | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  return text.startsWith('feed:') ? text.slice('feed:'.length) : undefined;
}
