import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../shared/i18n';
import type { InboxFilters, InboxSort, InboxView } from '../inbox-view';
import '../inbox-messages';
import { useProcessOptions } from '../useProcessOptions';

interface Props {
  view: InboxView;
  filters: InboxFilters;
  onChange: (patch: Partial<InboxFilters>) => void;
  onClear: () => void;
  active: boolean;
  compact: boolean;
  /** the rows shown, whose processes the process filter offers too */
  rows?: readonly { processKey: string; processName?: string }[];
}

/** Search, process / due / priority filters and sort. On a phone the selects fold away. */
export function InboxFilterBar(props: Props) {
  const { view, filters, onChange, onClear, active, compact, rows } = props;
  const t = useT();
  const processes = useProcessOptions(rows);
  const [search, setSearch] = useState(filters.q);
  const [expanded, setExpanded] = useState(false);
  const showDue = view !== 'completed' && view !== 'started';
  const activeCount = [filters.processKey, filters.due, filters.priority].filter(Boolean).length;

  useEffect(() => setSearch(filters.q), [filters.q]);

  const selects = (
    <>
      <Select
        allowClear
        value={filters.processKey}
        onChange={(processKey?: string) => onChange({ processKey })}
        placeholder={t('inbox.filters.process')}
        options={processes}
        style={{ minWidth: 160, width: compact ? '100%' : undefined }}
        popupMatchSelectWidth={false}
        aria-label={t('inbox.filters.process')}
      />
      {showDue && (
        <Select
          allowClear
          value={filters.due}
          onChange={(due?: InboxFilters['due']) => onChange({ due })}
          placeholder={t('inbox.filters.due')}
          options={[
            { value: 'overdue', label: t('inbox.filters.overdue') },
            { value: 'soon', label: t('inbox.filters.soon') },
          ]}
          style={{ minWidth: 120, width: compact ? '100%' : undefined }}
          aria-label={t('inbox.filters.due')}
        />
      )}
      {view !== 'started' && (
        <Select
          allowClear
          value={filters.priority}
          onChange={(priority?: InboxFilters['priority']) => onChange({ priority })}
          placeholder={t('inbox.filters.priority')}
          // the server filters by a minimum priority (docs/api.md: priority=n is "at least n")
          options={[
            { value: 'high', label: t('inbox.filters.priorityHigh') },
            { value: 'normal', label: t('inbox.filters.priorityNotLow') },
          ]}
          style={{ minWidth: 120, width: compact ? '100%' : undefined }}
          aria-label={t('inbox.filters.priority')}
        />
      )}
      <Select<InboxSort>
        value={filters.sort}
        onChange={(sort) => onChange({ sort })}
        // 我发起的 lists cases, which sort by start time only
        options={
          (view === 'started'
            ? [
                { value: '-created', label: t('inbox.filters.sortStartedDesc') },
                { value: 'created', label: t('inbox.filters.sortStarted') },
              ]
            : [
                { value: 'due', label: t('inbox.filters.sortDue') },
                { value: '-due', label: t('inbox.filters.sortDueDesc') },
                { value: '-created', label: t('inbox.filters.sortCreatedDesc') },
                { value: 'created', label: t('inbox.filters.sortCreated') },
                { value: 'priority', label: t('inbox.filters.sortPriority') },
              ]) as { value: InboxSort; label: string }[]
        }
        style={{ minWidth: 170, width: compact ? '100%' : undefined }}
        popupMatchSelectWidth={false}
        aria-label={t('inbox.filters.sort')}
      />
      {active && (
        <Button type="link" onClick={onClear} style={{ paddingInline: 4 }}>
          {t('inbox.filters.clear')}
        </Button>
      )}
    </>
  );

  const searchBox = (
    <Input.Search
      allowClear
      value={search}
      onChange={(e) => {
        setSearch(e.target.value);
        if (!e.target.value) onChange({ q: '' });
      }}
      onSearch={(q) => onChange({ q: q.trim() })}
      placeholder={t('inbox.filters.search')}
      style={{ width: compact ? '100%' : 280 }}
      aria-label={t('inbox.filters.search')}
    />
  );

  if (!compact) {
    return (
      <Space wrap size={[8, 8]}>
        {searchBox}
        {selects}
      </Space>
    );
  }
  return (
    <div>
      <div style={{ display: 'flex', gap: 8 }}>
        {searchBox}
        <Badge count={activeCount} size="small">
          <Button
            icon={<FilterOutlined />}
            onClick={() => setExpanded((v) => !v)}
            aria-expanded={expanded}
            aria-label={t('inbox.filters.more')}
          />
        </Badge>
      </div>
      {expanded && <div style={{ display: 'grid', gap: 8, marginTop: 8 }}>{selects}</div>}
    </div>
  );
}
