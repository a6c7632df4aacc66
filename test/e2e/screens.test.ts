import type { Page } from 'playwright-core';
import { DESKTOP, E2eBrowser, PHONE, screenshot } from '../support/e2e-browser';
import { DEMO } from '../support/e2e-env';
import { field, named } from '../support/e2e-form';

/**
 * The screens people use most, saved as pictures in test-results/e2e/ for a person to look at:
 * the inbox on a desktop (1280 px) and on a phone (375 px), a task page, and the two designers.
 * Each is taken once the screen has finished loading, and each must fit its width.
 */

let browser: E2eBrowser;
beforeAll(async () => {
  browser = await E2eBrowser.launch();
});
afterAll(async () => {
  await browser?.close();
});

/** How far the page is wider than the window (0 when nothing sticks out sideways). */
async function sidewaysOverflow(page: Page): Promise<number> {
  const widths = (await page.evaluate(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  )) as [number, number];
  return widths[0] - widths[1];
}

/** 陈静 of 区教育局 has the demo's 办理并答复 waiting to be claimed. */
async function inboxWithWork(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /^\s*待认领/ }).click();
  await page.getByText('办理并答复').first().waitFor();
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
}

it('the inbox, on a desktop and on a phone', async () => {
  const desktop = await browser.signIn(DEMO.unitEducation, { viewport: DESKTOP });
  await inboxWithWork(desktop);
  await screenshot(desktop, 'inbox-desktop-1280');
  expect(await sidewaysOverflow(desktop)).toBe(0);

  const phone = await browser.signIn(DEMO.unitEducation, { viewport: PHONE });
  await inboxWithWork(phone);
  await screenshot(phone, 'inbox-phone-375');
  expect(await sidewaysOverflow(phone)).toBe(0);
  // on a phone the list is cards, each with its own 认领 button
  expect(await phone.locator('.ant-table').count()).toBe(0);
  await phone
    .getByRole('button', { name: named('认领') })
    .first()
    .waitFor();
});

it('a task page', async () => {
  const page = await browser.signIn(DEMO.unitEducation);
  await inboxWithWork(page);
  await page.locator('.ant-table-row', { hasText: '办理并答复' }).first().click();
  await page.getByRole('heading', { name: '办理并答复' }).waitFor();
  await page.getByRole('button', { name: named('认领') }).click();
  await page.getByRole('button', { name: named('提交') }).waitFor();
  await field(page, '本次提交').waitFor();
  await page.locator('.ant-timeline').waitFor();
  await screenshot(page, 'task-page-desktop');
  expect(await sidewaysOverflow(page)).toBe(0);

  const phone = await browser.signIn(DEMO.unitEducation, {
    viewport: PHONE,
    next: new URL(page.url()).pathname,
  });
  await phone.getByRole('button', { name: named('提交') }).waitFor();
  await screenshot(phone, 'task-page-phone-375');
  expect(await sidewaysOverflow(phone)).toBe(0);
});

it('the process designer and the form designer', async () => {
  const admin = await browser.signIn(DEMO.districtAdmin, {
    next: '/admin/processes/suggestion-handling',
  });
  await admin.locator('g.djs-element[data-element-id="register"]').waitFor();
  await admin.getByText('没有发现问题').waitFor();
  await admin.locator('g.djs-element[data-element-id="register"]').click();
  await admin.locator('.bio-properties-panel-header', { hasText: '审查登记' }).waitFor();
  await screenshot(admin, 'process-designer');
  expect(await sidewaysOverflow(admin)).toBe(0);

  await admin.goto('/admin/forms/suggestion-register');
  await admin.locator('.cf-fb-field', { hasText: '审查结果' }).first().click();
  await admin.locator('.cf-fb-side input[value="审查结果"]').waitFor();
  await screenshot(admin, 'form-designer');
  expect(await sidewaysOverflow(admin)).toBe(0);
});
