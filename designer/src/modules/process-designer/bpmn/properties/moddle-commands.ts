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

  const extensionElements = extensionElementsOf(services, bo, update);
  let io = inputOutputOf(bo)[0];
  if (!io) {
    io = appendChild(services, extensionElements, 'values', update, 'camunda:InputOutput', {
      inputParameters: [],
      outputParameters: [],
    });
  }
  appendChild(services, io, 'inputParameters', update, 'camunda:InputParameter', { name, value });
  services.commandStack.execute('properties-panel.multi-command-executor', commands as never);
}

export type Update = (target: ModdleElement, properties: Record<string, unknown>) => void;

/** The element's extensionElements, created (by a command of `update`) when it has none. */
export function extensionElementsOf(
  services: Pick<Services, 'bpmnFactory'>,
  owner: ModdleElement,
  update: Update,
): ModdleElement {
  const existing = owner.get('extensionElements') as ModdleElement | undefined;
  if (existing) return existing;
  const created = services.bpmnFactory.create('bpmn:ExtensionElements', {
    values: [],
  }) as ModdleElement;
  created.$parent = owner;
  update(owner, { extensionElements: created });
  return created;
}

/** A new moddle element of `type` appended to `parent`'s list `property` by a command. */
export function appendChild(
  services: Pick<Services, 'bpmnFactory'>,
  parent: ModdleElement,
  property: string,
  update: Update,
  type: string,
  attributes: Record<string, unknown>,
): ModdleElement {
  const child = services.bpmnFactory.create(type, attributes) as ModdleElement;
  child.$parent = parent;
  update(parent, { [property]: [...childrenOf(parent, property), child] });
  return child;
}
