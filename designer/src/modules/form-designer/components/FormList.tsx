import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../shared/i18n';
import { dateColumn, KeyedItemList } from '../../../shared/keyed-items/KeyedItemList';
import { NewKeyedItemModal } from '../../../shared/keyed-items/NewKeyedItemModal';
import { type FormSummary } from '../api/forms-api';
import { useFormList } from '../hooks/useFormList';

const titleOf = (form: FormSummary) => form.title;

/** GET /api/forms as a searchable table, with "new form". */
export function FormList() {
  const t = useT();
  const navigate = useNavigate();
  const { forms, error, loading, reload } = useFormList();
  const [creating, setCreating] = useState(false);
  const open = (key: string) => navigate(`/admin/forms/${encodeURIComponent(key)}`);

  return (
    <KeyedItemList<FormSummary>
      messages="formDesigner.list"
      items={forms}
      error={error}
      loading={loading}
      reload={reload}
      nameOf={titleOf}
      nameTitle={t('formDesigner.list.titleColumn')}
      columns={[dateColumn<FormSummary>(t('formDesigner.list.publishedAt'), 'publishedAt')]}
      open={open}
      onCreate={() => setCreating(true)}
    >
      <NewKeyedItemModal
        open={creating}
        messages="formDesigner.create"
        keyPlaceholder="suggestion-reply"
        takenKeys={(forms ?? []).map((f) => f.key)}
        onCancel={() => setCreating(false)}
        onCreate={(key, title) =>
          navigate(`/admin/forms/${encodeURIComponent(key)}`, { state: { newFormTitle: title } })
        }
      />
    </KeyedItemList>
  );
}
