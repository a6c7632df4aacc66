import { Alert, Space, Typography } from 'antd';
import { hasMessage, useT } from '../../../shared/i18n';
import { ChangedPart, type PartLines } from './ChangedPart';
import { DiffLines, type DiffLine } from './DiffLines';
import type { OutlineElement, OutlineField, TemplateDiff } from './template-types';
import './templates-messages';

type ProcessDiff = TemplateDiff['processes'][number];
type FormDiff = TemplateDiff['forms'][number];

const line = (kind: DiffLine['kind'], key: string, text: string): DiffLine => ({ kind, key, text });

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
  const field = (x: OutlineField) => (x.title ? `${x.title}（${x.path}）` : x.path);
  const renaming = (r: { from?: string; to?: string }) =>
    `${r.from || unnamed} → ${r.to || unnamed}`;
  // flows are many and nameless: listed only when they carry a name
  const steps = (list: OutlineElement[]) => list.filter((e) => e.type !== 'sequenceFlow' || e.name);
  const processLines = ({ elements }: ProcessDiff): PartLines => ({
    added: steps(elements.added).map((e) => line('added', e.id, element(e))),
    removed: steps(elements.removed).map((e) => line('removed', e.id, element(e))),
    renamed: elements.renamed.map((r) => line('renamed', r.id, renaming(r))),
  });
  const formLines = ({ fields }: FormDiff): PartLines => ({
    added: fields.added.map((x) => line('added', x.path, field(x))),
    removed: fields.removed.map((x) => line('removed', x.path, field(x))),
    renamed: fields.renamed.map((r) => line('renamed', r.path, `${r.path}：${renaming(r)}`)),
  });
  const groups = [
    {
      title: t('adminTemplates.updates.processesTitle'),
      parts: 'elements' as const,
      changed: diff.processes.map((p) => ({
        key: p.key,
        change: p.change,
        lines: processLines(p),
      })),
    },
    {
      title: t('adminTemplates.updates.formsTitle'),
      parts: 'fields' as const,
      changed: diff.forms.map((f) => ({ key: f.key, change: f.change, lines: formLines(f) })),
    },
  ];
  const docLines = [
    ...diff.documents.added.map((key) => line('added', `+${key}`, key)),
    ...diff.documents.removed.map((key) => line('removed', `-${key}`, key)),
  ];

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {groups.map(
        ({ title, parts, changed }) =>
          changed.length > 0 && (
            <section key={parts}>
              <Typography.Text strong>{title}</Typography.Text>
              {changed.map((part) => (
                <ChangedPart
                  key={part.key}
                  partKey={part.key}
                  change={part.change}
                  parts={parts}
                  lines={part.lines}
                />
              ))}
            </section>
          ),
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
