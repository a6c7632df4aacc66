import { CheckboxEntry, FeelEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import type { Connection } from 'bpmn-js/lib/model/Types';
import { bodyOf, childOf } from '../../../model/moddle-element';
import { formalExpression, setAttributes } from '../moddle-commands';
import { businessObjectOf, usePanelServices } from '../panel-services';
import { asEqualsForm, feelError } from './feel-validation';

interface EntryProps {
  element: unknown;
  id: string;
}

export function isDefaultFlow(element: unknown): boolean {
  const source = (element as Connection).source;
  return (
    source !== undefined &&
    childOf(businessObjectOf(source), 'default') === businessObjectOf(element)
  );
}

/** The gateway's default flow is taken when no other condition holds; it has no condition. */
export function DefaultFlowEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate } = services;
  return h(CheckboxEntry, {
    element,
    id,
    label: translate('Default path (taken when no condition holds)'),
    getValue: () => isDefaultFlow(element),
    setValue: (checked: boolean) => {
      const source = (element as Connection).source;
      if (!source) return;
      // one undo step: a default flow carries no condition
      const commands = [
        {
          cmd: 'element.updateProperties',
          context: {
            element: source,
            properties: { default: checked ? businessObjectOf(element) : undefined },
          },
        },
        ...(checked
          ? [
              {
                cmd: 'element.updateProperties',
                context: { element, properties: { conditionExpression: undefined } },
              },
            ]
          : []),
      ];
      services.commandStack.execute('properties-panel.multi-command-executor', commands as never);
    },
  });
}

/** The FEEL condition of a sequence flow, checked as you type. */
export function ConditionEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate, debounce } = services;
  return h(FeelEntry, {
    translate,
    element,
    id,
    debounce,
    feel: 'required',
    label: translate('Condition'),
    description: translate('FEEL over the process variables, e.g. approved = true or score >= 60.'),
    getValue: () => asEqualsForm(bodyOf(businessObjectOf(element), 'conditionExpression')),
    setValue: (value: string | undefined) =>
      setAttributes(services, element, { conditionExpression: formalExpression(services, value) }),
    validate: (value: string | undefined) => feelError(translate, value),
  });
}
