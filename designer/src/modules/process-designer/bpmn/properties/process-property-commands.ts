import { childrenOf, extensionsOf, textOf, type ModdleElement } from '../../model/moddle-element';
import { appendChild, extensionElementsOf } from './moddle-commands';
import { processOf, type PanelServices } from './panel-services';

type Services = Pick<PanelServices, 'bpmnFactory' | 'commandStack'>;

interface Command {
  cmd: string;
  context: Record<string, unknown>;
}

/** Sets a camunda:property of the process; `element` is the process or a pool showing it. */
export function setProcessProperty(
  services: Services,
  element: unknown,
  name: string,
  value: string | undefined,
): void {
  const process = processOf(element);
  if (process) setExtensionProperty(services, element, process, name, value);
}

/**
 * Sets a camunda:property of `owner` (inside extensionElements > camunda:properties), creating
 * the containers as needed; undefined removes the property and leaves the others. One undo step.
 */
export function setExtensionProperty(
  services: Services,
  element: unknown,
  owner: ModdleElement,
  name: string,
  value: string | undefined,
): void {
  const commands: Command[] = [];
  const update = (target: ModdleElement, properties: Record<string, unknown>) =>
    commands.push({
      cmd: 'element.updateModdleProperties',
      context: { element, moddleElement: target, properties },
    });
  const run = () =>
    services.commandStack.execute('properties-panel.multi-command-executor', commands as never);

  const containers = extensionsOf(owner, 'camunda:Properties');
  const existing = containers
    .flatMap((container) => childrenOf(container, 'values'))
    .find((property) => textOf(property, 'name') === name);
  if (existing) {
    const container = existing.$parent as ModdleElement;
    if (value !== undefined) update(existing, { value });
    else removeChild(container, 'values', existing, update);
    return run();
  }
  if (value === undefined) return;

  const extensionElements = extensionElementsOf(services, owner, update);
  const container =
    containers[0] ??
    appendChild(services, extensionElements, 'values', update, 'camunda:Properties', {
      values: [],
    });
  appendChild(services, container, 'values', update, 'camunda:Property', { name, value });
  run();
}

/**
 * Removes `child` from `parent`'s list; a camunda:properties or extensionElements left empty goes
 * too, so switching a setting off writes the file as it was before it was switched on.
 */
function removeChild(
  parent: ModdleElement,
  property: string,
  child: ModdleElement,
  update: (target: ModdleElement, properties: Record<string, unknown>) => void,
): void {
  const rest = childrenOf(parent, property).filter((candidate) => candidate !== child);
  const grandparent = parent.$parent;
  if (rest.length > 0 || !grandparent) return update(parent, { [property]: rest });
  if (parent.$type === 'bpmn:ExtensionElements')
    return update(grandparent, { extensionElements: undefined });
  removeChild(grandparent, 'values', parent, update);
}
