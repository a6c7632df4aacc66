import { Checkbox, Form, Input, InputNumber, Select, Space, Switch, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../shared/i18n';
import { DurationInput } from './DurationInput';
import { DurationListInput } from './DurationListInput';
import { ItemListEditor } from './ItemListEditor';
import { sameValue, type ParameterDefinition } from './parameter-catalog';
import { parameterRules } from './parameter-rules';
import './parameters-messages';
import { ReplyCodeListEditor } from './ReplyCodeListEditor';
import { useParameterText } from './useParameterText';

/** The input of one parameter kind; Form.Item's `value`/`onChange`/`id` pass through to it. */
function ParameterControl({
  definition,
  ...field
}: {
  definition: ParameterDefinition;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever Form.Item injects
  [injected: string]: any;
}): ReactNode {
  const text = useParameterText();
  const options = (definition.options ?? []).map((o) => ({
    value: o.value,
    label: text.option(definition, o.value),
  }));
  switch (definition.kind) {
    case 'text':
      return <Input {...field} maxLength={200} style={{ maxWidth: 480 }} />;
    case 'time':
      return <Input {...field} placeholder="08:30" maxLength={5} style={{ width: 120 }} />;
    case 'integer':
      return <InputNumber {...field} min={definition.min} max={definition.max} precision={0} />;
    case 'boolean':
      return <Switch {...field} />;
    case 'duration':
      return <DurationInput {...field} />;
    case 'durations':
      return <DurationListInput {...field} />;
    case 'choice':
      return (
        <Select
          {...field}
          options={options}
          style={{ maxWidth: 420 }}
          popupMatchSelectWidth={false}
        />
      );
    case 'choices':
      return (
        <Checkbox.Group
          {...field}
          options={options}
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        />
      );
    case 'codeList':
      return <ReplyCodeListEditor {...field} />;
    case 'itemList':
      return <ItemListEditor {...field} />;
  }
}

/**
 * One parameter as a form field: its name (and “changed”), the input for its kind, and below it
 * the description, the legal basis, the default and “restore default”. `name` prefixes the key
 * (the wizard keeps parameters under `parameters`).
 */
export function ParameterField({
  definition,
  namePrefix = [],
}: {
  definition: ParameterDefinition;
  namePrefix?: string[];
}) {
  const t = useT();
  const text = useParameterText();
  const form = Form.useFormInstance();
  const name = [...namePrefix, definition.key];
  const value: unknown = Form.useWatch(name, form);
  const changed = value !== undefined && !sameValue(value, definition.default);
  const restore = () =>
    form.setFields([{ name, value: structuredClone(definition.default), errors: [] }]);

  return (
    <Form.Item
      className="cf-admin-param"
      name={name}
      valuePropName={definition.kind === 'boolean' ? 'checked' : 'value'}
      rules={parameterRules(definition, t)}
      label={
        <Space size={6} wrap>
          <span>{text.name(definition)}</span>
          {changed && (
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {t('adminParams.changed')}
            </Tag>
          )}
        </Space>
      }
      extra={
        <div>
          <div>{text.description(definition)}</div>
          <Space size={4} split={<Typography.Text type="secondary">·</Typography.Text>} wrap>
            {definition.basis && <span>{t('adminParams.basis', { basis: definition.basis })}</span>}
            <span>
              {t('adminParams.defaultIs', {
                value:
                  text.describeDefault(definition) ||
                  text.describeValue(definition, definition.default),
              })}
            </span>
            {changed && (
              <Typography.Link onClick={restore}>{t('adminParams.restoreDefault')}</Typography.Link>
            )}
          </Space>
        </div>
      }
    >
      <ParameterControl definition={definition} />
    </Form.Item>
  );
}
