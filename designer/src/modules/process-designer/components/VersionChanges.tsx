import { Empty, Space, Tag, Typography } from 'antd';
import { hasMessage, useT } from '../../../shared/i18n';
import { parseCompletionCondition } from '../model/completion-rule';
import { elementTypeLabel } from '../model/describe-finding';
import {
  hasChanges,
  type OutlineElement,
  type ProcessChanges,
  type ProcessOutline,
} from '../model/process-changes';

interface Props {
  changes: ProcessChanges;
  before: ProcessOutline;
  after: ProcessOutline;
}

/** Settings naming another element: shown by its name. */
const REFERENCES = new Set(['sourceRef', 'targetRef', 'attachedToRef']);

/** "What changed" between two versions: added, removed, renamed and changed elements. */
export function VersionChanges({ changes, before, after }: Props) {
  const t = useT();
  if (!hasChanges(changes)) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('processDesigner.history.noChanges')}
      />
    );
  }
  const names = new Map<string, string>();
  for (const element of [...before.elements, ...after.elements]) {
    if (element.name) names.set(element.id, element.name);
  }
  const label = (element: Pick<OutlineElement, 'id' | 'type' | 'name' | 'source' | 'target'>) => {
    if (element.type === 'sequenceFlow' && element.source && element.target) {
      const flow = t('processDesigner.history.flow', {
        from: names.get(element.source) ?? element.source,
        to: names.get(element.target) ?? element.target,
      });
      return element.name ? `${flow}「${element.name}」` : flow;
    }
    return `${elementTypeLabel(t, element.type)}「${element.name || element.id}」`;
  };
  const setting = (key: string) => {
    const messageKey = `processDesigner.attribute.${key}`;
    if (key.startsWith('input:')) return key.slice('input:'.length);
    return hasMessage(messageKey) ? t(messageKey) : key;
  };
  const value = (key: string, text: string | undefined) => {
    if (text === undefined) return t('processDesigner.history.unset');
    if (REFERENCES.has(key)) return names.get(text) ?? text;
    if (key === 'completionCondition') {
      const rule = parseCompletionCondition(text);
      return rule.kind === 'custom'
        ? text
        : t(`processDesigner.completion.${rule.kind}`, { ...rule });
    }
    return text;
  };

  return (
    <div className="cf-changes">
      {changes.processRenamed && (
        <Typography.Paragraph>
          {t('processDesigner.history.processRenamed', changes.processRenamed)}
        </Typography.Paragraph>
      )}
      {changes.added.map((element) => (
        <ChangeRow
          key={`a-${element.id}`}
          tag={<Tag color="green">{t('processDesigner.history.added')}</Tag>}
        >
          {label(element)}
        </ChangeRow>
      ))}
      {changes.removed.map((element) => (
        <ChangeRow
          key={`r-${element.id}`}
          tag={<Tag color="red">{t('processDesigner.history.removed')}</Tag>}
        >
          {label(element)}
        </ChangeRow>
      ))}
      {changes.renamed.map((rename) => (
        <ChangeRow
          key={`n-${rename.id}`}
          tag={<Tag color="blue">{t('processDesigner.history.renamed')}</Tag>}
        >
          {elementTypeLabel(t, rename.type)}「{rename.from || t('processDesigner.history.unnamed')}
          」→「
          {rename.to || t('processDesigner.history.unnamed')}」
        </ChangeRow>
      ))}
      {changes.changed.map((change) => (
        <ChangeRow
          key={`c-${change.id}`}
          tag={<Tag color="gold">{t('processDesigner.history.changed')}</Tag>}
        >
          <div>{label({ ...change, ...after.elements.find((e) => e.id === change.id) })}</div>
          <ul className="cf-change-details">
            {change.typeChange && (
              <li>
                {t('processDesigner.history.typeChange', {
                  from: elementTypeLabel(t, change.typeChange.from),
                  to: elementTypeLabel(t, change.typeChange.to),
                })}
              </li>
            )}
            {change.settings.map((entry) => (
              <li key={entry.key}>
                <Typography.Text type="secondary">{setting(entry.key)}：</Typography.Text>
                <Typography.Text
                  delete={entry.before !== undefined}
                  type={entry.before === undefined ? 'secondary' : undefined}
                >
                  {value(entry.key, entry.before)}
                </Typography.Text>
                {' → '}
                <Typography.Text type={entry.after === undefined ? 'secondary' : undefined}>
                  {value(entry.key, entry.after)}
                </Typography.Text>
              </li>
            ))}
          </ul>
        </ChangeRow>
      ))}
    </div>
  );
}

function ChangeRow({ tag, children }: { tag: React.ReactNode; children: React.ReactNode }) {
  return (
    <Space align="start" className="cf-change-row">
      {tag}
      <div>{children}</div>
    </Space>
  );
}
