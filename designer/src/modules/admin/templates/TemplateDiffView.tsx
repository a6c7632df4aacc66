import { Alert, Space, Tag, Typography } from 'antd';
import { hasMessage, useT } from '../../../shared/i18n';
import { DiffLines, type DiffLine } from './DiffLines';
import type { Change, OutlineElement, TemplateDiff } from './template-types';
import './templates-messages';

const CHANGE_COLOUR: Record<Change, string> = {
  added: 'green',
  removed: 'red',
  modified: 'orange',
};

/** What a template update changes: processes (steps), forms (fields) and documents, in words. */
export function TemplateDiffView({ diff }: { diff: TemplateDiff | null }) {
  const t = useT();
  if (!diff) return <Alert type="info" showIcon message={t('adminTemplates.updates.noDiff')} />;
  const unnamed = t('adminTemplates.updates.unnamed');
  const typeName = (type: string) =>
    hasMessage(`adminTemplates.elementTypes.${type}`)
      ? t(`adminTemplates.elementTypes.${type}`)
      : type;
  const element = (e: OutlineElement) => `${e.name || unnamed}（${typeName(e.type)}）`;
  // flows are many and nameless: listed only when they carry a name
  const steps = (list: OutlineElement[]) => list.filter((e) => e.type !== 'sequenceFlow' || e.name);
  const changeTag = (change: Change) => (
    <Tag color={CHANGE_COLOUR[change]} style={{ marginInlineEnd: 0 }}>
      {t(`adminTemplates.updates.change.${change}`)}
    </Tag>
  );
  const docLines: DiffLine[] = [
    ...diff.documents.added.map((key) => ({ kind: 'added' as const, key: `+${key}`, text: key })),
    ...diff.documents.removed.map((key) => ({
      kind: 'removed' as const,
      key: `-${key}`,
      text: key,
    })),
  ];

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {diff.processes.length > 0 && (
        <section>
          <Typography.Text strong>{t('adminTemplates.updates.processesTitle')}</Typography.Text>
          {diff.processes.map((p) => {
            const lines = {
              added: steps(p.elements.added),
              removed: steps(p.elements.removed),
            };
            const empty =
              !lines.added.length && !lines.removed.length && !p.elements.renamed.length;
            return (
              <div
                key={p.key}
                className="cf-admin-list-row"
                style={{ display: 'block', marginTop: 6 }}
              >
                <Space size={8}>
                  {changeTag(p.change)}
                  <Typography.Text code>{p.key}</Typography.Text>
                </Space>
                <DiffLines
                  title={t('adminTemplates.updates.elementsAdded')}
                  lines={lines.added.map((e) => ({ kind: 'added', key: e.id, text: element(e) }))}
                />
                <DiffLines
                  title={t('adminTemplates.updates.elementsRemoved')}
                  lines={lines.removed.map((e) => ({
                    kind: 'removed',
                    key: e.id,
                    text: element(e),
                  }))}
                />
                <DiffLines
                  title={t('adminTemplates.updates.elementsRenamed')}
                  lines={p.elements.renamed.map((r) => ({
                    kind: 'renamed',
                    key: r.id,
                    text: `${r.from || unnamed} → ${r.to || unnamed}`,
                  }))}
                />
                {empty && p.change === 'modified' && (
                  <Typography.Text type="secondary">
                    {t('adminTemplates.updates.noChange')}
                  </Typography.Text>
                )}
              </div>
            );
          })}
        </section>
      )}
      {diff.forms.length > 0 && (
        <section>
          <Typography.Text strong>{t('adminTemplates.updates.formsTitle')}</Typography.Text>
          {diff.forms.map((f) => {
            const field = (x: { path: string; title?: string }) =>
              x.title ? `${x.title}（${x.path}）` : x.path;
            const empty =
              !f.fields.added.length && !f.fields.removed.length && !f.fields.renamed.length;
            return (
              <div
                key={f.key}
                className="cf-admin-list-row"
                style={{ display: 'block', marginTop: 6 }}
              >
                <Space size={8}>
                  {changeTag(f.change)}
                  <Typography.Text code>{f.key}</Typography.Text>
                </Space>
                <DiffLines
                  title={t('adminTemplates.updates.fieldsAdded')}
                  lines={f.fields.added.map((x) => ({
                    kind: 'added',
                    key: x.path,
                    text: field(x),
                  }))}
                />
                <DiffLines
                  title={t('adminTemplates.updates.fieldsRemoved')}
                  lines={f.fields.removed.map((x) => ({
                    kind: 'removed',
                    key: x.path,
                    text: field(x),
                  }))}
                />
                <DiffLines
                  title={t('adminTemplates.updates.fieldsRenamed')}
                  lines={f.fields.renamed.map((r) => ({
                    kind: 'renamed',
                    key: r.path,
                    text: `${r.path}：${r.from || unnamed} → ${r.to || unnamed}`,
                  }))}
                />
                {empty && f.change === 'modified' && (
                  <Typography.Text type="secondary">
                    {t('adminTemplates.updates.noChange')}
                  </Typography.Text>
                )}
              </div>
            );
          })}
        </section>
      )}
      {docLines.length > 0 && (
        <section>
          <Typography.Text strong>{t('adminTemplates.updates.documentsTitle')}</Typography.Text>
          <DiffLines title="" lines={docLines} />
        </section>
      )}
    </Space>
  );
}
