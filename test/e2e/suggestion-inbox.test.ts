import type { Page } from 'playwright-core';
import { E2eBrowser, screenshot } from '../support/e2e-browser';
import { DEMO } from '../support/e2e-env';
import { chooseRadio, field, fillDate, fillText, named, shownValue } from '../support/e2e-form';
import { openInboxTask, reloadUntil, submitTask, today } from '../support/e2e-inbox';
import { registerAndAssign, submitSuggestion } from '../support/e2e-suggestion';

/**
 * 代表建议办理 through the inbox, person after person: a deputy submits a suggestion, 代表工委
 * registers and assigns it, 区教育局 replies, the deputy rates the reply.
 */

const TITLE = `关于增设学校周边护学岗的建议（${Date.now().toString(36)}）`;

let browser: E2eBrowser;
beforeAll(async () => {
  browser = await E2eBrowser.launch();
});
afterAll(async () => {
  await browser?.close();
});

it('a suggestion goes from the deputy through 代表工委 and 区教育局 back to the deputy', async () => {
  // 1. 吴丽娟 (deputy) starts 代表建议办理 from 发起事项; it waits at 审查登记
  const deputy = await browser.signIn(DEMO.deputy);
  await submitSuggestion(deputy, TITLE);

  // 2–3. 钱文华 (代表工委) registers it and assigns it to 区教育局
  const affairs = await browser.signIn(DEMO.deputyAffairs);
  await registerAndAssign(affairs, TITLE);

  // 4. 陈静 (区教育局) replies
  const unit = await browser.signIn(DEMO.unitEducation);
  await openInboxTask(unit, { view: '待认领', task: '办理并答复', title: TITLE });
  await unit.getByRole('button', { name: named('认领') }).click();
  await unit.getByRole('button', { name: named('提交') }).waitFor();
  await chooseRadio(unit, '本次提交', '办理完毕，答复代表');
  await addContact(unit);
  await chooseRadio(unit, '答复类别', 'A 类：所提问题已经解决或者采纳');
  await fillText(unit, '采取的措施', '已会同区公安分局交警大队在 12 所小学周边设立护学岗。');
  await fillText(unit, '办理结果', '护学岗已于本学期开学起运行，家长志愿者轮值制度同步建立。');
  await fillText(unit, '签发人', '张局长');
  await fillDate(unit, '签发日期', today());
  await fillText(unit, '联系人', '陈静');
  await fillText(unit, '联系电话', '02112345678');
  await submitTask(unit);

  // 5. the deputy rates the reply
  await deputy.goto('/inbox');
  await openInboxTask(deputy, { view: '待办', task: '填写征询意见表', title: TITLE });
  expect(await shownValue(deputy, '办理结果')).toContain('护学岗已于本学期开学起运行');
  await chooseRadio(deputy, '承办单位是否与您联系', '已联系');
  await chooseRadio(deputy, '对办理结果的评价', '满意');
  await fillDate(deputy, '填表日期', today());
  await submitTask(deputy);

  // the case moves on to 代表工委's review of the result, with the whole story in its record
  // 我发起的 names the case by its business key (JY-<year>-<number>) and the step it is in
  // (a service task decides on the 四方会审 first, in the background: refresh until it has run)
  const row = deputy.getByRole('row', { name: /代表建议办理/ }).first();
  await reloadUntil(deputy, '/inbox/started', row.filter({ hasText: '审查办理结果' }));
  expect(await row.textContent()).toMatch(/JY-20\d\d-\d{4}/);
  await screenshot(deputy, 'inbox-started-business-key');
  await row.click();
  await deputy.waitForURL(/\/instances\//);
  await deputy.getByText('审查办理结果').first().waitFor();
  const history = deputy.locator('.ant-timeline-item');
  await history.filter({ hasText: /^吴丽娟\s*完成「填写征询意见表」/ }).waitFor();
  await deputy.getByRole('button', { name: /显示全部记录/ }).click();
  await history.filter({ hasText: /^陈静\s*完成「办理并答复」/ }).waitFor();
  await history.filter({ hasText: /^钱文华\s*完成「交办」/ }).waitFor();
  expect(await history.filter({ hasText: /^吴丽娟\s*发起流程/ }).count()).toBe(1);
});

async function addContact(page: Page): Promise<void> {
  const log = field(page, '与代表联系记录');
  await log.getByRole('button', { name: /添加联系记录/ }).click();
  const row = log.locator('tbody tr').last();
  const date = row.locator('.ant-picker input');
  await date.click();
  await date.fill(today());
  await date.press('Enter');
  await row.locator('.ant-select').click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: '电话沟通' })
    .click();
  await row.locator('input:not([type=radio])').nth(2).fill('吴丽娟');
  await row.locator('textarea').fill('电话告知代表护学岗设置方案，代表表示认可。');
}
