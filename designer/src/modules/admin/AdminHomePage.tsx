import { ApartmentOutlined, FormOutlined } from '@ant-design/icons';
import { Card, Col, Row, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../shared/format';
import { useT } from '../../shared/i18n';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { useApiQuery } from '../../shared/useApiQuery';
import './admin-messages';

interface DefinitionSummary {
  key: string;
  name?: string;
  version: number;
  active: boolean;
  deployedAt?: string;
}

function EntryCard({
  icon,
  title,
  text,
  to,
}: {
  icon: ReactNode;
  title: string;
  text: string;
  to: string;
}) {
  const navigate = useNavigate();
  return (
    <Card hoverable onClick={() => navigate(to)} style={{ height: '100%' }}>
      <Card.Meta
        avatar={<span style={{ fontSize: 28, color: '#1f5bc4' }}>{icon}</span>}
        title={title}
        description={text}
      />
    </Card>
  );
}

/** The administrator's start page: the designers and what is deployed. */
export function AdminHomePage() {
  const t = useT();
  const navigate = useNavigate();
  const definitions = useApiQuery<DefinitionSummary[]>('/definitions');
  return (
    <Page title={t('admin.title')}>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <EntryCard
            icon={<ApartmentOutlined />}
            title={t('admin.processes')}
            text={t('admin.processesText')}
            to="/admin/processes"
          />
        </Col>
        <Col xs={24} md={12}>
          <EntryCard
            icon={<FormOutlined />}
            title={t('admin.forms')}
            text={t('admin.formsText')}
            to="/admin/forms"
          />
        </Col>
      </Row>
      <Card title={t('admin.definitions')}>
        {definitions.error ? (
          <LoadError compact error={definitions.error} onRetry={() => void definitions.reload()} />
        ) : (
          <Table<DefinitionSummary>
            rowKey="key"
            loading={definitions.loading}
            dataSource={definitions.data ?? []}
            pagination={false}
            scroll={{ x: true }}
            locale={{ emptyText: t('admin.empty') }}
            onRow={(d) => ({
              onClick: () => navigate(`/admin/processes/${encodeURIComponent(d.key)}`),
              style: { cursor: 'pointer' },
            })}
            columns={[
              {
                key: 'name',
                title: t('admin.columns.name'),
                render: (_, d) => (
                  <>
                    <Typography.Text strong>{d.name || d.key}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.key}
                    </Typography.Text>
                  </>
                ),
              },
              {
                key: 'version',
                title: t('admin.columns.version'),
                width: 80,
                render: (_, d) => `v${d.version}`,
              },
              {
                key: 'status',
                title: t('admin.columns.status'),
                width: 90,
                render: (_, d) =>
                  d.active ? (
                    <Tag color="success">{t('admin.active')}</Tag>
                  ) : (
                    <Tag>{t('admin.inactive')}</Tag>
                  ),
              },
              {
                key: 'deployedAt',
                title: t('admin.columns.deployedAt'),
                width: 160,
                render: (_, d) => formatDateTime(d.deployedAt),
              },
            ]}
          />
        )}
      </Card>
    </Page>
  );
}
