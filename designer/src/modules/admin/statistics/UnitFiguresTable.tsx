import { Space, Table, Tag } from 'antd';
import { useT } from '../../../shared/i18n';
import { percent, type UnitFigures } from './statistics-types';
import './statistics-messages';

/** Per handling unit: handled, completed, replied, on-time and satisfaction rates, reply codes. */
export function UnitFiguresTable({ units }: { units: UnitFigures[] }) {
  const t = useT();
  const rateCell = (r: UnitFigures['onTime']) =>
    r.total === 0 ? '—' : `${percent(r.rate)}（${r.count}/${r.total}）`;
  return (
    <Table<UnitFigures>
      rowKey="unitId"
      size="small"
      dataSource={units}
      pagination={units.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 880 }}
      columns={[
        {
          key: 'name',
          title: t('adminStats.units.name'),
          fixed: 'left',
          width: 180,
          render: (_, u) => u.name ?? t('adminStats.units.unknownUnit'),
        },
        {
          key: 'total',
          title: t('adminStats.units.total'),
          dataIndex: 'total',
          align: 'right',
          width: 80,
          sorter: (a, b) => a.total - b.total,
        },
        {
          key: 'completed',
          title: t('adminStats.units.completed'),
          dataIndex: 'completed',
          align: 'right',
          width: 80,
        },
        {
          key: 'replied',
          title: t('adminStats.units.replied'),
          dataIndex: 'replied',
          align: 'right',
          width: 90,
        },
        {
          key: 'onTime',
          title: t('adminStats.units.onTime'),
          align: 'right',
          width: 140,
          sorter: (a, b) => (a.onTime.rate ?? -1) - (b.onTime.rate ?? -1),
          render: (_, u) => rateCell(u.onTime),
        },
        {
          key: 'satisfaction',
          title: t('adminStats.units.satisfaction'),
          align: 'right',
          width: 140,
          sorter: (a, b) => (a.satisfaction.rate ?? -1) - (b.satisfaction.rate ?? -1),
          render: (_, u) => rateCell(u.satisfaction),
        },
        {
          key: 'codes',
          title: t('adminStats.units.codes'),
          width: 180,
          render: (_, u) => (
            <Space size={[4, 4]} wrap>
              {u.replyCodes.map((c) => (
                <Tag key={c.code} style={{ marginInlineEnd: 0 }}>
                  {c.code} × {c.count}
                </Tag>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
