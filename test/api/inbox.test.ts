import { expectHiddenFromOtherDistrict } from '../support/api-probes';
import { ApiHarness } from '../support/api-app';
import {
  advanceDays,
  createWorld,
  openTaskId,
  PROCESS_KEY,
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

const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

describe('the task page and working a task', () => {
  let instanceId: string;
  let registerId: string;
  beforeAll(async () => {
    instanceId = await startReview(api, world, { title: '修缮道路' }, 'PAGE-1');
    registerId = await openTaskId(world, instanceId, 'register');
  });

  it('lists the assigned task under mine', async () => {
    const response = await world.as.starter.get('/api/tasks?view=mine&q=PAGE-1');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [
        {
          id: registerId,
          name: '登记',
          processKey: PROCESS_KEY,
          processName: '测试审批',
          instanceId,
          businessKey: 'PAGE-1',
          assignee: world.starter.id,
          candidateGroups: [],
          priority: 50,
          createdAt: expect.any(String),
          status: 'open',
          overdue: false,
          dueSoon: false,
        },
      ],
    });
  });

  it('shows the pinned form, the values it reads and what the assignee may do', async () => {
    const response = await world.as.starter.get(`/api/tasks/${registerId}`);
    expect(response.status).toBe(200);
    expect(response.body.task).toMatchObject({ id: registerId, activityId: 'register' });
    expect(response.body.form).toMatchObject({ key: 'rv-register', version: 1, anonymous: false });
    expect(response.body.form.schema.properties.note).toBeDefined();
    expect(response.body.readOnly).toEqual({ title: '修缮道路' });
    expect(response.body.actions).toEqual(['complete', 'draft', 'delegate', 'comment', 'remind']);
    expect(response.body.returnTargets).toEqual([]);
  });

  it('keeps a draft for the assignee', async () => {
    const saved = await world.as.starter
      .put(`/api/tasks/${registerId}/draft`)
      .send({ data: { note: '未写完' } });
    expect(saved.status).toBe(204);
    expect((await world.as.starter.get(`/api/tasks/${registerId}`)).body.draft).toEqual({
      note: '未写完',
    });
    const unstorable = await world.as.starter
      .put(`/api/tasks/${registerId}/draft`)
      .send({ data: { 'a.b': 1, list: [{ $x: 2 }] } });
    expect(unstorable.status).toBe(400);
    expect(unstorable.body.details.map((d: { path: string }) => d.path)).toEqual([
      'a.b',
      'list[0].$x',
    ]);
    // a supervisor sees the task, but neither the draft nor work actions
    const office = await world.as.office.get(`/api/tasks/${registerId}`);
    expect(office.body.draft).toBeUndefined();
    expect(office.body.actions).toEqual(['comment', 'remind']);
  });

  it('refuses a completion without a required field, naming the field', async () => {
    const response = await world.as.starter
      .post(`/api/tasks/${registerId}/complete`)
      .send({ data: { title: '改了标题' } });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'note',
      'title',
    ]);
  });

  it('offers the candidates a claim, and lets only the assignee complete', async () => {
    const approveId = await register(api, world, instanceId);
    const pool = await world.as.committee.get('/api/tasks?view=claimable&q=PAGE-1');
    expect(ids(pool.body)).toEqual([approveId]);
    expect(pool.body.items[0]).toMatchObject({ candidateGroups: ['committee'], priority: 80 });
    const page = await world.as.committee.get(`/api/tasks/${approveId}`);
    expect(page.body.actions).toEqual(['claim', 'delegate', 'return', 'comment']);
    expect(page.body.readOnly).toEqual({ title: '修缮道路', note: '材料齐全' });
    expect(page.body.returnTargets).toEqual([{ activityId: 'register', name: '登记' }]);

    const unclaimed = await world.as.committee
      .post(`/api/tasks/${approveId}/complete`)
      .send({ data: { approved: true } });
    expect(unclaimed.status).toBe(403);
    const claimed = await world.as.committee.post(`/api/tasks/${approveId}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ id: approveId, assignee: world.committee.id });
    expect((await world.as.committee2.post(`/api/tasks/${approveId}/claim`)).status).toBe(409);
    const unclaim = await world.as.committee.post(`/api/tasks/${approveId}/unclaim`);
    expect(unclaim.body.assignee).toBeUndefined();
  });

  it('returns a task to an earlier step with a reason (退回)', async () => {
    const approveId = await openTaskId(world, instanceId, 'approve');
    await world.as.committee.post(`/api/tasks/${approveId}/claim`);
    const bad = await world.as.committee
      .post(`/api/tasks/${approveId}/return`)
      .send({ targetActivityId: 'approve', reason: '退回' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ path: 'targetActivityId', message: '不能退回到该环节' }]);
    const response = await world.as.committee
      .post(`/api/tasks/${approveId}/return`)
      .send({ reason: '材料不全' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ activityId: 'register', name: '登记' });
    const mine = await world.as.starter.get('/api/tasks?view=mine&q=PAGE-1');
    expect(mine.body.items.map((t: { name: string }) => t.name)).toEqual(['登记']);
    const done = await world.as.committee.get('/api/tasks?view=completed&q=PAGE-1');
    expect(done.body.items.map((t: { status: string }) => t.status)).toEqual(['returned']);
  });

  it('takes a completion back while nothing has happened since (取回)', async () => {
    const again = await openTaskId(world, instanceId, 'register');
    await world.as.starter.post(`/api/tasks/${again}/complete`).send({ data: { note: '已补齐' } });
    await settle(api);
    const page = await world.as.starter.get(`/api/tasks/${again}`);
    expect(page.body.actions).toEqual(['retrieve', 'comment']);
    const response = await world.as.starter.post(`/api/tasks/${again}/retrieve`);
    expect(response.status).toBe(200);
    const reopened = await world.as.starter.get(`/api/tasks/${response.body.taskId}`);
    expect(reopened.body.task).toMatchObject({ activityId: 'register', status: 'open' });
    expect(reopened.body.draft).toEqual({ note: '已补齐' });
    expect((await world.as.starter.post(`/api/tasks/${again}/retrieve`)).status).toBe(409);
  });

  it('delegates to a user of the district (转办)', async () => {
    const current = await openTaskId(world, instanceId, 'register');
    const unknown = await world.as.starter
      .post(`/api/tasks/${current}/delegate`)
      .send({ userId: world.outsider.id });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ path: 'userId', message: '用户不存在' }]);
    const response = await world.as.starter
      .post(`/api/tasks/${current}/delegate`)
      .send({ userId: world.committee2.id, reason: '出差' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ assignee: world.committee2.id, owner: world.starter.id });
    expect(ids((await world.as.committee2.get('/api/tasks?view=mine&q=PAGE-1')).body)).toEqual([
      current,
    ]);
  });

  it('records comments and reminders in the history', async () => {
    const current = await openTaskId(world, instanceId, 'register');
    expect(
      (await world.as.office.post(`/api/tasks/${current}/comment`).send({ text: '请加快' })).status,
    ).toBe(204);
    expect((await world.as.starter.post(`/api/tasks/${current}/remind`).send({})).status).toBe(204);
    const history = (await world.as.starter.get(`/api/instances/${instanceId}`)).body.history;
    expect(history.map((event: { type: string }) => event.type)).toEqual(
      expect.arrayContaining(['task.commented', 'task.reminded', 'task.delegated']),
    );
  });
});

describe('completing the same task twice at once', () => {
  it('answers one 204 and one 409', async () => {
    const instanceId = await startReview(api, world);
    const taskId = await openTaskId(world, instanceId, 'register');
    const send = () =>
      world.as.starter.post(`/api/tasks/${taskId}/complete`).send({ data: { note: '同时提交' } });
    const answers = await Promise.all([send(), send()]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([204, 409]);
    expect(answers.find((answer) => answer.status === 409)!.body.code).toBe('CONFLICT');
    await settle(api);
    const open = await world.platform.engine.tasks.openTasksOf(instanceId);
    expect(open.map((task) => task.activityId)).toEqual(['approve']);
  });
});

describe('who may see a task', () => {
  it('answers 404 to a user who takes no part, exactly as for a missing task', async () => {
    const instanceId = await startReview(api, world);
    const taskId = await openTaskId(world, instanceId, 'register');
    const missing = await world.as.stranger.get(`/api/tasks/${taskId}x`);
    for (const [method, path, body] of [
      ['get', '', undefined],
      ['post', '/claim', undefined],
      ['post', '/comment', { text: '看看' }],
      ['post', '/remind', { message: '快点' }],
      ['post', '/complete', { data: { note: '代办' } }],
    ] as const) {
      const response = await world.as.stranger[method](`/api/tasks/${taskId}${path}`).send(body);
      expect({ status: response.status, body: response.body }).toEqual({
        status: 404,
        body: missing.body,
      });
    }
  });

  it('lets carbon-copy viewers read, and only starters and supervisors remind', async () => {
    const instanceId = await startReview(api, world, { title: '抄送' }, 'CC-1');
    const approveId = await register(api, world, instanceId);
    await world.platform.engine.tasks.carbonCopy(
      approveId,
      { userId: world.committee.id, groups: ['committee'] },
      [world.stranger.id],
    );
    expect(ids((await world.as.stranger.get('/api/tasks?view=cc')).body)).toEqual([approveId]);
    const page = await world.as.stranger.get(`/api/tasks/${approveId}`);
    expect(page.status).toBe(200);
    expect(page.body.actions).toEqual(['comment']);
    expect((await world.as.stranger.post(`/api/tasks/${approveId}/remind`).send({})).status).toBe(
      403,
    );
    expect((await world.as.office.post(`/api/tasks/${approveId}/remind`).send({})).status).toBe(
      204,
    );
  });

  it('hides every task route from other districts', async () => {
    const instanceId = await startReview(api, world);
    const taskId = await openTaskId(world, instanceId, 'register');
    const probes = [
      { method: 'get' as const, path: (id: string) => `/api/tasks/${id}` },
      ...['claim', 'unclaim', 'retrieve'].map((action) => ({
        method: 'post' as const,
        path: (id: string) => `/api/tasks/${id}/${action}`,
      })),
      {
        method: 'put' as const,
        path: (id: string) => `/api/tasks/${id}/draft`,
        body: { data: {} },
      },
      {
        method: 'post' as const,
        path: (id: string) => `/api/tasks/${id}/complete`,
        body: { data: { note: '外区' } },
      },
      {
        method: 'post' as const,
        path: (id: string) => `/api/tasks/${id}/delegate`,
        body: { userId: world.outsider.id },
      },
      {
        method: 'post' as const,
        path: (id: string) => `/api/tasks/${id}/return`,
        body: { reason: '外区' },
      },
      {
        method: 'post' as const,
        path: (id: string) => `/api/tasks/${id}/comment`,
        body: { text: '外区' },
      },
      { method: 'post' as const, path: (id: string) => `/api/tasks/${id}/remind`, body: {} },
    ];
    for (const probe of probes)
      await expectHiddenFromOtherDistrict(world.as.outsider, probe, taskId);
  });
});

describe('the inbox lists', () => {
  let mine: string[];
  beforeAll(async () => {
    // a district of its own, so the counts below are exact
    world = await createWorld(api);
    mine = [];
    for (const key of ['LIST-A', 'LIST-B', 'LIST-C']) {
      api.clock.advance(60_000);
      const instanceId = await startReview(api, world, { title: key }, key);
      mine.push(await register(api, world, instanceId));
    }
  });

  it('pages the claimable tasks by a cursor, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await world.as.committee
        .get('/api/tasks')
        .query({ view: 'claimable', sort: 'created', limit: 2, cursor });
      expect(page.status).toBe(200);
      seen.push(...ids(page.body));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(mine);
    const bad = await world.as.committee.get('/api/tasks?view=claimable&cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('cursor');
  });

  it('filters by text, process, priority and due date', async () => {
    const list = (query: Record<string, string | number>) =>
      world.as.committee.get('/api/tasks').query({ view: 'claimable', ...query });
    expect(ids((await list({ q: 'list-b' })).body)).toEqual([mine[1]]);
    expect((await list({ processKey: 'other' })).body.items).toEqual([]);
    expect(ids((await list({ priority: 80, sort: '-created' })).body)).toEqual([...mine].reverse());
    expect((await list({ priority: 90 })).body.items).toEqual([]);
    expect((await list({ due: 'overdue' })).body.items).toEqual([]);
    // due in two days: inside the district's shortest reminder lead time (P3D)
    const soon = await list({ due: 'soon' });
    expect(ids(soon.body)).toHaveLength(3);
    expect(soon.body.items[0]).toMatchObject({ dueSoon: true, overdue: false });

    await advanceDays(api, world, 3);
    const late = await list({ due: 'overdue', sort: 'due' });
    expect(ids(late.body)).toEqual(mine);
    expect(late.body.items[0]).toMatchObject({ overdue: true, dueSoon: false });
    const wrong = await list({ due: 'later', priority: 101, sort: 'name' });
    expect(wrong.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'due',
      'priority',
      'sort',
    ]);
  });

  it('lists the instances the caller started', async () => {
    const started = await world.as.starter.get('/api/tasks?view=started');
    expect(started.body.items.map((i: { businessKey: string }) => i.businessKey)).toEqual([
      'LIST-C',
      'LIST-B',
      'LIST-A',
    ]);
    expect(started.body.items[0]).toMatchObject({ processName: '测试审批', status: 'running' });
    const refused = await world.as.starter.get('/api/tasks?view=started&due=overdue');
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([{ path: 'due', message: expect.any(String) }]);
  });

  it('counts every view', async () => {
    const committee = await world.as.committee.get('/api/tasks/counts');
    expect(committee.body).toEqual({
      mine: 0,
      claimable: 3,
      completed: 0,
      cc: 0,
      started: 0,
      overdue: 3,
      dueSoon: 0,
    });
    const starter = await world.as.starter.get('/api/tasks/counts');
    expect(starter.body).toMatchObject({ mine: 0, completed: 3, started: 3 });
  });
});
