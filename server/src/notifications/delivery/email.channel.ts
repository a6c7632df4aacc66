import { createTransport, type Transporter } from 'nodemailer';
import type { UserDoc } from '../../accounts/users/user.document';
import type { DeliveryChannel, OutgoingMessage } from './delivery-channel';
import type { EmailSettings, NotificationSettingsDoc } from './notification-settings';

/** Mail through the district's SMTP server (nodemailer), one transport per configuration. */
export class EmailChannel implements DeliveryChannel {
  readonly name = 'email';
  private readonly transports = new Map<string, Transporter>();

  reaches(user: UserDoc, settings: NotificationSettingsDoc | null): boolean {
    return Boolean(settings?.email && user.email && user.notifyBy?.email && !user.disabled);
  }

  async send({ deliveryId, notification, user, settings, link }: OutgoingMessage): Promise<void> {
    const email = settings.email!;
    const body = [notification.title, notification.message, `查看：${link}`]
      .filter((line): line is string => Boolean(line))
      .join('\n\n');
    await this.transportFor(email).sendMail({
      from: email.from,
      to: { name: user.name, address: user.email! },
      subject: notification.title,
      text: body,
      // the same id on every try: a mail client shows a repeat once
      messageId: `<${deliveryId.replace(/[^A-Za-z0-9.:-]/g, '-')}@congressflow>`,
    });
  }

  private transportFor(email: EmailSettings): Transporter {
    const key = JSON.stringify(email);
    let transport = this.transports.get(key);
    if (!transport) {
      transport = createTransport({
        host: email.host,
        port: email.port,
        secure: email.secure,
        ...(email.user && { auth: { user: email.user, pass: email.password ?? '' } }),
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      });
      this.transports.set(key, transport);
    }
    return transport;
  }
}
