import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '../../../engine/src';
import { UserRepository } from '../accounts/users/user.repository';
import type { Notifier, WorkflowNotification } from '../workflow';
import { DELIVERY_CHANNELS, type DeliveryChannel } from './delivery/delivery-channel';
import { DeliveryQueue } from './delivery/delivery-queue';
import { deliveryId, SEND_JOB, type SendPayload } from './delivery/notification-sender';
import { NotificationSettingsStore } from './delivery/notification-settings';
import { CLOCK } from '../common/tokens';
import type { NotificationDraft } from './notification.document';
import { NotificationStore } from './notification.store';

/**
 * Stores notifications (idempotently, by their deterministic ids) and queues their delivery by
 * every channel that reaches the person. The deliveries are queued first, with ids derived from
 * the notification's: a crash between the two is repaired by the replay that stores the
 * notification (its deliveries are queued again — the same jobs, nothing doubles), while the
 * other order could store a notification whose mail is never queued. It is also the workflow
 * kit's `Notifier` port, for the `notify` service handler.
 */
@Injectable()
export class NotificationPublisher implements Notifier {
  constructor(
    @Inject(NotificationStore) private readonly store: NotificationStore,
    @Inject(DeliveryQueue) private readonly queue: DeliveryQueue,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(NotificationSettingsStore) private readonly settings: NotificationSettingsStore,
    @Inject(DELIVERY_CHANNELS) private readonly channels: DeliveryChannel[],
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Returns how many were new. */
  async publish(drafts: NotificationDraft[]): Promise<number> {
    const settingsOf = new Map<string, ReturnType<NotificationSettingsStore['of']>>();
    let created = 0;
    for (const draft of drafts) {
      if (!settingsOf.has(draft.district))
        settingsOf.set(draft.district, this.settings.of(draft.district));
      const [settings, user] = await Promise.all([
        settingsOf.get(draft.district)!,
        this.users.users.in(draft.district).findById(draft.userId),
      ]);
      if (user && settings) {
        const reaching = this.channels.filter((channel) => channel.reaches(user, settings));
        await this.queue.schedule(
          reaching.map((channel) => ({
            id: deliveryId(draft._id, channel.name),
            kind: SEND_JOB,
            dueAt: this.clock.now(),
            district: draft.district,
            payload: {
              notificationId: draft._id,
              district: draft.district,
              channel: channel.name,
            } satisfies SendPayload as unknown as Record<string, unknown>,
          })),
        );
      }
      if (await this.store.insertNew(draft)) created++;
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
