import type { DistrictRecord } from '../common/database/district-scoped-collection';
import type { NotificationKind } from '../workflow';

/**
 * `notifications`: one per recipient. `_id` is deterministic — from the engine event id
 * (`event:<eventId>:<userId>`) or the `notify` handler's key (`notify:<key>:<userId>`) — so a
 * replayed event or a re-run handler inserts nothing new.
 */
export interface NotificationDoc extends DistrictRecord, NotificationDraft {
  read: boolean;
  readAt?: Date;
  createdAt: Date;
}

/** What a producer decides; the store adds `read` and `createdAt`. */
export interface NotificationDraft {
  _id: string;
  district: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  message?: string;
  taskId?: string;
  instanceId?: string;
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  title: string;
  message?: string;
  taskId?: string;
  instanceId?: string;
  read: boolean;
  createdAt: Date;
}

export function toNotificationView(doc: NotificationDoc): NotificationView {
  return {
    id: doc._id,
    kind: doc.kind,
    title: doc.title,
    ...(doc.message !== undefined && { message: doc.message }),
    ...(doc.taskId !== undefined && { taskId: doc.taskId }),
    ...(doc.instanceId !== undefined && { instanceId: doc.instanceId }),
    read: doc.read,
    createdAt: doc.createdAt,
  };
}
