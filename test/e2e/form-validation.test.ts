import type { Page } from 'playwright-core';
import { E2eBrowser } from '../support/e2e-browser';
import { DEMO } from '../support/e2e-env';
import { choose, chooseRadio, errorOf, field, fillText, named, pick } from '../support/e2e-form';
import { confirmModal } from '../support/e2e-inbox';

/**
 * Where a deputy learns what to fix: a required field left empty is flagged on that field before
 * anything is sent; a value only the server's rules refuse comes back and is flagged on its field
 * too. The server-only rule here: `format: "phone"` — the browser's Formily check takes any 11
 * digits, the server wants a mainland mobile number (1[3-9]…) or a landline with its area code.
 */

let browser: E2eBrowser;
beforeAll(async () => {
  browser = await E2eBrowser.launch();
});
afterAll(async () => {
  await browser?.close();
});

async function fillSuggestion(page: Page, fields: { title?: string; phone: string }) {
  await chooseRadio(page, '提出时间', '大会期间');
  await fillText(page, '会次', '区第十八届人民代表大会第四次会议');
  await pick(page, '领衔代表', '吴丽娟');
  await fillText(page, '联系电话', fields.phone);
  if (fields.title !== undefined) await fillText(page, '建议标题', fields.title);
  await choose(page, '建议类别', '城乡建设与管理');
  await fillText(
    page,
    '基本情况',
    '我区部分老旧小区没有集中充电设施，居民飞线充电、楼道充电现象普遍，存在消防安全隐患。',
  );
  await fillText(
    page,
    '问题分析',
    '老旧小区建设年代早，配电容量不足，缺少统一规划和建设资金渠道，物业管理也跟不上。',
  );
  await fillText(
    page,
    '具体建议',
    '一、摸清老旧小区充电需求；二、结合老旧小区改造同步建设集中充电设施；三、引入社会资本参与建设运营。',
  );
  await chooseRadio(page, '同意公开建议及答复', '不同意公开');
}

it('shows 必填 on an empty required field, and the server’s refusal on the field it refuses', async () => {
  const deputy = await browser.signIn(DEMO.deputy, { next: '/start/suggestion-handling' });
  await field(deputy, '建议标题').waitFor();

  // the title left empty: flagged on the spot, nothing is sent
  await fillSuggestion(deputy, { phone: '13800138000' });
  await deputy.getByRole('button', { name: named('提交并发起') }).click();
  expect(await errorOf(deputy, '建议标题')).toBe('该字段是必填字段');
  expect(await deputy.locator('.ant-modal-confirm').count()).toBe(0);

  // the title filled, a phone number the browser lets through but the server does not
  await fillText(deputy, '建议标题', '关于老旧小区增设电动自行车充电设施的建议');
  await fillText(deputy, '联系电话', '12345678901');
  await deputy.getByRole('button', { name: named('提交并发起') }).click();
  await confirmModal(deputy, '发起');
  expect(await errorOf(deputy, '联系电话')).toBe('请输入正确的电话号码');
  // still on the form, with everything typed kept
  expect(new URL(deputy.url()).pathname).toBe('/start/suggestion-handling');
  expect(await field(deputy, '建议标题').locator('input').inputValue()).toBe(
    '关于老旧小区增设电动自行车充电设施的建议',
  );

  // corrected, it goes through
  await fillText(deputy, '联系电话', '13912345678');
  await deputy.getByRole('button', { name: named('提交并发起') }).click();
  await confirmModal(deputy, '发起');
  await deputy.waitForURL(/\/instances\//);
  await deputy.getByText('审查登记').first().waitFor();
});
