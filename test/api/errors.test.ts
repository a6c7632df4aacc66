import { ApiHarness, type Agent } from '../support/api-app';

let api: ApiHarness;
let admin: Agent;
beforeAll(async () => {
  api = await ApiHarness.start();
  ({ agent: admin } = await api.districtAdmin());
});
afterAll(async () => {
  await api?.close();
});

const errorShape = { code: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fff]/) };

describe('bad input', () => {
  it('malformed JSON → 400 MALFORMED_JSON, without the parser’s text', async () => {
    const response = await admin
      .post('/api/units')
      .set('Content-Type', 'application/json')
      .send('{"name": "区教育局",');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: 'MALFORMED_JSON', message: '请求体不是有效的 JSON' });
  });

  it('wrong types, missing and unknown fields → 400 VALIDATION_FAILED listing every field', async () => {
    const response = await admin
      .post('/api/users')
      .send({ username: 42, roles: ['council', 'pope'], isDistrictAdmin: 'yes', shoeSize: 44 });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { path: 'username', message: '必须是字符串' },
        { path: 'name', message: '必填' },
        { path: 'password', message: '必填' },
        { path: 'roles', message: '取值不在允许范围内' },
        { path: 'isDistrictAdmin', message: '必须是布尔值（true 或 false）' },
        { path: 'shoeSize', message: '不允许的字段' },
      ]),
    );
    expect(response.body.details).toHaveLength(6);
  });

  it('a JSON value that is not an object → 400, never 500', async () => {
    const answers: Record<string, unknown> = {};
    for (const body of ['[1, 2]', '[]', '"text"', '42', 'null']) {
      const response = await admin
        .post('/api/units')
        .set('Content-Type', 'application/json')
        .send(body);
      answers[body] = [response.status, response.body.code];
    }
    expect(answers).toEqual({
      '[1, 2]': [400, 'VALIDATION_FAILED'],
      '[]': [400, 'VALIDATION_FAILED'],
      // body-parser's strict mode takes only objects and arrays at the top
      '"text"': [400, 'MALFORMED_JSON'],
      '42': [400, 'MALFORMED_JSON'],
      null: [400, 'MALFORMED_JSON'],
    });
  });

  it('a body that is not JSON at all is judged as an empty one', async () => {
    const response = await admin
      .post('/api/units')
      .set('Content-Type', 'text/plain')
      .send('name=区教育局');
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { path: 'name', message: '必填' },
      { path: 'kind', message: '必填' },
    ]);
  });

  it('nested paths use dots and brackets', async () => {
    const { user } = await api.districtAdmin();
    const platform = await api.loginAs(
      await api.createUser(user.district, { isPlatformAdmin: true }),
    );
    const response = await platform.post('/api/districts').send({
      name: '新区',
      code: 'new-district-1',
      templates: [],
      roleMapping: {},
      admin: { username: 'x', name: '', password: 'short' },
      units: [
        { name: '区教育局', kind: 'unit' },
        { name: '', kind: 'ministry' },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { path: 'admin.username', message: expect.stringContaining('用户名') },
        { path: 'admin.name', message: '不能为空' },
        { path: 'units[1].name', message: '不能为空' },
        { path: 'units[1].kind', message: '取值不在允许范围内' },
      ]),
    );
  });

  it('query parameters are validated too', async () => {
    const response = await admin.get('/api/units?limit=500&colour=red');
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { path: 'limit', message: '不能大于 100' },
        { path: 'colour', message: '不允许的字段' },
      ]),
    );
    const cursor = await admin.get('/api/units?cursor=not-a-cursor');
    expect(cursor.status).toBe(400);
    expect(cursor.body.details).toEqual([{ path: 'cursor', message: expect.any(String) }]);
  });
});

describe('every route that takes a DTO', () => {
  // A DTO imported with `import type` leaves Nest no class to validate against, and the pipe then
  // lets anything through. This table catches that for every body and query DTO route.
  it('refuses an unknown field, so its DTO is really applied', async () => {
    const { user } = await api.districtAdmin();
    const platform = await api.loginAs(
      await api.createUser(user.district, { isPlatformAdmin: true }),
    );
    const unit = (await admin.post('/api/units').send({ name: '区司法局', kind: 'unit' })).body.id;
    const someone = (await admin.get('/api/users')).body.items[0].id;
    const probes: [Agent, 'get' | 'post' | 'put' | 'patch', string][] = [
      [api.anonymous(), 'post', '/api/auth/login'],
      [admin, 'post', '/api/auth/password'],
      [admin, 'post', '/api/units'],
      [admin, 'patch', `/api/units/${unit}`],
      [admin, 'post', '/api/users'],
      [admin, 'patch', `/api/users/${someone}`],
      [admin, 'put', '/api/roles/office'],
      [admin, 'put', '/api/calendar'],
      [platform, 'post', '/api/districts'],
      [admin, 'get', '/api/units?sneaky=1'],
      [admin, 'get', '/api/users?sneaky=1'],
      [platform, 'get', '/api/districts?sneaky=1'],
      [admin, 'get', '/api/directory/users?sneaky=1'],
      [admin, 'get', '/api/directory/units?sneaky=1'],
    ];
    const answers: Record<string, unknown> = {};
    for (const [agent, method, path] of probes) {
      const response = await agent[method](path).send(method === 'get' ? undefined : { sneaky: 1 });
      const details = (response.body.details ?? []) as { path: string }[];
      answers[`${method} ${path}`] = [
        response.status,
        details.some((detail) => detail.path === 'sneaky'),
      ];
    }
    expect(answers).toEqual(
      Object.fromEntries(probes.map(([, method, path]) => [`${method} ${path}`, [400, true]])),
    );
  });
});

describe('body size', () => {
  const bodyOfSize = (bytes: number) => JSON.stringify({ name: 'x'.repeat(bytes), kind: 'unit' });

  it('refuses more than 1 MB with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await admin
      .post('/api/units')
      .set('Content-Type', 'application/json')
      .send(bodyOfSize(1024 * 1024 + 10));
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' });
  });

  it('takes up to 5 MB on the BPMN definition routes, and no more', async () => {
    const threeMb = await admin
      .post('/api/definitions')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ xml: 'x'.repeat(3 * 1024 * 1024) }));
    expect(threeMb.status).not.toBe(413);
    const sixMb = await admin
      .post('/api/definitions/validate')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ xml: 'x'.repeat(6 * 1024 * 1024) }));
    expect(sixMb.status).toBe(413);
  });
});

describe('every error', () => {
  it('an unknown route → 404 NOT_FOUND in the same shape', async () => {
    const response = await admin.get('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ code: 'NOT_FOUND', message: '未找到请求的资源' });
  });

  it('never carries a stack trace or the server’s English text', async () => {
    const responses = [
      await admin.get('/api/no-such-thing'),
      await admin.post('/api/units').set('Content-Type', 'application/json').send('{'),
      await admin.patch('/api/units/%E0%A4%A').send({}),
    ];
    for (const response of responses) {
      expect(response.body).toMatchObject(errorShape);
      expect(JSON.stringify(response.body)).not.toMatch(
        /at \w+ \(|\.ts:\d+|Error:|Cannot (GET|POST)/,
      );
    }
  });
});

describe('security headers (helmet)', () => {
  it('are set on API answers', async () => {
    const response = await api.raw().get('/api/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
