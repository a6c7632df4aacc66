import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '../common/tokens';
import { WORKFLOW_NOTIFIER } from '../platform/platform.tokens';
import { LoggingChannel, NOTIFICATION_CHANNELS } from './notification-channel';
import { NotificationPublisher } from './notification.publisher';
import { NotificationStore } from './notification.store';

/**
 * Storing and sending notifications, without the HTTP routes or the feed consumer: the platform
 * module needs it (the workflow's `Notifier`) before the workflow platform exists. Add an SMS or
 * mail channel to the NOTIFICATION_CHANNELS list here.
 */
@Module({
  providers: [
    NotificationStore,
    NotificationPublisher,
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [ROOT_LOGGER],
      useFactory: (logger: Logger) => [new LoggingChannel(logger)],
    },
    { provide: WORKFLOW_NOTIFIER, useExisting: NotificationPublisher },
  ],
  exports: [NotificationStore, NotificationPublisher, WORKFLOW_NOTIFIER, NOTIFICATION_CHANNELS],
})
export class NotificationDeliveryModule {}
