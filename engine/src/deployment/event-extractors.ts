import {
  type MessageInfo,
  type SignalInfo,
  type TimerInfo,
  type TimerKind,
} from './deployment.types';
import {
  bodyOf,
  childOf,
  eventDefinitionsOf,
  hasChild,
  idOf,
  nameOf,
  type ModdleElement,
} from './moddle-element';

export const timerKinds: readonly TimerKind[] = ['timeDuration', 'timeDate', 'timeCycle'];

const timerEventTypes: Record<string, TimerInfo['eventType']> = {
  'bpmn:StartEvent': 'start',
  'bpmn:IntermediateCatchEvent': 'intermediate',
  'bpmn:BoundaryEvent': 'boundary',
};

const messageKinds: Record<string, MessageInfo['kind']> = {
  'bpmn:StartEvent': 'start',
  'bpmn:IntermediateCatchEvent': 'catch',
  'bpmn:BoundaryEvent': 'boundary',
  'bpmn:ReceiveTask': 'receiveTask',
  'bpmn:IntermediateThrowEvent': 'throw',
  'bpmn:EndEvent': 'throw',
  'bpmn:SendTask': 'throw',
};

/** Message kinds that wait for a message, so they need a name to correlate on. */
export const catchingMessageKinds: ReadonlySet<MessageInfo['kind']> = new Set([
  'start',
  'catch',
  'boundary',
  'receiveTask',
]);

export function timerEventTypeOf(node: ModdleElement): TimerInfo['eventType'] | undefined {
  return timerEventTypes[node.$type];
}

export function messageKindOf(node: ModdleElement): MessageInfo['kind'] | undefined {
  return messageKinds[node.$type];
}

export function timerDefinitionsOf(node: ModdleElement): ModdleElement[] {
  return eventDefinitionsOf(node).filter((def) => def.$type === 'bpmn:TimerEventDefinition');
}

/** Which of timeDuration/timeDate/timeCycle a timer definition writes, even if empty. */
export function timerKindsOf(definition: ModdleElement): TimerKind[] {
  return timerKinds.filter((kind) => hasChild(definition, kind));
}

export function readTimers(node: ModdleElement): TimerInfo[] {
  const eventType = timerEventTypeOf(node);
  if (eventType === undefined) return [];
  return timerDefinitionsOf(node).flatMap((definition) => {
    const kinds = timerKindsOf(definition);
    const value = kinds.length === 1 ? bodyOf(definition, kinds[0]) : undefined;
    if (value === undefined) return [];
    const timer: TimerInfo = { elementId: idOf(node), kind: kinds[0], value, eventType };
    if (eventType === 'boundary') {
      timer.attachedToRef = idOf(childOf(node, 'attachedToRef'));
      timer.cancelActivity = node['cancelActivity'] !== false;
    }
    return [timer];
  });
}

/** The bpmn:Message elements a node refers to: its event definitions' or, for tasks, its own. */
export function messageRefsOf(
  node: ModdleElement,
): { holder: ModdleElement; message?: ModdleElement }[] {
  if (node.$type === 'bpmn:ReceiveTask' || node.$type === 'bpmn:SendTask') {
    return [{ holder: node, message: childOf(node, 'messageRef') }];
  }
  return eventDefinitionsOf(node)
    .filter((def) => def.$type === 'bpmn:MessageEventDefinition')
    .map((def) => ({ holder: def, message: childOf(def, 'messageRef') }));
}

export function readMessages(node: ModdleElement): MessageInfo[] {
  const kind = messageKindOf(node);
  if (kind === undefined) return [];
  return messageRefsOf(node).flatMap(({ message }) => {
    const messageName = nameOf(message);
    return messageName === undefined ? [] : [{ elementId: idOf(node), messageName, kind }];
  });
}

export function signalDefinitionsOf(node: ModdleElement): ModdleElement[] {
  return eventDefinitionsOf(node).filter((def) => def.$type === 'bpmn:SignalEventDefinition');
}

export function readSignals(node: ModdleElement): SignalInfo[] {
  return signalDefinitionsOf(node).flatMap((definition) => {
    const signalName = nameOf(childOf(definition, 'signalRef'));
    return signalName === undefined ? [] : [{ elementId: idOf(node), signalName }];
  });
}
