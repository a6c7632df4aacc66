import { type Agent, ApiHarness } from '../support/api-app';
import { expectHiddenFromOtherDistrict } from '../support/api-probes';

/** Form management (docs/api.md "Processes and forms"): list, versions, publish with checks. */
const schema = (title: string, extra: Record<string, object> = {}) => ({
  type: 'object',
  'x-cf': { title, reads: [], writes: ['opinion', ...Object.keys(extra)] },
  properties: {
    opinion: { type: 'string', title: '意见', required: true, 'x-component': 'Input.TextArea' },
    ...extra,
  },
});

jest.setTimeout(120_000);

let api: ApiHarness;
let admin: Agent;
let office: Agent;
let outsider: Agent;

beforeAll(async () => {
  api = await ApiHarness.start();
  const { district, agent } = await api.districtAdmin();
  admin = agent;
  office = await api.loginAs(await api.createUser(district, { roles: ['office'] }));
  ({ agent: outsider } = await api.districtAdmin());
});
afterAll(async () => {
  await api?.close();
});

describe('publishing', () => {
  it('makes version 1, then 2; each keeps its schema', async () => {
    const first = await admin
      .post('/api/forms/review-opinion/versions')
      .send({ schema: schema('审查意见') });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      key: 'review-opinion',
      title: '审查意见',
      version: 1,
      publishedAt: expect.any(String),
      publishedBy: expect.any(String),
      schema: schema('审查意见'),
      reads: [],
      writes: ['opinion'],
    });
    const extended = schema('审查意见', { score: { type: 'integer', title: '评分', minimum: 0 } });
    const second = await admin
      .post('/api/forms/review-opinion/versions')
      .send({ schema: extended, title: '审查意见（修订）' });
    expect(second.body).toMatchObject({
      version: 2,
      title: '审查意见（修订）',
      writes: ['opinion', 'score'],
    });
    expect(second.body.schema['x-cf'].title).toBe('审查意见（修订）');

    const one = await admin.get('/api/forms/review-opinion/versions/1');
    expect(one.status).toBe(200);
    expect(one.body.schema).toEqual(schema('审查意见'));
  });

  it('lists the latest version of every form, and the versions of one', async () => {
    await admin
      .post('/api/forms/other-form/versions')
      .send({ schema: schema('其他') })
      .expect(201);
    const list = await admin.get('/api/forms');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({ key: 'other-form', title: '其他', version: 1 }),
      expect.objectContaining({ key: 'review-opinion', title: '审查意见（修订）', version: 2 }),
    ]);
    const detail = await admin.get('/api/forms/review-opinion');
    expect(detail.body).toEqual({
      key: 'review-opinion',
      versions: [
        expect.objectContaining({ version: 2, title: '审查意见（修订）' }),
        expect.objectContaining({ version: 1, title: '审查意见' }),
      ],
      latest: { version: 2, schema: expect.objectContaining({ type: 'object' }) },
    });
    expect((await admin.get('/api/forms/review-opinion/versions/3')).status).toBe(404);
    expect((await admin.get('/api/forms/no-such-form')).status).toBe(404);
  });

  it('refuses an invalid schema: 400 FORM_SCHEMA_INVALID with every problem, paths into the body', async () => {
    const bad = {
      type: 'object',
      'x-cf': { title: '坏表单', reads: [], writes: ['a', 'ghost'] },
      properties: {
        a: { type: 'string', 'x-validator': { pattern: '[' }, 'x-reactions': '{{ alert(1) }}' },
        b: { type: 'string' },
      },
    };
    const response = await admin.post('/api/forms/bad-form/versions').send({ schema: bad });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('FORM_SCHEMA_INVALID');
    expect(response.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(response.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'schema.properties.a.x-reactions',
      'schema.properties.a.x-validator.pattern',
      'schema.properties.b',
      'schema.x-cf.writes',
    ]);
    expect((await admin.get('/api/forms/bad-form')).status).toBe(404);
  });

  it('refuses a body that is not { schema, title? }, and a malformed key', async () => {
    const notObject = await admin
      .post('/api/forms/x-form/versions')
      .send({ schema: 'text', sneaky: 1 });
    expect(notObject.status).toBe(400);
    expect(notObject.body.details).toEqual(
      expect.arrayContaining([
        { path: 'schema', message: '必须是对象' },
        { path: 'sneaky', message: '不允许的字段' },
      ]),
    );
    const badKey = await admin.post('/api/forms/Bad_Key/versions').send({ schema: schema('x') });
    expect(badKey.status).toBe(400);
    expect(badKey.body.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('who may manage forms', () => {
  it('district administrators only; one published version is readable by any user (start pages render it)', async () => {
    const answers = await Promise.all([
      office.get('/api/forms'),
      office.get('/api/forms/review-opinion'),
      office.get('/api/forms/review-opinion/versions/1'),
      office.post('/api/forms/review-opinion/versions').send({ schema: schema('x') }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([403, 403, 200, 403]);
    expect(answers[2].body).toMatchObject({ key: 'review-opinion', version: 1 });
  });

  it('another district sees none of them: 404, as for a key that exists nowhere', async () => {
    expect((await outsider.get('/api/forms')).body).toEqual([]);
    await expectHiddenFromOtherDistrict(
      outsider,
      { method: 'get', path: (key) => `/api/forms/${key}` },
      'review-opinion',
    );
    await expectHiddenFromOtherDistrict(
      outsider,
      { method: 'get', path: (key) => `/api/forms/${key}/versions/1` },
      'review-opinion',
    );
    // publishing under the same key in another district makes that district's version 1
    const theirs = await outsider
      .post('/api/forms/review-opinion/versions')
      .send({ schema: schema('他区') });
    expect(theirs.body.version).toBe(1);
    expect((await admin.get('/api/forms/review-opinion')).body.latest.version).toBe(2);
  });
});
