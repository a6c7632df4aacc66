import type { Element } from 'bpmn-js/lib/model/Types';
import { childrenOf, textOf, type ModdleElement } from '../../model/moddle-element';
import { businessObjectOf, type PanelServices } from './panel-services';

type Services = Pick<PanelServices, 'modeling' | 'bpmnFactory' | 'commandStack'>;

interface Command {
  cmd: string;
  context: Record<string, unknown>;
}

/** Sets (or, with undefined, removes) attributes of the element's own business object. */
export function setAttributes(
  services: Services,
  element: unknown,
  attributes: Record<string, unknown>,
): void {
  services.modeling.updateProperties(element as Element, attributes);
}

/** Sets attributes of a moddle element inside the element (a loop, a parameter, …). */
export function setModdleAttributes(
  services: Services,
  element: unknown,
  target: ModdleElement,
  attributes: Record<string, unknown>,
): void {
  services.modeling.updateModdleProperties(element as Element, target, attributes);
}

/** A bpmn:FormalExpression with the body, or undefined for an empty body (removes it). */
export function formalExpression(
  services: Services,
  body: string | undefined,
): ModdleElement | undefined {
  if (body === undefined || body.trim() === '') return undefined;
  return services.bpmnFactory.create('bpmn:FormalExpression', { body }) as ModdleElement;
}

export function inputParametersOf(element: unknown): ModdleElement[] {
  return inputOutputOf(businessObjectOf(element)).flatMap((io) =>
    childrenOf(io, 'inputParameters'),
  );
}

function inputOutputOf(bo: ModdleElement): ModdleElement[] {
  return childrenOf(bo.get('extensionElements') as ModdleElement | undefined, 'values').filter(
    (value) => value.$type === 'camunda:InputOutput',
  );
}

/**
 * Sets the value of a camunda:inputParameter, creating the extension elements and the
 * camunda:InputOutput as needed; undefined removes the parameter. One undo step.
 */
export function setInputParameter(
  services: Services,
  element: unknown,
  name: string,
  value: string | undefined,
): void {
  const bo = businessObjectOf(element);
  const commands: Command[] = [];
  const update = (target: ModdleElement, properties: Record<string, unknown>) =>
    commands.push({
      cmd: 'element.updateModdleProperties',
      context: { element, moddleElement: target, properties },
    });

  const existing = inputParametersOf(element).find((p) => textOf(p, 'name') === name);
  if (existing) {
    if (value === undefined) {
      const io = existing.$parent as ModdleElement;
      update(io, {
        inputParameters: childrenOf(io, 'inputParameters').filter((p) => p !== existing),
      });
    } else {
      update(existing, { value });
    }
    services.commandStack.execute('properties-panel.multi-command-executor', commands as never);
    return;
  }
  if (value === undefined) return;

  let extensionElements = bo.get('extensionElements') as ModdleElement | undefined;
  if (!extensionElements) {
    extensionElements = services.bpmnFactory.create('bpmn:ExtensionElements', {
      values: [],
    }) as ModdleElement;
    extensionElements.$parent = bo;
    update(bo, { extensionElements });
  }
  let io = inputOutputOf(bo)[0];
  if (!io) {
    io = services.bpmnFactory.create('camunda:InputOutput', {
      inputParameters: [],
      outputParameters: [],
    }) as ModdleElement;
    io.$parent = extensionElements;
    update(extensionElements, { values: [...childrenOf(extensionElements, 'values'), io] });
  }
  const parameter = services.bpmnFactory.create('camunda:InputParameter', {
    name,
    value,
  }) as ModdleElement;
  parameter.$parent = io;
  update(io, { inputParameters: [...childrenOf(io, 'inputParameters'), parameter] });
  services.commandStack.execute('properties-panel.multi-command-executor', commands as never);
}
