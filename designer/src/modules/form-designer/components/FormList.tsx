import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../shared/i18n';
import { LoadError } from '../../../shared/ui/LoadError';
import { Page } from '../../../shared/ui/Page';
import { type FormSummary } from '../api/forms-api';
import { useFormList } from '../hooks/useFormList';
import { NewKeyedItemModal } from '../../../shared/NewKeyedItemModal';

/** GET /api/forms as a searchable table, with "new form". */
export function FormList() {
  const t = useT();
  const navigate = useNavigate();
  const { forms: data, error, loading, reload } = useFormList();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const forms = useMemo(() => data ?? [], [data]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q
      ? forms.filter(
          (f) => f.key.toLowerCase().includes(q) || (f.title ?? '').toLowerCase().includes(q),
        )
      : forms;
  }, [forms, query]);
  const open = (key: string) => navigate(`/admin/forms/${encodeURIComponent(key)}`);

  return (
    <Page
      title={t('formDesigner.list.title')}
      subtitle={
        <Typography.Text type="secondary">{t('formDesigner.list.subtitle')}</Typography.Text>
      }
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('formDesigner.list.create')}
        </Button>
      }
    >
      {error && !data ? (
        <LoadError error={error} onRetry={() => void reload()} />
      ) : (
        <>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('formDesigner.list.search')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            style={{ maxWidth: 320, marginBottom: 12 }}
          />
          <Table<FormSummary>
            rowKey="key"
            loading={loading}
            dataSource={shown}
            pagination={shown.length > 20 ? { pageSize: 20 } : false}
            onRow={(record) => ({
              onDoubleClick: () => open(record.key),
              style: { cursor: 'pointer' },
            })}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('formDesigner.list.empty')}
                />
              ),
            }}
            columns={[
              {
                title: t('formDesigner.list.titleColumn'),
                dataIndex: 'title',
                render: (title: string, record) => (
                  <Typography.Link onClick={() => open(record.key)}>
                    {title || record.key}
                  </Typography.Link>
                ),
              },
              {
                title: t('formDesigner.list.key'),
                dataIndex: 'key',
                render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
              },
              {
                title: t('formDesigner.list.version'),
                dataIndex: 'version',
                width: 110,
                render: (version: number) => t('formDesigner.list.versionTag', { version }),
              },
              {
                title: t('formDesigner.list.publishedAt'),
                dataIndex: 'publishedAt',
                width: 170,
                render: (at: string | undefined) =>
                  at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—',
              },
              {
                key: 'actions',
                width: 90,
                render: (_, record) => (
                  <Button size="small" onClick={() => open(record.key)}>
                    {t('formDesigner.list.open')}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
      <NewKeyedItemModal
        open={creating}
        messages="formDesigner.create"
        keyPlaceholder="suggestion-reply"
        takenKeys={forms.map((f) => f.key)}
        onCancel={() => setCreating(false)}
        onCreate={(key, title) =>
          navigate(`/admin/forms/${encodeURIComponent(key)}`, { state: { newFormTitle: title } })
        }
      />
    </Page>
  );
}
