import { E2eBrowser, screenshot } from '../support/e2e-browser';
import { DEMO } from '../support/e2e-env';
import { named } from '../support/e2e-form';

/**
 * The district administrator sets up the mail server; a deputy turns on mail for themselves and
 * is told first to give an address.
 */

let browser: E2eBrowser;
beforeAll(async () => {
  browser = await E2eBrowser.launch();
});
afterAll(async () => {
  await browser?.close();
});

it('an administrator sets up the mail server and a person chooses mail', async () => {
  const admin = await browser.signIn(DEMO.districtAdmin, { next: '/admin/channels' });
  await admin.getByRole('heading', { name: '通知渠道' }).waitFor();
  await admin.getByRole('switch', { name: /邮件（SMTP） 启用/ }).click();
  await admin.getByLabel('服务器地址').fill('smtp.example.gov.cn');
  await admin.getByLabel('发件人').fill('"示范区人大常委会" <noreply@example.gov.cn>');
  await admin.getByLabel('密码').fill('mail-secret');
  await admin.getByRole('button', { name: named('保存') }).click();
  await admin.getByText('通知渠道已保存').waitFor();
  await admin.reload();
  await admin.getByText('已设置；不填则保持不变').waitFor();
  await screenshot(admin, 'admin-notification-channels');

  const deputy = await browser.signIn(DEMO.deputy);
  await deputy.getByRole('button', { name: '吴丽娟' }).click();
  await deputy.getByRole('menuitem', { name: /通知设置/ }).click();
  const dialog = deputy.getByRole('dialog', { name: '通知设置' });
  await dialog.getByRole('switch', { name: '同时发邮件' }).click();
  await dialog.getByRole('button', { name: named('保存') }).click();
  await dialog.getByText('请先填写邮箱').waitFor(); // no address yet: refused on the spot
  await dialog.getByLabel('邮箱').fill('wu@example.gov.cn');
  await dialog.getByRole('button', { name: named('保存') }).click();
  await deputy.getByText('通知设置已保存').waitFor();
  const me = await deputy.evaluate(async () => (await fetch('/api/auth/me')).json());
  expect(me).toMatchObject({ email: 'wu@example.gov.cn', notifyBy: { email: true, sms: false } });
});
