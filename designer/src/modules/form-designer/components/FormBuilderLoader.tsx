import { Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { useT } from '../../../shared/i18n';
import { LoadError } from '../../../shared/ui/LoadError';
import { formsApi } from '../api/forms-api';
import { readFormDraft } from '../model/form-drafts';
import { emptyForm } from '../model/form-model';
import { schemaToModel } from '../model/schema-model';
import { FormBuilder, type FormBuilderProps } from './FormBuilder';

/** What the list page hands over when it creates a form. */
export interface FormEntryState {
  newFormTitle?: string;
}

/** Opens a form: its latest version, or a new empty form, with an autosaved draft offered. */
export function FormBuilderLoader({ formKey }: { formKey: string }) {
  const t = useT();
  const location = useLocation();
  const entry = (location.state ?? {}) as FormEntryState;
  const [props, setProps] = useState<FormBuilderProps>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let alive = true;
    setError(undefined);
    setProps(undefined);
    formsApi
      .get(formKey)
      .then((detail) => {
        if (!alive) return;
        const draft = readFormDraft(formKey);
        const latest = detail?.latest;
        const latestVersion =
          latest?.version ??
          (detail?.versions.length
            ? Math.max(...detail.versions.map((v) => v.version))
            : undefined);
        if (latest) {
          const { model, warnings } = schemaToModel(latest.schema);
          const draftDiffers =
            draft && JSON.stringify(draft.schema) !== JSON.stringify(latest.schema);
          setProps({
            formKey,
            initialModel: model,
            initiallyDirty: false,
            latestVersion,
            draft: draftDiffers ? draft : undefined,
            customFields: warnings.filter((w) => w.key === 'customField').map((w) => w.field ?? ''),
          });
        } else if (draft) {
          const { model } = schemaToModel(draft.schema);
          setProps({
            formKey,
            initialModel: model,
            initiallyDirty: true,
            latestVersion,
            customFields: [],
          });
        } else {
          setProps({
            formKey,
            initialModel: emptyForm(entry.newFormTitle ?? ''),
            initiallyDirty: true,
            latestVersion,
            customFields: [],
          });
        }
      })
      .catch((err: unknown) => alive && setError(err));
    return () => {
      alive = false;
    };
    // the entry state belongs to the navigation that opened this key: no dependency
  }, [formKey, attempt]);

  if (error) return <LoadError error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!props) {
    return (
      <div className="cf-editor-loading">
        <Spin tip={t('formDesigner.builder.loading')}>
          <div style={{ width: 200, height: 80 }} />
        </Spin>
      </div>
    );
  }
  return <FormBuilder key={`${formKey}:${attempt}`} {...props} />;
}
