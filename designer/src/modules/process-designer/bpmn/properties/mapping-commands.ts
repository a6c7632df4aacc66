import { childrenOf, type ModdleElement } from '../../model/moddle-element';
import type { MappingAttributes } from '../../model/call-activity';
import { businessObjectOf, type PanelServices } from './panel-services';

type Services = Pick<PanelServices, 'bpmnFactory' | 'commandStack'>;
export type MappingType = 'camunda:In' | 'camunda:Out';

const ATTRIBUTES = ['source', 'sourceExpression', 'target', 'variables', 'businessKey', 'local'];

/** The call activity's camunda:in or camunda:out elements, in file order. */
export function mappingsOf(element: unknown, type: MappingType): ModdleElement[] {
  return childrenOf(extensionElementsOf(element), 'values').filter((value) => value.$type === type);
}

/**
 * The attributes the file gives a mapping. Only those it sets: moddle answers `local` with its
 * default (false) even where the file has no such attribute.
 */
export function mappingAttributesOf(mapping: ModdleElement): MappingAttributes {
  const attributes: Record<string, unknown> = {};
  for (const name of ATTRIBUTES) {
    if (Object.prototype.hasOwnProperty.call(mapping, name)) attributes[name] = mapping.get(name);
  }
  return attributes as MappingAttributes;
}

export function updateMapping(
  services: Services,
  element: unknown,
  mapping: ModdleElement,
  attributes: MappingAttributes,
): void {
  run(services, [update(element, mapping, attributes as Record<string, unknown>)]);
}

/** Adds a mapping after the others, creating the extension elements if needed. One undo step. */
export function addMapping(
  services: Services,
  element: unknown,
  type: MappingType,
  attributes: MappingAttributes,
): void {
  const bo = businessObjectOf(element);
  const commands: Command[] = [];
  let extensionElements = extensionElementsOf(element);
  if (!extensionElements) {
    extensionElements = services.bpmnFactory.create('bpmn:ExtensionElements', {
      values: [],
    }) as ModdleElement;
    extensionElements.$parent = bo;
    commands.push(update(element, bo, { extensionElements }));
  }
  const set = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined));
  const mapping = services.bpmnFactory.create(type, set) as ModdleElement;
  mapping.$parent = extensionElements;
  commands.push(
    update(element, extensionElements, {
      values: [...childrenOf(extensionElements, 'values'), mapping],
    }),
  );
  run(services, commands);
}

export function removeMapping(services: Services, element: unknown, mapping: ModdleElement): void {
  const extensionElements = extensionElementsOf(element);
  if (!extensionElements) return;
  run(services, [
    update(element, extensionElements, {
      values: childrenOf(extensionElements, 'values').filter((value) => value !== mapping),
    }),
  ]);
}

interface Command {
  cmd: string;
  context: Record<string, unknown>;
}

function extensionElementsOf(element: unknown): ModdleElement | undefined {
  return businessObjectOf(element).get('extensionElements') as ModdleElement | undefined;
}

function update(
  element: unknown,
  moddleElement: ModdleElement,
  properties: Record<string, unknown>,
): Command {
  return { cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } };
}

function run(services: Services, commands: Command[]): void {
  services.commandStack.execute('properties-panel.multi-command-executor', commands as never);
}
