import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { roleLabel } from '../../../shared/roles';
import type { UnitRecord, UserRecord } from './people-types';
import './people-messages';

/** The users list: who, unit, roles, status and the row actions. */
export function UsersTable({
  users,
  loading,
  unitsById,
  meId,
  onEdit,
  onResetPassword,
  onToggleDisabled,
}: {
  users: UserRecord[];
  loading: boolean;
  unitsById: Map<string, UnitRecord>;
  meId: string;
  onEdit: (user: UserRecord) => void;
  onResetPassword: (user: UserRecord) => void;
  onToggleDisabled: (user: UserRecord) => void;
}) {
  const t = useT();
  return (
    <Table<UserRecord>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={users}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('adminPeople.users.empty') }}
      rowClassName={(user) => (user.disabled ? 'cf-admin-row-muted' : '')}
      columns={[
        {
          key: 'name',
          title: t('adminPeople.users.columns.name'),
          fixed: 'left',
          width: 180,
          render: (_, user) => (
            <div>
              <Space size={4} wrap>
                <Typography.Text strong>{user.name}</Typography.Text>
                {user.id === meId && <Tag>{t('adminPeople.users.you')}</Tag>}
              </Space>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {user.username}
                </Typography.Text>
              </div>
            </div>
          ),
        },
        {
          key: 'unit',
          title: t('adminPeople.users.columns.unit'),
          width: 160,
          render: (_, user) =>
            user.unitId ? (unitsById.get(user.unitId)?.name ?? user.unitId) : '—',
        },
        {
          key: 'roles',
          title: t('adminPeople.users.columns.roles'),
          render: (_, user) => (
            <Space size={[4, 4]} wrap>
              {user.isDistrictAdmin && (
                <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                  {t('adminPeople.users.admin')}
                </Tag>
              )}
              {user.roles.map((role) => (
                <Tag key={role} style={{ marginInlineEnd: 0 }}>
                  {roleLabel(t, role)}
                </Tag>
              ))}
              {!user.isDistrictAdmin && user.roles.length === 0 && '—'}
            </Space>
          ),
        },
        {
          key: 'phone',
          title: t('adminPeople.users.columns.phone'),
          width: 130,
          render: (_, user) => user.phone || '—',
        },
        {
          key: 'status',
          title: t('adminPeople.users.columns.status'),
          width: 90,
          render: (_, user) =>
            user.disabled ? (
              <Tag color="default">{t('adminPeople.users.disabled')}</Tag>
            ) : (
              <Tag color="success">{t('adminPeople.users.enabled')}</Tag>
            ),
        },
        {
          key: 'updatedAt',
          title: t('adminPeople.users.columns.updatedAt'),
          width: 150,
          render: (_, user) => formatDateTime(user.updatedAt),
        },
        {
          key: 'actions',
          title: t('adminCommon.actions'),
          fixed: 'right',
          width: 110,
          render: (_, user) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => onEdit(user)}>
                {t('adminCommon.edit')}
              </Button>
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'reset', label: t('adminPeople.users.resetPassword') },
                    {
                      key: 'toggle',
                      danger: !user.disabled,
                      disabled: user.id === meId,
                      label: user.disabled
                        ? t('adminPeople.users.enable')
                        : t('adminPeople.users.disable'),
                    },
                  ],
                  onClick: ({ key }) =>
                    key === 'reset' ? onResetPassword(user) : onToggleDisabled(user),
                }}
              >
                <Button
                  type="text"
                  size="small"
                  icon={<MoreOutlined />}
                  aria-label={t('adminPeople.users.more')}
                />
              </Dropdown>
            </Space>
          ),
        },
      ]}
    />
  );
}
