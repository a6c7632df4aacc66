import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlatformJobs } from '../../server/src/platform/platform-jobs';
import { type Agent, ApiHarness } from '../support/api-app';

/**
 * A district cloned from the template library runs 代表建议办理 end to end over HTTP — the deputy
 * submits, 代表工委 registers and assigns, the unit replies, the deputy rates, 代表工委 closes and
 * publishes — and its own edits (a form published, a process deployed) change neither the library
 * nor another district cloned from it.
 */
jest.setTimeout(180_000);

const PASSWORD = 'Clone-pass-2026';
let api: ApiHarness;
let platform: Agent;

beforeAll(async () => {
  api = await ApiHarness.start();
  const home = await api.createDistrict('平台');
  platform = await api.loginAs(await api.createUser(home, { isPlatformAdmin: true }));
});
afterAll(async () => {
  await api?.close();
});

async function clone(code: string): Promise<Agent> {
  await platform
    .post('/api/districts')
    .send({
      name: `${code}区`,
      code,
      templates: ['suggestion-handling'],
      roleMapping: {},
      admin: { username: `${code}-admin`, name: '管理员', password: PASSWORD },
    })
    .expect(201);
  return api.loginAs({ username: `${code}-admin`, password: PASSWORD });
}

/** A user of the district, created by its administrator over HTTP, signed in. */
async function person(admin: Agent, username: string, roles: string[], unitId?: string) {
  const created = await admin
    .post('/api/users')
    .send({ username, name: username, password: PASSWORD, roles, ...(unitId && { unitId }) });
  expect(created.status).toBe(201);
  return {
    id: created.body.id as string,
    agent: await api.loginAs({ username, password: PASSWORD }),
  };
}

