import { PlusOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import { useT } from '../../../shared/i18n';
import type { ListItem } from './parameter-catalog';
import './parameters-messages';
import { moved, RowActions } from './RowActions';

/** Vote items / appraisal dimensions: a key (used in data) and a name; ordered. */
export function ItemListEditor({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: ListItem[];
  onChange?: (value: ListItem[]) => void;
}) {
  const t = useT();
  const list = value ?? [];
  const set = (index: number, patch: Partial<ListItem>) =>
    onChange?.(list.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)));
  return (
    <div id={id}>
      {list.map((entry, index) => (
        <div key={index} className="cf-admin-list-row">
          <Input
            aria-label={t('adminParams.items.key')}
            placeholder={t('adminParams.items.key')}
            value={entry.key}
            maxLength={40}
            onChange={(event) => set(index, { key: event.target.value.trim() })}
            style={{ width: 140, flex: 'none', fontFamily: 'monospace' }}
          />
          <Input
            aria-label={t('adminParams.items.label')}
            placeholder={t('adminParams.items.label')}
            value={entry.label}
            onChange={(event) => set(index, { label: event.target.value })}
            style={{ flex: '1 1 220px', minWidth: 0 }}
          />
          <RowActions
            index={index}
            count={list.length}
            onMove={(from, to) => onChange?.(moved(list, from, to))}
            onRemove={(i) => onChange?.(list.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        onClick={() => onChange?.([...list, { key: '', label: '' }])}
      >
        {t('adminParams.items.add')}
      </Button>
    </div>
  );
}
