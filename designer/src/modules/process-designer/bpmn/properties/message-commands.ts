import { is } from 'bpmn-js/lib/util/ModelUtil';
import { childrenOf, isModdleElement, type ModdleElement } from '../../model/moddle-element';
import { businessObjectOf, type PanelServices } from './panel-services';

type Services = Pick<PanelServices, 'bpmnFactory' | 'commandStack'>;

const MESSAGE_EVENTS = [
  'bpmn:StartEvent',
  'bpmn:EndEvent',
  'bpmn:IntermediateThrowEvent',
  'bpmn:BoundaryEvent',
  'bpmn:IntermediateCatchEvent',
];

/**
 * What holds the messageRef: a receive task itself, or an event's message definition — where
 * bpmn-js's own message group appears, which ours replaces.
 */
export function messageHolderOf(element: unknown): ModdleElement | undefined {
  const bo = businessObjectOf(element);
  if (is(element, 'bpmn:ReceiveTask')) return bo;
  if (!MESSAGE_EVENTS.some((type) => is(element, type))) return undefined;
  return childrenOf(bo, 'eventDefinitions').find(
    (definition) => definition.$type === 'bpmn:MessageEventDefinition',
  );
}

export function messageOf(holder: ModdleElement | undefined): ModdleElement | undefined {
  const ref = holder?.get('messageRef');
  return isModdleElement(ref) ? ref : undefined;
}

export function definitionsOf(element: ModdleElement): ModdleElement | undefined {
  let current: ModdleElement | undefined = element;
  while (current && current.$type !== 'bpmn:Definitions') current = current.$parent;
  return current;
}

/** The file's bpmn:Message root elements. */
export function fileMessages(definitions: ModdleElement | undefined): ModdleElement[] {
  return childrenOf(definitions, 'rootElements').filter((root) => root.$type === 'bpmn:Message');
}

/**
 * Points the holder at the message of that name: one of the file's messages if it has it; else
 * this holder's message renamed when nothing else refers to it; else a new bpmn:Message. Other
 * messages stay (a file may keep messages no element uses). One undo step.
 */
export function setMessageName(
  services: Services,
  element: unknown,
  holder: ModdleElement,
  name: string,
): void {
  const definitions = definitionsOf(holder);
  if (!definitions) return;
  const messages = fileMessages(definitions);
  const current = messageOf(holder);
  const commands: Command[] = [];
  const named = messages.find((message) => message.get('name') === name);
  if (named) {
    if (named !== current) commands.push(update(element, holder, { messageRef: named }));
  } else if (current && referencesTo(definitions, current) === 1) {
    commands.push(update(element, current, { name }));
  } else {
    const message = services.bpmnFactory.create('bpmn:Message', { name }) as ModdleElement;
    message.$parent = definitions;
    commands.push(
      update(element, definitions, {
        rootElements: [...childrenOf(definitions, 'rootElements'), message],
      }),
      update(element, holder, { messageRef: message }),
    );
  }
  if (commands.length === 0) return;
  services.commandStack.execute('properties-panel.multi-command-executor', commands as never);
}

/** How many elements of the file refer to the message (flow elements at any depth, message flows). */
function referencesTo(definitions: ModdleElement, message: ModdleElement): number {
  let count = 0;
  const visit = (element: ModdleElement) => {
    if (element.get('messageRef') === message) count += 1;
    for (const property of ['flowElements', 'eventDefinitions', 'messageFlows']) {
      childrenOf(element, property).forEach(visit);
    }
  };
  childrenOf(definitions, 'rootElements').forEach(visit);
  return count;
}

interface Command {
  cmd: string;
  context: Record<string, unknown>;
}

function update(
  element: unknown,
  moddleElement: ModdleElement,
  properties: Record<string, unknown>,
): Command {
  return { cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } };
}
