import { Form, Input, InputNumber, Select } from 'antd';
import { useT } from '../../../shared/i18n';
import { isRegExp } from '../model/publish-checks';
import {
  TEXT_FORMATS,
  type FieldModel,
  type TextFormat,
  type ValidationModel,
} from '../model/form-model';

interface Props {
  field: FieldModel;
  onChange: (validation: ValidationModel) => void;
}

const TEXT = ['text', 'textarea'];
const LISTS = ['checkbox', 'attachment', 'table'];

/** Limits and patterns the field checks, by kind; the server checks the same on submit. */
export function ValidationEditor({ field, onChange }: Props) {
  const t = useT();
  const v = field.validation;
  const set = (patch: Partial<ValidationModel>) => onChange({ ...v, ...patch });
  const num = (value: number | null) => (value === null ? undefined : value);
  const range = (minKey: keyof ValidationModel, maxKey: keyof ValidationModel, whole: boolean) => (
    <div className="cf-fb-range">
      <Form.Item label={t(`formDesigner.props.${minKey}`)}>
        <InputNumber
          style={{ width: '100%' }}
          min={whole ? 0 : undefined}
          precision={whole ? 0 : undefined}
          value={v[minKey] as number | undefined}
          onChange={(value) => set({ [minKey]: num(value) })}
        />
      </Form.Item>
      <Form.Item label={t(`formDesigner.props.${maxKey}`)}>
        <InputNumber
          style={{ width: '100%' }}
          min={whole ? 0 : undefined}
          precision={whole ? 0 : undefined}
          value={v[maxKey] as number | undefined}
          onChange={(value) => set({ [maxKey]: num(value) })}
        />
      </Form.Item>
    </div>
  );

  if (field.kind === 'number') return range('minimum', 'maximum', false);
  if (LISTS.includes(field.kind) || (field.kind === 'select' && field.multiple))
    return range('minItems', 'maxItems', true);
  if (!TEXT.includes(field.kind)) return null;
  const patternBad = v.pattern !== undefined && !isRegExp(v.pattern);
  return (
    <>
      {range('minLength', 'maxLength', true)}
      <Form.Item label={t('formDesigner.props.format')}>
        <Select<TextFormat | ''>
          value={v.format ?? ''}
          onChange={(format) => set({ format: format || undefined })}
          options={[
            { value: '', label: t('formDesigner.props.noFormat') },
            ...TEXT_FORMATS.map((format) => ({
              value: format,
              label: t(`formDesigner.props.formats.${format}`),
            })),
          ]}
        />
      </Form.Item>
      <Form.Item
        label={t('formDesigner.props.pattern')}
        validateStatus={patternBad ? 'error' : undefined}
        help={patternBad ? t('formDesigner.props.patternInvalid') : undefined}
      >
        <Input
          value={v.pattern ?? ''}
          placeholder={t('formDesigner.props.patternPlaceholder')}
          onChange={(event) => set({ pattern: event.target.value || undefined })}
          className="cf-mono"
        />
      </Form.Item>
      {v.pattern !== undefined && (
        <Form.Item label={t('formDesigner.props.patternMessage')}>
          <Input
            value={v.patternMessage ?? ''}
            onChange={(event) => set({ patternMessage: event.target.value || undefined })}
          />
        </Form.Item>
      )}
    </>
  );
}
