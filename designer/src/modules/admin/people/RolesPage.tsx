import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../shared/i18n';
import { roleLabel } from '../../../shared/roles';
import { LoadError } from '../../../shared/ui/LoadError';
import { Page } from '../../../shared/ui/Page';
import { useApiQuery } from '../../../shared/useApiQuery';
import type { RoleMembers } from './people-types';
import './people-messages';
import { RoleMembersDrawer } from './RoleMembersDrawer';
import { useDistrictUnits, useDistrictUsers } from './useDistrictUsers';

const SHOWN_MEMBERS = 12;

/** GET /roles: each role key with its members (by name); change members in a drawer. */
export function RolesPage() {
  const t = useT();
  const roles = useApiQuery<RoleMembers[]>('/roles');
  const users = useDistrictUsers();
  const units = useDistrictUnits();
  const [editing, setEditing] = useState<RoleMembers>();
  const name = (role: RoleMembers) => {
    const label = roleLabel(t, role.key);
    return label === role.key ? role.label : label;
  };

  return (
    <Page title={t('adminPeople.roles.title')} subtitle={t('adminPeople.roles.subtitle')}>
      <Card styles={{ body: { padding: roles.error ? undefined : 0 } }}>
        {roles.error && !roles.data ? (
          <LoadError compact error={roles.error} onRetry={() => void roles.reload()} />
        ) : (
          <List<RoleMembers>
            loading={roles.loading || users.loading}
            dataSource={roles.data ?? []}
            renderItem={(role) => (
              <List.Item
                style={{ paddingInline: 16, alignItems: 'flex-start' }}
                actions={[
                  <Button key="edit" onClick={() => setEditing(role)}>
                    {t('adminPeople.roles.editMembers')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space size={8} wrap>
                      <span>{name(role)}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
                        {role.key} · {t('adminPeople.roles.count', { count: role.userIds.length })}
                      </Typography.Text>
                    </Space>
                  }
                  description={
                    role.userIds.length === 0 ? (
                      <Typography.Text type="warning">
                        {t('adminPeople.roles.noMembers')}
                      </Typography.Text>
                    ) : (
                      <Space size={[4, 4]} wrap>
                        {role.userIds.slice(0, SHOWN_MEMBERS).map((id) => {
                          const user = users.byId.get(id);
                          return (
                            <Tag
                              key={id}
                              color={user?.disabled ? 'default' : 'blue'}
                              style={{ marginInlineEnd: 0 }}
                            >
                              {user?.disabled
                                ? t('adminPeople.roles.disabledName', { name: user.name })
                                : (user?.name ?? id)}
                            </Tag>
                          );
                        })}
                        {role.userIds.length > SHOWN_MEMBERS && (
                          <Tag style={{ marginInlineEnd: 0 }}>
                            +{role.userIds.length - SHOWN_MEMBERS}
                          </Tag>
                        )}
                      </Space>
                    )
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <RoleMembersDrawer
        role={editing}
        roleName={editing ? name(editing) : ''}
        users={users.users}
        unitsById={units.byId}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          void roles.reload();
          void users.reload();
        }}
      />
    </Page>
  );
}
