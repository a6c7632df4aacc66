import { Alert, App, Form, Input, Modal, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import { useErrorMessage } from '../../shared/errors';
import { applyFieldErrors, fieldErrorsOf } from '../../shared/field-errors';
import { useT } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import './auth-messages';

interface Profile {
  email: string;
  phone: string;
  notifyBy: { email: boolean; sms: boolean };
}

/** PATCH /auth/me: where a person is reached, and whether by mail and SMS besides the inbox. */
export function NotificationProfileModal({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const session = useSession();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const [form] = Form.useForm<Profile>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      email: session.me.email ?? '',
      phone: session.me.phone ?? '',
      notifyBy: session.me.notifyBy ?? { email: false, sms: false },
    });
  }, [open, form, session.me]);

  const close = () => {
    setFailure(undefined);
    onClose();
  };

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setFailure(undefined);
    try {
      await api.patch('/auth/me', {
        email: values.email.trim() || null,
        phone: values.phone.trim() || null,
        notifyBy: values.notifyBy,
      });
      await session.refresh();
      message.success(t('auth.profileSaved'));
      close();
    } catch (error) {
      const fields = fieldErrorsOf(error);
      const { unmatched } = applyFieldErrors(form, fields);
      if (fields.length === 0 || unmatched.length > 0) setFailure(describe(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('auth.notificationProfile')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={close}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{t('auth.notificationHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="email"
          label={t('auth.email')}
          rules={[{ type: 'email', message: t('auth.emailInvalid') }]}
        >
          <Input autoComplete="email" placeholder="name@example.gov.cn" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('auth.phone')}
          rules={[{ pattern: /^(1[3-9]\d{9})?$/, message: t('auth.phoneInvalid') }]}
        >
          <Input autoComplete="tel" placeholder="13800000000" maxLength={11} />
        </Form.Item>
        <Form.Item
          name={['notifyBy', 'email']}
          label={t('auth.notifyByEmail')}
          valuePropName="checked"
          dependencies={['email']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, on: boolean) =>
                on && !String(getFieldValue('email') ?? '').trim()
                  ? Promise.reject(new Error(t('auth.emailFirst')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name={['notifyBy', 'sms']}
          label={t('auth.notifyBySms')}
          valuePropName="checked"
          dependencies={['phone']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, on: boolean) =>
                on && !String(getFieldValue('phone') ?? '').trim()
                  ? Promise.reject(new Error(t('auth.phoneFirst')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
