import { Alert, Button, Space, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { hasMessage, useT } from '../../../shared/i18n';
import { roleLabel } from '../../../shared/roles';
import { formsApi } from '../api/forms-api';
import { useFormBuilder } from '../hooks/useFormBuilder';
import { useUnsavedGuard } from '../../../shared/useUnsavedGuard';
import {
  createField,
  insertField,
  removeField,
  type NewFieldDefaults,
} from '../model/builder-operations';
import { clearFormDraft, saveFormDraft, type FormDraft } from '../model/form-drafts';
import { variablesOf, type FormModel, type PaletteKind } from '../model/form-model';
import { modelToSchema, schemaToModel } from '../model/schema-model';
import { BuilderCanvas } from './BuilderCanvas';
import { BuilderDnd } from './BuilderDnd';
import { FieldPalette } from './FieldPalette';
import { FieldProperties } from './FieldProperties';
import { FormPreview } from './FormPreview';
import { FormSettings } from './FormSettings';
import { FormToolbar } from './FormToolbar';
import { ImportJsonModal } from './ImportJsonModal';
import { PublishFormModal } from './PublishFormModal';
import { SchemaJsonView } from './SchemaJsonView';

export interface FormBuilderProps {
  formKey: string;
  initialModel: FormModel;
  initiallyDirty: boolean;
  latestVersion?: number;
  draft?: FormDraft;
  /** fields kept as custom when the form was opened */
  customFields: string[];
}

/** The three-pane form builder: palette, canvas (with preview and JSON), properties. */
export function FormBuilder({
  formKey,
  initialModel,
  initiallyDirty,
  latestVersion: published,
  draft,
  customFields,
}: FormBuilderProps) {
  const t = useT();
  const navigate = useNavigate();
  const builder = useFormBuilder(initialModel, initiallyDirty);
  const { model, dirty } = builder;
  const [latestVersion, setLatestVersion] = useState(published);
  const [offeredDraft, setOfferedDraft] = useState(draft);
  const [view, setView] = useState('design');
  const [sideTab, setSideTab] = useState('form');
  const [importing, setImporting] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [roles, setRoles] = useState<{ key: string; label: string }[]>([]);

  const schema = useMemo(() => modelToSchema(model), [model]);
  const reads = useMemo(() => variablesOf(model).reads, [model]);

  useEffect(() => {
    formsApi
      .roles()
      .then((list) =>
        setRoles(
          list.map((role) => ({
            key: role.key,
            label: hasMessage(`roles.${role.key}`) ? roleLabel(t, role.key) : role.label,
          })),
        ),
      )
      .catch(() => setRoles([]));
  }, [t]);

  useEffect(() => {
    if (builder.selectedId) setSideTab('field');
  }, [builder.selectedId]);

  // autosave of unpublished work in this browser
  useEffect(() => {
    if (!dirty) return undefined;
    const timer = setTimeout(
      () =>
        saveFormDraft(formKey, {
          schema,
          savedAt: new Date().toISOString(),
          baseVersion: latestVersion,
        }),
      500,
    );
    return () => clearTimeout(timer);
  }, [dirty, schema, formKey, latestVersion]);

  // unpublished changes: the draft stays in this browser either way
  useUnsavedGuard(dirty, t('formDesigner.builder.leaveTitle'), {
    detail: t('formDesigner.builder.leaveText'),
    leave: t('formDesigner.builder.leave'),
    stay: t('formDesigner.builder.stay'),
  });

  const { undo, redo, select, selectedId, apply } = builder;
  // Ctrl+Z / Ctrl+Y and Delete, unless typing in a field
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (
        target?.closest(
          'input, textarea, select, [contenteditable="true"], .ant-select, .ant-modal',
        )
      )
        return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        if (event.shiftKey) redo();
        else undo();
      } else if (mod && event.key.toLowerCase() === 'y') {
        event.preventDefault();
        redo();
      } else if (
        (event.key === 'Delete' || event.key === 'Backspace') &&
        selectedId &&
        (target === document.body || target?.closest('.cf-fb-canvas'))
      ) {
        event.preventDefault();
        apply((current) => removeField(current, selectedId));
        select(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, apply, select, selectedId]);

  const defaultsFor = useCallback(
    (kind: PaletteKind): NewFieldDefaults => ({
      label: t(`formDesigner.kind.${kind}`),
      options: [t('formDesigner.defaultOption.one'), t('formDesigner.defaultOption.two')],
    }),
    [t],
  );

  const addAtEnd = (kind: PaletteKind) => {
    const field = createField(model, kind, 'root', defaultsFor(kind));
    apply((current) =>
      insertField(current, field, { container: 'root', index: current.fields.length }),
    );
    select(field.id);
    setView('design');
  };

  return (
    <div className="cf-form-builder">
      <FormToolbar
        title={model.title}
        formKey={formKey}
        latestVersion={latestVersion}
        dirty={dirty}
        canUndo={builder.canUndo}
        canRedo={builder.canRedo}
        onBack={() => navigate('/admin/forms')}
        onUndo={undo}
        onRedo={redo}
        onImport={() => setImporting(true)}
        onPublish={() => setPublishing(true)}
      />
      {offeredDraft && (
        <Alert
          type="info"
          showIcon
          banner
          message={t('formDesigner.builder.draftFound', {
            time: dayjs(offeredDraft.savedAt).fromNow(),
          })}
          action={
            <Space>
              <Button
                size="small"
                type="primary"
                onClick={() => {
                  const restored = schemaToModel(offeredDraft.schema).model;
                  apply(() => restored);
                  select(null);
                  setOfferedDraft(undefined);
                }}
              >
                {t('formDesigner.builder.restoreDraft')}
              </Button>
              <Button
                size="small"
                onClick={() => {
                  clearFormDraft(formKey);
                  setOfferedDraft(undefined);
                }}
              >
                {t('formDesigner.builder.discardDraft')}
              </Button>
            </Space>
          }
        />
      )}
      {customFields.length > 0 && (
        <Alert
          type="warning"
          showIcon
          banner
          closable
          message={t('formDesigner.builder.importWarnings', {
            count: customFields.length,
            fields: customFields.join('、'),
          })}
        />
      )}
      <BuilderDnd builder={builder} defaultsFor={defaultsFor}>
        <div className="cf-fb-body">
          <FieldPalette onAdd={addAtEnd} />
          <main className="cf-fb-center">
            <Tabs
              activeKey={view}
              onChange={setView}
              className="cf-fb-tabs"
              items={[
                {
                  key: 'design',
                  label: t('formDesigner.builder.design'),
                  children: <BuilderCanvas builder={builder} />,
                },
                {
                  key: 'preview',
                  label: t('formDesigner.builder.preview'),
                  children: <FormPreview schema={schema} reads={reads} />,
                },
                {
                  key: 'json',
                  label: t('formDesigner.builder.json'),
                  children: <SchemaJsonView schema={schema} onImport={() => setImporting(true)} />,
                },
              ]}
            />
          </main>
          <aside className="cf-fb-side">
            <Tabs
              activeKey={sideTab}
              onChange={setSideTab}
              className="cf-fb-tabs"
              items={[
                {
                  key: 'field',
                  label: t('formDesigner.builder.fieldTab'),
                  children: <FieldProperties builder={builder} roles={roles} />,
                },
                {
                  key: 'form',
                  label: t('formDesigner.builder.formTab'),
                  children: <FormSettings builder={builder} formKey={formKey} />,
                },
              ]}
            />
          </aside>
        </div>
      </BuilderDnd>
      <ImportJsonModal
        open={importing}
        onCancel={() => setImporting(false)}
        onImport={(imported) => {
          apply(() => imported);
          select(null);
          setImporting(false);
        }}
      />
      <PublishFormModal
        open={publishing}
        formKey={formKey}
        model={model}
        onClose={() => setPublishing(false)}
        onSelectField={(id) => {
          setView('design');
          select(id);
        }}
        onPublished={(version) => {
          clearFormDraft(formKey);
          builder.markPublished();
          setOfferedDraft(undefined);
          if (version !== undefined) setLatestVersion(version);
        }}
      />
    </div>
  );
}
