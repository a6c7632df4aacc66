import { Collapse, Descriptions, Empty } from 'antd';
import { formatPlainValue } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { PARAMETERS_BY_KEY } from '../parameters/parameter-catalog';
import { useParameterText } from '../parameters/useParameterText';
import './instances-messages';

/**
 * The instance's data in words (never JSON): one row per variable, ids of people and units shown
 * as names; the parameters snapshot taken
 * at start (`params`) folded away, labelled by the library's names.
 */
export function VariablesPanel({
  variables,
  nameOfId,
}: {
  variables: Record<string, unknown>;
  /** a person's or unit's name for an id, undefined for anything else */
  nameOfId: (id: string) => string | undefined;
}) {
  const t = useT();
  const text = useParameterText();
  const words = { yes: t('common.yes'), no: t('common.no'), empty: '—' };
  const { params, ...rest } = variables;
  const entries = Object.entries(rest).sort(([a], [b]) => a.localeCompare(b));
  const paramEntries =
    params && typeof params === 'object' ? Object.entries(params as Record<string, unknown>) : [];
  if (entries.length === 0 && paramEntries.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('adminInstances.drawer.noVariables')}
      />
    );
  return (
    <>
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: 160, wordBreak: 'break-all' } }}
      >
        {entries.map(([key, value]) => (
          <Descriptions.Item key={key} label={key}>
            <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {formatPlainValue(withNames(value, nameOfId), words)}
            </span>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {paramEntries.length > 0 && (
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'params',
              label: t('adminInstances.drawer.params'),
              children: (
                <Descriptions column={1} size="small" styles={{ label: { width: 180 } }}>
                  {paramEntries.map(([key, value]) => {
                    const definition = PARAMETERS_BY_KEY.get(key);
                    return (
                      <Descriptions.Item key={key} label={definition ? text.name(definition) : key}>
                        {definition
                          ? text.describeValue(definition, value)
                          : formatPlainValue(value, words)}
                      </Descriptions.Item>
                    );
                  })}
                </Descriptions>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

/** Ids of people and units (also in lists) replaced by their names. */
function withNames(value: unknown, nameOfId: (id: string) => string | undefined): unknown {
  if (typeof value === 'string') return nameOfId(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => withNames(item, nameOfId));
  return value;
}
