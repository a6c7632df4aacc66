import { Alert, Button, Form, Input, Space } from 'antd';
import { useT } from '../../../../shared/i18n';
import '../../people/people-messages';
import { randomPassword } from '../../people/random-password';
import '../districts-messages';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{2,39}$/;

/** Step 5: the district administrator's account (the district's first and only user). */
export function AdminStep() {
  const t = useT();
  const form = Form.useFormInstance();
  return (
    <div style={{ maxWidth: 520 }}>
      <Alert
        type="info"
        showIcon
        message={t('adminDistricts.wizard.admin.intro')}
        style={{ marginBottom: 16 }}
      />
      <Form.Item
        name={['admin', 'username']}
        label={t('adminDistricts.wizard.admin.username')}
        extra={t('adminPeople.userForm.usernameHelp')}
        rules={[
          { required: true, message: t('common.required') },
          { pattern: USERNAME, message: t('adminPeople.userForm.usernameRule') },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name={['admin', 'name']}
        label={t('adminDistricts.wizard.admin.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 40 }]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item label={t('adminDistricts.wizard.admin.password')} required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name={['admin', 'password']}
            noStyle
            rules={[
              { required: true, min: 8, max: 64, message: t('adminPeople.userForm.passwordHelp') },
              {
                validator: (_, value: string) =>
                  /\p{L}/u.test(value ?? '') && /\p{Nd}/u.test(value ?? '')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('adminPeople.userForm.passwordHelp'))),
              },
            ]}
          >
            <Input
              autoComplete="new-password"
              style={{ fontFamily: 'monospace' }}
              aria-label={t('adminDistricts.wizard.admin.password')}
            />
          </Form.Item>
          <Button onClick={() => form.setFieldValue(['admin', 'password'], randomPassword())}>
            {t('adminPeople.userForm.generate')}
          </Button>
        </Space.Compact>
        <div className="ant-form-item-extra">{t('adminPeople.userForm.passwordHelp')}</div>
      </Form.Item>
    </div>
  );
}
