import { Inject, Injectable } from '@nestjs/common';
import type { Collection } from 'mongodb';
import type { Clock } from '../../../../engine/src';
import { collectionOf } from '../../common/database/collections';
import { CLOCK, DATABASE } from '../../common/tokens';
import type { Database } from '../../database/database';
import type { NotificationKind } from '../../workflow';

/** How a district sends e-mail: an SMTP server it has an account on. */
export interface EmailSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  /** The sender, e.g. `"示范区人大常委会" <noreply@example.gov.cn>`. */
  from: string;
}

/**
 * How a district sends SMS: an HTTP gateway of the shape Chinese providers offer — a signed JSON
 * POST naming a sign, an approved template and its parameters.
 */
export interface SmsSettings {
  url: string;
  appKey: string;
  appSecret?: string;
  signName: string;
  /** The approved template per kind of notification; `default` for the others. */
  templates: Partial<Record<NotificationKind | 'default', string>>;
}

/** `notification_settings`: one per district, `_id` = the district. */
export interface NotificationSettingsDoc {
  _id: string;
  district: string;
  email?: EmailSettings;
  sms?: SmsSettings;
  updatedAt: Date;
  updatedBy?: string;
}

@Injectable()
export class NotificationSettingsStore {
  private readonly settings: Collection<NotificationSettingsDoc>;

  constructor(
    @Inject(DATABASE) database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.settings = collectionOf<NotificationSettingsDoc>(database, 'notification_settings');
  }

  async of(district: string): Promise<NotificationSettingsDoc | null> {
    return this.settings.findOne({ _id: district });
  }

  /** Replaces the district's settings; a secret left out keeps the one stored (it is never shown). */
  async put(
    district: string,
    next: { email?: EmailSettings | null; sms?: SmsSettings | null },
    by: string,
  ): Promise<NotificationSettingsDoc> {
    const current = await this.of(district);
    const email = next.email && {
      ...next.email,
      ...(next.email.password === undefined &&
        current?.email?.password !== undefined && { password: current.email.password }),
    };
    const sms = next.sms && {
      ...next.sms,
      ...(next.sms.appSecret === undefined &&
        current?.sms?.appSecret !== undefined && { appSecret: current.sms.appSecret }),
    };
    const doc: NotificationSettingsDoc = {
      _id: district,
      district,
      ...(email && { email }),
      ...(sms && { sms }),
      updatedAt: this.clock.now(),
      updatedBy: by,
    };
    await this.settings.replaceOne({ _id: district }, doc, { upsert: true });
    return doc;
  }
}
