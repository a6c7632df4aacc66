import type { Page } from 'playwright-core';
import { E2eBrowser } from '../support/e2e-browser';
import { DEMO } from '../support/e2e-env';
import {
  boxOf,
  centre,
  drag,
  dropTaskOnArrow,
  panelGroup,
  shape,
  zoomTo,
} from '../support/e2e-diagram';
import { chooseRadio, field, fillText, named } from '../support/e2e-form';
import { confirmModal } from '../support/e2e-inbox';

/**
 * 示范区's administrator adds a step to 专题询问 in the process designer — a user task 议题初审 for
 * whoever starts the inquiry, right after the start — and publishes; an inquiry started afterwards
 * waits there.
 */

let browser: E2eBrowser;
beforeAll(async () => {
  browser = await E2eBrowser.launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openFromMenu(page: Page, item: string): Promise<void> {
  const entry = page.getByRole('menuitem', { name: item });
  if (!(await entry.isVisible()))
    await page.getByRole('menuitem', { name: /管理/ }).first().click();
  await entry.click();
}

it('an administrator adds a user task to 专题询问 and publishes; a new inquiry reaches it', async () => {
  const admin = await browser.signIn(DEMO.districtAdmin);
  await openFromMenu(admin, '流程设计');
  await admin.getByText('专题询问', { exact: true }).first().click();
  await shape(admin, 'start').waitFor();

  // find the start of the process, drop a task on its first arrow, name it
  await zoomTo(admin, 'start', { x: 500, y: 700 });
  await dropTaskOnArrow(admin, 'f-start');
  await admin.keyboard.type('议题初审');
  await admin.mouse.click(600, 720); // done typing: click on empty canvas

  // it landed on top of its neighbours: drag it down into free space, arrows follow
  const task = admin.locator('g.djs-element.djs-shape', { hasText: '议题初审' });
  const at = centre(await boxOf(task));
  await drag(admin, at, { x: at.x + 40, y: at.y + 130 });

  // a user task, for the person who started the inquiry, with the start form to confirm
  await admin.locator('.djs-context-pad .entry[data-action="replace"]').click();
  await admin.locator('.djs-popup .entry', { hasText: '用户任务' }).click();
  const who = await panelGroup(admin, '办理人');
  await who.locator('select').first().selectOption({ label: '流程发起人' });
  const form = await panelGroup(admin, '表单');
  await form
    .locator('select')
    .first()
    .selectOption({ label: '发起专题询问（special-inquiry-start）' });
  await admin.getByText('没有发现问题').waitFor();

  await admin.getByRole('button', { name: named('发布') }).click();
  const publishing = admin.locator('.ant-modal', { hasText: '发布流程' });
  await publishing.getByRole('button', { name: named('发布') }).click();
  await publishing.getByText(/已发布为第 \d+ 版/).waitFor();
  await publishing.getByRole('button', { name: named('关闭') }).click();
  await admin.getByText('与已发布版本一致').waitFor();

  // 赵立新 (牵头专委) starts an inquiry: it waits at 议题初审, in his own inbox
  const committee = await browser.signIn('committee');
  await committee.getByRole('menuitem', { name: '发起事项' }).click();
  await committee.getByText('专题询问', { exact: true }).click();
  await field(committee, '询问议题').waitFor();
  await fillText(committee, '询问议题', '全区养老服务体系建设情况');
  await fillText(committee, '年度', '2026');
  await chooseRadio(committee, '议题来源', '年度监督工作计划');
  await fillText(
    committee,
    '询问背景和目的',
    '了解全区养老服务设施布局和居家养老服务开展情况，推动解决群众反映集中的问题。',
  );
  await committee.getByRole('button', { name: named('提交并发起') }).click();
  await confirmModal(committee, '发起');
  await committee.waitForURL(/\/instances\//);
  const current = committee.locator('.ant-card', { hasText: '当前环节' });
  await current.getByText('议题初审').waitFor();
  await current.getByRole('button', { name: named('去办理') }).click();
  await committee.waitForURL(/\/tasks\//);
  // the task page: 议题初审, with the form the administrator chose, ready to fill in
  await committee.getByRole('heading', { name: '议题初审' }).waitFor();
  await field(committee, '询问议题').locator('input').waitFor();
  expect(await committee.getByRole('button', { name: named('提交') }).isEnabled()).toBe(true);
});
