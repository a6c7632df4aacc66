import { E2eBrowser } from '../support/e2e-browser';
import { DEMO } from '../support/e2e-env';
import { choose, chooseRadio, field, fillText, named, pick } from '../support/e2e-form';
import { confirmModal } from '../support/e2e-inbox';

/**
 * The platform administrator sets up a new district with the wizard — 代表建议办理 (and the
 * 四方会审 it calls) from the template library, its administrator acting as 人大代表 and 代表工委
 * until real people are added — and that administrator starts the district's first suggestion.
 */

const code = `binhe-${Date.now().toString(36)}`;
const ADMIN = { username: `${code}-admin`, name: '滨河区管理员', password: 'Binhe-start-2026' };

let browser: E2eBrowser;
beforeAll(async () => {
  browser = await E2eBrowser.launch();
});
afterAll(async () => {
  await browser?.close();
});

it('a district created from templates with the wizard starts its first process', async () => {
  const platform = await browser.signIn(DEMO.platformAdmin);
  const districts = platform.getByRole('menuitem', { name: '区县管理' });
  if (!(await districts.isVisible()))
    await platform.getByRole('menuitem', { name: /系统管理/ }).click();
  await districts.click();
  await platform.getByRole('link', { name: /新建区县/ }).click();

  // 1 基本信息
  await platform.getByRole('textbox', { name: '区县名称', exact: true }).fill('滨河区');
  await platform.getByRole('textbox', { name: '区县代码', exact: true }).fill(code);
  await platform.getByRole('button', { name: named('下一步') }).click();
  // 2 选择模板: 代表建议办理; 四方会审, which it calls, comes along
  await platform.getByText('代表建议办理', { exact: true }).first().click();
  await platform.getByText('被“代表建议办理”调用，须一并安装').waitFor();
  await platform.getByText('已选 2 个模板').waitFor();
  await platform.getByRole('button', { name: named('下一步') }).click();
  // 3 角色与单位: the administrator acts as deputy and 代表工委 for now
  await platform.getByRole('checkbox', { name: '人大代表', exact: true }).check();
  await platform.getByRole('checkbox', { name: '代表工委', exact: true }).check();
  await platform.getByRole('button', { name: named('下一步') }).click();
  // 4 区县参数: the library's defaults
  await platform.getByRole('button', { name: named('下一步') }).click();
  // 5 管理员账号
  await platform.getByRole('textbox', { name: '用户名', exact: true }).fill(ADMIN.username);
  await platform.getByRole('textbox', { name: '姓名', exact: true }).fill(ADMIN.name);
  await platform.getByLabel('初始密码', { exact: true }).fill(ADMIN.password);
  await platform.getByRole('button', { name: named('下一步') }).click();
  // 6 确认创建
  await platform.getByText('滨河区').first().waitFor();
  await platform.getByRole('button', { name: named('创建区县') }).click();
  await platform.getByText('区县“滨河区”已创建').waitFor();
  await platform.getByText(`区县标识：${code}。已安装 2 个模板。`).waitFor();

  // the new district's administrator signs in and starts its first suggestion
  const admin = await browser.signIn(ADMIN.username, { password: ADMIN.password });
  await admin.getByText('滨河区').first().waitFor();
  await admin.getByRole('menuitem', { name: '发起事项' }).click();
  await admin.getByText('代表建议办理', { exact: true }).click();
  await field(admin, '建议标题').waitFor();
  await chooseRadio(admin, '提出时间', '闭会期间');
  await pick(admin, '领衔代表', ADMIN.name);
  await fillText(admin, '联系电话', '13700137000');
  await fillText(admin, '建议标题', '关于滨河区沿河步道增设照明设施的建议');
  await choose(admin, '建议类别', '城乡建设与管理');
  await fillText(
    admin,
    '基本情况',
    '沿河步道全长约六公里，夜间照明不足，晚间散步的居民较多，存在安全隐患。',
  );
  await fillText(
    admin,
    '问题分析',
    '步道建成较早，照明设施未纳入规划，维护责任单位不明确，群众多次反映未果。',
  );
  await fillText(
    admin,
    '具体建议',
    '建议区住建局会同城管部门制定步道照明改造方案，分段增设节能路灯并明确维护责任。',
  );
  await chooseRadio(admin, '同意公开建议及答复', '同意公开');
  await admin.getByRole('button', { name: named('提交并发起') }).click();
  await confirmModal(admin, '发起');
  await admin.waitForURL(/\/instances\//);
  // the case waits for 代表工委's registration — the administrator, for now
  const current = admin.locator('.ant-card', { hasText: '当前环节' });
  await current.getByText('审查登记').waitFor();
  await admin.goto('/inbox/claimable');
  await admin.locator('.ant-table-row', { hasText: '审查登记' }).first().waitFor();
  expect(await admin.locator('.ant-table-row', { hasText: '审查登记' }).count()).toBe(1);
});
