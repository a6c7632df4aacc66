import { SelectEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { textOf } from '../../../model/moddle-element';
import { setAttributes } from '../moddle-commands';
import { businessObjectOf, usePanelServices, type SelectOption } from '../panel-services';

interface EntryProps {
  element: unknown;
  id: string;
}

const PRESETS: { value: string; label: string }[] = [
  { value: '', label: 'Normal (50, the default)' },
  { value: '20', label: 'Low (20)' },
  { value: '80', label: 'High (80)' },
  { value: '100', label: 'Urgent (100)' },
];

/** camunda:priority from a few named levels; another value already in the file is kept. */
export function PriorityEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate } = services;
  const getValue = () => {
    const value = textOf(businessObjectOf(element), 'camunda:priority');
    return value === '50' ? '' : (value ?? '');
  };
  const getOptions = (): SelectOption[] => {
    const options = PRESETS.map((preset) => ({
      value: preset.value,
      label: translate(preset.label),
    }));
    const current = getValue();
    if (!options.some((option) => option.value === current)) {
      options.push({ value: current, label: translate('Custom ({value})', { value: current }) });
    }
    return options;
  };
  return h(SelectEntry, {
    element,
    id,
    label: translate('Priority'),
    description: translate('Orders the inbox; 0–100.'),
    getValue,
    setValue: (value: string) =>
      setAttributes(services, element, { 'camunda:priority': value || undefined }),
    getOptions,
  });
}
