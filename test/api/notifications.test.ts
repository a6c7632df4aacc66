import { NotificationFeedConsumer } from '../../server/src/notifications/notification-feed.consumer';
import { WORKFLOW_NOTIFIER } from '../../server/src/platform/platform.tokens';
import type { Notifier } from '../../server/src/workflow';
import { expectHiddenFromOtherDistrict } from '../support/api-probes';
import { type Agent, ApiHarness } from '../support/api-app';
import {
  advanceDays,
  createWorld,
  deliverNotifications,
  openTaskId,
  register,
  settle,
  startReview,
  type WorkflowWorld,
} from './workflow.fixture';

let api: ApiHarness;
let world: WorkflowWorld;
beforeAll(async () => {
  api = await ApiHarness.start();
  world = await createWorld(api);
});
afterAll(async () => {
  await api?.close();
});

interface Notification {
  id: string;
  kind: string;
  title: string;
  message?: string;
  taskId?: string;
  instanceId?: string;
  read: boolean;
}

async function inbox(agent: Agent, query = ''): Promise<Notification[]> {
  const response = await agent.get(`/api/notifications${query}`);
  expect(response.status).toBe(200);
  return response.body.items;
}

const kinds = (list: Notification[]) => list.map((n) => n.kind);

describe('notifications from the engine’s event feed', () => {
  let instanceId: string;
  let registerId: string;
  let approveId: string;
  beforeAll(async () => {
    instanceId = await startReview(api, world, { title: '修缮道路' }, 'N-1');
    registerId = await openTaskId(world, instanceId, 'register');
    approveId = await register(api, world, instanceId);
    await deliverNotifications(api);
  });

  it('tells the assignee of a new task, and the candidates of a pooled one', async () => {
    const starter = await inbox(world.as.starter);
    expect(starter).toEqual([
      {
        id: expect.any(String),
        kind: 'assigned',
        title: '新待办：登记（测试审批 N-1）',
        taskId: registerId,
        instanceId,
        read: false,
        createdAt: expect.any(String),
      },
    ]);
    for (const agent of [world.as.committee, world.as.committee2])
      expect(await inbox(agent)).toEqual([
        expect.objectContaining({ kind: 'claimable', taskId: approveId, instanceId }),
      ]);
    expect(await inbox(world.as.stranger)).toEqual([]);
  });

  it('tells the holder of a task they are reminded, with the message', async () => {
    await world.as.committee.post(`/api/tasks/${approveId}/claim`);
    await world.as.starter.post(`/api/tasks/${approveId}/remind`).send({ message: '请本周内办结' });
    await deliverNotifications(api);
    const [latest] = await inbox(world.as.committee);
    expect(latest).toMatchObject({
      kind: 'reminder',
      title: '催办：审核（测试审批 N-1）',
      message: '请本周内办结',
      taskId: approveId,
    });
    expect(kinds(await inbox(world.as.committee2))).toEqual(['claimable']);
  });

  it('tells the holder when the due date passes', async () => {
    await advanceDays(api, world, 3);
    await settle(api);
    await deliverNotifications(api);
    expect(kinds(await inbox(world.as.committee))).toEqual(['overdue', 'reminder', 'claimable']);
  });

  it('tells whoever gets a returned task, and the starter when the instance ends', async () => {
    await world.as.committee.post(`/api/tasks/${approveId}/return`).send({ reason: '缺少附件' });
    await deliverNotifications(api);
    const reopened = await openTaskId(world, instanceId, 'register');
    const [returned, assigned] = await inbox(world.as.starter);
    expect(assigned.kind).toBe('assigned'); // the first 登记: the reopened one is told as returned
    expect(returned).toMatchObject({
      kind: 'returned',
      message: '退回理由：缺少附件',
      taskId: reopened,
    });

    const next = await register(api, world, instanceId);
    await world.as.committee2.post(`/api/tasks/${next}/claim`);
    await world.as.committee2
      .post(`/api/tasks/${next}/complete`)
      .send({ data: { approved: true } });
    await settle(api);
    await deliverNotifications(api);
    const [ended] = await inbox(world.as.starter);
    expect(ended).toMatchObject({
      kind: 'completed',
      title: '已办结：测试审批（N-1）',
      instanceId,
    });
  });

  it('adds nothing when the feed is read again after a restart', async () => {
    const before = await inbox(world.as.starter, '?limit=100');
    const consumer = api.app.get(NotificationFeedConsumer);
    // a restart that kept its position …
    await consumer.onModuleDestroy();
    consumer.onApplicationBootstrap();
    await deliverNotifications(api);
    expect(await inbox(world.as.starter, '?limit=100')).toEqual(before);
    // … and one that lost it: the whole feed is handled again
    await api.db.connection.collection('notification_feed').deleteMany({});
    await deliverNotifications(api);
    expect(await inbox(world.as.starter, '?limit=100')).toEqual(before);
    expect(await api.db.connection.collection('notification_feed').countDocuments()).toBe(1);
  });
});

