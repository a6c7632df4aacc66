import type { Logger } from 'pino';
import type { NotificationDoc } from './notification.document';

/**
 * Somewhere a new notification is sent besides the inbox (SMS, e-mail). Called once per
 * notification, right after it is first stored — a replay stores nothing and sends nothing. A
 * crash between the two loses that one send (at most once); a failing channel is logged and
 * never blocks the others or the inbox entry.
 */
export interface NotificationChannel {
  readonly name: string;
  deliver(notification: NotificationDoc): Promise<void>;
}

/** Injection token: the list of channels (`NotificationDeliveryModule` builds it). */
export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');

/** The default channel: one log line per notification (no SMS or mail gateway configured). */
export class LoggingChannel implements NotificationChannel {
  readonly name = 'log';

  constructor(private readonly logger: Logger) {}

  async deliver(notification: NotificationDoc): Promise<void> {
    this.logger.info(
      {
        channel: this.name,
        district: notification.district,
        userId: notification.userId,
        kind: notification.kind,
        taskId: notification.taskId,
        instanceId: notification.instanceId,
      },
      `notification: ${notification.title}`,
    );
  }
}
