import { expectHiddenFromOtherDistrict } from '../support/api-probes';
import { ApiHarness } from '../support/api-app';
import {
  approve as approveReview,
  createWorld,
  openTaskId,
  PROCESS_KEY,
  register,
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

const approve = (instanceId: string) => approveReview(api, world, instanceId);

describe('POST /api/instances', () => {
  it('starts the latest version with the start form data and answers its summary', async () => {
    const response = await world.as.starter
      .post('/api/instances')
      .send({ processKey: PROCESS_KEY, businessKey: 'RV-001', data: { title: '修缮道路' } });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      processKey: PROCESS_KEY,
      processName: '测试审批',
      version: 1,
      businessKey: 'RV-001',
      starter: world.starter.id,
      status: 'running',
      startedAt: expect.any(String),
      activeActivityIds: ['register'],
      activeSteps: [{ id: 'register', name: '登记' }],
    });
  });

  it('refuses data the start form refuses, with every field error at once', async () => {
    const response = await world.as.starter
      .post('/api/instances')
      .send({ processKey: PROCESS_KEY, data: { amount: -1, colour: 'red' } });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.map((problem: { path: string }) => problem.path).sort()).toEqual([
      'amount',
      'colour',
      'title',
    ]);
  });

  it('refuses someone outside the candidate starters with 403 and starts nothing', async () => {
    const response = await world.as.stranger
      .post('/api/instances')
      .send({ processKey: PROCESS_KEY, data: { title: '越权发起' } });
    expect(response.status).toBe(403);
    const mine = await world.as.stranger.get('/api/tasks?view=started');
    expect(mine.body.items).toEqual([]);
  });

  it('refuses a process the district does not run, on the processKey field', async () => {
    const response = await world.as.starter
      .post('/api/instances')
      .send({ processKey: 'no-such-process', data: {} });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ path: 'processKey', message: '流程不存在或未启用' }]);
  });
});

describe('GET /api/instances', () => {
  let ids: string[];
  beforeAll(async () => {
    ids = [];
    for (const key of ['LIST-1', 'LIST-2', 'LIST-3']) {
      api.clock.advance(1_000);
      ids.push(await startReview(api, world, { title: `列表${key}` }, key));
    }
  });

  it('lists newest first, a page at a time, without repeating a row', async () => {
    const first = await world.as.starter.get('/api/instances?businessKey=LIST-1');
    expect(first.body.items.map((item: { id: string }) => item.id)).toEqual([ids[0]]);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await world.as.office.get('/api/instances').query({ limit: 2, cursor });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 3)).toEqual([...ids].reverse());
  });

  it('filters by status, process, starter and start time', async () => {
    const running = await world.as.office.get('/api/instances').query({
      status: 'running',
      processKey: PROCESS_KEY,
      starter: world.starter.id,
      from: new Date(Date.now() - 86_400_000).toISOString(),
    });
    expect(running.body.items.length).toBeGreaterThanOrEqual(3);
    expect((await world.as.office.get('/api/instances?status=completed')).body.items).toEqual([]);
    const bad = await world.as.office.get('/api/instances?status=sleeping&from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'from',
      'status',
    ]);
  });

  it('shows uninvolved users nothing, and task holders their instances', async () => {
    expect((await world.as.stranger.get('/api/instances')).body.items).toEqual([]);
    const before = await world.as.committee.get('/api/instances?businessKey=LIST-2');
    expect(before.body.items).toEqual([]);
    await register(api, world, ids[1]);
    const after = await world.as.committee.get('/api/instances?businessKey=LIST-2');
    expect(after.body.items.map((item: { id: string }) => item.id)).toEqual([ids[1]]);
  });
});

