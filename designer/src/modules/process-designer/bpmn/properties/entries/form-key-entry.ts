import { SelectEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { textOf } from '../../../model/moddle-element';
import { setAttributes } from '../moddle-commands';
import { businessObjectOf, usePanelServices, type SelectOption } from '../panel-services';

interface EntryProps {
  element: unknown;
  id: string;
  required: boolean;
}

/** camunda:formKey picked from the district's forms (GET /api/forms). */
export function FormKeyEntry({ element, id, required }: EntryProps) {
  const services = usePanelServices();
  const { translate, reference } = services;
  const getOptions = (): SelectOption[] => {
    const current = textOf(businessObjectOf(element), 'camunda:formKey');
    const options: SelectOption[] = (reference.forms ?? []).map((form) => ({
      value: form.key,
      label: `${form.title}（${form.key}）`,
    }));
    if (current && !options.some((option) => option.value === current)) {
      const note = reference.forms ? translate('not found') : translate('loading…');
      options.unshift({ value: current, label: `${current}（${note}）` });
    }
    options.unshift({
      value: '',
      label: required ? translate('— choose a form —') : translate('No start form'),
      disabled: required,
    });
    return options;
  };
  return h(SelectEntry, {
    element,
    id,
    label: translate('Form'),
    description: required
      ? translate('Required. Publishing pins the form version current at that moment.')
      : translate('Shown to the person starting the process.'),
    getValue: () => textOf(businessObjectOf(element), 'camunda:formKey') ?? '',
    setValue: (value: string) =>
      setAttributes(services, element, { 'camunda:formKey': value || undefined }),
    getOptions,
    validate: (value: string) =>
      required && !value ? translate('Every user task needs a form.') : null,
  });
}
