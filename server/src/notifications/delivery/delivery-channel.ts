import type { UserDoc } from '../../accounts/users/user.document';
import type { NotificationDoc } from '../notification.document';
import type { NotificationSettingsDoc } from './notification-settings';

export type ChannelName = 'email' | 'sms';

/** One notification on its way to one person by one channel. */
export interface OutgoingMessage {
  /** The delivery job's id: stable across retries, so a receiver can tell a repeat. */
  deliveryId: string;
  notification: NotificationDoc;
  user: UserDoc;
  settings: NotificationSettingsDoc;
  /** Where the notification leads in the web app. */
  link: string;
}

/**
 * A way to reach people outside the web page. The inbox entry (the notification document) is
 * always made; a channel adds a copy by mail, SMS… when the district has configured it and the
 * person has turned it on in their profile. Sending is the delivery queue's job: durable,
 * retried with backoff, run by one server process at a time.
 */
export interface DeliveryChannel {
  readonly name: ChannelName;
  /** Whether this person gets notifications this way in this district now. */
  reaches(user: UserDoc, settings: NotificationSettingsDoc | null): boolean;
  /** Throws when the message was not accepted (it is tried again later). */
  send(message: OutgoingMessage): Promise<void>;
}

/** Injection token: the channels, by name (`NotificationDeliveryModule` lists them). */
export const DELIVERY_CHANNELS = Symbol('DELIVERY_CHANNELS');
