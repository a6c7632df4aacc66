import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Job } from '../../../../engine/src';
import { UserRepository } from '../../accounts/users/user.repository';
import { NotificationStore } from '../notification.store';
import { DELIVERY_CHANNELS, type ChannelName, type DeliveryChannel } from './delivery-channel';
import { DeliveryQueue } from './delivery-queue';
import { NotificationSettingsStore } from './notification-settings';

export const SEND_JOB = 'notification.send';

export interface SendPayload {
  notificationId: string;
  district: string;
  channel: ChannelName;
}

/** The id of one notification's delivery by one channel: scheduling it twice is one job. */
export function deliveryId(notificationId: string, channel: ChannelName): string {
  return `send:${notificationId}:${channel}`;
}

/**
 * Sends one notification by one channel (a `notification.send` job). Everything is read again
 * when the job runs: a person who turned the channel off, or a district that removed its
 * gateway, since the notification was made gets nothing.
 */
@Injectable()
export class NotificationSender implements OnModuleInit {
  constructor(
    @Inject(DeliveryQueue) private readonly queue: DeliveryQueue,
    @Inject(NotificationStore) private readonly notifications: NotificationStore,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(NotificationSettingsStore) private readonly settings: NotificationSettingsStore,
    @Inject(DELIVERY_CHANNELS) private readonly channels: DeliveryChannel[],
  ) {}

  onModuleInit(): void {
    this.queue.register(SEND_JOB, (job) => this.run(job));
  }

  private async run(job: Job): Promise<void> {
    const { notificationId, district, channel: name } = job.payload as unknown as SendPayload;
    const notification = await this.notifications.byId(district, notificationId);
    // scheduled before the notification is stored: it comes with the event's replay
    if (!notification) throw new Error(`notification ${notificationId} is not stored yet`);
    const [user, settings] = await Promise.all([
      this.users.users.in(district).findById(notification.userId),
      this.settings.of(district),
    ]);
    const channel = this.channels.find((candidate) => candidate.name === name);
    if (!user || !settings || !channel?.reaches(user, settings)) return;
    await channel.send({
      deliveryId: job.id,
      notification,
      user,
      settings,
      link: notification.taskId
        ? `/tasks/${encodeURIComponent(notification.taskId)}`
        : notification.instanceId
          ? `/instances/${encodeURIComponent(notification.instanceId)}`
          : '/notifications',
    });
  }
}
