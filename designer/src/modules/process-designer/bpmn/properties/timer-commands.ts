import { is } from 'bpmn-js/lib/util/ModelUtil';
import { childOf, childrenOf, textOf, type ModdleElement } from '../../model/moddle-element';
import { TIMER_TYPES, type TimerValue } from '../../model/timer-spec';
import { setModdleAttributes } from './moddle-commands';
import { businessObjectOf, type PanelServices } from './panel-services';

type Services = Pick<PanelServices, 'modeling' | 'bpmnFactory' | 'commandStack'>;

const TIMER_EVENTS = ['bpmn:StartEvent', 'bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent'];

/** The timer definition of a timer start, catch or boundary event (where bpmn-js offers one). */
export function timerDefinitionOf(element: unknown): ModdleElement | undefined {
  if (!TIMER_EVENTS.some((type) => is(element, type))) return undefined;
  return childrenOf(businessObjectOf(element), 'eventDefinitions').find(
    (definition) => definition.$type === 'bpmn:TimerEventDefinition',
  );
}

/** The first timer element with a body; a file with several shows (and keeps) the first. */
export function timerValueOf(definition: ModdleElement | undefined): TimerValue | undefined {
  for (const type of TIMER_TYPES) {
    const expression = childOf(definition, type);
    if (expression) return { type, text: textOf(expression, 'body') ?? '' };
  }
  return undefined;
}

/**
 * Writes the timer. The same element keeps its bpmn:FormalExpression (and whatever attributes a
 * file gave it, e.g. xsi:type) with a new body; another element replaces the others.
 */
export function setTimerValue(
  services: Services,
  element: unknown,
  definition: ModdleElement,
  value: TimerValue,
): void {
  const existing = childOf(definition, value.type);
  const others = TIMER_TYPES.filter((type) => type !== value.type && childOf(definition, type));
  if (existing && others.length === 0) {
    setModdleAttributes(services, element, existing, { body: value.text });
    return;
  }
  const expression = services.bpmnFactory.create('bpmn:FormalExpression', {
    body: value.text,
  }) as ModdleElement;
  expression.$parent = definition;
  const properties: Record<string, unknown> = { [value.type]: expression };
  for (const type of others) properties[type] = undefined;
  setModdleAttributes(services, element, definition, properties);
}
