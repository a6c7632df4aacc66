import { Card, Form, Typography } from 'antd';
import { formatPlainValue } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { PARAMETERS_BY_KEY, parameterGroups } from './parameter-catalog';
import { ParameterField } from './ParameterField';
import './parameters-messages';
import { useParameterText } from './useParameterText';

export const groupAnchor = (index: number) => `cf-param-group-${index}`;

/**
 * Every library parameter in its group, one card per group; `extraKeys` are values the server
 * holds that this build's library does not know (shown as text, kept as they are).
 */
export function ParameterGroups({
  namePrefix = [],
  extraKeys = [],
  compact,
}: {
  namePrefix?: string[];
  extraKeys?: string[];
  compact?: boolean;
}) {
  const t = useT();
  const text = useParameterText();
  const unknown = extraKeys.filter((key) => !PARAMETERS_BY_KEY.has(key));
  return (
    <>
      {parameterGroups().map(({ group, definitions }, index) => (
        <Card
          key={group}
          id={groupAnchor(index)}
          title={text.group(group)}
          size={compact ? 'small' : undefined}
          style={{ marginBottom: 16, scrollMarginTop: 72 }}
        >
          {definitions.map((definition) => (
            <ParameterField key={definition.key} definition={definition} namePrefix={namePrefix} />
          ))}
        </Card>
      ))}
      {unknown.length > 0 && (
        <Card title={t('adminParams.otherGroup')} style={{ marginBottom: 16 }}>
          {unknown.map((key) => (
            <Form.Item key={key} label={key} name={[...namePrefix, key]}>
              <KeptValue />
            </Form.Item>
          ))}
        </Card>
      )}
    </>
  );
}

/** A value this build cannot edit: shown in words, sent back unchanged. */
function KeptValue({ value }: { value?: unknown }) {
  const t = useT();
  return (
    <Typography.Text type="secondary">
      {formatPlainValue(value, { yes: t('common.yes'), no: t('common.no'), empty: '—' })}
    </Typography.Text>
  );
}
