import { Input } from 'antd';
import { useT } from '../../../shared/i18n';
import { OrderedListEditor } from './OrderedListEditor';
import type { ListItem } from './parameter-catalog';
import './parameters-messages';

/** Vote items / appraisal dimensions: a key (used in data) and a name; ordered. */
export function ItemListEditor(props: {
  id?: string;
  value?: ListItem[];
  onChange?: (value: ListItem[]) => void;
}) {
  const t = useT();
  return (
    <OrderedListEditor<ListItem>
      {...props}
      blank={() => ({ key: '', label: '' })}
      addLabel={t('adminParams.items.add')}
      renderFields={(entry, set) => (
        <>
          <Input
            aria-label={t('adminParams.items.key')}
            placeholder={t('adminParams.items.key')}
            value={entry.key}
            maxLength={40}
            onChange={(event) => set({ key: event.target.value.trim() })}
            style={{ width: 140, flex: 'none', fontFamily: 'monospace' }}
          />
          <Input
            aria-label={t('adminParams.items.label')}
            placeholder={t('adminParams.items.label')}
            value={entry.label}
            onChange={(event) => set({ label: event.target.value })}
            style={{ flex: '1 1 220px', minWidth: 0 }}
          />
        </>
      )}
    />
  );
}
