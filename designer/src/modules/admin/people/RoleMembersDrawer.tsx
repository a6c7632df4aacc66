import { Alert, App, Button, Drawer, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../../shared/api';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import type { RoleMembers, UnitRecord, UserRecord } from './people-types';
import './people-messages';
import { filterUserOption, renderUserOption, userOptions, type UserOption } from './user-options';

/** PUT /roles/:key { userIds }: exactly the chosen users hold the role afterwards. */
export function RoleMembersDrawer({
  role,
  roleName,
  users,
  unitsById,
  onClose,
  onSaved,
}: {
  role?: RoleMembers;
  roleName: string;
  users: UserRecord[];
  unitsById: Map<string, UnitRecord>;
  onClose: () => void;
  onSaved: (role: RoleMembers) => void;
}) {
  const t = useT();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const options = useMemo(() => userOptions(users, unitsById), [users, unitsById]);

  useEffect(() => {
    setChosen(role?.userIds ?? []);
  }, [role]);

  const save = async () => {
    if (!role) return;
    setSaving(true);
    try {
      const answer = await api.put<RoleMembers>(`/roles/${encodeURIComponent(role.key)}`, {
        userIds: chosen,
      });
      message.success(t('adminPeople.roles.saved', { role: roleName }));
      onSaved(answer);
    } catch (error) {
      message.error(describe(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={Boolean(role)}
      onClose={onClose}
      width="min(560px, 100vw)"
      title={t('adminPeople.roles.drawerTitle', { role: roleName })}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph strong>{t('adminPeople.roles.pick')}</Typography.Paragraph>
      <Select<string[], UserOption>
        mode="multiple"
        value={chosen}
        onChange={setChosen}
        options={options}
        filterOption={filterUserOption}
        optionRender={(option) => renderUserOption(option.data, t)}
        placeholder={t('adminPeople.roles.pickPlaceholder')}
        style={{ width: '100%' }}
        maxTagCount="responsive"
        allowClear
      />
      {chosen.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          message={t('adminPeople.roles.emptyHint')}
        />
      )}
    </Drawer>
  );
}
