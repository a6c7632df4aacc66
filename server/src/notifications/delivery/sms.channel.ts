import { createHmac, randomBytes } from 'node:crypto';
import type { UserDoc } from '../../accounts/users/user.document';
import type { DeliveryChannel, OutgoingMessage } from './delivery-channel';
import type { NotificationSettingsDoc } from './notification-settings';

/** The body the gateway receives: what the common providers' "send SMS" calls carry. */
export interface SmsRequest {
  phoneNumbers: string[];
  signName: string;
  templateId: string;
  /** The template's variables. */
  templateParams: Record<string, string>;
  /** Ours, so the gateway (or its log) can tell a retry from a new message. */
  outId: string;
}

/**
 * SMS through an HTTP gateway shaped like Aliyun's or Tencent Cloud's: a JSON POST with the sign,
 * the approved template and its parameters, authenticated by the app key and an HMAC-SHA256
 * signature over timestamp, nonce and body (headers `X-Cf-App-Key`, `X-Cf-Timestamp`,
 * `X-Cf-Nonce`, `X-Cf-Signature`). Accepted: a 2xx answer whose `code` is `OK`.
 */
export class SmsChannel implements DeliveryChannel {
  readonly name = 'sms';

  reaches(user: UserDoc, settings: NotificationSettingsDoc | null): boolean {
    return Boolean(settings?.sms && user.phone && user.notifyBy?.sms && !user.disabled);
  }

  async send({ deliveryId, notification, user, settings }: OutgoingMessage): Promise<void> {
    const sms = settings.sms!;
    const templateId = sms.templates[notification.kind] ?? sms.templates.default;
    if (!templateId) return; // no approved template for this kind: nothing may be sent
    const request: SmsRequest = {
      phoneNumbers: [user.phone!],
      signName: sms.signName,
      templateId,
      templateParams: { name: user.name, title: notification.title.slice(0, 60) },
      outId: deliveryId,
    };
    const body = JSON.stringify(request);
    const timestamp = String(Date.now());
    const nonce = randomBytes(8).toString('hex');
    const signature = createHmac('sha256', sms.appSecret ?? '')
      .update(`${timestamp}\n${nonce}\n${body}`)
      .digest('hex');
    const response = await fetch(sms.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-cf-app-key': sms.appKey,
        'x-cf-timestamp': timestamp,
        'x-cf-nonce': nonce,
        'x-cf-signature': signature,
      },
      body,
      signal: AbortSignal.timeout(15_000),
    });
    const answer = (await response.json().catch(() => ({}))) as {
      code?: unknown;
      message?: unknown;
    };
    if (!response.ok || answer.code !== 'OK')
      throw new Error(
        `SMS gateway refused: ${response.status} ${String(answer.code)} ${String(answer.message ?? '')}`,
      );
  }
}
