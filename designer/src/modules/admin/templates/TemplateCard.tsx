import { Card, Space, Tag, Typography } from 'antd';
import { useT } from '../../../shared/i18n';
import type { TemplateSummary } from './template-types';
import './templates-messages';

/** A library template: name, versions, description, what it contains and what it depends on. */
export function TemplateCard({
  template,
  installedVersion,
  nameOf,
}: {
  template: TemplateSummary;
  installedVersion?: number;
  nameOf: (key: string) => string;
}) {
  const t = useT();
  const outdated = installedVersion !== undefined && installedVersion < template.version;
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Space size={8} wrap style={{ marginBottom: 6 }}>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {template.name}
        </Typography.Text>
        {installedVersion === undefined ? (
          <Tag style={{ marginInlineEnd: 0 }}>{t('adminTemplates.notInstalled')}</Tag>
        ) : (
          <Tag color={outdated ? 'warning' : 'success'} style={{ marginInlineEnd: 0 }}>
            {t('adminTemplates.installed', { version: installedVersion })}
          </Tag>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('adminTemplates.latest', { version: template.version })}
        </Typography.Text>
      </Space>
      <Typography.Paragraph
        type="secondary"
        ellipsis={{ rows: 3, expandable: true, symbol: t('adminCommon.expand') }}
        style={{ marginBottom: 8 }}
      >
        {template.description}
      </Typography.Paragraph>
      <Space size={[12, 4]} wrap>
        <Typography.Text style={{ fontSize: 12 }}>
          {t('adminTemplates.processes', { count: template.processKeys.length })}
        </Typography.Text>
        <Typography.Text style={{ fontSize: 12 }}>
          {t('adminTemplates.forms', { count: template.formKeys.length })}
        </Typography.Text>
        <Typography.Text style={{ fontSize: 12 }}>
          {t('adminTemplates.documents', { count: template.documentKeys.length })}
        </Typography.Text>
        {(template.dependsOn ?? []).length > 0 && (
          <span style={{ fontSize: 12 }}>
            {t('adminTemplates.dependsOn')}：
            {(template.dependsOn ?? []).map((key) => (
              <Tag key={key} color="purple" style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>
                {nameOf(key)}
              </Tag>
            ))}
          </span>
        )}
      </Space>
    </Card>
  );
}
