import { h } from '@bpmn-io/properties-panel/preact';
import {
  PERIOD_UNITS,
  type LocalDateTime,
  type Period,
  type PeriodUnit,
} from '../../../model/timer-spec';
import type { BpmnTranslate } from '../../translate';
import { amountInput, unitSelect } from './amount-unit-fields';

const UNIT_LABELS: Record<PeriodUnit, string> = {
  workingDays: 'working days',
  minutes: 'minutes',
  hours: 'hours',
  days: 'days',
  weeks: 'weeks',
  months: 'months',
  years: 'years',
};

/** An amount and a unit: working days (by the district calendar) or calendar time. */
export function PeriodFields({
  period,
  translate,
  label,
  onChange,
}: {
  period: Period;
  translate: BpmnTranslate;
  label: string;
  onChange: (period: Period) => void;
}) {
  return h(
    'div',
    { class: 'cf-inline-fields', role: 'group', 'aria-label': label },
    amountInput(translate, period.amount, (amount) => onChange({ ...period, amount })),
    unitSelect(translate, period.unit, PERIOD_UNITS, UNIT_LABELS, (unit) =>
      onChange({ ...period, unit }),
    ),
  );
}

/** A date and a time of day, Beijing time; the time may be left out where a date alone works. */
export function DateTimeFields({
  at,
  translate,
  label,
  timeOptional,
  onChange,
}: {
  at: { date: string; time?: string };
  translate: BpmnTranslate;
  label: string;
  timeOptional: boolean;
  onChange: (at: { date: string; time?: string }) => void;
}) {
  return h(
    'div',
    { class: 'cf-inline-fields', role: 'group', 'aria-label': label },
    h('input', {
      type: 'date',
      class: 'bio-properties-panel-input',
      'aria-label': translate('Date'),
      value: at.date,
      onChange: (event: Event) => {
        const date = (event.target as HTMLInputElement).value;
        if (date) onChange({ ...at, date });
      },
    }),
    h('input', {
      type: 'time',
      class: 'bio-properties-panel-input',
      'aria-label': translate('Time (Beijing)'),
      value: at.time ?? '',
      required: !timeOptional,
      onChange: (event: Event) => {
        const time = (event.target as HTMLInputElement).value.slice(0, 5);
        if (time) onChange({ ...at, time });
        else if (timeOptional) onChange({ date: at.date });
      },
    }),
  );
}

/** The start of a cycle as the builder writes it: date and time both required. */
export function asStart(at: { date: string; time?: string }): LocalDateTime {
  return { date: at.date, time: at.time ?? '09:00' };
}
