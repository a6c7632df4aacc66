/**
 * A task assigned to someone who reads mail sends exactly one mail — also when the mail server
 * is down at first and the server process is killed with SIGKILL and started again in between.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { freeLoopbackPort } from '../../server/src/database/free-port';
import { MailSink } from '../support/message-sinks';
import { DEMO_DISTRICT, FleetDatabase, FleetUser, ServerFleet } from '../support/server-fleet';
import { testServerUri } from '../support/test-database';

const PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs-rel-mail" targetNamespace="http://congressflow.test/reliability">
  <bpmn:process id="rel-mail" name="邮件通知" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve" />
    <bpmn:userTask id="approve" name="审批来函" camunda:formKey="rel-mail-form" camunda:assignee="var:reviewer" />
    <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const dbName = `rel_mail_${randomBytes(3).toString('hex')}`;
let fleet: ServerFleet;
let db: FleetDatabase;
let mail: MailSink | undefined;

beforeAll(async () => {
  fleet = await ServerFleet.start(1, testServerUri(), dbName, {
    CONGRESSFLOW_DELIVERY_RETRY_MS: '1000',
  });
  db = await FleetDatabase.open(testServerUri(), dbName);
  await db.publishForm('rel-mail-form', {
    type: 'object',
    'x-cf': { title: '审批', reads: [], writes: [] },
    properties: {},
  });
  await db.engine.deploy(PROCESS, { district: DEMO_DISTRICT });
}, 180_000);

afterAll(async () => {
  await fleet?.stop();
  await db?.close();
  await mail?.close();
});

it('sends exactly one mail across a mail server outage and a killed server process', async () => {
  const smtpPort = await freeLoopbackPort(); // nothing listens there yet
  const admin = await FleetUser.signIn(fleet.server(0), 'demo-admin');
  const settings = await admin.send(fleet.server(0), 'PUT', '/api/notification-settings', {
    email: { host: '127.0.0.1', port: smtpPort, secure: false, from: 'noreply@demo.gov.cn' },
  });
  expect(settings.status).toBe(200);
  const office = await FleetUser.signIn(fleet.server(0), 'office');
  const profile = await office.send(fleet.server(0), 'PATCH', '/api/auth/me', {
    email: 'office@demo.gov.cn',
    notifyBy: { email: true, sms: false },
  });
  expect(profile.status).toBe(200);

  await db.engine.startInstance({
    processKey: 'rel-mail',
    district: DEMO_DISTRICT,
    variables: { reviewer: await db.userId('office') },
  });
  // the server makes the notification and tries to mail it: the mail server is not there
  const jobs = db.connection.collection('notification_jobs');
  const tried = async () =>
    (await jobs.findOne({ kind: 'notification.send', attempts: { $gte: 1 } })) !== null;
  for (let i = 0; i < 60 && !(await tried()); i++) await sleep(500);
  expect(await tried()).toBe(true);

  await fleet.kill(0);
  mail = await MailSink.start(smtpPort);
  await fleet.restart(0);
  for (let i = 0; i < 60 && mail.mails.length === 0; i++) await sleep(500);
  await sleep(3_000); // a second mail would come by now
  expect(mail.mails.map((m) => m.to)).toEqual([['office@demo.gov.cn']]);
  expect(MailSink.subjectOf(mail.mails[0])).toContain('审批来函');
}, 180_000);
