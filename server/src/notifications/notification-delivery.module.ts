import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { WORKFLOW_NOTIFIER } from '../platform/platform.tokens';
import { DELIVERY_CHANNELS } from './delivery/delivery-channel';
import { DeliveryQueue } from './delivery/delivery-queue';
import { EmailChannel } from './delivery/email.channel';
import { NotificationSender } from './delivery/notification-sender';
import { NotificationSettingsStore } from './delivery/notification-settings';
import { SmsChannel } from './delivery/sms.channel';
import { NotificationPublisher } from './notification.publisher';
import { NotificationStore } from './notification.store';

/**
 * Storing notifications and sending them out (mail, SMS) through the durable delivery queue,
 * without the HTTP routes or the feed consumer: the platform module needs it (the workflow's
 * `Notifier`) before the workflow platform exists. A new channel: implement DeliveryChannel and
 * add it to DELIVERY_CHANNELS here.
 */
@Module({
  imports: [AccountsModule],
  providers: [
    NotificationStore,
    NotificationSettingsStore,
    DeliveryQueue,
    NotificationSender,
    NotificationPublisher,
    { provide: DELIVERY_CHANNELS, useFactory: () => [new EmailChannel(), new SmsChannel()] },
    { provide: WORKFLOW_NOTIFIER, useExisting: NotificationPublisher },
  ],
  exports: [
    NotificationStore,
    NotificationSettingsStore,
    NotificationPublisher,
    DeliveryQueue,
    WORKFLOW_NOTIFIER,
    DELIVERY_CHANNELS,
  ],
})
export class NotificationDeliveryModule {}
