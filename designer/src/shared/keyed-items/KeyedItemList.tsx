import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { type ReactNode, useMemo, useState } from 'react';
import { useT } from '../i18n';
import { LoadError } from '../ui/LoadError';
import { Page } from '../ui/Page';

export interface KeyedItem {
  key: string;
  version: number;
}

interface Props<T extends KeyedItem> {
  /**
   * Where the page's texts live, e.g. `formDesigner.list`: `.title`, `.subtitle`, `.create`,
   * `.search`, `.empty`, `.key`, `.version`, `.versionTag` ({version}), `.open`.
   */
  messages: string;
  items: T[] | undefined;
  error: unknown;
  loading: boolean;
  reload: () => unknown;
  /** The name people gave the item (searched with the key), and its column's title. */
  nameOf: (item: T) => string | undefined;
  nameTitle: string;
  /** Columns after the version: status, when and by whom it was published… */
  columns: ColumnsType<T>;
  open: (key: string) => void;
  onCreate: () => void;
  /** Buttons beside "new" (an import…). */
  actions?: ReactNode;
  /** Dialogs and hidden inputs the page owns. */
  children?: ReactNode;
}

/**
 * The administrator's list of a district's processes or forms: search by key or name, open by
 * click, "new" — the same page for both designers, their own columns after the version.
 */
export function KeyedItemList<T extends KeyedItem>(props: Props<T>) {
  const { messages, items, error, loading, reload, nameOf, nameTitle, columns, open } = props;
  const t = useT();
  const m = (key: string, vars?: { version: number }) => t(`${messages}.${key}`, vars);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const all = items ?? [];
    const q = query.trim().toLowerCase();
    if (!q) return all;
    return all.filter(
      (item) =>
        item.key.toLowerCase().includes(q) || (nameOf(item) ?? '').toLowerCase().includes(q),
    );
  }, [items, query, nameOf]);

  return (
    <Page
      title={m('title')}
      subtitle={<Typography.Text type="secondary">{m('subtitle')}</Typography.Text>}
      extra={
        <Space wrap>
          {props.actions}
          <Button type="primary" icon={<PlusOutlined />} onClick={props.onCreate}>
            {m('create')}
          </Button>
        </Space>
      }
    >
      {error && !items ? (
        <LoadError error={error} onRetry={() => void reload()} />
      ) : (
        <>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={m('search')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            style={{ maxWidth: 320, marginBottom: 12 }}
          />
          <Table<T>
            rowKey="key"
            loading={loading}
            dataSource={shown}
            pagination={shown.length > 20 ? { pageSize: 20 } : false}
            onRow={(record) => ({
              onDoubleClick: () => open(record.key),
              style: { cursor: 'pointer' },
            })}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('empty')} />,
            }}
            columns={[
              {
                key: 'name',
                title: nameTitle,
                render: (_, record) => (
                  <Typography.Link onClick={() => open(record.key)}>
                    {nameOf(record) || record.key}
                  </Typography.Link>
                ),
              },
              {
                title: m('key'),
                dataIndex: 'key',
                render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
              },
              {
                title: m('version'),
                dataIndex: 'version',
                width: 110,
                render: (version: number) => m('versionTag', { version }),
              },
              ...columns,
              {
                key: 'actions',
                width: 90,
                render: (_, record) => (
                  <Button size="small" onClick={() => open(record.key)}>
                    {m('open')}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
      {props.children}
    </Page>
  );
}

/** A date column ("published at", "deployed at"): minutes, or — when there is none. */
export function dateColumn<T>(title: string, dataIndex: keyof T & string): ColumnsType<T>[number] {
  return {
    title,
    dataIndex,
    width: 170,
    render: (at: string | undefined) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—'),
  };
}
