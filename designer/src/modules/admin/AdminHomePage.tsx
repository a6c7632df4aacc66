import { Card, Col, Row, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../shared/format';
import { useT } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { useApiQuery } from '../../shared/useApiQuery';
import { AdminEntryCard } from './AdminEntryCard';
import { ADMIN_SECTIONS, adminNavEntries } from './admin-nav';
import './admin-messages';

interface DefinitionSummary {
  key: string;
  name?: string;
  version: number;
  active: boolean;
  deployedAt?: string;
}

/** The administrator's start page: every administration screen by section, and what is deployed. */
export function AdminHomePage() {
  const t = useT();
  const navigate = useNavigate();
  const { isPlatformAdmin } = useSession();
  const definitions = useApiQuery<DefinitionSummary[]>('/definitions');
  const entries = adminNavEntries.filter((e) => !e.platformOnly || isPlatformAdmin);
  return (
    <Page title={t('admin.title')}>
      {ADMIN_SECTIONS.map((section) => {
        const inSection = entries.filter((e) => e.section === section);
        if (inSection.length === 0) return null;
        return (
          <section key={section} style={{ marginBottom: 20 }}>
            <Typography.Title level={5} type="secondary" style={{ marginTop: 0 }}>
              {t(`adminNav.sections.${section}`)}
            </Typography.Title>
            <Row gutter={[12, 12]}>
              {inSection.map((entry) => (
                <Col key={entry.path} xs={24} sm={12} xl={8}>
                  <AdminEntryCard entry={entry} />
                </Col>
              ))}
            </Row>
          </section>
        );
      })}
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