describe('GET /api/instances/:id', () => {
  it('answers the instance page: variables, tasks, history, documents and the diagram', async () => {
    const id = await startReview(api, world, { title: '详情', content: '第一段' });
    await register(api, world, id);
    const response = await world.as.starter.get(`/api/instances/${id}`);
    expect(response.status).toBe(200);
    const { instance, variables, tasks, history, documents, diagram } = response.body;
    expect(instance).toMatchObject({ id, status: 'running', activeActivityIds: ['approve'] });
    expect(variables).toMatchObject({
      title: '详情',
      note: '材料齐全',
      params: expect.any(Object),
    });
    expect(tasks.map((t: { name: string; status: string }) => [t.name, t.status])).toEqual([
      ['登记', 'completed'],
      ['审核', 'open'],
    ]);
    expect(tasks[1]).toMatchObject({ priority: 80, dueDate: expect.any(String), overdue: false });
    const types = history.map((event: { type: string }) => event.type);
    expect(types).toEqual(expect.arrayContaining(['instance.started', 'task.completed']));
    expect(documents).toEqual([]);
    expect(diagram.xml).toContain(`id="${PROCESS_KEY}"`);
    expect(diagram.completed).toEqual(expect.arrayContaining(['start', 'register']));
    expect(diagram.completed).not.toContain('approve');
    expect(diagram.active).toEqual(['approve']);
  });

  it('is visible to the starter, task holders and supervisors, and 404 to anyone else', async () => {
    const id = await startReview(api, world);
    const missing = await world.as.stranger.get(
      '/api/instances/00000000-0000-0000-0000-000000000000',
    );
    const hidden = await world.as.stranger.get(`/api/instances/${id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    expect((await world.as.committee.get(`/api/instances/${id}`)).status).toBe(404);
    expect((await world.as.office.get(`/api/instances/${id}`)).status).toBe(200);
    expect((await world.as.admin.get(`/api/instances/${id}`)).status).toBe(200);
    await register(api, world, id);
    // a candidate of the open 审核 task now takes part
    expect((await world.as.committee2.get(`/api/instances/${id}`)).status).toBe(200);
    expect((await world.as.stranger.get(`/api/instances/${id}/documents`)).status).toBe(404);
  });
});

describe('documents', () => {
  let instanceId: string;
  let documentId: string;
  beforeAll(async () => {
    instanceId = await startReview(api, world, { title: '修缮道路', content: '请<b>尽快</b>办理' });
    await register(api, world, instanceId);
    await approve(instanceId);
    const list = await world.as.starter.get(`/api/instances/${instanceId}/documents`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      {
        id: expect.any(String),
        key: 'notice',
        title: '关于修缮道路的通知',
        createdAt: expect.any(String),
      },
    ]);
    documentId = list.body[0].id;
  });

  it('ends the instance once the document is rendered', async () => {
    const detail = await world.as.starter.get(`/api/instances/${instanceId}`);
    expect(detail.body.instance.status).toBe('completed');
    expect(detail.body.documents.map((d: { id: string }) => d.id)).toEqual([documentId]);
  });

  it('serves the rendered HTML under a policy that allows no script', async () => {
    const response = await world.as.starter.get(`/api/documents/${encodeURIComponent(documentId)}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src/);
    expect(response.text).toContain('关于修缮道路的通知');
    expect(response.text).toContain('请&lt;b&gt;尽快&lt;/b&gt;办理');
  });

  it('is 404 to users who may not see the instance', async () => {
    const path = `/api/documents/${encodeURIComponent(documentId)}`;
    const hidden = await world.as.stranger.get(path);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual({ code: 'NOT_FOUND', message: '公文不存在' });
    expect((await world.as.office.get(path)).status).toBe(200);
  });

  it('hides instances and documents from other districts', async () => {
    const outsider = world.as.outsider;
    for (const probe of [
      { method: 'get' as const, path: (id: string) => `/api/instances/${id}` },
      { method: 'get' as const, path: (id: string) => `/api/instances/${id}/documents` },
      { method: 'post' as const, path: (id: string) => `/api/instances/${id}/suspend` },
      {
        method: 'post' as const,
        path: (id: string) => `/api/instances/${id}/cancel`,
        body: { reason: '测试' },
      },
      {
        method: 'post' as const,
        path: (id: string) => `/api/instances/${id}/migrate`,
        body: { targetVersion: 1, dryRun: true },
      },
    ])
      await expectHiddenFromOtherDistrict(outsider, probe, instanceId);
    await expectHiddenFromOtherDistrict(
      outsider,
      { method: 'get', path: (id) => `/api/documents/${encodeURIComponent(id)}` },
      documentId,
    );
  });
});

describe('administration', () => {
  it('is for district administrators only', async () => {
    const id = await startReview(api, world);
    for (const action of ['suspend', 'resume', 'retry'])
      expect((await world.as.office.post(`/api/instances/${id}/${action}`)).status).toBe(403);
    const cancel = await world.as.starter
      .post(`/api/instances/${id}/cancel`)
      .send({ reason: '撤回' });
    expect(cancel.status).toBe(403);
  });

  it('suspends, resumes and cancels with a reason', async () => {
    const id = await startReview(api, world);
    const suspended = await world.as.admin.post(`/api/instances/${id}/suspend`);
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe('suspended');
    const taskId = await openTaskId(world, id, 'register');
    const blocked = await world.as.starter
      .post(`/api/tasks/${taskId}/complete`)
      .send({ data: { note: '暂停中' } });
    expect(blocked.status).toBe(409);
    expect((await world.as.admin.post(`/api/instances/${id}/resume`)).body.status).toBe('running');
    expect((await world.as.admin.post(`/api/instances/${id}/cancel`).send({})).status).toBe(400);
    const cancelled = await world.as.admin
      .post(`/api/instances/${id}/cancel`)
      .send({ reason: '重复提交' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '重复提交' });
    expect((await world.as.admin.post(`/api/instances/${id}/suspend`)).status).toBe(409);
  });

  it('answers 409 to a retry without an incident', async () => {
    const id = await startReview(api, world);
    const response = await world.as.admin.post(`/api/instances/${id}/retry`);
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('CONFLICT');
  });

  it('migrates one instance to a newer version, with a dry run first', async () => {
    const id = await startReview(api, world);
    await world.platform.engine.deploy(
      (await world.platform.engine.definitions.latest(world.district, PROCESS_KEY)).xml,
      { district: world.district, roleKeys: new Set(['committee', 'office', 'deputy']) },
    );
    const dry = await world.as.admin
      .post(`/api/instances/${id}/migrate`)
      .send({ targetVersion: 2, mapping: {}, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({
      dryRun: true,
      migrated: false,
      fromVersion: 1,
      toVersion: 2,
      activities: [{ activityId: 'register', targetActivityId: 'register' }],
      unmapped: [],
    });
    expect((await world.as.starter.get(`/api/instances/${id}`)).body.instance.version).toBe(1);

    const done = await world.as.admin
      .post(`/api/instances/${id}/migrate`)
      .send({ targetVersion: 2 });
    expect(done.body).toMatchObject({ dryRun: false, migrated: true, toVersion: 2 });
    expect((await world.as.starter.get(`/api/instances/${id}`)).body.instance.version).toBe(2);

    const missing = await world.as.admin
      .post(`/api/instances/${id}/migrate`)
      .send({ targetVersion: 9, dryRun: true });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([{ path: 'targetVersion', message: '该流程版本不存在' }]);
  });
});
