import { CloudDownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import { TemplateDiffView } from './TemplateDiffView';
import type { AppliedUpdate, TemplateUpdate } from './template-types';
import './templates-messages';

/** One available update: versions, the difference, and “apply” with its result. */
export function TemplateUpdateCard({
  update,
  onApplied,
}: {
  update: TemplateUpdate;
  onApplied: (result: AppliedUpdate) => void;
}) {
  const t = useT();
  const describe = useErrorMessage();
  const { modal } = App.useApp();
  const [applying, setApplying] = useState(false);
  const [failure, setFailure] = useState<string>();
  const name = update.name ?? update.key;

  const apply = () =>
    modal.confirm({
      title: t('adminTemplates.updates.applyConfirmTitle', { name, to: update.to }),
      content: t('adminTemplates.updates.applyConfirmText'),
      okText: t('adminTemplates.updates.apply'),
      onOk: async () => {
        setApplying(true);
        setFailure(undefined);
        try {
          onApplied(
            await api.post<AppliedUpdate>(
              `/templates/${encodeURIComponent(update.key)}/apply-update`,
            ),
          );
        } catch (error) {
          setFailure(describe(error));
        } finally {
          setApplying(false);
        }
      },
    });

  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space size={8} wrap>
          <span>{name}</span>
          <Tag color="processing" style={{ marginInlineEnd: 0 }}>
            {t('adminTemplates.updates.fromTo', { from: update.from, to: update.to })}
          </Tag>
        </Space>
      }
      extra={
        <Button type="primary" icon={<CloudDownloadOutlined />} loading={applying} onClick={apply}>
          {applying ? t('adminTemplates.updates.applying') : t('adminTemplates.updates.apply')}
        </Button>
      }
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {update.key}
      </Typography.Paragraph>
      <TemplateDiffView diff={update.diff} />
    </Card>
  );
}
