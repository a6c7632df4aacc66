import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { moved, RowActions } from './RowActions';

/**
 * The frame every ordered-list parameter shares (vote items, reply codes): one row per entry with
 * move/remove actions and an add button; the caller renders a row's own fields.
 */
export function OrderedListEditor<T extends object>({
  id,
  value,
  onChange,
  blank,
  addLabel,
  renderFields,
}: {
  id?: string;
  value?: T[];
  onChange?: (value: T[]) => void;
  blank: () => T;
  addLabel: string;
  renderFields: (entry: T, set: (patch: Partial<T>) => void) => ReactNode;
}) {
  const list = value ?? [];
  const set = (index: number, patch: Partial<T>) =>
    onChange?.(list.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)));
  return (
    <div id={id}>
      {list.map((entry, index) => (
        <div key={index} className="cf-admin-list-row">
          {renderFields(entry, (patch) => set(index, patch))}
          <RowActions
            index={index}
            count={list.length}
            onMove={(from, to) => onChange?.(moved(list, from, to))}
            onRemove={(i) => onChange?.(list.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <Button type="dashed" icon={<PlusOutlined />} onClick={() => onChange?.([...list, blank()])}>
        {addLabel}
      </Button>
    </div>
  );
}
