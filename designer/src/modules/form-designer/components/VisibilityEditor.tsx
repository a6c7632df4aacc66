import { Alert, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useT } from '../../../shared/i18n';
import {
  RULE_OPERATORS,
  type FieldModel,
  type RuleOperator,
  type VisibilityRule,
} from '../model/form-model';

interface Props {
  field: FieldModel;
  /** the other top-level fields a rule may look at */
  sources: FieldModel[];
  onChange: (rule: VisibilityRule | null) => void;
}

type Value = string | number | boolean;

/** "Show this field when <field> <condition> <value>": written as x-reactions the server accepts. */
export function VisibilityEditor({ field, sources, onChange }: Props) {
  const t = useT();
  const rule = field.visibility;
  if (!rule && field.rest['x-reactions'] !== undefined) {
    return <Alert type="info" showIcon message={t('formDesigner.props.customRule')} />;
  }
  const source = sources.find((candidate) => candidate.key === rule?.field);
  const operators = source ? operatorsFor(source) : [...RULE_OPERATORS];

  const start = () => {
    const first = sources[0];
    if (!first) return;
    const operator = operatorsFor(first)[0];
    onChange({ field: first.key, operator, values: defaultValues(first, operator) });
  };

  return (
    <>
      <Radio.Group
        value={rule ? 'conditional' : 'always'}
        onChange={(event) => (event.target.value === 'always' ? onChange(null) : start())}
        style={{ marginBottom: 12 }}
      >
        <Radio value="always">{t('formDesigner.props.always')}</Radio>
        <Radio value="conditional" disabled={sources.length === 0}>
          {t('formDesigner.props.conditional')}
        </Radio>
      </Radio.Group>
      {sources.length === 0 && !rule && (
        <Typography.Paragraph type="secondary">
          {t('formDesigner.props.noRuleSources')}
        </Typography.Paragraph>
      )}
      {rule && (
        <div className="cf-fb-rule">
          <Form.Item label={t('formDesigner.props.whenField')}>
            <Select
              value={rule.field}
              placeholder={t('formDesigner.props.chooseField')}
              status={source ? undefined : 'error'}
              options={sources.map((candidate) => ({
                value: candidate.key,
                label: `${candidate.label || candidate.key}（${candidate.key}）`,
              }))}
              onChange={(key: string) => {
                const next = sources.find((candidate) => candidate.key === key);
                if (!next) return;
                const operator = operatorsFor(next).includes(rule.operator)
                  ? rule.operator
                  : operatorsFor(next)[0];
                onChange({ field: key, operator, values: defaultValues(next, operator) });
              }}
            />
          </Form.Item>
          <Form.Item label={t('formDesigner.props.operator')}>
            <Select
              value={rule.operator}
              options={operators.map((operator) => ({
                value: operator,
                label: t(`formDesigner.props.operators.${operator}`),
              }))}
              onChange={(operator: RuleOperator) =>
                onChange({
                  ...rule,
                  operator,
                  values: source ? defaultValues(source, operator, rule.values) : [],
                })
              }
            />
          </Form.Item>
          {needsValue(rule.operator) && source && (
            <Form.Item label={t('formDesigner.props.value')}>
              <ValuePicker
                source={source}
                rule={rule}
                onChange={(values) => onChange({ ...rule, values })}
              />
            </Form.Item>
          )}
        </div>
      )}
    </>
  );
}

function ValuePicker({
  source,
  rule,
  onChange,
}: {
  source: FieldModel;
  rule: VisibilityRule;
  onChange: (values: Value[]) => void;
}) {
  const t = useT();
  const several = rule.operator === 'oneOf';
  if (source.options.length > 0) {
    return (
      <Select<Value | Value[]>
        mode={several ? 'multiple' : undefined}
        value={several ? rule.values : rule.values[0]}
        options={source.options.map((option) => ({ value: option.value, label: option.label }))}
        onChange={(value) =>
          onChange(Array.isArray(value) ? value : value === undefined ? [] : [value])
        }
      />
    );
  }
  if (source.kind === 'number') {
    return (
      <InputNumber
        style={{ width: '100%' }}
        value={typeof rule.values[0] === 'number' ? rule.values[0] : undefined}
        onChange={(value) => onChange(value === null ? [] : [value])}
      />
    );
  }
  if (several) {
    return (
      <Select<Value[]>
        mode="tags"
        value={rule.values}
        placeholder={t('formDesigner.props.valuePlaceholder')}
        onChange={(values) => onChange(values)}
      />
    );
  }
  return (
    <Input
      value={rule.values[0] === undefined ? '' : String(rule.values[0])}
      placeholder={t('formDesigner.props.valuePlaceholder')}
      onChange={(event) => onChange(event.target.value === '' ? [] : [event.target.value])}
    />
  );
}

/** The conditions that make sense for the kind of field looked at. */
function operatorsFor(source: FieldModel): RuleOperator[] {
  const list = source.kind === 'checkbox' || source.multiple || source.kind === 'attachment';
  if (list) return ['contains', 'filled', 'empty'];
  if (source.options.length > 0) return ['equals', 'notEquals', 'oneOf', 'filled', 'empty'];
  return ['equals', 'notEquals', 'filled', 'empty'];
}

function needsValue(operator: RuleOperator): boolean {
  return operator !== 'filled' && operator !== 'empty';
}

function defaultValues(source: FieldModel, operator: RuleOperator, current: Value[] = []): Value[] {
  if (!needsValue(operator)) return [];
  if (current.length > 0) return operator === 'oneOf' ? current : current.slice(0, 1);
  const first = source.options[0]?.value;
  return first === undefined ? [] : [first];
}
