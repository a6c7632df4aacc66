import { RightOutlined } from '@ant-design/icons';
import { Button, Card, List, Space, Table, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { DueTag } from '../../../shared/ui/DueStatus';
import type { InstanceSummary } from '../../../shared/workflow-types';
import '../inbox-messages';
import { StatusTag } from './StatusTag';

interface Props {
  instances: InstanceSummary[];
  loading: boolean;
  empty: React.ReactNode;
  compact: boolean;
}

const path = (id: string) => `/instances/${encodeURIComponent(id)}`;

/** 我发起的: the instances this person started, as a table or (phones) cards. */
export function InstanceList({ instances, loading, empty, compact }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const startedAt = (i: InstanceSummary) => formatDateTime(i.startedAt ?? i.createdAt);
  const steps = (i: InstanceSummary) => (i.activeSteps ?? []).map((step) => step.name).join('、');
  const withSteps = instances.some((i) => i.activeSteps?.length);
  const title = (i: InstanceSummary) => (
    <Space direction="vertical" size={0}>
      <Typography.Text strong>{i.processName || i.processKey}</Typography.Text>
      {i.businessKey && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {i.businessKey}
        </Typography.Text>
      )}
    </Space>
  );

  if (compact) {
    return (
      <List<InstanceSummary>
        loading={loading}
        dataSource={instances}
        locale={{ emptyText: empty }}
        split={false}
        renderItem={(i) => (
          <List.Item style={{ padding: '0 0 10px' }}>
            <Card
              size="small"
              hoverable
              style={{ width: '100%' }}
              onClick={() => navigate(path(i.id))}
            >
              <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Space size={6} wrap style={{ marginBottom: 4 }}>
                    <StatusTag status={i.status} />
                    <DueTag overdue={i.overdue} dueSoon={i.dueSoon} />
                  </Space>
                  <div>{title(i)}</div>
                  {i.activeSteps?.length ? (
                    <Typography.Text style={{ fontSize: 12, display: 'block' }}>
                      {t('inbox.columns.current')}：{steps(i)}
                    </Typography.Text>
                  ) : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('inbox.columns.startedAt')}：{startedAt(i)}
                  </Typography.Text>
                </div>
                <RightOutlined style={{ color: '#bfbfbf', marginTop: 6 }} />
              </div>
            </Card>
          </List.Item>
        )}
      />
    );
  }

  return (
    <Table<InstanceSummary>
      rowKey="id"
      dataSource={instances}
      loading={loading}
      pagination={false}
      locale={{ emptyText: empty }}
      onRow={(i) => ({ onClick: () => navigate(path(i.id)), style: { cursor: 'pointer' } })}
      columns={[
        { key: 'process', title: t('inbox.columns.process'), render: (_, i) => title(i) },
        ...(withSteps
          ? [
              {
                key: 'current',
                title: t('inbox.columns.current'),
                render: (_: unknown, i: InstanceSummary) => steps(i) || '—',
              },
            ]
          : []),
        {
          key: 'status',
          title: t('inbox.columns.status'),
          width: 140,
          render: (_, i) => (
            <Space size={4}>
              <StatusTag status={i.status} />
              <DueTag overdue={i.overdue} dueSoon={i.dueSoon} />
            </Space>
          ),
        },
        {
          key: 'startedAt',
          title: t('inbox.columns.startedAt'),
          width: 150,
          render: (_, i) => startedAt(i),
        },
        {
          key: 'actions',
          title: t('inbox.columns.actions'),
          width: 90,
          align: 'right',
          render: (_, i) => (
            <Button size="small" onClick={() => navigate(path(i.id))}>
              {t('inbox.actions.view')}
            </Button>
          ),
        },
      ]}
    />
  );
}
