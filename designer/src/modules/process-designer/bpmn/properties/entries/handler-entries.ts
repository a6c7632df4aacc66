import { FeelEntry, SelectEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { textOf } from '../../../model/moddle-element';
import type { HandlerParameter } from '../../reference-data/reference-data';
import { inputParametersOf, setAttributes, setInputParameter } from '../moddle-commands';
import { businessObjectOf, usePanelServices, type SelectOption } from '../panel-services';
import { feelError } from './feel-validation';

interface EntryProps {
  element: unknown;
  id: string;
}

/** The handler a service task runs: camunda:type="external" + camunda:topic from GET /api/handlers. */
export function HandlerTopicEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate, reference } = services;
  const topic = textOf(businessObjectOf(element), 'camunda:topic') ?? '';
  const handler = reference.handlers?.find((candidate) => candidate.topic === topic);
  const getOptions = (): SelectOption[] => {
    const options: SelectOption[] = (reference.handlers ?? []).map((candidate) => ({
      value: candidate.topic,
      label: candidate.description
        ? `${candidate.topic} — ${shorten(candidate.description)}`
        : candidate.topic,
    }));
    if (topic && !handler) {
      const note = reference.handlers ? translate('not registered') : translate('loading…');
      options.unshift({ value: topic, label: `${topic}（${note}）` });
    }
    options.unshift({ value: '', label: translate('— choose a handler —'), disabled: true });
    return options;
  };
  return h(SelectEntry, {
    element,
    id,
    label: translate('Handler'),
    description:
      handler?.description ??
      translate('What the platform does when the process reaches this task.'),
    getValue: () => topic,
    setValue: (value: string) =>
      setAttributes(services, element, {
        'camunda:type': value ? 'external' : undefined,
        'camunda:topic': value || undefined,
        'camunda:class': undefined,
        'camunda:expression': undefined,
        'camunda:delegateExpression': undefined,
      }),
    getOptions,
    validate: (value: string) => (value ? null : translate('Choose the handler this task runs.')),
  });
}

interface ParameterProps extends EntryProps {
  parameter: HandlerParameter;
}

/** One declared parameter of the handler, written as a camunda:inputParameter (text or FEEL). */
export function HandlerParameterEntry({ element, id, parameter }: ParameterProps) {
  const services = usePanelServices();
  const { translate, debounce } = services;
  const getValue = () =>
    textOf(
      inputParametersOf(element).find((p) => textOf(p, 'name') === parameter.name),
      'value',
    );
  return h(FeelEntry, {
    translate,
    element,
    id,
    debounce,
    feel: 'optional',
    label: parameter.required ? `${parameter.name} *` : parameter.name,
    description: parameter.description,
    getValue,
    setValue: (value: string | undefined) =>
      setInputParameter(services, element, parameter.name, value === '' ? undefined : value),
    validate: (value: string | undefined) => {
      if (parameter.required && (value === undefined || value.trim() === '')) {
        return translate('This handler needs a value here.');
      }
      return typeof value === 'string' && value.trim().startsWith('=')
        ? feelError(translate, value)
        : null;
    },
  });
}

interface ExtraParametersProps extends EntryProps {
  names: string[];
}

/** Parameters in the file that the chosen handler does not declare: listed, removable. */
export function ExtraParametersEntry({ element, id, names }: ExtraParametersProps) {
  const services = usePanelServices();
  const { translate } = services;
  return h(
    'div',
    { class: 'bio-properties-panel-entry', 'data-entry-id': id },
    h(
      'label',
      { class: 'bio-properties-panel-label' },
      translate('Parameters the handler does not use'),
    ),
    h(
      'ul',
      { class: 'cf-extra-parameters' },
      names.map((name) =>
        h(
          'li',
          { key: name },
          h('code', null, name),
          h(
            'button',
            {
              type: 'button',
              class: 'cf-link-button',
              onClick: () => setInputParameter(services, element, name, undefined),
            },
            translate('Remove'),
          ),
        ),
      ),
    ),
  );
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
