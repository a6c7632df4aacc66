import { TextFieldEntry, useError } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import {
  BUILDER_KINDS,
  formatTimer,
  parseTimer,
  switchTimerKind,
  type TimerKind,
  type TimerSpec,
} from '../../../model/timer-spec';
import type { BpmnTranslate } from '../../translate';
import { usePanelServices } from '../panel-services';
import { setTimerValue, timerDefinitionOf, timerValueOf } from '../timer-commands';
import { expressionEntry } from './feel-validation';
import { SchedulePreviewView } from './schedule-preview';
import { asStart, DateTimeFields, PeriodFields } from './timer-fields';

interface EntryProps {
  element: unknown;
  id: string;
}

const KIND_LABELS: Record<TimerKind, string> = {
  duration: 'After a while',
  date: 'At a date and time',
  cycle: 'Repeatedly',
  expression: 'Computed by an expression',
  other: 'As written (ISO 8601)',
};

/**
 * A timer event's timeDuration, timeDate or timeCycle, built from a kind, an amount in working
 * days or calendar time, dates and repetitions (engine/README.md, "timers"); the text it writes is
 * shown, and below it the next times it fires on the district's calendar.
 */
export function TimerEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate, reference, debounce } = services;
  const error = useError(id);
  const definition = timerDefinitionOf(element);
  if (!definition) return null;
  const spec = parseTimer(timerValueOf(definition));
  const save = (next: TimerSpec) => setTimerValue(services, element, definition, formatTimer(next));

  const kinds: TimerKind[] = [...BUILDER_KINDS];
  if (spec?.kind === 'other') kinds.push('other');
  const kindSelect = h(
    'select',
    {
      id: `bio-properties-panel-${id}`,
      class: 'bio-properties-panel-input',
      value: spec?.kind ?? '',
      onChange: (event: Event) => {
        const kind = (event.target as HTMLSelectElement).value as (typeof BUILDER_KINDS)[number];
        save(switchTimerKind(spec, kind, today()));
      },
    },
    !spec && h('option', { value: '', disabled: true }, translate('— choose —')),
    kinds.map((kind) => h('option', { value: kind, key: kind }, translate(KIND_LABELS[kind]))),
  );

  let detail = null;
  if (spec?.kind === 'duration') {
    detail = h(PeriodFields, {
      period: spec.period,
      translate,
      label: translate('Wait'),
      onChange: (period) => save({ ...spec, period }),
    });
  } else if (spec?.kind === 'date') {
    detail = h(DateTimeFields, {
      at: spec,
      translate,
      label: translate('When'),
      timeOptional: true,
      onChange: (at) => save({ kind: 'date', ...at }),
    });
  } else if (spec?.kind === 'cycle') {
    detail = cycleFields(translate, spec, save);
  } else if (spec?.kind === 'expression') {
    detail = expressionEntry({
      translate,
      element,
      id: `${id}-expression`,
      debounce,
      description: translate('Gives the ISO 8601 text of the timer when it is reached.'),
      value: spec.text,
      onChange: (text) => save({ ...spec, text }),
    });
  } else if (spec?.kind === 'other') {
    detail = h(TextFieldEntry, {
      element,
      id: `${id}-text`,
      debounce,
      label: translate('ISO 8601 text'),
      description: translate('Kept exactly as written; the preview shows how the engine reads it.'),
      getValue: () => spec.text,
      setValue: (value: string | undefined) => value?.trim() && save({ ...spec, text: value }),
    });
  }

  const written = spec && formatTimer(spec);
  return h(
    'div',
    {
      class: error
        ? 'bio-properties-panel-entry cf-timer has-error'
        : 'bio-properties-panel-entry cf-timer',
      'data-entry-id': id,
    },
    h(
      'label',
      { class: 'bio-properties-panel-label', for: `bio-properties-panel-${id}` },
      translate('Fires'),
    ),
    kindSelect,
    detail,
    error && h('div', { class: 'bio-properties-panel-error' }, error),
    written &&
      spec.kind !== 'expression' &&
      h(
        'div',
        { class: 'bio-properties-panel-description' },
        translate('Written as'),
        ' ',
        h('code', { class: 'cf-timer-text' }, written.text),
      ),
    written &&
      spec.kind !== 'expression' &&
      h(SchedulePreviewView, {
        kind: written.type,
        value: written.text,
        lookups: reference.lookups,
        translate,
      }),
  );
}

function cycleFields(
  translate: BpmnTranslate,
  spec: Extract<TimerSpec, { kind: 'cycle' }>,
  save: (next: TimerSpec) => void,
) {
  const forever = spec.repetitions === null;
  return h(
    'div',
    { class: 'cf-cycle-fields' },
    h(
      'div',
      { class: 'cf-inline-fields' },
      h('span', { class: 'cf-unit-text' }, translate('Every')),
      h(PeriodFields, {
        period: spec.period,
        translate,
        label: translate('Every'),
        onChange: (period) => save({ ...spec, period }),
      }),
    ),
    h(
      'div',
      { class: 'cf-inline-fields' },
      h('input', {
        type: 'number',
        min: 1,
        step: 1,
        class: 'bio-properties-panel-input cf-amount',
        'aria-label': translate('Times'),
        disabled: forever,
        value: spec.repetitions ?? '',
        onChange: (event: Event) => {
          const count = Number((event.target as HTMLInputElement).value);
          if (Number.isInteger(count) && count >= 1) save({ ...spec, repetitions: count });
        },
      }),
      h('span', { class: 'cf-unit-text' }, translate('times')),
      h(
        'label',
        { class: 'cf-check' },
        h('input', {
          type: 'checkbox',
          checked: forever,
          onChange: (event: Event) =>
            save({ ...spec, repetitions: (event.target as HTMLInputElement).checked ? null : 3 }),
        }),
        translate('for ever'),
      ),
    ),
    h(
      'label',
      { class: 'cf-check' },
      h('input', {
        type: 'checkbox',
        checked: spec.start !== undefined,
        onChange: (event: Event) => {
          const { start: _start, ...rest } = spec;
          save(
            (event.target as HTMLInputElement).checked
              ? { ...rest, start: { date: today(), time: '09:00' } }
              : rest,
          );
        },
      }),
      translate('Starting at a set time (otherwise when the timer is reached)'),
    ),
    spec.start &&
      h(DateTimeFields, {
        at: spec.start,
        translate,
        label: translate('First time'),
        timeOptional: false,
        onChange: (at) => save({ ...spec, start: asStart(at) }),
      }),
  );
}

function today(): string {
  const date = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
