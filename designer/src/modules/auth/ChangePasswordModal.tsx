import { App, Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, isApiError } from '../../shared/api';
import { useErrorMessage } from '../../shared/errors';
import { useT } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import './auth-messages';

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** the server's policy (docs/api.md): 8–64 characters, a letter and a digit, not the username */
const MIN_LENGTH = 8;
const MAX_LENGTH = 64;

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { username } = useSession();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordChange>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string>();

  const close = () => {
    form.resetFields();
    setFailure(undefined);
    onClose();
  };

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setFailure(undefined);
    try {
      await api.post('/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      message.success(t('auth.passwordChanged'));
      close();
    } catch (error) {
      const fields = isApiError(error) ? error.fieldErrors : [];
      const known = fields.filter(
        (f): f is { path: 'currentPassword' | 'newPassword'; message: string } =>
          f.path === 'currentPassword' || f.path === 'newPassword',
      );
      if (known.length > 0) {
        form.setFields(known.map((f) => ({ name: f.path, errors: [f.message] })));
      } else {
        setFailure(describe(error));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={close}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={t('auth.currentPassword')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            { min: MIN_LENGTH, max: MAX_LENGTH, message: t('auth.passwordTooShort') },
            {
              pattern: /^(?=.*\p{L})(?=.*\d)/u,
              message: t('auth.passwordPolicy'),
            },
            {
              validator: (_, value) =>
                value && value.toLowerCase() === username.toLowerCase()
                  ? Promise.reject(new Error(t('auth.passwordIsUsername')))
                  : Promise.resolve(),
            },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value && value === getFieldValue('currentPassword')
                  ? Promise.reject(new Error(t('auth.passwordSameAsOld')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
