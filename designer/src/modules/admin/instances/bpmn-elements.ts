/** The flow nodes of a BPMN file (id → name and type), read with the browser's XML parser. */
export interface FlowNode {
  id: string;
  name?: string;
  type: string;
}

const NOT_NODES = new Set([
  'sequenceFlow',
  'process',
  'definitions',
  'extensionElements',
  'documentation',
  'incoming',
  'outgoing',
  'laneSet',
  'lane',
  'flowNodeRef',
  'conditionExpression',
  'multiInstanceLoopCharacteristics',
  'timerEventDefinition',
  'messageEventDefinition',
  'errorEventDefinition',
  'signalEventDefinition',
  'timeDuration',
  'timeDate',
  'timeCycle',
  'loopCardinality',
  'completionCondition',
  'collaboration',
  'participant',
  'message',
  'error',
  'signal',
]);

/** Every element with an id inside the process(es), except flows and definitions parts. */
export function flowNodes(xml: string): FlowNode[] {
  if (!xml) return [];
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return [];
  const nodes: FlowNode[] = [];
  for (const process of Array.from(doc.getElementsByTagNameNS('*', 'process'))) {
    for (const element of Array.from(process.getElementsByTagName('*'))) {
      const type = element.localName;
      const id = element.getAttribute('id');
      if (!id || NOT_NODES.has(type) || !element.namespaceURI?.includes('BPMN/20100524/MODEL'))
        continue;
      nodes.push({ id, type, name: element.getAttribute('name') ?? undefined });
    }
  }
  return nodes;
}

/** id → name (the id itself when the element has no name). */
export function nameLookup(nodes: FlowNode[]): (id: string) => string {
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  return (id) => names.get(id) || id;
}
