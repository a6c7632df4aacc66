import { type Agent, ApiHarness, type TestUser } from '../support/api-app';
import { expectHiddenFromOtherDistrict } from '../support/api-probes';

let api: ApiHarness;
let district: string;
let admin: Agent;
let adminUser: TestUser;

beforeAll(async () => {
  api = await ApiHarness.start();
  ({ district, agent: admin, user: adminUser } = await api.districtAdmin());
});
afterAll(async () => {
  await api?.close();
});

describe('units', () => {
  it('are created, listed, renamed and deleted', async () => {
    const created = await admin.post('/api/units').send({ name: ' 区卫健委 ', kind: 'unit' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: '区卫健委',
      kind: 'unit',
    });
    const id = created.body.id;

    expect((await admin.get('/api/units')).body.items).toContainEqual({
      id,
      name: '区卫健委',
      kind: 'unit',
    });
    const renamed = await admin.patch(`/api/units/${id}`).send({ name: '区卫生健康委员会' });
    expect(renamed.body).toEqual({ id, name: '区卫生健康委员会', kind: 'unit' });

    expect((await admin.delete(`/api/units/${id}`)).status).toBe(204);
    expect(
      (await admin.get('/api/units')).body.items.map((unit: { id: string }) => unit.id),
    ).not.toContain(id);
    expect((await admin.patch(`/api/units/${id}`).send({ name: 'x' })).status).toBe(404);
  });

  it('refuse a second unit of the same name (409) and a null where a value belongs (400)', async () => {
    await admin.post('/api/units').send({ name: '区财政局', kind: 'unit' }).expect(201);
    const duplicate = await admin.post('/api/units').send({ name: '区财政局', kind: 'other' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual({
      code: 'CONFLICT',
      message: '已有同名单位',
      details: [{ path: 'name', message: '已有同名单位' }],
    });
    const unit = (await admin.post('/api/units').send({ name: '区民政局', kind: 'unit' })).body;
    const nulled = await admin.patch(`/api/units/${unit.id}`).send({ name: null });
    expect(nulled.status).toBe(400);
    expect(nulled.body.details).toEqual([{ path: 'name', message: '必须是字符串' }]);
  });

  it('cannot be deleted while people belong to them', async () => {
    const unitId = await api.createUnit(district, '区水务局');
    await api.createUser(district, { unitId });
    const response = await admin.delete(`/api/units/${unitId}`);
    expect(response.status).toBe(409);
    expect(response.body.message).toContain('1 个用户');
  });

  it('are listed in pages', async () => {
    const { agent, district: own } = await api.districtAdmin();
    for (let i = 0; i < 5; i += 1) await api.createUnit(own, `单位${i}`);
    const first = await agent.get('/api/units?limit=2');
    expect(first.body.items.map((unit: { name: string }) => unit.name)).toEqual(['单位0', '单位1']);
    const second = await agent.get(`/api/units?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((unit: { name: string }) => unit.name)).toEqual([
      '单位2',
      '单位3',
    ]);
    const last = await agent.get(`/api/units?limit=2&cursor=${second.body.nextCursor}`);
    expect(last.body).toEqual({ items: [expect.objectContaining({ name: '单位4' })] });
  });
});

describe('users', () => {
  it('are created (password never shown), listed, filtered and changed', async () => {
    const unitId = await api.createUnit(district, '区住建局');
    const created = await admin.post('/api/users').send({
      username: 'liu.wei',
      name: '刘伟',
      password: 'Initial-pass-1',
      phone: '13800000000',
      unitId,
      roles: ['unit'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      username: 'liu.wei',
      name: '刘伟',
      phone: '13800000000',
      unitId,
      roles: ['unit'],
      isDistrictAdmin: false,
      disabled: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const id = created.body.id;
    expect(JSON.stringify((await admin.get('/api/users')).body)).not.toMatch(
      /passwordHash|\$2[aby]\$/,
    );

    const filtered = await admin.get(`/api/users?role=unit&unitId=${unitId}&q=刘`);
    expect(filtered.body.items.map((user: { id: string }) => user.id)).toEqual([id]);

    const changed = await admin
      .patch(`/api/users/${id}`)
      .send({ name: '刘伟强', phone: null, unitId: null, roles: ['deputy', 'member'] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: '刘伟强', roles: ['deputy', 'member'] });
    expect(changed.body).not.toHaveProperty('phone');
    expect(changed.body).not.toHaveProperty('unitId');
  });

  it('refuse a username taken in any district, and a unit of another district', async () => {
    const elsewhere = await api.createDistrict();
    const taken = await api.createUser(elsewhere, { username: 'taken.name' });
    const duplicate = await admin
      .post('/api/users')
      .send({ username: 'TAKEN.name', name: '重名', password: 'Initial-pass-1' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.details).toEqual([{ path: 'username', message: '用户名已被使用' }]);

    const foreignUnit = await api.createUnit(taken.district, '外区单位');
    const response = await admin
      .post('/api/users')
      .send({ username: 'new.one', name: '新人', password: 'weak', unitId: foreignUnit });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { path: 'unitId', message: '单位不存在' },
        { path: 'password', message: '密码不能少于 8 个字符' },
      ]),
    );
  });

  it('an administrator may not disable or demote themselves', async () => {
    const disable = await admin.patch(`/api/users/${adminUser.id}`).send({ disabled: true });
    expect(disable.status).toBe(409);
    const demote = await admin.patch(`/api/users/${adminUser.id}`).send({ isDistrictAdmin: false });
    expect(demote.status).toBe(409);
  });
});

describe('roles', () => {
  it('lists the nine role keys with zh-CN labels and sets who holds one', async () => {
    const { agent, district: own } = await api.districtAdmin();
    const a = await api.createUser(own, { roles: ['office'] });
    const b = await api.createUser(own);
    const list = await agent.get('/api/roles');
    expect(list.body.map((role: { key: string }) => role.key)).toEqual([
      'council',
      'committee',
      'deputyAffairs',
      'office',
      'member',
      'deputy',
      'govOffice',
      'unit',
      'leader',
    ]);
    expect(list.body.find((role: { key: string }) => role.key === 'office')).toEqual({
      key: 'office',
      label: '办公室',
      userIds: [a.id],
    });

    const set = await agent.put('/api/roles/office').send({ userIds: [b.id] });
    expect(set.body).toEqual({ key: 'office', label: '办公室', userIds: [b.id] });
    const users = (await agent.get('/api/users')).body.items as { id: string; roles: string[] }[];
    expect(users.find((user) => user.id === a.id)?.roles).toEqual([]);
    expect(users.find((user) => user.id === b.id)?.roles).toEqual(['office']);
  });

  it('refuses an unknown role (404) and users of another district (400, like missing ones)', async () => {
    expect((await admin.put('/api/roles/pope').send({ userIds: [] })).status).toBe(404);
    const foreign = await api.createUser(await api.createDistrict());
    const response = await admin
      .put('/api/roles/deputy')
      .send({ userIds: [adminUser.id, foreign.id] });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ path: 'userIds[1]', message: '用户不存在' }]);
  });
});

describe('calendar', () => {
  it('starts with the State Council holidays and takes the district’s own', async () => {
    const initial = await admin.get('/api/calendar');
    expect(initial.body.holidays).toContain('2026-10-01');
    const saved = await admin
      .put('/api/calendar')
      .send({ holidays: ['2027-01-01'], workdays: ['2027-01-09'] });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ holidays: ['2027-01-01'], workdays: ['2027-01-09'] });
    expect((await admin.get('/api/calendar')).body).toEqual(saved.body);
  });

  it('refuses dates that do not exist, a day both off and on, and a make-up day on a weekday', async () => {
    const response = await admin.put('/api/calendar').send({
      holidays: ['2027-02-30', '2027-01-09'],
      workdays: ['2027-01-09', '2027-01-11', '2027/01/16'],
    });
    expect(response.status).toBe(400);
    // Format first: each list is one field whose items must all look like dates.
    expect(response.body.details).toEqual([
      { path: 'workdays', message: '日期格式须为 YYYY-MM-DD' },
    ]);
    const semantic = await admin
      .put('/api/calendar')
      .send({ holidays: ['2027-02-30', '2027-01-09'], workdays: ['2027-01-09', '2027-01-11'] });
    expect(semantic.body.details).toEqual([
      { path: 'holidays[0]', message: '不是有效日期' },
      { path: 'workdays[0]', message: '同一天不能既是节假日又是调休工作日' },
      { path: 'workdays[1]', message: '调休工作日须为周六或周日' },
    ]);
  });
});

describe('parameters', () => {
  it('are the library defaults until the district saves its own values', async () => {
    const { agent } = await api.districtAdmin();
    const defaults = await agent.get('/api/parameters');
    expect(defaults.status).toBe(200);
    expect(defaults.body).toMatchObject({ replyDeadline: 'P3M', maxRectificationRounds: 2 });

    const saved = await agent
      .put('/api/parameters')
      .send({ replyDeadline: 'P2M', maxRectificationRounds: 3 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      replyDeadline: 'P2M',
      maxRectificationRounds: 3,
      replyDeadlineExtended: 'P6M',
    });
    expect((await agent.get('/api/parameters')).body).toEqual(saved.body);
  });

  it('refuse unknown keys and bad values, each with its path', async () => {
    const response = await admin
      .put('/api/parameters')
      .send({ replyDeadline: 'three months', shoeSize: 44 });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { path: 'replyDeadline', message: expect.any(String) },
        { path: 'shoeSize', message: '没有这个参数' },
      ]),
    );
    const list = await admin.put('/api/parameters').send([1, 2]);
    expect(list.status).toBe(400);
  });
});

describe('the current district', () => {
  it('names the caller’s district', async () => {
    const response = await admin.get('/api/districts/current');
    expect(response.body).toEqual({
      id: district,
      name: '测试区',
      code: district,
      clonedTemplates: [],
    });
  });
});

describe('who may administer', () => {
  it('a user who is not a district administrator gets 403 on every administration route', async () => {
    const clerk = await api.loginAs(
      await api.createUser(district, { roles: ['office', 'council'] }),
    );
    const answers = await Promise.all([
      clerk.get('/api/units'),
      clerk.post('/api/units').send({ name: '区统计局', kind: 'unit' }),
      clerk.get('/api/users'),
      clerk.get('/api/roles'),
      clerk.put('/api/roles/office').send({ userIds: [] }),
      clerk.get('/api/parameters'),
      clerk.put('/api/calendar').send({ holidays: [], workdays: [] }),
      clerk.get('/api/districts/current'),
      clerk.get('/api/districts'),
      clerk.post('/api/districts').send({}),
    ]);
    expect(answers.map((response) => [response.status, response.body.code])).toEqual(
      Array(10).fill([403, 'FORBIDDEN']),
    );
  });

  it('a district administrator may not list or create districts', async () => {
    expect((await admin.get('/api/districts')).status).toBe(403);
  });

  it('a district administrator asking for another district with ?district= gets 404', async () => {
    const other = await api.createDistrict();
    const response = await admin.get(`/api/units?district=${other}`);
    expect(response.status).toBe(404);
  });
});

describe('a platform administrator', () => {
  let platform: Agent;
  beforeAll(async () => {
    const home = await api.createDistrict('平台');
    platform = await api.loginAs(await api.createUser(home, { isPlatformAdmin: true }));
  });

  it('administers any district with ?district=, and an unknown one is 404', async () => {
    const target = await api.createDistrict('目标区');
    const created = await platform
      .post(`/api/units?district=${target}`)
      .send({ name: '区应急局', kind: 'unit' });
    expect(created.status).toBe(201);
    const units = await platform.get(`/api/units?district=${target}&limit=10`);
    expect(units.body.items).toEqual([created.body]);
    expect((await platform.get('/api/units?district=no-such-district')).status).toBe(404);
    expect((await platform.get(`/api/districts/current?district=${target}`)).body.name).toBe(
      '目标区',
    );
  });

  it('lists districts and creates one with its administrator, units and roles', async () => {
    const response = await platform.post('/api/districts').send({
      name: '新建区',
      code: 'xinjian',
      templates: [],
      roleMapping: { office: ['xj-admin'], deputyAffairs: ['XJ-Admin'] },
      admin: { username: 'xj-admin', name: '新建区管理员', password: 'Xinjian-2026' },
      parameters: { replyDeadline: 'P2M' },
      units: [
        { name: '区教育局', kind: 'unit' },
        { name: '区政府办', kind: 'govOffice' },
      ],
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: 'xinjian' });

    const newAdmin = await api.loginAs({ username: 'xj-admin', password: 'Xinjian-2026' });
    expect((await newAdmin.get('/api/auth/me')).body).toMatchObject({
      district: { id: 'xinjian', name: '新建区' },
      roles: ['deputyAffairs', 'office'],
      isDistrictAdmin: true,
    });
    expect(
      (await newAdmin.get('/api/units')).body.items.map((unit: { name: string }) => unit.name),
    ).toEqual(['区教育局', '区政府办']);
    expect((await newAdmin.get('/api/parameters')).body.replyDeadline).toBe('P2M');

    const list = await platform.get('/api/districts?limit=100');
    expect(list.body.items).toContainEqual({
      id: 'xinjian',
      name: '新建区',
      code: 'xinjian',
      createdAt: expect.any(String),
    });
  });

  it('is refused a taken code (409), a role for someone who does not exist yet and an unknown template (400)', async () => {
    const taken = await platform.post('/api/districts').send({
      name: '重复',
      code: district,
      templates: [],
      roleMapping: {},
      admin: { username: 'dup-admin', name: '管理员', password: 'Duplicate-1' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.details).toEqual([{ path: 'code', message: '区县代码已被使用' }]);
    expect(
      (await platform.get('/api/users?district=' + district)).body.items.map(
        (u: { username: string }) => u.username,
      ),
    ).not.toContain('dup-admin');

    const invalid = await platform.post('/api/districts').send({
      name: '无效',
      code: 'wuxiao',
      templates: ['no-such-template'],
      roleMapping: { council: ['somebody'], pope: [] },
      parameters: { replyDeadline: 'soon' },
      admin: { username: 'wx-admin', name: '管理员', password: 'Wuxiao-2026' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details).toEqual(
      expect.arrayContaining([
        { path: 'roleMapping.council[0]', message: expect.any(String) },
        { path: 'roleMapping.pope', message: '未知角色' },
        { path: 'parameters.replyDeadline', message: expect.any(String) },
      ]),
    );
    expect(
      (invalid.body.details as { path: string }[]).some((d) => d.path.startsWith('templates')),
    ).toBe(true);
    expect((await platform.get('/api/districts/current?district=wuxiao')).status).toBe(404);
  });
});

describe('another district’s ids', () => {
  it('answer 404 with nothing to tell them from ids that exist nowhere, and change nothing', async () => {
    const unitId = await api.createUnit(district, '保密单位');
    const user = await api.createUser(district, { name: '保密用户' });
    const { agent: outsider } = await api.districtAdmin();

    await expectHiddenFromOtherDistrict(
      outsider,
      { method: 'patch', path: (id) => `/api/units/${id}`, body: { name: '改名' } },
      unitId,
    );
    await expectHiddenFromOtherDistrict(
      outsider,
      { method: 'delete', path: (id) => `/api/units/${id}` },
      unitId,
    );
    await expectHiddenFromOtherDistrict(
      outsider,
      { method: 'patch', path: (id) => `/api/users/${id}`, body: { disabled: true } },
      user.id,
    );

    const units = (await admin.get('/api/units?limit=100')).body.items;
    expect(units).toContainEqual({ id: unitId, name: '保密单位', kind: 'unit' });
    const users = (await admin.get('/api/users?limit=100')).body.items;
    expect(users).toContainEqual(expect.objectContaining({ id: user.id, disabled: false }));
  });

  it('never appear in another district’s lists', async () => {
    const { agent: outsider } = await api.districtAdmin();
    const everything = JSON.stringify([
      (await outsider.get('/api/units?limit=100')).body,
      (await outsider.get('/api/users?limit=100')).body,
      (await outsider.get('/api/roles')).body,
      (await outsider.get('/api/directory/users')).body,
      (await outsider.get('/api/directory/units')).body,
    ]);
    expect(everything).not.toContain(adminUser.id);
    expect(everything).not.toContain('保密');
  });
});
