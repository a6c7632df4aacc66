import { DemoSeeder } from '../../server/src/seed/demo-seeder';
import type { SeedSettings } from '../../server/src/seed/seed-settings';
import { ApiHarness } from '../support/api-app';

/** The demo seed's workflow steps: 示范区 gets the templates and instances in flight. */
jest.setTimeout(180_000);

const PASSWORD = 'Demo-pass-2026';
let api: ApiHarness;
let settings: SeedSettings;

beforeAll(async () => {
  settings = {
    demo: true,
    demoPassword: PASSWORD,
    adminPassword: PASSWORD,
    print: () => undefined,
  };
  api = await ApiHarness.start({ seed: settings });
});
afterAll(async () => {
  await api?.close();
});

const login = (username: string) => api.loginAs({ username, password: PASSWORD });
const taskNames = async (username: string, view: string) =>
  ((await (await login(username)).get(`/api/tasks?view=${view}`)).body.items as { name: string }[])
    .map((task) => task.name)
    .sort();
const instances = () =>
  api.db.connection.collection('engine_instances').countDocuments({ district: 'demo' });

describe('示范区 after the first start', () => {
  it('has every template of the library installed and recorded as cloned', async () => {
    const admin = await login('demo-admin');
    const library = (await admin.get('/api/templates')).body.map((t: { key: string }) => t.key);
    const cloned = (await admin.get('/api/districts/current')).body.clonedTemplates;
    expect(cloned.map((t: { key: string }) => t.key).sort()).toEqual([...library].sort());
    const definitions = (await admin.get('/api/definitions')).body;
    expect(definitions.map((d: { key: string }) => d.key)).toContain('suggestion-handling');
  });

  it('has work in flight: a suggestion to register, one 区教育局 handles, a special inquiry', async () => {
    expect(await taskNames('deputyaffairs', 'claimable')).toEqual(['审查登记']);
    expect(await taskNames('unit-jyj', 'claimable')).toEqual(['办理并答复', '申请退办']);
    expect(await taskNames('committee', 'claimable')).toEqual(['制定专题询问工作方案']);
    const started = await (await login('deputy')).get('/api/tasks?view=started');
    expect(started.body.items).toHaveLength(2);
  });

  it('starts nothing twice when its steps run again (a crash before they were recorded)', async () => {
    const before = await instances();
    await api.db.connection.collection('seed_marks').deleteMany({});
    await api.app.get(DemoSeeder).seed(settings);
    expect(await instances()).toBe(before);
    expect(await taskNames('deputyaffairs', 'claimable')).toEqual(['审查登记']);
  });
});
