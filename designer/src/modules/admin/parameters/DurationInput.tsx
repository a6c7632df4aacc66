import { Button, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../shared/i18n';
import {
  DURATION_UNITS,
  formatSimpleDuration,
  isValidDuration,
  parseSimpleDuration,
  type DurationUnit,
} from './duration';
import './parameters-messages';
import { useParameterText } from './useParameterText';

export interface DurationInputProps {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  disabled?: boolean;
}

/**
 * A duration builder: an amount and a unit (months, days, working days `P<n>WD`, …); values with
 * several units (`P1M15D`) are edited as text. The value in words is shown underneath.
 */
export function DurationInput({ id, value, onChange, disabled }: DurationInputProps) {
  const t = useT();
  const text = useParameterText();
  const simple = parseSimpleDuration(value);
  const [custom, setCustom] = useState(Boolean(value) && !simple);
  const [unit, setUnit] = useState<DurationUnit>(simple?.unit ?? 'D');
  const shownUnit = simple?.unit ?? unit;

  const words = isValidDuration(value) ? text.describeDuration(value) : undefined;
  return (
    <div>
      <Space wrap size={8}>
        {custom ? (
          <Input
            id={id}
            value={value}
            disabled={disabled}
            placeholder={t('adminParams.duration.customPlaceholder')}
            onChange={(event) => onChange?.(event.target.value.trim().toUpperCase() || undefined)}
            style={{ width: 200 }}
          />
        ) : (
          <Space.Compact>
            <InputNumber
              id={id}
              min={1}
              max={9999}
              precision={0}
              disabled={disabled}
              value={simple?.amount ?? null}
              onChange={(amount) =>
                onChange?.(amount ? formatSimpleDuration({ amount, unit: shownUnit }) : undefined)
              }
              style={{ width: 96 }}
            />
            <Select<DurationUnit>
              value={shownUnit}
              disabled={disabled}
              onChange={(next) => {
                setUnit(next);
                if (simple) onChange?.(formatSimpleDuration({ amount: simple.amount, unit: next }));
              }}
              options={DURATION_UNITS.map((u) => ({
                value: u,
                label: t(`adminParams.duration.units.${u}`),
              }))}
              popupMatchSelectWidth={false}
              style={{ minWidth: 128 }}
            />
          </Space.Compact>
        )}
        <Button
          type="link"
          size="small"
          disabled={disabled || (custom && Boolean(value) && !parseSimpleDuration(value))}
          onClick={() => setCustom(!custom)}
          style={{ paddingInline: 0 }}
        >
          {custom ? t('adminParams.duration.builder') : t('adminParams.duration.custom')}
        </Button>
      </Space>
      {(words || shownUnit === 'WD') && (
        <div style={{ marginTop: 4 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {custom && words ? `= ${words}` : null}
            {shownUnit === 'WD' && !custom ? t('adminParams.duration.workingDaysHint') : null}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
