import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../../shared/api';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import { LoadError } from '../../../shared/ui/LoadError';
import { Page } from '../../../shared/ui/Page';
import { UNIT_KINDS, type UnitRecord } from './people-types';
import './people-messages';
import { UnitDrawer } from './UnitDrawer';
import { UnitKindTag } from './UnitKindTag';
import { useDistrictUnits, useDistrictUsers } from './useDistrictUsers';

/** GET /units: the district's units with their kind and active accounts; create, edit, delete. */
export function UnitsPage() {
  const t = useT();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const units = useDistrictUnits();
  const users = useDistrictUsers();
  const [editing, setEditing] = useState<{ unit?: UnitRecord } | null>(null);
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string>();

  const activeUsers = useMemo(() => {
    const counts = new Map<string, number>();
    for (const user of users.users)
      if (user.unitId && !user.disabled)
        counts.set(user.unitId, (counts.get(user.unitId) ?? 0) + 1);
    return counts;
  }, [users.users]);

  const shown = units.units.filter(
    (unit) => (!kind || unit.kind === kind) && (!q || unit.name.includes(q.trim())),
  );

  const remove = async (unit: UnitRecord) => {
    try {
      await api.delete(`/units/${encodeURIComponent(unit.id)}`);
      message.success(t('adminPeople.units.deleted', { name: unit.name }));
      void units.reload();
    } catch (error) {
      message.error(describe(error));
    }
  };

  return (
    <Page
      title={t('adminPeople.units.title')}
      subtitle={t('adminPeople.units.subtitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
          {t('adminPeople.units.create')}
        </Button>
      }
    >
      <Card styles={{ body: { padding: 0 } }}>
        <Space wrap style={{ padding: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('adminPeople.units.searchPlaceholder')}
            onChange={(event) => setQ(event.target.value)}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            value={kind}
            onChange={setKind}
            placeholder={t('adminPeople.units.allKinds')}
            options={UNIT_KINDS.map((k) => ({ value: k, label: t(`adminPeople.kinds.${k}`) }))}
            style={{ width: 160 }}
          />
        </Space>
        {units.error && !units.data ? (
          <LoadError compact error={units.error} onRetry={() => void units.reload()} />
        ) : (
          <Table<UnitRecord>
            rowKey="id"
            loading={units.loading}
            dataSource={shown}
            pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: 560 }}
            locale={{ emptyText: t('adminPeople.units.empty') }}
            columns={[
              { key: 'name', title: t('adminPeople.units.columns.name'), dataIndex: 'name' },
              {
                key: 'kind',
                title: t('adminPeople.units.columns.kind'),
                width: 150,
                render: (_, unit) => <UnitKindTag kind={unit.kind} />,
              },
              {
                key: 'users',
                title: t('adminPeople.units.columns.users'),
                width: 110,
                align: 'right',
                render: (_, unit) => (users.loading ? '…' : (activeUsers.get(unit.id) ?? 0)),
              },
              {
                key: 'actions',
                title: t('adminCommon.actions'),
                width: 130,
                render: (_, unit) => {
                  const count = activeUsers.get(unit.id) ?? 0;
                  return (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing({ unit })}>
                        {t('adminCommon.edit')}
                      </Button>
                      <Popconfirm
                        title={
                          count > 0
                            ? t('adminPeople.units.deleteBlocked', { count })
                            : t('adminPeople.units.deleteConfirm', { name: unit.name })
                        }
                        okButtonProps={{ danger: true, disabled: count > 0 }}
                        okText={t('adminCommon.delete')}
                        onConfirm={() => remove(unit)}
                      >
                        <Button type="link" size="small" danger>
                          {t('adminCommon.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  );
                },
              },
            ]}
          />
        )}
      </Card>
      <UnitDrawer
        open={editing !== null}
        unit={editing?.unit}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void units.reload();
        }}
      />
    </Page>
  );
}
