import type { Page } from 'playwright-core';
import { E2eBrowser } from '../support/e2e-browser';
import { DEMO } from '../support/e2e-env';
import {
  choose,
  chooseRadio,
  field,
  fillDate,
  fillText,
  named,
  pick,
  shownValue,
} from '../support/e2e-form';
import { confirmModal, openInboxTask, submitTask, today } from '../support/e2e-inbox';

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
  // 1. 吴丽娟 (deputy) starts 代表建议办理 from 发起事项
  const deputy = await browser.signIn(DEMO.deputy);
  await deputy.getByRole('menuitem', { name: '发起事项' }).click();
  await deputy.getByText('代表建议办理', { exact: true }).click();
  await field(deputy, '建议标题').waitFor();
  await chooseRadio(deputy, '提出时间', '闭会期间');
  await pick(deputy, '领衔代表', '吴丽娟');
  await fillText(deputy, '联系电话', '13800138000');
  await fillText(deputy, '建议标题', TITLE);
  await choose(deputy, '建议类别', '教育科技文化');
  await fillText(deputy, '基本情况', '城区多所小学上下学时段校门口车辆拥堵，学生安全存在隐患。');
  await fillText(deputy, '问题分析', '护学力量不足，交警、学校、家长志愿者缺少统一协调。');
  await fillText(
    deputy,
    '具体建议',
    '建议教育部门会同公安交警在学校周边增设护学岗，并建立家长志愿者轮值制度。',
  );
  await chooseRadio(deputy, '同意公开建议及答复', '同意公开');
  await deputy.getByRole('button', { name: named('提交并发起') }).click();
  await confirmModal(deputy, '发起');
  // the new case opens: it waits at 审查登记
  await deputy.waitForURL(/\/instances\//);
  await deputy.getByText('审查登记').first().waitFor();

  // 2. 钱文华 (代表工委) claims and registers it
  const affairs = await browser.signIn(DEMO.deputyAffairs);
  await openInboxTask(affairs, { view: '待认领', task: '审查登记', title: TITLE });
  await affairs.getByRole('button', { name: named('认领') }).click();
  await affairs.getByRole('button', { name: named('提交') }).waitFor();
  expect(await shownValue(affairs, '建议标题')).toBe(TITLE);
  await chooseRadio(affairs, '审查结果', '登记立案，交有关单位办理');
  await fillText(affairs, '建议编号', '218');
  await submitTask(affairs);

  // 3. … and assigns it to 区教育局
  await openInboxTask(affairs, { view: '待认领', task: '交办', title: TITLE });
  await affairs.getByRole('button', { name: named('认领') }).click();
  await affairs.getByRole('button', { name: named('提交') }).waitFor();
  await fillText(affairs, '交办文号', '示范区人大常委会代建交〔2026〕218号');
  await fillDate(affairs, '交办日期', today());
  await pick(affairs, '主办单位', '区教育局');
  await chooseRadio(affairs, '重点督办建议', '否');
  await fillText(affairs, '交办意见', '请于规定期限内办理并答复代表。');
  await submitTask(affairs);

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
  await deputy.goto('/inbox/started');
  await deputy
    .getByRole('row', { name: /代表建议办理/ })
    .first()
    .click();
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
