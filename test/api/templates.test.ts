import { TemplatesService } from '../../server/src/templates/templates.service';
import { type Agent, ApiHarness } from '../support/api-app';

/**
 * The template library (docs/api.md "Templates"): the list, the clone wizard installing templates
 * into a new district, and updates from a newer library version with their difference.
 */
jest.setTimeout(120_000);

let api: ApiHarness;
let platform: Agent;
let home: string;

beforeAll(async () => {
  api = await ApiHarness.start();
  home = await api.createDistrict('平台');
  platform = await api.loginAs(await api.createUser(home, { isPlatformAdmin: true }));
});
afterAll(async () => {
  await api?.close();
});

const cloneDistrict = async (code: string, templates: string[]) => {
  const password = 'Clone-pass-2026';
  const response = await platform.post('/api/districts').send({
    name: `${code}区`,
    code,
    templates,
    roleMapping: { deputyAffairs: [`${code}-admin`] },
    admin: { username: `${code}-admin`, name: '管理员', password },
  });
  expect(response.status).toBe(201);
  return api.loginAs({ username: `${code}-admin`, password });
};

describe('GET /templates', () => {
  it('lists the library: key, name, version, description and what each template brings', async () => {
    const response = await platform.get('/api/templates');
    expect(response.status).toBe(200);
    const suggestion = response.body.find((t: { key: string }) => t.key === 'suggestion-handling');
    expect(suggestion).toEqual({
      key: 'suggestion-handling',
      name: '代表建议办理',
      version: expect.any(Number),
      description: expect.stringMatching(/[\u4e00-\u9fff]/),
      dependsOn: ['four-party-review'],
      processKeys: ['suggestion-handling'],
      formKeys: expect.arrayContaining(['suggestion-submit', 'suggestion-handle']),
      documentKeys: expect.arrayContaining(['reply-letter']),
    });
    expect(response.body.map((t: { key: string }) => t.key)).toEqual(
      expect.arrayContaining(['satisfaction-vote', 'four-party-review']),
    );
  });

  it('is for administrators', async () => {
    const user = await api.loginAs(await api.createUser(home, { roles: ['office'] }));
    expect((await user.get('/api/templates')).status).toBe(403);
    expect((await user.get('/api/templates/updates')).status).toBe(403);
  });
});

describe('the clone wizard (POST /districts with templates)', () => {
  it('installs the chosen templates and what they call, and records them as cloned', async () => {
    const admin = await cloneDistrict('tpl-a', ['suggestion-handling']);
    const current = (await admin.get('/api/districts/current')).body;
    expect(current.clonedTemplates).toEqual(
      expect.arrayContaining([
        { key: 'four-party-review', version: expect.any(Number) },
        { key: 'suggestion-handling', version: expect.any(Number) },
      ]),
    );
    const definitions = (await admin.get('/api/definitions')).body;
    expect(definitions.map((d: { key: string }) => d.key).sort()).toEqual([
      'four-party-review',
      'suggestion-handling',
    ]);
    const forms = (await admin.get('/api/forms')).body.map((f: { key: string }) => f.key);
    expect(forms).toEqual(expect.arrayContaining(['suggestion-submit', 'four-party-decision']));
    expect((await admin.get('/api/templates/updates')).body).toEqual([]);
  });

  it('refuses unknown templates with their place in the request, and creates nothing', async () => {
    const response = await platform.post('/api/districts').send({
      name: '错误区',
      code: 'tpl-bad',
      templates: ['suggestion-handling', 'no-such-template'],
      roleMapping: {},
      admin: { username: 'tpl-bad-admin', name: '管理员', password: 'Clone-pass-2026' },
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ path: 'templates[1]', message: '模板不存在' }]);
    expect((await platform.get('/api/districts/current?district=tpl-bad')).status).toBe(404);
  });
});

describe('undoing an installation (a clone that failed after it)', () => {
  it('removes the district’s deployments, forms, install records and baselines, nothing else', async () => {
    const kept = await cloneDistrict('tpl-keep', ['satisfaction-vote']);
    await cloneDistrict('tpl-gone', ['satisfaction-vote']);
    await api.app.get(TemplatesService).discard('tpl-gone');
    const db = api.db.connection.db!;
    const left = async (district: string) =>
      Promise.all(
        ['engine_deployments', 'forms', 'template_installs', 'template_baselines'].map((name) =>
          db.collection(name).countDocuments({ district }),
        ),
      );
    expect(await left('tpl-gone')).toEqual([0, 0, 0, 0]);
    expect((await left('tpl-keep')).every((count) => count > 0)).toBe(true);
    expect((await kept.get('/api/definitions')).body).toHaveLength(1);
  });
});

