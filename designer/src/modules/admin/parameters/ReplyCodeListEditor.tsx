import { Checkbox, Input } from 'antd';
import { useT } from '../../../shared/i18n';
import { OrderedListEditor } from './OrderedListEditor';
import type { ReplyCode } from './parameter-catalog';
import './parameters-messages';

/** The reply codes (答复类别): code, meaning, whether a reason or a plan is required; ordered. */
export function ReplyCodeListEditor(props: {
  id?: string;
  value?: ReplyCode[];
  onChange?: (value: ReplyCode[]) => void;
}) {
  const t = useT();
  return (
    <OrderedListEditor<ReplyCode>
      {...props}
      blank={() => ({ code: '', label: '', explanationRequired: false, planRequired: false })}
      addLabel={t('adminParams.codes.add')}
      renderFields={(entry, set) => (
        <>
          <Input
            aria-label={t('adminParams.codes.code')}
            placeholder={t('adminParams.codes.code')}
            value={entry.code}
            maxLength={8}
            onChange={(event) => set({ code: event.target.value.trim() })}
            style={{ width: 72, flex: 'none', fontWeight: 600 }}
          />
          <Input
            aria-label={t('adminParams.codes.label')}
            placeholder={t('adminParams.codes.label')}
            value={entry.label}
            onChange={(event) => set({ label: event.target.value })}
            style={{ flex: '1 1 220px', minWidth: 0 }}
          />
          <Checkbox
            checked={entry.explanationRequired}
            onChange={(event) => set({ explanationRequired: event.target.checked })}
          >
            {t('adminParams.codes.explanationRequired')}
          </Checkbox>
          <Checkbox
            checked={entry.planRequired ?? false}
            onChange={(event) => set({ planRequired: event.target.checked })}
          >
            {t('adminParams.codes.planRequired')}
          </Checkbox>
        </>
      )}
    />
  );
}
