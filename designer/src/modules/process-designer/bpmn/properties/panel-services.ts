import { useService } from 'bpmn-js-properties-panel';
import type BpmnFactory from 'bpmn-js/lib/features/modeling/BpmnFactory';
import type Modeling from 'bpmn-js/lib/features/modeling/Modeling';
import type { Element } from 'bpmn-js/lib/model/Types';
import type CommandStack from 'diagram-js/lib/command/CommandStack';
import { type ModdleElement } from '../../model/moddle-element';
import type { ReferenceData, ReferenceDataState } from '../reference-data/reference-data';
import type { BpmnTranslate } from '../translate';

/** The diagram services an entry needs, looked up inside a properties-panel component. */
export interface PanelServices {
  translate: BpmnTranslate;
  modeling: Modeling;
  bpmnFactory: BpmnFactory;
  commandStack: CommandStack;
  debounce: <T extends (...args: never[]) => unknown>(fn: T) => T;
  reference: ReferenceDataState;
}

export function usePanelServices(): PanelServices {
  return {
    translate: useService<BpmnTranslate>('translate'),
    modeling: useService<Modeling>('modeling'),
    bpmnFactory: useService<BpmnFactory>('bpmnFactory'),
    commandStack: useService<CommandStack>('commandStack'),
    debounce: useService<PanelServices['debounce']>('debounceInput'),
    reference: useService<ReferenceData>('congressReferenceData').get(),
  };
}

/** The business object of a diagram element, typed as the moddle element it is. */
export function businessObjectOf(element: unknown): ModdleElement {
  return (element as Element).businessObject as ModdleElement;
}

/** An option of a properties-panel select. */
export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/** The bpmn:Process a process-level entry edits: the element's own, or a pool's processRef. */
export function processOf(element: unknown): ModdleElement | undefined {
  const bo = businessObjectOf(element);
  if (bo.$type === 'bpmn:Process') return bo;
  const ref = bo.get('processRef');
  return ref ? (ref as ModdleElement) : undefined;
}
