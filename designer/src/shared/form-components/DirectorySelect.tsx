import { Select, Space, Tag, Typography } from 'antd';
import { useT } from '../i18n';
import type { PickerOption } from './useDirectoryOptions';

export type DirectoryValue = string | string[] | undefined;

export interface DirectorySelectProps {
  value?: DirectoryValue;
  onChange?: (value: DirectoryValue) => void;
  multiple?: boolean;
  disabled?: boolean;
  placeholder?: string;
  options: PickerOption[];
  loading: boolean;
  failed: boolean;
  onSearch: (q: string) => void;
  labelOf: (id: string) => string;
}

/** The shared look of the user and unit pickers: a searchable select with a second line. */
export function DirectorySelect(props: DirectorySelectProps) {
  const t = useT();
  const { value, multiple, options, labelOf } = props;
  const chosen =
    value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  const merged = [...options];
  for (const id of chosen) {
    if (!merged.some((o) => o.value === id)) merged.push({ value: id, label: labelOf(id) });
  }
  return (
    <Select
      showSearch
      allowClear
      mode={multiple ? 'multiple' : undefined}
      value={multiple ? chosen : chosen[0]}
      onChange={(next: DirectoryValue) => props.onChange?.(next ?? (multiple ? [] : undefined))}
      disabled={props.disabled}
      placeholder={props.placeholder}
      filterOption={false}
      onSearch={props.onSearch}
      loading={props.loading}
      style={{ width: '100%' }}
      optionLabelProp="label"
      notFoundContent={
        props.failed ? (
          <Typography.Text type="danger">{t('formComponents.loadFailed')}</Typography.Text>
        ) : (
          t('formComponents.noMatch')
        )
      }
      options={merged.map((o) => ({
        value: o.value,
        label: o.label,
        title: o.description ? `${o.label} · ${o.description}` : o.label,
        description: o.description,
      }))}
      optionRender={(option) => (
        <Space size={6}>
          <span>{option.label}</span>
          {option.data.description && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {option.data.description}
            </Typography.Text>
          )}
        </Space>
      )}
    />
  );
}

/** Read-only rendering of a picker value: one tag per chosen entry. */
export function DirectoryTags({
  value,
  labelOf,
}: {
  value?: DirectoryValue;
  labelOf: (id: string) => string;
}) {
  const t = useT();
  const ids = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  if (ids.length === 0) return <span>{t('formComponents.empty')}</span>;
  return (
    <Space size={[4, 4]} wrap>
      {ids.map((id) => (
        <Tag key={id} style={{ marginInlineEnd: 0 }}>
          {labelOf(id)}
        </Tag>
      ))}
    </Space>
  );
}
