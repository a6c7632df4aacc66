import { DemoSeeder, type DemoSeedContext } from '../../server/src/seed/demo-seeder';
import type { SeedSettings } from '../../server/src/seed/seed-settings';
import { ApiHarness } from '../support/api-app';

let api: ApiHarness;
let printed: string[];
let settings: SeedSettings;

beforeAll(async () => {
  printed = [];
  settings = { demo: true, print: (text) => printed.push(text) };
  api = await ApiHarness.start({ seed: settings });
});
afterAll(async () => {
  await api?.close();
});

/** The password printed next to a username in the credentials block. */
function printedPassword(username: string): string {
  const row = printed
    .join('\n')
    .split('\n')
    .find((line) => line.trim().startsWith(`${username} `));
  if (!row) throw new Error(`${username} is not in the credentials block`);
  return row.trim().split(/\s+/)[1];
}

const count = (collection: string) => api.db.connection.collection(collection).countDocuments();

describe('the first start on an empty database', () => {
  it('prints one block with the platform admin and one user per role, their passwords working', async () => {
    expect(printed).toHaveLength(1);
    const block = printed[0];
    expect(block).toContain('CongressFlow 初始账号');
    for (const username of [
      'admin',
      'demo-admin',
      'council',
      'leader',
      'committee',
      'deputyaffairs',
      'office',
      'member',
      'deputy',
      'govoffice',
      'unit-fgj',
    ]) {
      expect(block).toMatch(new RegExp(`^\\s+${username} `, 'm'));
    }
    const office = await api.loginAs({ username: 'office', password: printedPassword('office') });
    expect((await office.get('/api/auth/me')).body).toMatchObject({
      name: '孙晓梅',
      district: { id: 'demo', name: '示范区' },
      roles: ['office'],
      unitId: 'demo-u6-rdb',
    });
  });

  it('creates 示范区 with its units, administered by demo-admin, overseen by the platform admin', async () => {
    const demoAdmin = await api.loginAs({
      username: 'demo-admin',
      password: printedPassword('demo-admin'),
    });
    const units = (await demoAdmin.get('/api/units')).body.items.map(
      (unit: { name: string }) => unit.name,
    );
    expect(units).toEqual([
      '区发改局',
      '区教育局',
      '区住建局',
      '区卫健委',
      '区政府办',
      '区人大常委会办公室',
      '代表工委',
      '财经工委',
    ]);
    const roles = (await demoAdmin.get('/api/roles')).body as { key: string; userIds: string[] }[];
    expect(roles.filter((role) => role.userIds.length === 0)).toEqual([]);

    const platform = await api.loginAs({ username: 'admin', password: printedPassword('admin') });
    expect((await platform.get('/api/auth/me')).body).toMatchObject({
      isPlatformAdmin: true,
      district: { id: 'platform' },
    });
    expect((await platform.get('/api/districts')).body.items).toEqual([
      { id: 'demo', name: '示范区', code: 'demo', createdAt: expect.any(String) },
    ]);
  });
});

describe('a restart', () => {
  it('adds nothing and prints no passwords', async () => {
    const before = {
      users: await count('users'),
      units: await count('units'),
      districts: await count('districts'),
    };
    await api.app.get(DemoSeeder).seed(settings);
    expect({
      users: await count('users'),
      units: await count('units'),
      districts: await count('districts'),
    }).toEqual(before);
    expect(printed).toHaveLength(1);
  });

  it('after a crash midway, makes what is missing and prints only those accounts', async () => {
    await api.db.connection.collection('users').deleteOne({ username: 'member' });
    await api.db.connection.collection('usernames').deleteOne({ _id: 'member' as never });
    await api.db.connection.collection('units').deleteOne({ _id: 'demo-u8-cjgw' as never });
    await api.app.get(DemoSeeder).seed(settings);
    expect(printed).toHaveLength(2);
    expect(printed[1]).toMatch(/^\s+member /m);
    expect(printed[1]).not.toMatch(/^\s+office /m);
    expect(
      await api.db.connection.collection('units').countDocuments({ _id: 'demo-u8-cjgw' as never }),
    ).toBe(1);
  });
});

describe('seed steps added by other modules', () => {
  it('run once per database, after the demo district, with its ids', async () => {
    const seeder = api.app.get(DemoSeeder);
    const seen: DemoSeedContext[] = [];
    seeder.addStep({ name: 'deploy-templates', run: async (context) => void seen.push(context) });
    await seeder.seed(settings);
    await seeder.seed(settings);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      district: 'demo',
      users: expect.objectContaining({ office: expect.any(String), deputy: expect.any(String) }),
      units: expect.objectContaining({ 区教育局: 'demo-u2-jyj' }),
    });
    expect(() => seeder.addStep({ name: 'deploy-templates', run: async () => undefined })).toThrow(
      /twice/,
    );
  });

  it('that fail are tried again at the next start', async () => {
    const seeder = api.app.get(DemoSeeder);
    let calls = 0;
    seeder.addStep({
      name: 'flaky',
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error('database hiccup');
      },
    });
    await expect(seeder.seed(settings)).rejects.toThrow('database hiccup');
    await seeder.seed(settings);
    await seeder.seed(settings);
    expect(calls).toBe(2);
  });
});