describe('the notify handler’s port', () => {
  it('stores one notification per user and drops a repeat of the same key', async () => {
    const notifier = api.app.get<Notifier>(WORKFLOW_NOTIFIER);
    const message = {
      key: 'inst-1:svc-1',
      district: world.district,
      userIds: [world.stranger.id, world.stranger.id],
      kind: 'info' as const,
      title: '四方会审通知：修缮道路',
      message: '会审时间另行通知',
      instanceId: 'inst-1',
      activityId: 'notifyParties',
      processKey: 'four-party-review',
    };
    await notifier.notify(message);
    await notifier.notify(message);
    expect(await inbox(world.as.stranger)).toEqual([
      expect.objectContaining({ kind: 'info', title: '四方会审通知：修缮道路', read: false }),
    ]);
  });
});

describe('reading notifications', () => {
  it('marks one or all read, and filters the unread', async () => {
    const all = await inbox(world.as.committee);
    expect(all.length).toBeGreaterThan(2);
    const read = await world.as.committee.post(
      `/api/notifications/${encodeURIComponent(all[0].id)}/read`,
    );
    expect(read.status).toBe(204);
    const unread = await inbox(world.as.committee, '?unread=true');
    expect(unread.map((n) => n.id)).toEqual(all.slice(1).map((n) => n.id));
    expect((await world.as.committee.post('/api/notifications/read-all')).status).toBe(204);
    expect(await inbox(world.as.committee, '?unread=true')).toEqual([]);
    expect((await inbox(world.as.committee)).every((n) => n.read)).toBe(true);
    expect((await world.as.committee.get('/api/notifications?unread=maybe')).status).toBe(400);
  });

  it('counts the unread exactly, beyond any page', async () => {
    const notifier = api.app.get<Notifier>(WORKFLOW_NOTIFIER);
    const count = async () => {
      const response = await world.as.committee2.get('/api/notifications/unread-count');
      expect(response.status).toBe(200);
      return response.body.count as number;
    };
    const before = await count();
    // more than the largest page (100) the list would give
    for (let n = 0; n < 130; n++)
      await notifier.notify({
        key: `bulk:${n}`,
        district: world.district,
        userIds: [world.committee2.id],
        kind: 'info',
        title: `第${n + 1}条通知`,
        instanceId: 'inst-bulk',
        activityId: 'notify',
        processKey: 'rv-review',
      });
    expect(await count()).toBe(before + 130);
    const [newest] = await inbox(world.as.committee2, '?unread=true');
    await world.as.committee2.post(`/api/notifications/${encodeURIComponent(newest!.id)}/read`);
    expect(await count()).toBe(before + 129);
    await world.as.committee2.post('/api/notifications/read-all');
    expect(await count()).toBe(0);
    // someone else's unread are not counted
    expect((await world.as.stranger.get('/api/notifications/unread-count')).body.count).toBe(
      (await inbox(world.as.stranger, '?unread=true')).length,
    );
  });

  it('pages newest first', async () => {
    const all = await inbox(world.as.committee);
    const first = await world.as.committee.get('/api/notifications?limit=2');
    expect(first.body.items.map((n: Notification) => n.id)).toEqual(
      all.slice(0, 2).map((n) => n.id),
    );
    const rest = await world.as.committee.get(
      `/api/notifications?limit=50&cursor=${first.body.nextCursor}`,
    );
    expect(rest.body.items.map((n: Notification) => n.id)).toEqual(all.slice(2).map((n) => n.id));
  });

  it('answers 404 for someone else’s notification, here and in other districts', async () => {
    const [theirs] = await inbox(world.as.committee);
    const path = (id: string) => `/api/notifications/${encodeURIComponent(id)}/read`;
    const missing = await world.as.committee2.post(path(`${theirs.id}x`));
    const response = await world.as.committee2.post(path(theirs.id));
    expect({ status: response.status, body: response.body }).toEqual({
      status: 404,
      body: missing.body,
    });
    await expectHiddenFromOtherDistrict(world.as.outsider, { method: 'post', path }, theirs.id);
  });
});
