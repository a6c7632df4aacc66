import { ExclamationCircleFilled } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { formatDateTime } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import type { UserRecord } from '../people/people-types';
import type { AdminInstance } from './instance-types';
import { InstanceStatusTag } from './InstanceStatusTag';
import './instances-messages';

/** The instances found: key, process and version, status, starter, dates; a click opens details. */
export function InstanceTable({
  instances,
  loading,
  usersById,
  onOpen,
}: {
  instances: AdminInstance[];
  loading: boolean;
  usersById: Map<string, UserRecord>;
  onOpen: (instance: AdminInstance) => void;
}) {
  const t = useT();
  return (
    <Table<AdminInstance>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={instances}
      pagination={false}
      scroll={{ x: 1140 }}
      locale={{ emptyText: t('adminInstances.empty') }}
      onRow={(instance) => ({ onClick: () => onOpen(instance), style: { cursor: 'pointer' } })}
      columns={[
        {
          key: 'businessKey',
          title: t('adminInstances.columns.businessKey'),
          fixed: 'left',
          width: 170,
          render: (_, i) => (
            <div>
              <Typography.Text
                strong={Boolean(i.businessKey)}
                type={i.businessKey ? undefined : 'secondary'}
              >
                {i.businessKey ?? t('adminInstances.noBusinessKey')}
              </Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                  {i.id}
                </Typography.Text>
              </div>
            </div>
          ),
        },
        {
          key: 'process',
          title: t('adminInstances.columns.process'),
          render: (_, i) => (
            <span>
              {i.processName || i.processKey}{' '}
              <Typography.Text type="secondary">v{i.version}</Typography.Text>
            </span>
          ),
        },
        {
          key: 'status',
          title: t('adminInstances.columns.status'),
          width: 110,
          render: (_, i) => (
            <Space size={4}>
              <InstanceStatusTag status={i.status} />
              {i.incident && (
                <Tooltip title={i.incident.message}>
                  <ExclamationCircleFilled style={{ color: '#cf1322' }} />
                </Tooltip>
              )}
            </Space>
          ),
        },
        {
          key: 'current',
          title: t('adminInstances.columns.current'),
          width: 180,
          render: (_, i) =>
            i.activeSteps?.length ? (
              <Space size={[4, 4]} wrap>
                {i.activeSteps.map((step) => (
                  <Tag key={step.id} color="processing" style={{ marginInlineEnd: 0 }}>
                    {step.name}
                  </Tag>
                ))}
              </Space>
            ) : (
              '—'
            ),
        },
        {
          key: 'starter',
          title: t('adminInstances.columns.starter'),
          width: 120,
          render: (_, i) => (i.starter ? (usersById.get(i.starter)?.name ?? i.starter) : '—'),
        },
        {
          key: 'startedAt',
          title: t('adminInstances.columns.startedAt'),
          width: 150,
          render: (_, i) => formatDateTime(i.startedAt),
        },
        {
          key: 'endedAt',
          title: t('adminInstances.columns.endedAt'),
          width: 150,
          render: (_, i) => formatDateTime(i.endedAt) || '—',
        },
        {
          key: 'actions',
          title: t('adminCommon.actions'),
          fixed: 'right',
          width: 80,
          render: (_, i) => (
            <Button type="link" size="small" onClick={() => onOpen(i)}>
              {t('adminInstances.details')}
            </Button>
          ),
        },
      ]}
    />
  );
}
