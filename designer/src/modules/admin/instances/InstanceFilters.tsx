import { Button, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../shared/i18n';
import {
  filterUserOption,
  renderUserOption,
  userOptions,
  type UserOption,
} from '../people/user-options';
import type { UnitRecord, UserRecord } from '../people/people-types';
import { INSTANCE_STATUSES } from './instance-types';
import './instances-messages';

export interface InstanceFilter {
  processKey?: string;
  status?: string;
  businessKey?: string;
  starter?: string;
  /** YYYY-MM-DD, inclusive */
  from?: string;
  /** YYYY-MM-DD, inclusive (sent as the next day, exclusive) */
  to?: string;
}

/** Process, status, business key, starter and start dates; every change is a new query. */
export function InstanceFilters({
  filter,
  onChange,
  processOptions,
  users,
  unitsById,
}: {
  filter: InstanceFilter;
  onChange: (patch: Partial<InstanceFilter>) => void;
  processOptions: { value: string; label: string }[];
  users: UserRecord[];
  unitsById: Map<string, UnitRecord>;
}) {
  const t = useT();
  const [fromLabel, toLabel] = t('adminInstances.filters.dates').split(',');
  const any = Object.values(filter).some(Boolean);
  return (
    <Space wrap size={[8, 8]} style={{ padding: 12 }}>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        value={filter.processKey}
        placeholder={t('adminInstances.filters.process')}
        options={processOptions}
        onChange={(processKey?: string) => onChange({ processKey })}
        style={{ width: 180 }}
      />
      <Select
        allowClear
        value={filter.status}
        placeholder={t('adminInstances.filters.status')}
        options={INSTANCE_STATUSES.map((s) => ({
          value: s,
          label: t(`adminInstances.status.${s}`),
        }))}
        onChange={(status?: string) => onChange({ status })}
        style={{ width: 130 }}
      />
      <Input.Search
        allowClear
        key={filter.businessKey ?? ''}
        defaultValue={filter.businessKey}
        placeholder={t('adminInstances.filters.businessKey')}
        onSearch={(value) => onChange({ businessKey: value.trim() || undefined })}
        style={{ width: 180 }}
      />
      <Select<string, UserOption>
        allowClear
        showSearch
        value={filter.starter}
        placeholder={t('adminInstances.filters.starter')}
        options={userOptions(users, unitsById)}
        filterOption={filterUserOption}
        optionRender={(option) => renderUserOption(option.data, t)}
        onChange={(starter?: string) => onChange({ starter })}
        popupMatchSelectWidth={false}
        style={{ width: 160 }}
      />
      <DatePicker.RangePicker
        placeholder={[fromLabel, toLabel]}
        value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
        allowEmpty={[true, true]}
        onChange={(range) =>
          onChange({
            from: range?.[0]?.format('YYYY-MM-DD'),
            to: range?.[1]?.format('YYYY-MM-DD'),
          })
        }
        style={{ width: 260 }}
      />
      {any && (
        <Button
          type="link"
          onClick={() =>
            onChange({
              processKey: undefined,
              status: undefined,
              businessKey: undefined,
              starter: undefined,
              from: undefined,
              to: undefined,
            })
          }
        >
          {t('adminInstances.filters.reset')}
        </Button>
      )}
    </Space>
  );
}