describe('updates', () => {
  it('shows a newer library version with its difference, and applies it as new versions', async () => {
    const admin = await cloneDistrict('tpl-u', ['suggestion-handling']);
    const library = (await admin.get('/api/templates')).body.find(
      (t: { key: string }) => t.key === 'suggestion-handling',
    );
    // The repository holds one version of each template, so the test makes the district's
    // install an older one: version n-1, which lacked a field, named a task differently and had
    // a form the library has since dropped.
    await pretendOlderInstall('tpl-u', 'suggestion-handling', library.version);
    // and the district edited a form meanwhile
    const submit = (await admin.get('/api/forms/suggestion-submit')).body.latest;
    await admin
      .post('/api/forms/suggestion-submit/versions')
      .send({
        schema: { ...submit.schema, 'x-cf': { ...submit.schema['x-cf'], title: '本区建议表' } },
      })
      .expect(201);

    const updates = await admin.get('/api/templates/updates');
    expect(updates.status).toBe(200);
    expect(updates.body).toEqual([
      {
        key: 'suggestion-handling',
        name: '代表建议办理',
        from: library.version - 1,
        to: library.version,
        diff: {
          processes: [
            {
              key: 'suggestion-handling',
              change: 'modified',
              elements: {
                added: [],
                removed: [],
                renamed: [{ id: 'register', from: '登记', to: '审查登记' }],
              },
            },
          ],
          forms: [
            {
              key: 'suggestion-submit',
              change: 'modified',
              fields: {
                added: [expect.objectContaining({ path: 'title', title: expect.any(String) })],
                removed: [],
                renamed: [],
              },
            },
            {
              key: 'suggestion-old-form',
              change: 'removed',
              fields: { added: [], removed: [{ path: 'note', type: 'string' }], renamed: [] },
            },
          ],
          documents: { added: [], removed: [] },
        },
      },
    ]);

    const applied = await admin.post('/api/templates/suggestion-handling/apply-update');
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({
      key: 'suggestion-handling',
      from: library.version - 1,
      version: library.version,
    });
    // the library's form replaces the district's edit as a new version; the process follows
    expect(applied.body.forms).toContainEqual({
      key: 'suggestion-submit',
      version: 3,
      published: true,
    });
    expect(applied.body.processes).toContainEqual({
      key: 'suggestion-handling',
      version: 2,
      deployed: true,
    });
    expect((await admin.get('/api/forms/suggestion-submit')).body.latest.version).toBe(3);
    expect((await admin.get('/api/templates/updates')).body).toEqual([]);
    expect((await admin.get('/api/districts/current')).body.clonedTemplates).toContainEqual({
      key: 'suggestion-handling',
      version: library.version,
    });
    const again = await admin.post('/api/templates/suggestion-handling/apply-update');
    expect(again.status).toBe(409);
    expect((await admin.post('/api/templates/no-such/apply-update')).status).toBe(404);
  });
});

/**
 * Rewrites the district's install record and baseline of a template to an older version `n-1`
 * whose content differs from the library's in known ways.
 */
async function pretendOlderInstall(district: string, key: string, version: number) {
  const db = api.db.connection.db!;
  const installs = db.collection<{ _id: string; version: number }>('template_installs');
  const install = await installs.findOne({ _id: `${district}:${key}:${version}` });
  await installs.deleteOne({ _id: `${district}:${key}:${version}` });
  await installs.insertOne({
    ...install!,
    _id: `${district}:${key}:${version - 1}`,
    version: version - 1,
  });

  const baselines = db.collection<{ _id: string; version: number; contentJson: string }>(
    'template_baselines',
  );
  const baseline = await baselines.findOne({ _id: `${district}:${key}:${version}` });
  const content = JSON.parse(baseline!.contentJson) as {
    processes: { hash: string; elements: { id: string; name?: string }[] }[];
    forms: { key: string; hash: string; fields: { path: string }[] }[];
  };
  content.processes[0].hash = 'older';
  content.processes[0].elements.find((e) => e.id === 'register')!.name = '登记';
  const submit = content.forms.find((f) => f.key === 'suggestion-submit')!;
  submit.hash = 'older';
  submit.fields = submit.fields.filter((f) => f.path !== 'title');
  content.forms.push({
    key: 'suggestion-old-form',
    hash: 'old',
    fields: [{ path: 'note', type: 'string' } as { path: string }],
  });
  await baselines.insertOne({
    ...baseline!,
    _id: `${district}:${key}:${version - 1}`,
    version: version - 1,
    contentJson: JSON.stringify(content),
  });
}
