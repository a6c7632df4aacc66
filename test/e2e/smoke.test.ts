import { E2eBrowser, PHONE, screenshot } from '../support/e2e-browser';
import { DEMO } from '../support/e2e-env';

let browser: E2eBrowser;
beforeAll(async () => {
  browser = await E2eBrowser.launch();
});
afterAll(async () => {
  await browser?.close();
});

it('smoke', async () => {
  const page = await browser.signIn(DEMO.deputyAffairs);
  await page.getByRole('tab').first().waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'smoke-desktop');
  const phone = await browser.signIn(DEMO.deputyAffairs, { viewport: PHONE });
  await phone.waitForLoadState('networkidle');
  await screenshot(phone, 'smoke-phone');
  expect(await page.getByRole('tab').count()).toBeGreaterThan(0);
});
