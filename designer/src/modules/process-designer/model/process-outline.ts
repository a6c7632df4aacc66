import { type OutlineElement, type ProcessOutline } from './process-changes';

const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';

/** Containers whose children are listed, but which are no flow elements themselves. */
const SKIPPED = new Set([
  'definitions',
  'process',
  'collaboration',
  'extensionElements',
  'documentation',
  'incoming',
  'outgoing',
  'conditionExpression',
  'completionCondition',
  'loopCardinality',
  'multiInstanceLoopCharacteristics',
  'standardLoopCharacteristics',
  'timeDuration',
  'timeDate',
  'timeCycle',
  'laneSet',
  'lane',
  'flowNodeRef',
  'text',
  'category',
  'categoryValue',
  'message',
  'signal',
  'error',
  'escalation',
  'participant',
  'messageFlow',
]);

/** Reads the elements of a BPMN file with the browser's XML parser; throws when it does not parse. */
export function readProcessOutline(xml: string): ProcessOutline {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  if (document.getElementsByTagName('parsererror').length > 0) {
    throw new Error('the XML does not parse');
  }
  const processes = Array.from(document.getElementsByTagNameNS(BPMN_NS, 'process'));
  const process = processes.find((p) => p.getAttribute('isExecutable') === 'true') ?? processes[0];
  const elements: OutlineElement[] = [];
  for (const node of Array.from(document.getElementsByTagNameNS(BPMN_NS, '*'))) {
    if (SKIPPED.has(node.localName) || !node.getAttribute('id')) continue;
    elements.push({
      id: node.getAttribute('id') ?? '',
      type: node.localName,
      name: (node.getAttribute('name') ?? '').trim(),
      settings: settingsOf(node),
      ...(node.hasAttribute('sourceRef') ? { source: node.getAttribute('sourceRef') ?? '' } : {}),
      ...(node.hasAttribute('targetRef') ? { target: node.getAttribute('targetRef') ?? '' } : {}),
    });
  }
  return {
    processId: process?.getAttribute('id') ?? '',
    processName: process?.getAttribute('name') ?? '',
    elements,
  };
}

function settingsOf(node: Element): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const reference of ['sourceRef', 'targetRef', 'attachedToRef', 'calledElement']) {
    const value = node.getAttribute(reference);
    if (value) settings[reference] = value;
  }
  for (const attribute of Array.from(node.attributes)) {
    if (attribute.namespaceURI === CAMUNDA_NS) settings[attribute.localName] = attribute.value;
  }
  for (const child of Array.from(node.children)) {
    if (child.namespaceURI !== BPMN_NS) continue;
    if (child.localName === 'conditionExpression') {
      settings.condition = (child.textContent ?? '').trim();
    } else if (child.localName === 'multiInstanceLoopCharacteristics') {
      for (const attribute of Array.from(child.attributes)) {
        if (attribute.namespaceURI === CAMUNDA_NS) settings[attribute.localName] = attribute.value;
      }
      settings.multiInstance =
        child.getAttribute('isSequential') === 'true' ? 'sequential' : 'parallel';
      const completion = child.getElementsByTagNameNS(BPMN_NS, 'completionCondition')[0];
      if (completion) settings.completionCondition = (completion.textContent ?? '').trim();
    } else if (child.localName.endsWith('EventDefinition')) {
      settings.event = child.localName.replace(/EventDefinition$/, '');
      for (const timer of Array.from(child.children)) {
        settings[timer.localName] = (timer.textContent ?? '').trim();
      }
    }
  }
  const io = node.getElementsByTagNameNS(CAMUNDA_NS, 'inputParameter');
  for (const parameter of Array.from(io)) {
    settings[`input:${parameter.getAttribute('name') ?? ''}`] = (
      parameter.textContent ?? ''
    ).trim();
  }
  const isDefault = node.parentElement
    ? Array.from(node.parentElement.children).some(
        (sibling) => sibling.getAttribute('default') === node.getAttribute('id'),
      )
    : false;
  if (isDefault) settings.default = 'true';
  return settings;
}
