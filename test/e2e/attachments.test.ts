import { e2eApi, e2eApiSignIn, type E2eApiRequest } from '../support/e2e-api';
import { E2eBrowser, screenshot } from '../support/e2e-browser';
import { DEMO, E2E_ADMIN_PASSWORD } from '../support/e2e-env';
import { field } from '../support/e2e-form';
import { suggestionAtUnit } from '../support/e2e-suggestion';

/**
 * A deputy attaches a PDF and a photo to a suggestion (a file of a forbidden type and one over
 * the district's limit are refused on the spot); the unit handling it finds and downloads them
 * on its task; a user of another district gets 404 for the file's address.
 */

const TITLE = `关于修缮学校围墙的建议（${Date.now().toString(36)}）`;
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.alloc(200_000, 0x20),
  Buffer.from('\n%%EOF\n'),
]);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4_000)]);

let browser: E2eBrowser;
beforeAll(async () => {
  browser = await E2eBrowser.launch();
});
afterAll(async () => {
  await browser?.close();
});

const call = (path: string, init?: E2eApiRequest) => e2eApi(browser.baseUrl, path, init);
const signInApi = (username: string, password?: string) =>
  e2eApiSignIn(browser.baseUrl, username, password);

it('attaches a PDF and a photo to a suggestion, and the handling unit downloads them', async () => {
  // the district allows 1 MB per file for this test
  const admin = await signInApi(DEMO.districtAdmin);
  const saved = (await call('/api/parameters', { cookie: admin })).body;
  const limited = { ...saved, attachmentMaxMb: 1 };
  expect(
    (await call('/api/parameters', { method: 'PUT', cookie: admin, body: limited })).status,
  ).toBe(200);

  // 陈静 (区教育局) finds the files on the task, under 文书与附件
  const unit = await suggestionAtUnit(browser, TITLE, async (deputy) => {
    const attachments = field(deputy, '附件');
    const input = attachments.locator('input[type=file]');
    await input.setInputFiles([
      { name: '学校围墙现状.pdf', mimeType: 'application/pdf', buffer: PDF },
      { name: '围墙照片.png', mimeType: 'image/png', buffer: PNG },
    ]);
    // a row is done when it can be removed (while uploading it shows the name and a progress bar)
    await attachments.getByRole('button', { name: '移除 学校围墙现状.pdf' }).waitFor();
    await attachments.getByRole('button', { name: '移除 围墙照片.png' }).waitFor();
    // a program renamed to .pdf, and a file over the limit: refused, with the reason
    await input.setInputFiles([{ name: '说明.pdf', mimeType: 'application/pdf', buffer: EXE }]);
    await attachments.getByText(/说明\.pdf：不支持此类文件；可上传：PDF/).waitFor();
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1_200_000, 0x20)]);
    await input.setInputFiles([{ name: '大文件.pdf', mimeType: 'application/pdf', buffer: big }]);
    await attachments.getByText('大文件.pdf：文件超过 1 MB 的上限').waitFor();
    await screenshot(deputy, 'attachments-on-suggestion');
  });
  await unit.getByRole('tab', { name: /文书与附件/ }).click();
  const link = unit.getByRole('link', { name: '学校围墙现状.pdf', exact: true });
  await link.waitFor();
  await unit.getByRole('link', { name: '围墙照片.png', exact: true }).waitFor();
  await screenshot(unit, 'attachments-on-task');
  const href = await link.getAttribute('href');
  const download = unit.waitForEvent('download');
  await unit.getByRole('link', { name: '下载 学校围墙现状.pdf' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('学校围墙现状.pdf');
  const fetched = await unit.request.get(href!);
  expect(fetched.status()).toBe(200);
  expect((await fetched.body()).length).toBe(PDF.length);

  // someone of another district asks for the same address: 404
  const platform = await signInApi(DEMO.platformAdmin, E2E_ADMIN_PASSWORD);
  const code = `att${Date.now().toString(36).slice(-6)}`;
  const created = await call('/api/districts', {
    method: 'POST',
    cookie: platform,
    body: {
      code,
      name: '附件测试区',
      templates: [],
      roleMapping: {},
      admin: { username: `${code}-admin`, name: '他区管理员', password: 'Other-admin-2026' },
    },
  });
  expect(created.status).toBe(201);
  const other = await signInApi(`${code}-admin`, 'Other-admin-2026');
  expect((await call(href!, { cookie: other })).status).toBe(404);
  // the district's parameters as they were
  expect(
    (await call('/api/parameters', { method: 'PUT', cookie: admin, body: saved })).status,
  ).toBe(200);
});
