import { setValidateLanguage, type Form as FormilyForm } from '@formily/core';
import { Form, PreviewText, type IFormLayoutProps } from '@formily/antd-v5';
import { type ISchema } from '@formily/react';
import { useEffect } from 'react';
import { useLanguage } from '../i18n';
import { SchemaField } from './SchemaField';

export interface FormRendererProps {
  form: FormilyForm;
  schema: ISchema;
  /** vertical by default: labels above fields read best on a phone */
  layout?: IFormLayoutProps['layout'];
}

/** A Formily form rendered from its JSON Schema with the shared component registry. */
export function FormRenderer({ form, schema, layout = 'vertical' }: FormRendererProps) {
  useValidateLanguage();
  return (
    // an empty read-only value reads "—", not Formily's "N/A"
    <PreviewText.Placeholder value="—">
      <Form form={form} layout={layout} feedbackLayout="terse" breakpoints={[600]}>
        <SchemaField schema={schema} />
      </Form>
    </PreviewText.Placeholder>
  );
}

/** Formily's built-in validation messages ("该字段是必填字段") follow the chosen language. */
export function useValidateLanguage(): void {
  const { language } = useLanguage();
  useEffect(() => setValidateLanguage(language === 'zh-CN' ? 'zh-CN' : 'en-US'), [language]);
}