const drain = () => api.app.get(PlatformJobs).drain();
const today = () => new Date(api.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The caller's one open task of this name (mine or claimable), claimed if need be, completed. */
async function complete(agent: Agent, name: string, data: Record<string, unknown>) {
  await drain();
  for (const view of ['mine', 'claimable']) {
    const list = await agent.get(`/api/tasks?view=${view}`);
    expect(list.status).toBe(200);
    const task = list.body.items.find((t: { name: string }) => t.name === name);
    if (!task) continue;
    if (view === 'claimable') await agent.post(`/api/tasks/${task.id}/claim`).expect(200);
    const done = await agent.post(`/api/tasks/${task.id}/complete`).send({ data });
    expect({ task: name, status: done.status, body: done.body }).toEqual({
      task: name,
      status: 204,
      body: {},
    });
    return;
  }
  throw new Error(`no open task “${name}” for this user`);
}

describe('a district cloned from the templates', () => {
  it('runs 代表建议办理 end to end over HTTP, and its statistics show it', async () => {
    const admin = await clone('clone-run');
    const transport = (
      await admin.post('/api/units').send({ name: '区交通运输局', kind: 'unit' }).expect(201)
    ).body.id;
    const deputy = await person(admin, 'run-deputy', ['deputy']);
    const affairs = await person(admin, 'run-affairs', ['deputyAffairs']);
    const unit = await person(admin, 'run-unit', ['unit'], transport);
    await person(admin, 'run-gov', ['govOffice']);

    const started = await deputy.agent.post('/api/instances').send({
      processKey: 'suggestion-handling',
      data: {
        sessionType: '大会期间',
        sessionName: '区第十八届人民代表大会第四次会议',
        leadDeputy: deputy.id,
        contactPhone: '13800138000',
        title: '关于优化城区公交线网的建议',
        category: '城乡建设与管理',
        situation: '城区公交线路重复率高，新建小区周边公交覆盖不足，群众出行不便。',
        analysis: '公交线网规划多年未调整，与城市发展和人口分布不匹配。',
        suggestion: '一、开展公交线网优化评估；二、为新建小区开通接驳线路；三、调整重复线路。',
        publicAgreed: true,
      },
    });
    expect(started.status).toBe(201);
    const instanceId = started.body.id;

    await complete(affairs.agent, '审查登记', { registerDecision: 'accept', suggestionNo: '1' });
    await complete(affairs.agent, '交办', {
      refNo: '××人大常委会代建交〔2026〕1号',
      assignedOn: today(),
      leadUnit: transport,
      coUnits: [],
      keyItem: false,
      assignOpinion: '请认真研究办理。',
    });
    await complete(unit.agent, '办理并答复', {
      handleAction: 'reply',
      contactLog: [
        {
          contactDate: today(),
          contactMethod: '走访面商',
          contactPerson: '代表',
          contactContent: '当面听取代表对线网调整的意见。',
        },
      ],
      replyCode: 'A',
      replyMeasures: '组织开展城区公交线网评估，征集市民意见三百余条。',
      replyResults: '已新开通接驳线路两条，调整重复线路三条。',
      replySigner: '王局长',
      replyDate: today(),
      replyContactPerson: '陈科长',
      replyContactPhone: '0851-12345678',
    });
    await complete(deputy.agent, '填写征询意见表', {
      contactMade: true,
      satisfaction: '满意',
      feedbackDate: today(),
    });
    await complete(affairs.agent, '审查办理结果', {
      reviewChoice: 'close',
      resultReviewDate: today(),
    });
    await complete(affairs.agent, '公开办理结果', {
      publishDecision: 'publish',
      publishedOn: today(),
      handlingReport: '新开通接驳线路两条，调整重复线路三条，代表满意。',
    });
    await drain();

    const instance = await admin.get(`/api/instances/${instanceId}`);
    expect(instance.body.instance.status).toBe('completed');
    expect(instance.body.documents.map((d: { key: string }) => d.key)).toEqual([
      'assignment-notice',
      'reply-letter',
    ]);

    const statistics = (await admin.get('/api/statistics')).body;
    expect(statistics.byStatus.completed).toBe(1);
    expect(statistics.satisfactionRate).toEqual({ count: 1, total: 1, rate: 1 });
    expect(statistics.onTimeRate.instances).toEqual({ count: 1, total: 1, rate: 1 });
    expect(statistics.replyCodes).toEqual([
      { code: 'A', label: expect.any(String), count: 1, share: 1 },
    ]);
    expect(statistics.units).toEqual([
      expect.objectContaining({ unitId: transport, name: '区交通运输局', total: 1, replied: 1 }),
    ]);
  });

  it('edits its own copy: the library and another district cloned from it stay as they were', async () => {
    const a = await clone('clone-a');
    const b = await clone('clone-b');
    const library = JSON.parse(
      readFileSync(
        join(__dirname, '../../forms/suggestion-handling/suggestion-submit.json'),
        'utf8',
      ),
    );
    const before = (await a.get('/api/forms/suggestion-submit')).body.latest;
    expect(before).toEqual({ version: 1, schema: library });

    const edited = { ...library, 'x-cf': { ...library['x-cf'], title: '甲区代表建议表' } };
    await a.post('/api/forms/suggestion-submit/versions').send({ schema: edited }).expect(201);
    const xml = (await a.get('/api/definitions/suggestion-handling/versions/1/xml')).text;
    await a
      .post('/api/definitions')
      .send({ xml: xml.replace('name="代表建议办理"', 'name="甲区代表建议办理"') })
      .expect(201);

    expect((await a.get('/api/forms/suggestion-submit')).body.latest.version).toBe(2);
    expect((await a.get('/api/definitions')).body).toContainEqual(
      expect.objectContaining({ key: 'suggestion-handling', name: '甲区代表建议办理', version: 2 }),
    );
    expect((await b.get('/api/forms/suggestion-submit')).body.latest).toEqual({
      version: 1,
      schema: library,
    });
    expect((await b.get('/api/definitions')).body).toContainEqual(
      expect.objectContaining({ key: 'suggestion-handling', name: '代表建议办理', version: 1 }),
    );
    const onDisk = JSON.parse(
      readFileSync(
        join(__dirname, '../../forms/suggestion-handling/suggestion-submit.json'),
        'utf8',
      ),
    );
    expect(onDisk).toEqual(library);
    expect((await a.get('/api/templates/updates')).body).toEqual([]);
    // a district cloned afterwards gets the library's version, not the edited one
    const c = await clone('clone-c');
    expect((await c.get('/api/forms/suggestion-submit')).body.latest.schema).toEqual(library);
  });
});
