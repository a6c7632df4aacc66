import type { Locator, Page } from 'playwright-core';
import { named } from './e2e-form';

/** Moving through the inbox and the task page as a person does. */

/** Today in Beijing, as the date pickers write it. */
export function today(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Clicks the button of the confirmation dialog that is open now. */
export async function confirmModal(page: Page, okText: string): Promise<void> {
  const dialog = page.locator('.ant-modal-confirm').last();
  // a click while the dialog still zooms in can be lost on a loaded machine: let it settle first
  await page
    .locator('.ant-modal-confirm:not(.ant-zoom-appear):not(.ant-zoom-enter)')
    .last()
    .waitFor();
  const ok = dialog.getByRole('button', { name: named(okText) });
  await ok.click();
  try {
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  } catch {
    // still open and not busy submitting: the click never reached the button, as a person
    // would see, so press it again (a busy button ignores the click)
    const busy = (await ok.getAttribute('class'))?.includes('ant-btn-loading');
    if (!busy) await ok.click();
    await dialog.waitFor({ state: 'detached' });
  }
}

/** 提交 on a task page, confirmed; the app goes back to the inbox. */
export async function submitTask(page: Page): Promise<void> {
  await page.getByRole('button', { name: named('提交') }).click();
  await confirmModal(page, '提交');
  await page.waitForURL((url) => url.pathname.startsWith('/inbox'));
}

export interface InboxTarget {
  /** the tab as it reads: 待办, 待认领, 已办, 抄送我的 */
  view: string;
  /** the task's name in the list */
  task: string;
  /** what the case is about: checked on the task page (the list shows task and process only) */
  title: string;
}

/**
 * Opens the inbox tab, newest arrivals first, and opens the first row with the task's name whose
 * page shows the case's title — as a person with several similar tasks would look.
 */
export async function openInboxTask(page: Page, target: InboxTarget): Promise<void> {
  await page.goto('/inbox');
  await page.getByRole('tab', { name: new RegExp(`^\\s*${target.view}`) }).click();
  const sorted = page.waitForResponse((r) => /\/api\/tasks\?.*sort=-created/.test(r.url()));
  await page.locator('.ant-select', { has: page.getByRole('combobox', { name: '排序' }) }).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: '创建时间（新→旧）' })
    .click();
  await sorted;
  await page.locator('.ant-table-wrapper .ant-spin-blur').waitFor({ state: 'detached' });
  const rows = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: target.task });
  await rows.first().waitFor();
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    await rows.nth(i).click();
    await page.waitForURL(/\/tasks\//);
    // the form and the action bar arrive together: then the case's title is there or not
    await page.locator('.ant-formily-item').first().waitFor();
    if (await page.getByText(target.title).first().isVisible()) return;
    await page.goBack();
    await rows.first().waitFor(); // a fresh list, in the same order
  }
  throw new Error(`no '${target.task}' task about '${target.title}' in ${target.view}`);
}

/**
 * Opens `path` and, as a person would, refreshes it until `shown` appears: for what background
 * work (a service task, a timer) changes after the page has loaded its list.
 */
export async function reloadUntil(page: Page, path: string, shown: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.goto(path);
    try {
      await shown.waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 10) throw error;
    }
  }
}
