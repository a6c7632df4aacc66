import { Alert, Input, Modal, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../../shared/i18n';
import { type FormModel } from '../model/form-model';
import { SchemaImportError, schemaToModel } from '../model/schema-model';

interface Props {
  open: boolean;
  onCancel: () => void;
  onImport: (model: FormModel) => void;
}

/** Paste a schema: parsed and converted as you type, with every warning before importing. */
export function ImportJsonModal({ open, onCancel, onImport }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  useEffect(() => {
    if (open) setText('');
  }, [open]);

  const outcome = useMemo(() => {
    if (text.trim() === '') return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return { error: t('formDesigner.json.parseError', { reason: (error as Error).message }) };
    }
    try {
      return { result: schemaToModel(parsed) };
    } catch (error) {
      if (error instanceof SchemaImportError)
        return { error: t(`formDesigner.json.${error.reason}`) };
      throw error;
    }
  }, [text, t]);

  const result = outcome && 'result' in outcome ? outcome.result : undefined;
  const custom = result?.warnings.filter((w) => w.key === 'customField').map((w) => w.field) ?? [];
  return (
    <Modal
      open={open}
      title={t('formDesigner.json.importTitle')}
      okText={t('formDesigner.json.importButton')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !result }}
      onOk={() => result && onImport(result.model)}
      onCancel={onCancel}
      width={720}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon message={t('formDesigner.json.importHint')} />
        <Input.TextArea
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoSize={{ minRows: 12, maxRows: 22 }}
          className="cf-mono"
          placeholder='{ "type": "object", "x-cf": { "title": "…", "reads": [], "writes": [] }, "properties": { … } }'
          autoFocus
        />
        {outcome && 'error' in outcome && <Alert type="error" showIcon message={outcome.error} />}
        {result && (
          <Alert
            type="success"
            showIcon
            message={t('formDesigner.json.ready', { count: result.model.fields.length })}
          />
        )}
        {custom.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('formDesigner.json.willKeep', { fields: custom.join('、') })}
          />
        )}
        {result?.warnings
          .filter((w) => w.key !== 'customField')
          .map((w, i) => (
            <Alert
              key={i}
              type="warning"
              showIcon
              message={t(`formDesigner.json.${w.key}`, { field: w.field })}
            />
          ))}
      </Space>
    </Modal>
  );
}
