import { Table } from 'antd';
import { ReadOnlyText } from '../../../shared/form-components';

/** An earlier step's value: a list of records as a small table, anything else as text. */
export function ReadOnlyValue({ value }: { value: unknown }) {
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => v && typeof v === 'object' && !Array.isArray(v))
  ) {
    const rows = value as Record<string, unknown>[];
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    return (
      <Table
        size="small"
        pagination={false}
        scroll={{ x: true }}
        rowKey={(_, index) => String(index)}
        dataSource={rows}
        columns={columns.map((c) => ({
          key: c,
          title: c,
          render: (_: unknown, row: Record<string, unknown>) => <ReadOnlyText value={row[c]} />,
        }))}
      />
    );
  }
  return <ReadOnlyText value={value} />;
}
