import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Clock } from '../../../engine/src';
import { collectionOf } from '../common/database/collections';
import { DistrictScopedCollection } from '../common/database/district-scoped-collection';
import { isDuplicateKey } from '../common/database/duplicate-key';
import type { Page } from '../common/pagination/pagination';
import { CLOCK, DATABASE } from '../common/tokens';
import type { Database } from '../database/database';
import { pageByTime } from '../platform/time-keyset';
import {
  type NotificationDoc,
  type NotificationDraft,
  type NotificationView,
  toNotificationView,
} from './notification.document';

/** The `notifications` collection, reached per district and per recipient. */
@Injectable()
export class NotificationStore implements OnModuleInit {
  private readonly notifications: DistrictScopedCollection<NotificationDoc>;

  constructor(
    @Inject(DATABASE) database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.notifications = new DistrictScopedCollection(
      collectionOf<NotificationDoc>(database, 'notifications'),
    );
  }

  async onModuleInit(): Promise<void> {
    await this.notifications.collection.createIndex({ district: 1, userId: 1, createdAt: -1 });
    // the unread count reads the recipient's unread ones only, not everything they ever got
    await this.notifications.collection.createIndex({ district: 1, userId: 1, read: 1 });
  }

  /** Stores the notification unless its id exists; the stored document when it is new. */
  async insertNew(draft: NotificationDraft): Promise<NotificationDoc | undefined> {
    const doc: NotificationDoc = { ...draft, read: false, createdAt: this.clock.now() };
    try {
      await this.notifications.in(draft.district).insertOne(doc);
      return doc;
    } catch (error) {
      if (isDuplicateKey(error)) return undefined;
      throw error;
    }
  }

  byId(district: string, id: string): Promise<NotificationDoc | null> {
    return this.notifications.in(district).findById(id);
  }

  /** The recipient's notifications, newest first. */
  list(
    district: string,
    userId: string,
    query: { unread?: boolean; cursor?: string; limit?: number },
  ): Promise<Page<NotificationView>> {
    const filter = { userId, ...(query.unread && { read: false }) };
    return pageByTime(
      this.notifications.in(district),
      filter,
      { field: 'createdAt', direction: -1 },
      query,
      toNotificationView,
    );
  }

  /** False when the recipient has no such notification. */
  async markRead(district: string, userId: string, id: string): Promise<boolean> {
    const view = this.notifications.in(district);
    const doc = await view.findOne({ _id: id, userId });
    if (!doc) return false;
    if (!doc.read)
      await view.updateOne({ _id: id, userId }, { $set: { read: true, readAt: this.clock.now() } });
    return true;
  }

  async markAllRead(district: string, userId: string): Promise<void> {
    await this.notifications
      .in(district)
      .updateMany({ userId, read: false }, { $set: { read: true, readAt: this.clock.now() } });
  }

  /** Exact, at the cost of the recipient's unread notifications (read ones are not visited). */
  countUnread(district: string, userId: string): Promise<number> {
    return this.notifications.in(district).count({ userId, read: false });
  }
}
