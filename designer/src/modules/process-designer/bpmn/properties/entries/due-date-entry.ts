import { TextFieldEntry, useError } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import {
  DURATION_UNITS,
  formatDueDate,
  isValidDueDateText,
  parseDueDate,
  switchDueDateKind,
  type DueDateKind,
  type DueDateSpec,
  type DurationUnit,
} from '../../../model/due-date-spec';
import { textOf } from '../../../model/moddle-element';
import { setAttributes } from '../moddle-commands';
import { businessObjectOf, usePanelServices } from '../panel-services';
import type { BpmnTranslate } from '../../translate';
import { expressionEntry } from './feel-validation';
import { SchedulePreviewView } from './schedule-preview';
import { amountInput, unitSelect } from './amount-unit-fields';

interface EntryProps {
  element: unknown;
  id: string;
  /** camunda:dueDate or camunda:followUpDate */
  attribute: string;
  label: string;
  description: string;
}

const KIND_LABELS: Record<DueDateKind, string> = {
  none: 'No deadline',
  workingDays: 'Working days after the task opens',
  duration: 'Calendar time after the task opens',
  date: 'On a fixed date',
  expression: 'Computed by an expression',
  other: 'As written (ISO 8601)',
};

const UNIT_LABELS: Record<DurationUnit, string> = {
  H: 'hours',
  D: 'days',
  W: 'weeks',
  M: 'months',
  Y: 'years',
};

/**
 * A small builder for due and reminder dates: P<n>WD, an ISO duration, a date or FEEL — the forms
 * the engine's calendar reads (engine/README.md). The resulting text is shown beneath.
 */
export function DueDateEntry({ element, id, attribute, label, description }: EntryProps) {
  const services = usePanelServices();
  const { translate, debounce, reference } = services;
  const text = textOf(businessObjectOf(element), attribute);
  const error = useError(id);
  const spec = parseDueDate(text);
  const save = (next: DueDateSpec) =>
    setAttributes(services, element, { [attribute]: formatDueDate(next) });

  const kinds: DueDateKind[] = ['none', 'workingDays', 'duration', 'date', 'expression'];
  if (spec.kind === 'other') kinds.push('other');
  const kindSelect = h(
    'select',
    {
      id: `bio-properties-panel-${id}`,
      class: 'bio-properties-panel-input',
      value: spec.kind,
      onChange: (event: Event) => {
        const kind = (event.target as HTMLSelectElement).value as DueDateKind;
        const next = switchDueDateKind(spec, kind);
        save(
          next.kind === 'date' && next.date === '' ? { kind: 'date', date: monthFromNow() } : next,
        );
      },
    },
    kinds.map((kind) => h('option', { value: kind, key: kind }, translate(KIND_LABELS[kind]))),
  );

  let detail = null;
  if (spec.kind === 'workingDays' || spec.kind === 'duration') {
    detail = h(
      'div',
      { class: 'cf-inline-fields' },
      amountInput(translate, spec.amount, (amount) => save({ ...spec, amount })),
      spec.kind === 'workingDays'
        ? h('span', { class: 'cf-unit-text' }, translate('working days'))
        : unitSelect(translate, spec.unit, DURATION_UNITS, UNIT_LABELS, (unit) =>
            save({ ...spec, unit }),
          ),
    );
  } else if (spec.kind === 'date') {
    detail = h('input', {
      type: 'date',
      class: 'bio-properties-panel-input',
      'aria-label': translate('Date'),
      value: spec.date,
      onChange: (event: Event) => {
        const date = (event.target as HTMLInputElement).value;
        if (date) save({ kind: 'date', date });
      },
    });
  } else if (spec.kind === 'expression') {
    detail = expressionEntry({
      translate,
      element,
      id: `${id}-expression`,
      debounce,
      description: translate('Gives a date, a date-time or a duration, e.g. replyDeadline.'),
      value: spec.expression,
      onChange: (expression) => save({ kind: 'expression', expression }),
    });
  } else if (spec.kind === 'other') {
    detail = h(TextFieldEntry, {
      element,
      id: `${id}-text`,
      debounce,
      label: translate('ISO 8601 text'),
      getValue: () => spec.text,
      setValue: (value: string | undefined) => save({ kind: 'other', text: value ?? '' }),
      validate: (value: string | undefined) =>
        value && !isValidDueDateText(value)
          ? translate('Not a duration, P<n>WD, date or date-time.')
          : null,
    });
  }

  return h(
    'div',
    {
      class: error
        ? 'bio-properties-panel-entry cf-due-date has-error'
        : 'bio-properties-panel-entry cf-due-date',
      'data-entry-id': id,
    },
    h('label', { class: 'bio-properties-panel-label', for: `bio-properties-panel-${id}` }, label),
    kindSelect,
    detail,
    error && h('div', { class: 'bio-properties-panel-error' }, error),
    spec.kind !== 'expression' &&
      h(
        'div',
        { class: 'bio-properties-panel-description' },
        summary(translate, spec, text) ?? description,
      ),
    // what the engine makes of it on the district's calendar, as for timers
    text !== undefined &&
      spec.kind !== 'expression' &&
      isValidDueDateText(text) &&
      h(SchedulePreviewView, {
        kind: 'dueDate',
        value: text,
        lookups: reference.lookups,
        translate,
      }),
  );
}

function summary(
  translate: BpmnTranslate,
  spec: DueDateSpec,
  text: string | undefined,
): string | null {
  switch (spec.kind) {
    case 'workingDays':
      return translate(
        '{amount} working days after the task opens, by the district calendar ({text}).',
        {
          amount: spec.amount,
          text,
        },
      );
    case 'duration':
      return translate('{amount} {unit} after the task opens ({text}).', {
        amount: spec.amount,
        unit: translate(UNIT_LABELS[spec.unit]),
        text,
      });
    case 'date':
      return translate('Due on {date}, end of the day.', { date: spec.date });
    default:
      return null;
  }
}

function monthFromNow(): string {
  const date = new Date();
  date.setMonth(date.getMonth() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
