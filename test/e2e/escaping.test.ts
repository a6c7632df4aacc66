import { e2eApi, type E2eApiRequest } from '../support/e2e-api';
import { E2eBrowser, screenshot } from '../support/e2e-browser';
import { DEMO, passwordOf } from '../support/e2e-env';

/**
 * Text people type is shown to other people as text, never run: a comment carrying markup and
 * script, shown on the task's record (timeline) and in the task page, leaves the page's script
 * untouched and reads literally.
 */

const PAYLOAD = '<img src=x onerror="window.__cfXss=1"><script>window.__cfXss=2</script>意见';

let browser: E2eBrowser;
beforeAll(async () => {
  browser = await E2eBrowser.launch();
});
afterAll(async () => {
  await browser?.close();
});

const api = (path: string, init?: E2eApiRequest) => e2eApi(browser.baseUrl, path, init);

it('shows a comment full of markup as text in the record and runs none of it', async () => {
  const user = DEMO.unitEducation;
  const login = await api('/api/auth/login', {
    method: 'POST',
    body: { username: user, password: passwordOf(user) },
  });
  const cookie = login.cookie!;
  const pool = await api('/api/tasks?view=claimable', { cookie });
  const task = (pool.body.items as { id: string; instanceId: string }[])[0];
  const commented = await api(`/api/tasks/${task.id}/comment`, {
    method: 'POST',
    cookie,
    body: { text: PAYLOAD },
  });
  expect(commented.status).toBe(204);

  const page = await browser.signIn(user);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`/tasks/${encodeURIComponent(task.id)}`);
  await page.getByText('window.__cfXss=2').first().waitFor();
  await screenshot(page, 'escaping-task-record');
  expect(await page.evaluate('window.__cfXss')).toBeUndefined();
  expect(dialogs).toEqual([]);
  // the text is there as typed, and no element came from it
  expect(await page.getByText(PAYLOAD).count()).toBeGreaterThan(0);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});
