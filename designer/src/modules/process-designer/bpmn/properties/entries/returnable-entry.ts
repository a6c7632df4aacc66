import { CheckboxEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { extensionPropertyOf } from '../../../model/moddle-element';
import { setExtensionProperty } from '../process-property-commands';
import { businessObjectOf, usePanelServices } from '../panel-services';

interface EntryProps {
  element: unknown;
  id: string;
}

/** The engine's name for it (engine/src/runtime/flow-graph.ts, RETURNABLE_PROPERTY). */
const RETURNABLE = 'returnable';

/**
 * Whether the step's handler may send it back (退回): on unless the task says
 * `camunda:property name="returnable" value="false"`, for a step with a return of its own rules.
 */
export function ReturnableEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate } = services;
  const bo = businessObjectOf(element);
  return h(CheckboxEntry, {
    element,
    id,
    label: translate('May be returned to an earlier step'),
    description: translate('Off where the process has a return of its own, with its own rules.'),
    getValue: () => extensionPropertyOf(bo, RETURNABLE) !== 'false',
    setValue: (checked: boolean) =>
      setExtensionProperty(services, element, bo, RETURNABLE, checked ? undefined : 'false'),
  });
}
