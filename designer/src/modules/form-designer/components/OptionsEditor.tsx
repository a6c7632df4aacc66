import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip } from 'antd';
import { useT } from '../../../shared/i18n';
import { type OptionModel } from '../model/form-model';

interface Props {
  options: OptionModel[];
  onChange: (options: OptionModel[]) => void;
}

/** The choices of a dropdown, radio or checkbox group: label shown, value stored. */
export function OptionsEditor({ options, onChange }: Props) {
  const t = useT();
  const update = (index: number, patch: Partial<OptionModel>) =>
    onChange(options.map((option, i) => (i === index ? { ...option, ...patch } : option)));
  const duplicates = new Set(
    options.map((o) => String(o.value)).filter((value, i, all) => all.indexOf(value) !== i),
  );
  const nextValue = () => {
    let n = options.length + 1;
    while (options.some((o) => String(o.value) === `option${n}`)) n += 1;
    return `option${n}`;
  };
  return (
    <div className="cf-fb-options">
      <div className="cf-fb-options-head">
        <span>{t('formDesigner.props.optionLabel')}</span>
        <span>{t('formDesigner.props.optionValue')}</span>
      </div>
      {options.map((option, index) => (
        <Space.Compact key={index} block className="cf-fb-option">
          <Input
            value={option.label}
            onChange={(event) => update(index, { label: event.target.value })}
            aria-label={t('formDesigner.props.optionLabel')}
          />
          <Input
            value={String(option.value)}
            status={duplicates.has(String(option.value)) ? 'error' : undefined}
            onChange={(event) =>
              update(index, {
                value:
                  typeof option.value === 'number' && /^-?\d+(\.\d+)?$/.test(event.target.value)
                    ? Number(event.target.value)
                    : event.target.value,
              })
            }
            aria-label={t('formDesigner.props.optionValue')}
          />
          <Tooltip title={t('formDesigner.canvas.remove')}>
            <Button
              icon={<DeleteOutlined />}
              onClick={() => onChange(options.filter((_, i) => i !== index))}
              aria-label={t('formDesigner.canvas.remove')}
            />
          </Tooltip>
        </Space.Compact>
      ))}
      <Button
        type="dashed"
        block
        icon={<PlusOutlined />}
        onClick={() =>
          onChange([
            ...options,
            {
              label: t('formDesigner.props.optionLabel') + (options.length + 1),
              value: nextValue(),
            },
          ])
        }
      >
        {t('formDesigner.props.addOption')}
      </Button>
    </div>
  );
}
