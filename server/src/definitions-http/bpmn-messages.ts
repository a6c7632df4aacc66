/** Where a process uses a message by name: waits for it, or sends it. */
export interface MessageUse {
  name: string;
  elementId: string;
  elementName?: string;
  /** The BPMN type without its prefix: `receiveTask`, `boundaryEvent`, `startEvent`, … */
  elementType: string;
  direction: 'catch' | 'throw';
}

export interface MessageElement {
  $type: string;
  id?: unknown;
  name?: unknown;
  flowElements?: unknown;
  eventDefinitions?: unknown;
  messageRef?: unknown;
}

const CATCHING = new Set([
  'bpmn:StartEvent',
  'bpmn:IntermediateCatchEvent',
  'bpmn:BoundaryEvent',
  'bpmn:ReceiveTask',
]);
const THROWING = new Set(['bpmn:IntermediateThrowEvent', 'bpmn:EndEvent', 'bpmn:SendTask']);

/**
 * The named messages of flow elements at any depth (sub-processes included): receive and send
 * tasks by their own messageRef, events by their message event definitions.
 */
export function messageUses(flowElements: MessageElement[]): MessageUse[] {
  const out: MessageUse[] = [];
  for (const element of flowElements) {
    const direction = CATCHING.has(element.$type)
      ? 'catch'
      : THROWING.has(element.$type)
        ? 'throw'
        : undefined;
    if (direction && typeof element.id === 'string') {
      const refs = [
        element.messageRef,
        ...listOf(element.eventDefinitions)
          .filter((definition) => definition.$type === 'bpmn:MessageEventDefinition')
          .map((definition) => definition.messageRef),
      ];
      for (const ref of refs) {
        const name = nameOf(ref);
        if (!name) continue;
        const type = element.$type.replace(/^bpmn:/, '');
        out.push({
          name,
          elementId: element.id,
          ...(nameOf(element) && { elementName: nameOf(element) }),
          elementType: type[0].toLowerCase() + type.slice(1),
          direction,
        });
      }
    }
    out.push(...messageUses(listOf(element.flowElements)));
  }
  return out;
}

function listOf(value: unknown): MessageElement[] {
  return Array.isArray(value)
    ? value.filter(
        (item): item is MessageElement =>
          typeof item === 'object' && item !== null && typeof item.$type === 'string',
      )
    : [];
}

function nameOf(value: unknown): string | undefined {
  const name = (value as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
}
