import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { createForm } from '@formily/core';
import { Alert, Button, Space, Typography } from 'antd';
import { Component, useMemo, useState, type ReactNode } from 'react';
import { FormRenderer, markFieldsReadPretty } from '../../../shared/form-components';
import { useT } from '../../../shared/i18n';
import { type JsonSchema } from '../model/schema-model';

type Check = { ok: true; values: unknown } | { ok: false; count: number } | null;

/** The form rendered by Formily with the shared components, exactly as on the task page. */
export function FormPreview({ schema, reads }: { schema: JsonSchema; reads: string[] }) {
  const t = useT();
  const schemaText = JSON.stringify(schema);
  const [check, setCheck] = useState<Check>(null);
  const [generation, setGeneration] = useState(0);
  const shown = useMemo(
    () => markFieldsReadPretty(JSON.parse(schemaText) as JsonSchema, new Set(reads)),
    [schemaText, reads],
  );
  const form = useMemo(
    () =>
      createForm({
        initialValues: Object.fromEntries(
          reads.map((key) => [key, t('formDesigner.preview.sample')]),
        ),
      }),
    // a new form whenever the schema changes or the person clears it
    [schemaText, generation, reads, t],
  );

  const validate = async () => {
    try {
      await form.validate();
      setCheck({ ok: true, values: form.values });
    } catch (errors) {
      setCheck({ ok: false, count: Array.isArray(errors) ? errors.length : 1 });
    }
  };

  return (
    <div className="cf-fb-preview">
      <Typography.Paragraph type="secondary">{t('formDesigner.preview.hint')}</Typography.Paragraph>
      <div className="cf-fb-sheet">
        <Typography.Title level={4} className="cf-fb-sheet-title">
          {(schema['x-cf'] as { title?: string } | undefined)?.title ||
            t('formDesigner.builder.untitled')}
        </Typography.Title>
        <PreviewBoundary
          key={schemaText}
          failed={(reason) => t('formDesigner.preview.failed', { reason })}
        >
          <FormRenderer form={form} schema={shown} />
        </PreviewBoundary>
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" onClick={() => void validate()}>
            {t('formDesigner.preview.validate')}
          </Button>
          <Button
            onClick={() => {
              setCheck(null);
              setGeneration((n) => n + 1);
            }}
          >
            {t('formDesigner.preview.reset')}
          </Button>
        </Space>
        {check?.ok === true && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            icon={<CheckCircleOutlined />}
            showIcon
            message={t('formDesigner.preview.valid')}
            description={
              <pre className="cf-fb-values">{JSON.stringify(check.values, null, 2)}</pre>
            }
          />
        )}
        {check?.ok === false && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            icon={<CloseCircleOutlined />}
            showIcon
            message={t('formDesigner.preview.invalid', { count: check.count })}
          />
        )}
      </div>
    </div>
  );
}

/** A schema Formily cannot render shows a sentence instead of a blank page. */
class PreviewBoundary extends Component<
  { children: ReactNode; failed: (reason: string) => string },
  { error?: string }
> {
  override state: { error?: string } = {};

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.error !== undefined)
      return <Alert type="error" showIcon message={this.props.failed(this.state.error)} />;
    return this.props.children;
  }
}
