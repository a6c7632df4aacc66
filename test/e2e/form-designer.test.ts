import type { Page } from 'playwright-core';
import { E2eBrowser } from '../support/e2e-browser';
import { DEMO } from '../support/e2e-env';
import { choose, field, fillText, named } from '../support/e2e-form';
import { confirmModal, openInboxTask } from '../support/e2e-inbox';

/**
 * 示范区's administrator renames a field of the 受理分办 form (群众意见直通车) in the form designer
 * and publishes; the process is published again with the new form version. A case started
 * afterwards shows the new label; a case already waiting at 受理分办 keeps the form it was given.
 */

const stamp = Date.now().toString(36);
const BEFORE = `人民路与解放路交叉口红绿灯时长过短，行人来不及通过（${stamp}-旧）`;
const AFTER = `滨江公园夜间照明不足，市民散步存在安全隐患（${stamp}-新）`;

let browser: E2eBrowser;
beforeAll(async () => {
  browser = await E2eBrowser.launch();
});
afterAll(async () => {
  await browser?.close();
});

/** 孙晓梅 (办公室) records what a citizen reported through 码上提. */
async function recordFeedback(office: Page, content: string): Promise<void> {
  await office.goto('/start');
  await office.getByText('群众意见直通车', { exact: true }).click();
  await field(office, '反映内容').waitFor();
  await fillText(office, '姓名', '王先生');
  await fillText(office, '联系电话', '13612345678');
  await fillText(office, '问题发生地点', '示范区城区');
  await choose(office, '问题类别', '城乡建设与管理');
  await fillText(office, '反映内容', content);
  await office.getByRole('button', { name: named('提交并发起') }).click();
  await confirmModal(office, '发起');
  await office.waitForURL(/\/instances\//);
  await office.getByText('受理分办').first().waitFor();
}

/** The label of the routing field on a case's 受理分办 task page. */
async function routingLabel(office: Page, content: string): Promise<string> {
  await openInboxTask(office, { view: '待认领', task: '受理分办', title: content });
  const label = office
    .locator('.ant-formily-item-label label')
    .filter({ hasText: /^分办(方式|途径)$/ });
  return (await label.first().innerText()).trim();
}

it('a renamed field shows on new cases, while a running case keeps its form', async () => {
  const office = await browser.signIn(DEMO.office);
  await recordFeedback(office, BEFORE);

  // the administrator renames 分办方式 → 分办途径 and publishes
  const admin = await browser.signIn(DEMO.districtAdmin);
  const menuEntry = admin.getByRole('menuitem', { name: '表单设计' });
  if (!(await menuEntry.isVisible())) await admin.getByRole('menuitem', { name: /管理/ }).click();
  await menuEntry.click();
  await admin.getByText('受理分办', { exact: true }).click();
  const canvasField = admin.locator('.cf-fb-field', { hasText: '分办方式' }).first();
  await canvasField.click();
  const props = admin.locator('.cf-fb-side');
  const labelInput = props.locator('.ant-form-item', { hasText: /^标题/ }).locator('input').first();
  await labelInput.fill('分办途径');
  await admin.locator('.cf-fb-field', { hasText: '分办途径' }).first().waitFor();

  await admin.getByRole('button', { name: named('发布') }).click();
  const publishing = admin.locator('.ant-modal', { hasText: '发布表单' });
  await publishing.getByRole('button', { name: named('发布') }).click();
  await publishing.getByText(/已发布为第 \d+ 版/).waitFor();
  // the processes still pinning the old version are named; publishing them again takes it
  await publishing.getByText('群众意见直通车（锁定第 1 版）').waitFor();
  await publishing.getByRole('button', { name: /重新发布这些流程/ }).click();
  await publishing.getByText(/群众意见直通车：已发布为第 \d+ 版/).waitFor();
  await publishing.getByRole('button', { name: named('关闭') }).click();

  // a case recorded now shows the new label …
  await recordFeedback(office, AFTER);
  expect(await routingLabel(office, AFTER)).toBe('分办途径');
  // … the one waiting since before keeps the form it was given
  expect(await routingLabel(office, BEFORE)).toBe('分办方式');
});
