import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useT } from '../../../shared/i18n';
import { type FieldModel } from '../model/form-model';
import { FIELD_ICONS } from './field-icons';

/** What the field looks like to the person filling the form, inert on the canvas. */
export function FieldMock({ field }: { field: FieldModel }) {
  const t = useT();
  const placeholder = field.placeholder || undefined;
  const options = field.options.map((option) => ({
    label: option.label,
    value: String(option.value),
  }));
  switch (field.kind) {
    case 'text':
      return <Input placeholder={placeholder} tabIndex={-1} />;
    case 'textarea':
      return (
        <Input.TextArea
          placeholder={placeholder}
          rows={Number(field.componentProps.rows) || 3}
          tabIndex={-1}
        />
      );
    case 'number':
      return <InputNumber placeholder={placeholder} style={{ width: 200 }} tabIndex={-1} />;
    case 'date':
      return <DatePicker placeholder={placeholder} tabIndex={-1} />;
    case 'select':
      return (
        <Select
          placeholder={placeholder}
          mode={field.multiple ? 'multiple' : undefined}
          options={options}
          style={{ width: '100%' }}
          tabIndex={-1}
        />
      );
    case 'radio':
      return <Radio.Group options={options} />;
    case 'checkbox':
      return <Checkbox.Group options={options} />;
    case 'user':
    case 'unit':
      return (
        <Select
          placeholder={placeholder ?? t(`formDesigner.kind.${field.kind}`)}
          mode={field.multiple ? 'multiple' : undefined}
          suffixIcon={FIELD_ICONS[field.kind]}
          style={{ width: '100%' }}
          tabIndex={-1}
        />
      );
    case 'attachment':
      return (
        <Button icon={<PaperClipOutlined />} tabIndex={-1}>
          {t('formDesigner.canvas.upload')}
        </Button>
      );
    case 'display':
      return (
        <Typography.Text type="secondary">{t('formDesigner.canvas.earlierValue')}</Typography.Text>
      );
    default:
      return (
        <Typography.Text type="secondary">
          {t('formDesigner.canvas.customHint', {
            component: String(field.rest['x-component'] ?? field.rest.type ?? ''),
          })}
        </Typography.Text>
      );
  }
}
