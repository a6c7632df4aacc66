import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as the loopback SMTP server received it. */
export interface ReceivedMail {
  from: string;
  to: string[];
  /** The whole message as sent (headers and body). */
  raw: string;
}

/** A real SMTP server on loopback (the `smtp-server` library) that keeps what it receives. */
export class MailSink {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    readonly mails: ReceivedMail[],
  ) {}

  static async start(port = 0): Promise<MailSink> {
    const mails: ReceivedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((listening) => server.listen(port, '127.0.0.1', listening));
    const address = (server as unknown as { server: Server }).server.address() as AddressInfo;
    return new MailSink(server, address.port, mails);
  }

  /** The decoded subject of a mail (nodemailer writes UTF-8 subjects as encoded words). */
  static subjectOf(mail: ReceivedMail): string {
    const header = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(mail.raw)?.[1] ?? '';
    return header
      .replace(/\r\n[ \t]/g, '')
      .replace(/=\?utf-8\?B\?([^?]+)\?=\s*/gi, (_, b64: string) =>
        Buffer.from(b64, 'base64').toString('utf8'),
      )
      .replace(/=\?utf-8\?Q\?([^?]+)\?=\s*/gi, (_, q: string) =>
        Buffer.from(q.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1'), 'binary').toString(),
      );
  }

  close(): Promise<void> {
    return new Promise((closed) => this.server.close(() => closed()));
  }
}

/** A stand-in for an SMS provider's HTTP API: records each request and answers `code: OK`. */
export interface SmsCall {
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

export class SmsSink {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly requests: SmsCall[],
  ) {}

  static async start(): Promise<SmsSink> {
    const requests: SmsCall[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        requests.push({
          headers: request.headers,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
        });
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ code: 'OK', requestId: `r${requests.length}` }));
      });
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as AddressInfo;
    return new SmsSink(server, `http://127.0.0.1:${port}/sms/send`, requests);
  }

  close(): Promise<void> {
    return new Promise((closed) => this.server.close(() => closed()));
  }
}
