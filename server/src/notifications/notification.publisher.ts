import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '../common/tokens';
import type { Notifier, WorkflowNotification } from '../workflow';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './notification-channel';
import type { NotificationDraft } from './notification.document';
import { NotificationStore } from './notification.store';

/**
 * Stores notifications (idempotently, by their deterministic ids) and hands each new one to the
 * channels. It is also the workflow kit's `Notifier` port, for the `notify` service handler.
 */
@Injectable()
export class NotificationPublisher implements Notifier {
  constructor(
    @Inject(NotificationStore) private readonly store: NotificationStore,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /** Returns how many were new. */
  async publish(drafts: NotificationDraft[]): Promise<number> {
    let created = 0;
    for (const draft of drafts) {
      const doc = await this.store.insertNew(draft);
      if (!doc) continue;
      created++;
      for (const channel of this.channels)
        await channel
          .deliver(doc)
          .catch((error: unknown) =>
            this.logger.warn(
              { err: error, channel: channel.name, notification: doc._id },
              'notification channel failed',
            ),
          );
    }
    return created;
  }

  /** The `notify` handler's message, one entry per user; its key makes a re-run a no-op. */
  async notify(notification: WorkflowNotification): Promise<void> {
    await this.publish(
      [...new Set(notification.userIds)].map((userId) => ({
        _id: `notify:${notification.key}:${userId}`,
        district: notification.district,
        userId,
        kind: notification.kind,
        title: notification.title,
        ...(notification.message !== undefined && { message: notification.message }),
        instanceId: notification.instanceId,
      })),
    );
  }
}
