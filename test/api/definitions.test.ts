import { type Agent, ApiHarness } from '../support/api-app';
import type { Caller } from '../../server/src/auth/caller';
import { DefinitionsService } from '../../server/src/definitions-http/definitions.service';
import { expectHiddenFromOtherDistrict } from '../support/api-probes';

/**
 * Process management (docs/api.md "Processes and forms"): deploy, versions, XML, validate,
 * (de)activate, the start menu under the candidate-starter convention, and the handler list.
 */
const form = (title: string, writes: Record<string, object>) => ({
  type: 'object',
  'x-cf': { title, reads: [], writes: Object.keys(writes) },
  properties: writes,
});
const START_FORM = form('请假申请', {
  days: { type: 'integer', title: '天数', required: true, minimum: 1 },
  reason: { type: 'string', title: '事由' },
});
const APPROVE_FORM = form('审批', { approved: { type: 'boolean', title: '同意', required: true } });

const bpmn = (
  key: string,
  processAttributes: string,
  extra = '',
) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs-${key}" targetNamespace="http://congressflow.test">
  <bpmn:process id="${key}" name="请假申请" isExecutable="true" ${processAttributes}>
    <bpmn:startEvent id="start" name="提出申请" camunda:formKey="leave-start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve" />
    <bpmn:userTask id="approve" name="审批" camunda:formKey="leave-approve" camunda:candidateGroups="council" ${extra} />
    <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="end" />
    <bpmn:endEvent id="end" name="结束" />
  </bpmn:process>
