import { Alert, Card, Col, Empty, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useT } from '../../../shared/i18n';
import { LoadError } from '../../../shared/ui/LoadError';
import { Page } from '../../../shared/ui/Page';
import { useApiQuery } from '../../../shared/useApiQuery';
import '../admin.css';
import { TemplateCard } from './TemplateCard';
import type {
  AppliedUpdate,
  CurrentDistrict,
  TemplateSummary,
  TemplateUpdate,
} from './template-types';
import { TemplateUpdateCard } from './TemplateUpdateCard';
import './templates-messages';

/** GET /templates (with what the district installed) and GET /templates/updates with apply. */
export function TemplatesPage() {
  const t = useT();
  const templates = useApiQuery<TemplateSummary[]>('/templates');
  const district = useApiQuery<CurrentDistrict>('/districts/current');
  const updates = useApiQuery<TemplateUpdate[]>('/templates/updates');
  const [applied, setApplied] = useState<AppliedUpdate[]>([]);

  const installed = new Map((district.data?.clonedTemplates ?? []).map((c) => [c.key, c.version]));
  for (const a of applied) installed.set(a.key, a.version);
  const nameOf = (key: string) => templates.data?.find((x) => x.key === key)?.name ?? key;
  const pending = (updates.data ?? []).filter((u) => !applied.some((a) => a.key === u.key));

  return (
    <Page title={t('adminTemplates.title')} subtitle={t('adminTemplates.subtitle')}>
      <Card title={t('adminTemplates.updates.title')} style={{ marginBottom: 16 }}>
        {applied.map((a) => (
          <Alert
            key={a.key}
            type="success"
            showIcon
            closable
            style={{ marginBottom: 12 }}
            message={t('adminTemplates.updates.applied', {
              name: nameOf(a.key),
              version: a.version,
            })}
            description={t('adminTemplates.updates.appliedDetail', {
              forms: a.forms.filter((f) => f.published !== false).length,
              processes: a.processes.filter((p) => p.deployed !== false).length,
            })}
          />
        ))}
        {updates.error && !updates.data ? (
          <LoadError compact error={updates.error} onRetry={() => void updates.reload()} />
        ) : updates.loading && !updates.data ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : pending.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('adminTemplates.updates.none')}
          />
        ) : (
          pending.map((update) => (
            <TemplateUpdateCard
              key={update.key}
              update={{ ...update, name: update.name ?? nameOf(update.key) }}
              onApplied={(result) => {
                setApplied((previous) => [...previous, result]);
              }}
            />
          ))
        )}
      </Card>
      <Card title={t('adminTemplates.library')}>
        {templates.error && !templates.data ? (
          <LoadError compact error={templates.error} onRetry={() => void templates.reload()} />
        ) : templates.loading && !templates.data ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : (templates.data ?? []).length === 0 ? (
          <Empty description={t('adminTemplates.empty')} />
        ) : (
          <Row gutter={[12, 12]}>
            {(templates.data ?? []).map((template) => (
              <Col key={template.key} xs={24} md={12} xl={8}>
                <TemplateCard
                  template={template}
                  installedVersion={installed.get(template.key)}
                  nameOf={nameOf}
                />
              </Col>
            ))}
          </Row>
        )}
      </Card>
    </Page>
  );
}
