import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import { roleLabel } from '../../../shared/roles';
import { useSession } from '../../../shared/session';
import { LoadError } from '../../../shared/ui/LoadError';
import { Page } from '../../../shared/ui/Page';
import '../admin.css';
import { usePagedList } from '../common/usePagedList';
import { ROLE_KEYS, type UserRecord } from './people-types';
import './people-messages';
import { ResetPasswordModal } from './ResetPasswordModal';
import { useDistrictUnits } from './useDistrictUsers';
import { UserDrawer } from './UserDrawer';
import { UsersTable } from './UsersTable';

/** GET /users with search and filters (kept in the URL); create, edit, reset password, disable. */
export function UsersPage() {
  const t = useT();
  const describe = useErrorMessage();
  const { message, modal } = App.useApp();
  const { id: meId } = useSession();
  const [params, setParams] = useSearchParams();
  const filter = {
    q: params.get('q') ?? undefined,
    role: params.get('role') ?? undefined,
    unitId: params.get('unitId') ?? undefined,
  };
  const users = usePagedList<UserRecord>('/users', filter);
  const units = useDistrictUnits();
  const [editing, setEditing] = useState<{ user?: UserRecord } | null>(null);
  const [resetting, setResetting] = useState<UserRecord>();

  const setFilter = (key: string, value: string | undefined) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const toggleDisabled = (user: UserRecord) => {
    const disabling = !user.disabled;
    modal.confirm({
      title: disabling
        ? t('adminPeople.users.disableConfirm', { name: user.name })
        : t('adminPeople.users.enableConfirm', { name: user.name }),
      okButtonProps: { danger: disabling },
      okText: disabling ? t('adminPeople.users.disable') : t('adminPeople.users.enable'),
      onOk: async () => {
        try {
          const next = await api.patch<UserRecord>(`/users/${encodeURIComponent(user.id)}`, {
            disabled: disabling,
          });
          users.replace((u) => u.id === user.id, next);
          message.success(
            t(disabling ? 'adminPeople.users.disabledDone' : 'adminPeople.users.enabledDone', {
              name: user.name,
            }),
          );
        } catch (error) {
          message.error(describe(error));
        }
      },
    });
  };

  return (
    <Page
      title={t('adminPeople.users.title')}
      subtitle={t('adminPeople.users.subtitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
          {t('adminPeople.users.create')}
        </Button>
      }
    >
      <Card styles={{ body: { padding: 0 } }}>
        <Space wrap style={{ padding: 12 }}>
          <Input.Search
            allowClear
            defaultValue={filter.q}
            placeholder={t('adminPeople.users.searchPlaceholder')}
            onSearch={(value) => setFilter('q', value.trim() || undefined)}
            style={{ width: 240 }}
          />
          <Select
            allowClear
            value={filter.role}
            placeholder={t('adminPeople.users.allRoles')}
            onChange={(value?: string) => setFilter('role', value)}
            options={ROLE_KEYS.map((key) => ({ value: key, label: roleLabel(t, key) }))}
            style={{ width: 170 }}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            value={filter.unitId}
            placeholder={t('adminPeople.users.allUnits')}
            onChange={(value?: string) => setFilter('unitId', value)}
            options={units.units.map((unit) => ({ value: unit.id, label: unit.name }))}
            style={{ width: 200 }}
          />
        </Space>
        {users.error && users.items.length === 0 ? (
          <LoadError compact error={users.error} onRetry={users.reload} />
        ) : (
          <UsersTable
            users={users.items}
            loading={users.loading}
            unitsById={units.byId}
            meId={meId}
            onEdit={(user) => setEditing({ user })}
            onResetPassword={setResetting}
            onToggleDisabled={toggleDisabled}
          />
        )}
        {users.hasMore && (
          <div style={{ textAlign: 'center', padding: 12 }}>
            <Button loading={users.loading} onClick={users.loadMore}>
              {t('adminCommon.loadMore')}
            </Button>
          </div>
        )}
      </Card>
      <UserDrawer
        open={editing !== null}
        user={editing?.user}
        units={units.units}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          if (editing?.user) users.replace((u) => u.id === saved.id, saved);
          else users.reload();
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(undefined)} />
    </Page>
  );
}
