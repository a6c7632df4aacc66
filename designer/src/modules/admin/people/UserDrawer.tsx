import { Alert, App, Button, Checkbox, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { api, type FieldError } from '../../../shared/api';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import { roleLabel } from '../../../shared/roles';
import { applyFieldErrors, fieldErrorsOf } from '../../../shared/field-errors';
import { ROLE_KEYS, type UnitRecord, type UserRecord } from './people-types';
import './people-messages';
import { randomPassword } from './random-password';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{2,39}$/;
const PHONE = /^[0-9+\- ]{5,20}$/;

interface UserFormValues {
  username: string;
  name: string;
  phone?: string;
  unitId?: string;
  roles: string[];
  isDistrictAdmin: boolean;
  password?: string;
}

/** Create (POST /users) or edit (PATCH /users/:id, only what changed) one user. */
export function UserDrawer({
  open,
  user,
  units,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** undefined: a new user */
  user?: UserRecord;
  units: UnitRecord[];
  onClose: () => void;
  onSaved: (user: UserRecord) => void;
}) {
  const t = useT();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const [saving, setSaving] = useState(false);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);

  useEffect(() => {
    if (!open) return;
    setUnmatched([]);
    form.resetFields();
    form.setFieldsValue(
      user
        ? { ...user, phone: user.phone ?? '', unitId: user.unitId }
        : { roles: [], isDistrictAdmin: false, password: randomPassword() },
    );
  }, [open, user, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setSaving(true);
    setUnmatched([]);
    try {
      const phone = values.phone?.trim() || undefined;
      let answer: UserRecord;
      if (user) {
        const patch: Record<string, unknown> = {};
        if (values.name !== user.name) patch.name = values.name;
        if (phone !== user.phone) patch.phone = phone ?? null;
        if (values.unitId !== user.unitId) patch.unitId = values.unitId ?? null;
        if ([...values.roles].sort().join() !== [...user.roles].sort().join())
          patch.roles = values.roles;
        if (values.isDistrictAdmin !== user.isDistrictAdmin)
          patch.isDistrictAdmin = values.isDistrictAdmin;
        answer =
          Object.keys(patch).length > 0
            ? await api.patch<UserRecord>(`/users/${encodeURIComponent(user.id)}`, patch)
            : user;
        message.success(t('adminPeople.userForm.saved'));
      } else {
        answer = await api.post<UserRecord>('/users', {
          username: values.username.trim(),
          name: values.name.trim(),
          password: values.password,
          ...(phone && { phone }),
          ...(values.unitId && { unitId: values.unitId }),
          roles: values.roles,
          isDistrictAdmin: values.isDistrictAdmin,
        });
        message.success(t('adminPeople.userForm.created', { name: answer.name }));
      }
      onSaved(answer);
    } catch (error) {
      const problems = fieldErrorsOf(error);
      if (problems.length === 0) message.error(describe(error));
      else setUnmatched(applyFieldErrors(form, problems).unmatched);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width="min(560px, 100vw)"
      title={
        user
          ? t('adminPeople.userForm.editTitle', { name: user.name })
          : t('adminPeople.userForm.createTitle')
      }
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()}>
            {user ? t('adminPeople.userForm.submitSave') : t('adminPeople.userForm.submitCreate')}
          </Button>
        </Space>
      }
    >
      {unmatched.map((problem, index) => (
        <Alert
          key={index}
          type="error"
          showIcon
          message={problem.message}
          style={{ marginBottom: 12 }}
        />
      ))}
      <Form form={form} layout="vertical" requiredMark="optional" onFinish={() => void submit()}>
        <Form.Item
          name="username"
          label={t('adminPeople.userForm.username')}
          extra={user ? undefined : t('adminPeople.userForm.usernameHelp')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: USERNAME, message: t('adminPeople.userForm.usernameRule') },
          ]}
        >
          <Input disabled={Boolean(user)} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('adminPeople.userForm.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 40 }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('adminPeople.userForm.phone')}
          rules={[{ pattern: PHONE, message: t('adminPeople.userForm.phoneRule') }]}
        >
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item name="unitId" label={t('adminPeople.userForm.unit')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('adminPeople.userForm.unitPlaceholder')}
            options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
          />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('adminPeople.userForm.roles')}
          extra={t('adminPeople.userForm.rolesHelp')}
        >
          <Checkbox.Group
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
              gap: 6,
            }}
            options={ROLE_KEYS.map((key) => ({ value: key, label: roleLabel(t, key) }))}
          />
        </Form.Item>
        <Form.Item
          name="isDistrictAdmin"
          label={t('adminPeople.userForm.isDistrictAdmin')}
          extra={t('adminPeople.userForm.isDistrictAdminHelp')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        {!user && (
          <Form.Item label={t('adminPeople.userForm.password')} required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item
                name="password"
                noStyle
                rules={[
                  {
                    required: true,
                    min: 8,
                    max: 64,
                    message: t('adminPeople.userForm.passwordHelp'),
                  },
                ]}
              >
                <Input autoComplete="new-password" style={{ fontFamily: 'monospace' }} />
              </Form.Item>
              <Button onClick={() => form.setFieldValue('password', randomPassword())}>
                {t('adminPeople.userForm.generate')}
              </Button>
            </Space.Compact>
            <div className="ant-form-item-extra">{t('adminPeople.userForm.passwordHelp')}</div>
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
