import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input } from 'antd';
import { useT } from '../../../shared/i18n';
import type { ReplyCode } from './parameter-catalog';
import './parameters-messages';
import { moved, RowActions } from './RowActions';

/** The reply codes (答复类别): code, meaning, whether a reason or a plan is required; ordered. */
export function ReplyCodeListEditor({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: ReplyCode[];
  onChange?: (value: ReplyCode[]) => void;
}) {
  const t = useT();
  const list = value ?? [];
  const set = (index: number, patch: Partial<ReplyCode>) =>
    onChange?.(list.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)));
  return (
    <div id={id}>
      {list.map((entry, index) => (
        <div key={index} className="cf-admin-list-row">
          <Input
            aria-label={t('adminParams.codes.code')}
            placeholder={t('adminParams.codes.code')}
            value={entry.code}
            maxLength={8}
            onChange={(event) => set(index, { code: event.target.value.trim() })}
            style={{ width: 72, flex: 'none', fontWeight: 600 }}
          />
          <Input
            aria-label={t('adminParams.codes.label')}
            placeholder={t('adminParams.codes.label')}
            value={entry.label}
            onChange={(event) => set(index, { label: event.target.value })}
            style={{ flex: '1 1 220px', minWidth: 0 }}
          />
          <Checkbox
            checked={entry.explanationRequired}
            onChange={(event) => set(index, { explanationRequired: event.target.checked })}
          >
            {t('adminParams.codes.explanationRequired')}
          </Checkbox>
          <Checkbox
            checked={entry.planRequired ?? false}
            onChange={(event) => set(index, { planRequired: event.target.checked })}
          >
            {t('adminParams.codes.planRequired')}
          </Checkbox>
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
        onClick={() =>
          onChange?.([
            ...list,
            { code: '', label: '', explanationRequired: false, planRequired: false },
          ])
        }
      >
        {t('adminParams.codes.add')}
      </Button>
    </div>
  );
}