</bpmn:definitions>`;
const LEAVE = bpmn('leave-request', 'camunda:candidateStarterGroups="office"');

jest.setTimeout(120_000);

let api: ApiHarness;
let district: string;
let admin: Agent;
let office: Agent;
let deputy: Agent;
let outsider: Agent;

beforeAll(async () => {
  api = await ApiHarness.start();
  ({ district, agent: admin } = await api.districtAdmin());
  office = await api.loginAs(await api.createUser(district, { roles: ['office'] }));
  deputy = await api.loginAs(await api.createUser(district, { roles: ['deputy'] }));
  ({ agent: outsider } = await api.districtAdmin());
  await admin.post('/api/forms/leave-start/versions').send({ schema: START_FORM }).expect(201);
  await admin.post('/api/forms/leave-approve/versions').send({ schema: APPROVE_FORM }).expect(201);
});
afterAll(async () => {
  await api?.close();
});

describe('deploying', () => {
  it('makes version n+1 each time; the list shows the latest per key, versions newest first', async () => {
    const first = await admin.post('/api/definitions').send({ xml: LEAVE });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      key: 'leave-request',
      name: '请假申请',
      version: 1,
      active: true,
      deployedAt: expect.any(String),
      deployedBy: expect.any(String),
      forms: [
        { key: 'leave-start', version: 1 },
        { key: 'leave-approve', version: 1 },
      ],
    });
    const second = await admin.post('/api/definitions').send({ xml: LEAVE });
    expect(second.body.version).toBe(2);

    const list = await admin.get('/api/definitions');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ key: 'leave-request', version: 2 })]);
    const versions = await admin.get('/api/definitions/leave-request/versions');
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('answers the XML of a version as text/xml', async () => {
    const response = await admin.get('/api/definitions/leave-request/versions/1/xml');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/xml/);
    expect(response.text).toBe(LEAVE);
    expect((await admin.get('/api/definitions/leave-request/versions/9/xml')).status).toBe(404);
    expect((await admin.get('/api/definitions/leave-request/versions/x/xml')).status).toBe(404);
  });

  it('refuses a definition with problems: 400 DEPLOYMENT_INVALID listing every problem', async () => {
    const broken = bpmn(
      'broken-request',
      'camunda:candidateStarterGroups="office,pope"',
      'camunda:assignee="boss:x"',
    ).replace('leave-approve', 'no-such-form');
    const response = await admin.post('/api/definitions').send({ xml: broken });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('DEPLOYMENT_INVALID');
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { elementId: 'approve', message: expect.stringContaining('no-such-form') },
        { elementId: 'approve', message: expect.stringContaining('boss') },
        { elementId: 'broken-request', message: expect.stringContaining('pope') },
      ]),
    );
    expect((await admin.get('/api/definitions/broken-request/versions')).status).toBe(404);
  });

  it('refuses XML that does not parse, and a body without xml', async () => {
    const garbage = await admin.post('/api/definitions').send({ xml: '<bpmn:definitions' });
    expect(garbage.status).toBe(400);
    expect(garbage.body.details).toEqual([
      expect.objectContaining({ elementId: '', message: expect.any(String) }),
    ]);
    const empty = await admin.post('/api/definitions').send({ sneaky: 1 });
    expect(empty.status).toBe(400);
    expect(empty.body.details).toEqual(
      expect.arrayContaining([
        { path: 'xml', message: expect.any(String) },
        { path: 'sneaky', message: '不允许的字段' },
      ]),
    );
  });
});

describe('validating (a dry run)', () => {
  it('answers every problem and warning, and stores nothing', async () => {
    const broken = bpmn('dry-run', 'camunda:candidateStarterGroups="pope"').replace(
      'leave-start',
      'missing-start',
    );
    const response = await admin.post('/api/definitions/validate').send({ xml: broken });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      problems: expect.arrayContaining([
        { elementId: 'start', message: expect.stringContaining('missing-start') },
        { elementId: 'dry-run', message: expect.stringContaining('pope') },
      ]),
      warnings: expect.any(Array),
    });
    const fine = await admin.post('/api/definitions/validate').send({ xml: LEAVE });
    expect(fine.body).toEqual({ problems: [], warnings: [] });
    expect((await admin.get('/api/definitions/dry-run/versions')).status).toBe(404);
  });
});

describe('starting: the candidate-starter convention', () => {
  it('offers a process to holders of its candidateStarterGroups, with the start form', async () => {
    const startable = await office.get('/api/definitions/startable');
    expect(startable.status).toBe(200);
    expect(startable.body).toEqual([
      {
        key: 'leave-request',
        name: '请假申请',
        version: 2,
        startForm: { key: 'leave-start', version: 1 },
      },
    ]);
    expect((await deputy.get('/api/definitions/startable')).body).toEqual([]);
    // administrators administer; they start nothing by virtue of that
    expect((await admin.get('/api/definitions/startable')).body).toEqual([]);
  });

  it('offers nothing for a process without candidate starters (called or event-started)', async () => {
    await admin
      .post('/api/definitions')
      .send({ xml: bpmn('called-only', '') })
      .expect(201);
    const keys = (await office.get('/api/definitions/startable')).body.map(
      (d: { key: string }) => d.key,
    );
    expect(keys).toEqual(['leave-request']);
  });

  it('follows (de)activation: the latest active version is the one started', async () => {
    const off = await admin.post('/api/definitions/leave-request/versions/2/deactivate');
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ key: 'leave-request', version: 2, active: false });
    expect((await office.get('/api/definitions/startable')).body[0].version).toBe(1);
    await admin.post('/api/definitions/leave-request/versions/1/deactivate').expect(200);
    expect((await office.get('/api/definitions/startable')).body).toEqual([]);
    const list = (await admin.get('/api/definitions')).body;
    expect(list).toContainEqual(expect.objectContaining({ key: 'leave-request', active: false }));

    const on = await admin.post('/api/definitions/leave-request/versions/2/activate');
    expect(on.body).toMatchObject({ version: 2, active: true });
    await admin.post('/api/definitions/leave-request/versions/1/activate').expect(200);
    expect((await office.get('/api/definitions/startable')).body[0].version).toBe(2);
  });
});

describe('assertMayStart (the rule POST /instances applies)', () => {
  const caller = (roles: string[], district_ = district): Caller => ({
    userId: 'u-x',
    username: 'x',
    name: 'x',
    district: district_,
    homeDistrict: district_,
    roles,
    isDistrictAdmin: false,
    isPlatformAdmin: false,
  });

  it('passes a candidate starter, refuses others (403) and unknown or foreign processes (404)', async () => {
    const definitions = api.app.get(DefinitionsService);
    await expect(
      definitions.assertMayStart(caller(['office']), 'leave-request'),
    ).resolves.toBeUndefined();
    await expect(
      definitions.assertMayStart(caller(['deputy']), 'leave-request'),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      definitions.assertMayStart(caller(['office']), 'called-only'),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(definitions.assertMayStart(caller(['office']), 'no-such')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const foreign = await api.createDistrict();
    await expect(
      definitions.assertMayStart(caller(['office'], foreign), 'leave-request'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the handler list', () => {
  it('names every service handler with its parameters, for the designer', async () => {
    const response = await admin.get('/api/handlers');
    expect(response.status).toBe(200);
    const topics = response.body.map((h: { topic: string }) => h.topic);
    expect(topics).toEqual(
      expect.arrayContaining(['set-variables', 'document.render', 'vote.tally', 'notify']),
    );
    const render = response.body.find((h: { topic: string }) => h.topic === 'document.render');
    expect(render.description).toMatch(/[\u4e00-\u9fff]/);
    expect(render.parameters).toContainEqual(
      expect.objectContaining({ name: 'template', description: expect.any(String) }),
    );
  });
});

describe('the OpenAPI document', () => {
  it('describes the process, form, template and statistics routes', async () => {
    const response = await admin.get('/api/docs-json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/definitions',
        '/api/definitions/startable',
        '/api/definitions/{key}/versions/{version}/xml',
        '/api/handlers',
        '/api/forms/{key}/versions',
        '/api/templates/updates',
        '/api/templates/{key}/apply-update',
        '/api/statistics',
      ]),
    );
  });
});

describe('who may manage definitions', () => {
  it('district administrators only (403 for others)', async () => {
    const answers = await Promise.all([
      office.get('/api/definitions'),
      office.get('/api/definitions/leave-request/versions'),
      office.get('/api/definitions/leave-request/versions/1/xml'),
      office.post('/api/definitions/validate').send({ xml: LEAVE }),
      office.post('/api/definitions').send({ xml: LEAVE }),
      office.post('/api/definitions/leave-request/versions/1/deactivate'),
      office.get('/api/handlers'),
    ]);
    expect(answers.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
  });

  it('another district sees nothing of them: 404, as for a key that exists nowhere', async () => {
    expect((await outsider.get('/api/definitions')).body).toEqual([]);
    expect((await outsider.get('/api/definitions/startable')).body).toEqual([]);
    const probes = [
      { method: 'get' as const, path: (key: string) => `/api/definitions/${key}/versions` },
      { method: 'get' as const, path: (key: string) => `/api/definitions/${key}/versions/1/xml` },
      {
        method: 'post' as const,
        path: (key: string) => `/api/definitions/${key}/versions/1/deactivate`,
      },
      {
        method: 'post' as const,
        path: (key: string) => `/api/definitions/${key}/versions/1/activate`,
      },
    ];
    for (const probe of probes)
      await expectHiddenFromOtherDistrict(outsider, probe, 'leave-request');
    expect((await admin.get('/api/definitions/leave-request/versions')).body[1].active).toBe(true);
  });
});
