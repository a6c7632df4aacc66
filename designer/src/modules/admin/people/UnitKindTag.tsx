import { Tag } from 'antd';
import { hasMessage, useT } from '../../../shared/i18n';
import './people-messages';

const COLOURS: Record<string, string> = {
  unit: 'geekblue',
  committee: 'purple',
  office: 'cyan',
  govOffice: 'orange',
  other: 'default',
};

/** The kind of a unit as a coloured tag. */
export function UnitKindTag({ kind }: { kind: string }) {
  const t = useT();
  const key = `adminPeople.kinds.${kind}`;
  return (
    <Tag color={COLOURS[kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {hasMessage(key) ? t(key) : kind}
    </Tag>
  );
}
