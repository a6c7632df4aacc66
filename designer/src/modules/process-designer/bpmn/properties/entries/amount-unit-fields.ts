import { h } from '@bpmn-io/properties-panel/preact';
import type { BpmnTranslate } from '../../translate';

/** A whole amount of at least 1; other input is ignored (the field keeps showing it). */
export function amountInput(
  translate: BpmnTranslate,
  amount: number,
  onAmount: (amount: number) => void,
) {
  return h('input', {
    type: 'number',
    min: 1,
    step: 1,
    class: 'bio-properties-panel-input cf-amount',
    'aria-label': translate('Amount'),
    value: amount,
    onChange: (event: Event) => {
      const value = Number((event.target as HTMLInputElement).value);
      if (Number.isInteger(value) && value >= 1) onAmount(value);
    },
  });
}

/** A select of units, each labelled by its English template (translated). */
export function unitSelect<U extends string>(
  translate: BpmnTranslate,
  unit: U,
  units: readonly U[],
  labels: Record<U, string>,
  onUnit: (unit: U) => void,
) {
  return h(
    'select',
    {
      class: 'bio-properties-panel-input',
      'aria-label': translate('Unit'),
      value: unit,
      onChange: (event: Event) => onUnit((event.target as HTMLSelectElement).value as U),
    },
    units.map((value) => h('option', { value, key: value }, translate(labels[value]))),
  );
}
