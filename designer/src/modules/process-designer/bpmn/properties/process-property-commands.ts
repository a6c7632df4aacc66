import { childrenOf, extensionsOf, textOf, type ModdleElement } from '../../model/moddle-element';
import { appendChild, extensionElementsOf } from './moddle-commands';
import { processOf, type PanelServices } from './panel-services';

type Services = Pick<PanelServices, 'bpmnFactory' | 'commandStack'>;

interface Command {
  cmd: string;
  context: Record<string, unknown>;
}

/**
 * Sets a camunda:property of the process (inside extensionElements > camunda:properties),
 * creating the containers as needed; undefined removes the property and leaves the others. One
 * undo step. `element` is the process or a pool showing it.
 */
export function setProcessProperty(
  services: Services,
  element: unknown,
  name: string,
  value: string | undefined,
): void {
  const process = processOf(element);
  if (!process) return;
  const commands: Command[] = [];
  const update = (target: ModdleElement, properties: Record<string, unknown>) =>
    commands.push({
      cmd: 'element.updateModdleProperties',
      context: { element, moddleElement: target, properties },
    });
  const run = () =>
    services.commandStack.execute('properties-panel.multi-command-executor', commands as never);

  const containers = extensionsOf(process, 'camunda:Properties');
  const existing = containers
    .flatMap((container) => childrenOf(container, 'values'))
    .find((property) => textOf(property, 'name') === name);
  if (existing) {
    const container = existing.$parent as ModdleElement;
    if (value === undefined)
      update(container, { values: childrenOf(container, 'values').filter((p) => p !== existing) });
    else update(existing, { value });
    return run();
  }
  if (value === undefined) return;

  const extensionElements = extensionElementsOf(services, process, update);
  const container =
    containers[0] ??
    appendChild(services, extensionElements, 'values', update, 'camunda:Properties', {
      values: [],
    });
  appendChild(services, container, 'values', update, 'camunda:Property', { name, value });
  run();
}
