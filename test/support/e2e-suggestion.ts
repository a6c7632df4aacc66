import type { Page } from 'playwright-core';
import type { E2eBrowser } from './e2e-browser';
import { DEMO } from './e2e-env';
import {
  choose,
  chooseRadio,
  field,
  fillDate,
  fillText,
  named,
  pick,
  shownValue,
} from './e2e-form';
import { confirmModal, openInboxTask, submitTask, today } from './e2e-inbox';

/** The steps of 代表建议办理 several browser tests walk through, as people click them. */

/**
 * 吴丽娟 (deputy) starts 代表建议办理 from 发起事项 and fills the suggestion; `beforeSubmit` may
 * add to the form (attachments); the new case opens at 审查登记.
 */
export async function submitSuggestion(
  deputy: Page,
  title: string,
  beforeSubmit?: () => Promise<void>,
): Promise<void> {
  await deputy.getByRole('menuitem', { name: '发起事项' }).click();
  await deputy.getByText('代表建议办理', { exact: true }).click();
  await field(deputy, '建议标题').waitFor();
  await chooseRadio(deputy, '提出时间', '闭会期间');
  await pick(deputy, '领衔代表', '吴丽娟');
  await fillText(deputy, '联系电话', '13800138000');
  await fillText(deputy, '建议标题', title);
  await choose(deputy, '建议类别', '教育科技文化');
  await fillText(deputy, '基本情况', '城区多所小学上下学时段校门口车辆拥堵，学生安全存在隐患。');
  await fillText(deputy, '问题分析', '护学力量不足，交警、学校、家长志愿者缺少统一协调。');
  await fillText(
    deputy,
    '具体建议',
    '建议教育部门会同公安交警在学校周边增设护学岗，并建立家长志愿者轮值制度。',
  );
  await chooseRadio(deputy, '同意公开建议及答复', '同意公开');
  await beforeSubmit?.();
  await deputy.getByRole('button', { name: named('提交并发起') }).click();
  await confirmModal(deputy, '发起');
  await deputy.waitForURL(/\/instances\//);
  await deputy.getByText('审查登记').first().waitFor();
}

/** 钱文华 (代表工委) claims and registers the suggestion, then assigns it to 区教育局. */
export async function registerAndAssign(affairs: Page, title: string): Promise<void> {
  await openInboxTask(affairs, { view: '待认领', task: '审查登记', title });
  await affairs.getByRole('button', { name: named('认领') }).click();
  await affairs.getByRole('button', { name: named('提交') }).waitFor();
  if ((await shownValue(affairs, '建议标题')) !== title)
    throw new Error(`审查登记 shows another suggestion than '${title}'`);
  await chooseRadio(affairs, '审查结果', '登记立案，交有关单位办理');
  await fillText(affairs, '建议编号', '218');
  await submitTask(affairs);

  await openInboxTask(affairs, { view: '待认领', task: '交办', title });
  await affairs.getByRole('button', { name: named('认领') }).click();
  await affairs.getByRole('button', { name: named('提交') }).waitFor();
  await fillText(affairs, '交办文号', '示范区人大常委会代建交〔2026〕218号');
  await fillDate(affairs, '交办日期', today());
  await pick(affairs, '主办单位', '区教育局');
  await chooseRadio(affairs, '重点督办建议', '否');
  await fillText(affairs, '交办意见', '请于规定期限内办理并答复代表。');
  await submitTask(affairs);
}

/**
 * A new suggestion, submitted (with `beforeSubmit` adding to the form), registered and assigned
 * to 区教育局; 陈静 then opens its 办理并答复 task. Returns her page, on that task.
 */
export async function suggestionAtUnit(
  browser: E2eBrowser,
  title: string,
  beforeSubmit?: (deputy: Page) => Promise<void>,
): Promise<Page> {
  const deputy = await browser.signIn(DEMO.deputy);
  await submitSuggestion(deputy, title, beforeSubmit && (() => beforeSubmit(deputy)));
  const affairs = await browser.signIn(DEMO.deputyAffairs);
  await registerAndAssign(affairs, title);
  const unit = await browser.signIn(DEMO.unitEducation);
  await openInboxTask(unit, { view: '待认领', task: '办理并答复', title });
  return unit;
}
