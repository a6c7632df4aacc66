import { DIRECTORY } from '../../server/src/directory/directory.token';
import type { Directory } from '../../server/src/workflow/directory.port';
import { type Agent, ApiHarness, type TestUser } from '../support/api-app';

let api: ApiHarness;
let district: string;
let education: string;
let health: string;
let office: TestUser;
let handler: TestUser;
let retired: TestUser;
let deputy: Agent;

beforeAll(async () => {
  api = await ApiHarness.start();
  district = await api.createDistrict();
  education = await api.createUnit(district, '区教育局');
  health = await api.createUnit(district, '区卫健委');
  office = await api.createUser(district, { name: '孙晓梅', roles: ['office'] });
  handler = await api.createUser(district, { name: '陈静', roles: ['unit'], unitId: education });
  retired = await api.createUser(district, { name: '陈旧', roles: ['unit'], unitId: education });
  await api.db.connection
    .collection('users')
    .updateOne({ _id: retired.id as never }, { $set: { disabled: true } });
  deputy = await api.loginAs(await api.createUser(district, { name: '吴丽娟', roles: ['deputy'] }));
});
afterAll(async () => {
  await api?.close();
});

describe('GET /api/directory/users', () => {
  it('is open to any signed-in user and lists enabled users with their unit name', async () => {
    const response = await deputy.get('/api/directory/users');
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      { id: office.id, name: '孙晓梅' },
      { id: handler.id, name: '陈静', unitName: '区教育局' },
      { id: expect.any(String), name: '吴丽娟' },
    ]);
  });

  it('filters by text, role and unit', async () => {
    expect((await deputy.get('/api/directory/users?q=陈')).body).toEqual([
      { id: handler.id, name: '陈静', unitName: '区教育局' },
    ]);
    expect((await deputy.get('/api/directory/users?role=office')).body).toEqual([
      { id: office.id, name: '孙晓梅' },
    ]);
    expect((await deputy.get(`/api/directory/users?unitId=${health}`)).body).toEqual([]);
    expect((await deputy.get('/api/directory/users?q=.*')).body).toEqual([]);
  });

  it('resolves ids to names, a disabled user included, for showing who did what', async () => {
    const response = await deputy.get(
      `/api/directory/users?ids=${retired.id},${handler.id},unknown-id`,
    );
    expect(response.body).toEqual([
      { id: handler.id, name: '陈静', unitName: '区教育局' },
      { id: retired.id, name: '陈旧', unitName: '区教育局' },
    ]);
  });

  it('refuses a role key that does not exist', async () => {
    const response = await deputy.get('/api/directory/users?role=pope');
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ path: 'role', message: '取值不在允许范围内' }]);
  });
});

describe('GET /api/directory/units', () => {
  it('lists current units, searchable by name', async () => {
    expect((await deputy.get('/api/directory/units')).body).toEqual([
      { id: education, name: '区教育局', kind: 'unit' },
      { id: health, name: '区卫健委', kind: 'unit' },
    ]);
    expect((await deputy.get('/api/directory/units?q=卫健&limit=5')).body).toEqual([
      { id: health, name: '区卫健委', kind: 'unit' },
    ]);
  });
});

describe('the Directory port the workflow resolves role: and unit assignments through', () => {
  let directory: Directory;
  beforeAll(() => {
    directory = api.app.get<Directory>(DIRECTORY);
  });

  it('gives the enabled holders of a role, within the district only', async () => {
    const elsewhere = await api.createDistrict();
    await api.createUser(elsewhere, { roles: ['unit'] });
    expect(await directory.usersWithRole(district, 'unit')).toEqual([handler.id]);
    expect(await directory.usersWithRole(district, 'council')).toEqual([]);
    expect(await directory.usersWithRole(district, 'no-such-role')).toEqual([]);
  });

  it('gives the role keys of an existing district', async () => {
    expect(await directory.roleKeys(district)).toEqual([
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
    expect(await directory.roleKeys('no-such-district')).toEqual([]);
  });

  it('looks up one user or unit, disabled and deleted ones included (finished work names them)', async () => {
    expect(await directory.user(district, handler.id)).toEqual({
      id: handler.id,
      name: '陈静',
      unitId: education,
      roles: ['unit'],
    });
    expect(await directory.user(district, retired.id)).toMatchObject({ name: '陈旧' });
    expect(await directory.user(await api.createDistrict(), handler.id)).toBeUndefined();
    expect(await directory.unit(district, health)).toEqual({
      id: health,
      name: '区卫健委',
      kind: 'unit',
    });
  });

  it('gives the enabled users acting for a unit', async () => {
    expect(await directory.usersOfUnit(district, education)).toEqual([handler.id]);
    expect(await directory.usersOfUnit(district, health)).toEqual([]);
  });
});
