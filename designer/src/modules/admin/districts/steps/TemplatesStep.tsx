import { Alert, Form, Skeleton, Typography } from 'antd';
import { useT } from '../../../../shared/i18n';
import { LoadError } from '../../../../shared/ui/LoadError';
import type { ApiQuery } from '../../../../shared/useApiQuery';
import type { TemplateSummary } from '../../templates/template-types';
import '../districts-messages';
import { TemplatePicker } from '../TemplatePicker';

/** Step 2: which library templates to copy (dependencies come along). */
export function TemplatesStep({ templates }: { templates: ApiQuery<TemplateSummary[]> }) {
  const t = useT();
  const chosen = Form.useWatch<string[] | undefined>('templates') ?? [];
  if (templates.error && !templates.data)
    return <LoadError compact error={templates.error} onRetry={() => void templates.reload()} />;
  if (!templates.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('adminDistricts.wizard.templates.intro')}
      </Typography.Paragraph>
      <Form.Item name="templates" style={{ marginBottom: 12 }}>
        <TemplatePicker templates={templates.data} />
      </Form.Item>
      <Alert
        type={chosen.length ? 'info' : 'warning'}
        showIcon
        message={
          chosen.length
            ? t('adminDistricts.wizard.templates.count', { count: chosen.length })
            : t('adminDistricts.wizard.templates.none')
        }
      />
    </>
  );
}
