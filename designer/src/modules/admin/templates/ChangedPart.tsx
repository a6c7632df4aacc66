import { Space, Tag, Typography } from 'antd';
import { useT } from '../../../shared/i18n';
import { DiffLines, type DiffLine } from './DiffLines';
import type { Change } from './template-types';
import './templates-messages';

const CHANGE_COLOUR: Record<Change, string> = {
  added: 'green',
  removed: 'red',
  modified: 'orange',
};

export type PartLines = Record<DiffLine['kind'], DiffLine[]>;

/** The list titles: a process's parts are its steps, a form's its fields. */
const TITLES = {
  elements: {
    added: 'adminTemplates.updates.elementsAdded',
    removed: 'adminTemplates.updates.elementsRemoved',
    renamed: 'adminTemplates.updates.elementsRenamed',
  },
  fields: {
    added: 'adminTemplates.updates.fieldsAdded',
    removed: 'adminTemplates.updates.fieldsRemoved',
    renamed: 'adminTemplates.updates.fieldsRenamed',
  },
} satisfies Record<string, Record<DiffLine['kind'], string>>;

/**
 * One process or form of a template update: how it changes and its key, then what it gains, loses
 * and renames — or, when the file changed but none of that did, a word saying so.
 */
export function ChangedPart({
  partKey,
  change,
  parts,
  lines,
}: {
  partKey: string;
  change: Change;
  parts: keyof typeof TITLES;
  lines: PartLines;
}) {
  const t = useT();
  const empty = !lines.added.length && !lines.removed.length && !lines.renamed.length;
  return (
    <div className="cf-admin-list-row" style={{ display: 'block', marginTop: 6 }}>
      <Space size={8}>
        <Tag color={CHANGE_COLOUR[change]} style={{ marginInlineEnd: 0 }}>
          {t(`adminTemplates.updates.change.${change}`)}
        </Tag>
        <Typography.Text code>{partKey}</Typography.Text>
      </Space>
      {(['added', 'removed', 'renamed'] as const).map((kind) => (
        <DiffLines key={kind} title={t(TITLES[parts][kind])} lines={lines[kind]} />
      ))}
      {empty && change === 'modified' && (
        <Typography.Text type="secondary">{t('adminTemplates.updates.noChange')}</Typography.Text>
      )}
    </div>
  );
}
