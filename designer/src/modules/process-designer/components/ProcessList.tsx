import { ImportOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../shared/i18n';
import { LoadError } from '../../../shared/ui/LoadError';
import { Page } from '../../../shared/ui/Page';
import { type DefinitionSummary } from '../api/definitions-api';
import { useDefinitionList } from '../hooks/useDefinitionList';
import { processKeyOf } from '../model/new-process-xml';
import { NewKeyedItemModal } from '../../../shared/NewKeyedItemModal';

/** GET /api/definitions as a searchable table, with "new" and "import a .bpmn file". */
export function ProcessList() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { definitions: data, error, loading, reload } = useDefinitionList();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const definitions = useMemo(() => data ?? [], [data]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return definitions;
    return definitions.filter(
      (d) => d.key.toLowerCase().includes(q) || (d.name ?? '').toLowerCase().includes(q),
    );
  }, [definitions, query]);

  const open = (key: string) => navigate(`/admin/processes/${encodeURIComponent(key)}`);

  const importFile = async (file: File) => {
    const xml = await file.text();
    const key = processKeyOf(xml);
    if (!key) {
      message.error(t('processDesigner.editor.importFailed', { reason: file.name }));
      return;
    }
    navigate(`/admin/processes/${encodeURIComponent(key)}`, { state: { importedXml: xml } });
  };

  return (
    <Page
      title={t('processDesigner.list.title')}
      subtitle={
        <Typography.Text type="secondary">{t('processDesigner.list.subtitle')}</Typography.Text>
      }
      extra={
        <Space wrap>
          <Button icon={<ImportOutlined />} onClick={() => fileInput.current?.click()}>
            {t('processDesigner.list.import')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('processDesigner.list.create')}
          </Button>
        </Space>
      }
    >
      <input
        ref={fileInput}
        type="file"
        accept=".bpmn,.xml,application/xml,text/xml"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {error && !data ? (
        <LoadError error={error} onRetry={() => void reload()} />
      ) : (
        <>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('processDesigner.list.search')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            style={{ maxWidth: 320, marginBottom: 12 }}
          />
          <Table<DefinitionSummary>
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
                  description={t('processDesigner.list.empty')}
                />
              ),
            }}
            columns={[
              {
                title: t('processDesigner.list.name'),
                dataIndex: 'name',
                render: (name: string | undefined, record) => (
                  <Typography.Link onClick={() => open(record.key)}>
                    {name || record.key}
                  </Typography.Link>
                ),
              },
              {
                title: t('processDesigner.list.key'),
                dataIndex: 'key',
                render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
              },
              {
                title: t('processDesigner.list.version'),
                dataIndex: 'version',
                width: 110,
                render: (version: number) => t('processDesigner.list.versionTag', { version }),
              },
              {
                title: t('processDesigner.list.status'),
                dataIndex: 'active',
                width: 90,
                render: (active: boolean | undefined) =>
                  active === false ? (
                    <Tag>{t('processDesigner.list.inactive')}</Tag>
                  ) : (
                    <Tag color="green">{t('processDesigner.list.active')}</Tag>
                  ),
              },
              {
                title: t('processDesigner.list.deployedAt'),
                dataIndex: 'deployedAt',
                width: 170,
                render: (at: string | undefined) =>
                  at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—',
              },
              { title: t('processDesigner.list.deployedBy'), dataIndex: 'deployedBy', width: 140 },
              {
                key: 'actions',
                width: 90,
                render: (_, record) => (
                  <Button size="small" onClick={() => open(record.key)}>
                    {t('processDesigner.list.open')}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
      <NewKeyedItemModal
        open={creating}
        messages="processDesigner.create"
        keyPlaceholder="suggestion-handling"
        takenKeys={definitions.map((d) => d.key)}
        onCancel={() => setCreating(false)}
        onCreate={(key, name) =>
          navigate(`/admin/processes/${encodeURIComponent(key)}`, {
            state: { newProcessName: name },
          })
        }
      />
    </Page>
  );
}
