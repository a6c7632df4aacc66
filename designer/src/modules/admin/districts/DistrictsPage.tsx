import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Result, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import { LoadError } from '../../../shared/ui/LoadError';
import { Page } from '../../../shared/ui/Page';
import { usePagedList } from '../common/usePagedList';
import './districts-messages';

interface DistrictSummary {
  id: string;
  name: string;
  code: string;
  createdAt: string;
}

/** GET /districts (platform administrators): every district, and the way to create one. */
export function DistrictsPage() {
  const t = useT();
  const { isPlatformAdmin } = useSession();
  const districts = usePagedList<DistrictSummary>(isPlatformAdmin ? '/districts' : null, {});
  if (!isPlatformAdmin) {
    return (
      <Result
        status="403"
        title={t('adminCommon.platformOnlyTitle')}
        subTitle={t('adminCommon.platformOnlyText')}
      />
    );
  }
  return (
    <Page
      title={t('adminDistricts.list.title')}
      subtitle={t('adminDistricts.list.subtitle')}
      extra={
        <Link to="/admin/districts/new">
          <Button type="primary" icon={<PlusOutlined />}>
            {t('adminDistricts.list.create')}
          </Button>
        </Link>
      }
    >
      <Card styles={{ body: { padding: 0 } }}>
        {districts.error && districts.items.length === 0 ? (
          <LoadError compact error={districts.error} onRetry={districts.reload} />
        ) : (
          <Table<DistrictSummary>
            rowKey="id"
            loading={districts.loading}
            dataSource={districts.items}
            pagination={false}
            scroll={{ x: 480 }}
            locale={{ emptyText: t('adminDistricts.list.empty') }}
            columns={[
              {
                key: 'name',
                title: t('adminDistricts.list.columns.name'),
                render: (_, d) => <Typography.Text strong>{d.name}</Typography.Text>,
              },
              {
                key: 'code',
                title: t('adminDistricts.list.columns.code'),
                render: (_, d) => <Typography.Text code>{d.code}</Typography.Text>,
              },
              {
                key: 'createdAt',
                title: t('adminDistricts.list.columns.createdAt'),
                width: 170,
                render: (_, d) => formatDateTime(d.createdAt),
              },
            ]}
          />
        )}
        {districts.hasMore && (
          <div style={{ textAlign: 'center', padding: 12 }}>
            <Button loading={districts.loading} onClick={districts.loadMore}>
              {t('adminCommon.loadMore')}
            </Button>
          </div>
        )}
      </Card>
    </Page>
  );
}
