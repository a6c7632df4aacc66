import { createHmac } from 'node:crypto';
import { DeliveryQueue } from '../../server/src/notifications/delivery/delivery-queue';
import { DailyDigest } from '../../server/src/notifications/delivery/daily-digest';
import { ApiHarness } from '../support/api-app';
import { MailSink, SmsSink } from '../support/message-sinks';
import {
  createWorld,
  deliverNotifications,
  register,
  startReview,
  type WorkflowWorld,
} from './workflow.fixture';

const HOUR = 3_600_000;
let api: ApiHarness;
let world: WorkflowWorld;
let mail: MailSink;
let sms: SmsSink;

beforeAll(async () => {
  [mail, sms] = await Promise.all([MailSink.start(), SmsSink.start()]);
  api = await ApiHarness.start();
  world = await createWorld(api);
});
afterAll(async () => {
  await api?.close();
  await Promise.all([mail?.close(), sms?.close()]);
});

const drain = () => api.app.get(DeliveryQueue).drain();
const settings = () => ({
  email: {
    host: '127.0.0.1',
    port: mail.port,
    secure: false,
    from: '"测试区人大" <noreply@test.gov.cn>',
  },
  sms: {
    url: sms.url,
    appKey: 'key-1',
    appSecret: 'secret-1',
    signName: '测试区人大',
    templates: { assigned: 'SMS_ASSIGNED', default: 'SMS_DEFAULT' },
  },
});

describe('the district’s channels', () => {
  it('are set by the district administrator; secrets are kept and never shown', async () => {
    const saved = await world.as.admin.put('/api/notification-settings').send(settings());
    expect(saved.status).toBe(200);
    expect(saved.body.email).toMatchObject({ host: '127.0.0.1', passwordSet: false });
    expect(saved.body.sms).toMatchObject({ appKey: 'key-1', appSecretSet: true });
    expect(JSON.stringify(saved.body)).not.toContain('secret-1');
    // saving again without the secret keeps it
    const { appSecret, ...withoutSecret } = settings().sms;
    void appSecret;
    const again = await world.as.admin
      .put('/api/notification-settings')
      .send({ ...settings(), sms: withoutSecret });
    expect(again.body.sms.appSecretSet).toBe(true);
    expect((await world.as.starter.get('/api/notification-settings')).status).toBe(403);
    const bad = await world.as.admin
      .put('/api/notification-settings')
      .send({ sms: { ...settings().sms, url: 'not a url' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ path: 'sms.url' })]);
  });
});

describe('a person’s channels', () => {
  it('need an address before they can be turned on', async () => {
    const refused = await world.as.starter
      .patch('/api/auth/me')
      .send({ notifyBy: { email: true, sms: true } });
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'notifyBy.email',
      'notifyBy.sms',
    ]);
    const badPhone = await world.as.starter.patch('/api/auth/me').send({ phone: '12345' });
    expect(badPhone.status).toBe(400);
    const saved = await world.as.starter.patch('/api/auth/me').send({
      email: 'wu@test.gov.cn',
      phone: '13800000001',
      notifyBy: { email: true, sms: true },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      email: 'wu@test.gov.cn',
      phone: '13800000001',
      notifyBy: { email: true, sms: true },
    });
    expect((await world.as.starter.get('/api/auth/me')).body.notifyBy).toEqual({
      email: true,
      sms: true,
    });
  });
});

describe('a new task', () => {
  it('reaches its assignee once by mail and once by SMS, however often the event is replayed', async () => {
    await startReview(api, world, { title: '修缮道路', amount: 3 }, 'MAIL-1');
    await deliverNotifications(api);
    await drain();
    await deliverNotifications(api); // a replay queues the same deliveries: nothing more is sent
    await drain();

    expect(mail.mails).toHaveLength(1);
    expect(mail.mails[0].to).toEqual(['wu@test.gov.cn']);
    expect(MailSink.subjectOf(mail.mails[0])).toContain('新待办');
    expect(mail.mails[0].raw).toMatch(/Message-ID:\s*<send:event:/i);

    expect(sms.requests).toHaveLength(1);
    const [request] = sms.requests;
    expect(request.body).toMatchObject({
      phoneNumbers: ['13800000001'],
      signName: '测试区人大',
      templateId: 'SMS_ASSIGNED',
      templateParams: { title: expect.stringContaining('新待办') },
    });
    // signed the way the gateway checks it
    const expected = createHmac('sha256', 'secret-1')
      .update(
        `${String(request.headers['x-cf-timestamp'])}\n${String(request.headers['x-cf-nonce'])}\n${JSON.stringify(request.body)}`,
      )
      .digest('hex');
    expect(request.headers['x-cf-signature']).toBe(expected);
    expect(request.headers['x-cf-app-key']).toBe('key-1');
  });
});

describe('the daily digest', () => {
  it('counts a person’s overdue tasks once a day, on virtual time', async () => {
    // the committee's 审核 task falls due in 2 days; its holder reads mail
    const committee = world.as.committee;
    expect(
      (
        await committee
          .patch('/api/auth/me')
          .send({ email: 'qian@test.gov.cn', notifyBy: { email: true, sms: false } })
      ).status,
    ).toBe(200);
    const instanceId = await startReview(api, world, { title: '路灯', amount: 1 }, 'DIGEST-1');
    await register(api, world, instanceId);
    await api.app.get(DailyDigest).scheduleAll();
    await deliverNotifications(api);
    await drain();
    const toCommittee = () => mail.mails.filter((m) => m.to.includes('qian@test.gov.cn'));
    const digests = () => toCommittee().filter((m) => MailSink.subjectOf(m).includes('催办提醒'));
    expect(digests()).toHaveLength(0);

    // three days on, at 09:00 Beijing time: overdue now, and past one 08:30 digest
    const now = api.clock.now().getTime();
    const beijingMidnight = now - ((now + 8 * HOUR) % (24 * HOUR));
    api.clock.set(new Date(beijingMidnight + 3 * 24 * HOUR + 9 * HOUR));
    await drain();
    expect(digests()).toHaveLength(1);
    expect(MailSink.subjectOf(digests()[0])).toMatch(/1 项已逾期/);
    api.clock.advance(2 * HOUR);
    await drain();
    expect(digests()).toHaveLength(1); // not twice a day, nor once for each day it missed
    api.clock.advance(24 * HOUR);
    await drain();
    expect(digests()).toHaveLength(2); // the next day's
  });
});
