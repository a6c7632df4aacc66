import type { TimerKind } from '../calendar';
import { readBpmnDocument } from '../deployment/bpmn-parser';
import type { VariableMapping } from '../deployment';
import {
  messageRefsOf,
  readTimers,
  signalDefinitionsOf,
  timerDefinitionsOf,
} from '../deployment/event-extractors';
import {
  childOf,
  eventDefinitionsOf,
  idOf,
  nameOf,
  textOf,
  type ModdleElement,
} from '../deployment/moddle-element';
import type { ProcessModel } from '../deployment/process-model';
import { readCallActivity } from '../deployment/task-extractors';
import { EngineError } from '../engine.error';
import type { DeploymentDoc } from '../storage/documents';

/** A message or signal an element waits for, by name (what correlation and broadcasts match). */
export interface EventTrigger {
  kind: 'message' | 'signal';
  name: string;
}

export interface StartEventInfo {
  elementId: string;
  /** 'other': an event definition the engine does not start instances by. */
  trigger: 'none' | 'message' | 'signal' | 'timer' | 'other';
  /** The message or signal name. */
  name?: string;
  timer?: { kind: TimerKind; value: string };
}

/** An event sub-process directly in the process, started by a message or signal. */
export interface EventSubProcessInfo extends EventTrigger {
  subProcessId: string;
  startEventId: string;
  interrupting: boolean;
}

export interface ErrorCatchInfo {
  elementId: string;
  /** Absent: the boundary event catches every BPMN error. */
  errorCode?: string;
}

export interface EscalationCatchInfo {
  elementId: string;
  /** The bpmn:escalation it names. */
  escalationRef?: string;
  /** Absent: the boundary event catches every escalation. */
  escalationCode?: string;
  interrupting: boolean;
}

export interface CallActivitySpec {
  id: string;
  /** A process key, or an expression giving one. */
  calledElement?: string;
  binding: 'latest' | 'version';
  version?: number;
  inputs: VariableMapping[];
  outputs: VariableMapping[];
  multiInstance: boolean;
  elementVariable?: string;
}

/** What the engine must know about a deployed process's events beyond what bpmn-engine runs. */
export interface EventCatalog {
  starts: StartEventInfo[];
  /** Intermediate catch events, receive tasks and boundary events waiting for a message or signal. */
  catches: Map<string, EventTrigger>;
  eventSubProcesses: EventSubProcessInfo[];
  /** Error boundary events, by the activity they are attached to. */
  errorCatches: Map<string, ErrorCatchInfo[]>;
  callActivities: Map<string, CallActivitySpec>;
  /** Escalation boundary events, by the activity they are attached to. */
  escalationCatches: Map<string, EscalationCatchInfo[]>;
  /** The code of each bpmn:escalation an event throws or catches, by its id. */
  escalationCodes: Map<string, string>;
  /** Signal intermediate throw and end events, by element id, with the signal name. */
  signalThrows: Map<string, string>;
}

const catalogs = new WeakMap<DeploymentDoc, Promise<EventCatalog>>();

/** The catalog of a deployment, read once per loaded deployment object. */
export function eventCatalogOf(deployment: DeploymentDoc): Promise<EventCatalog> {
  let catalog = catalogs.get(deployment);
  if (!catalog) {
    catalog = readEventCatalog(deployment.xml);
    catalogs.set(deployment, catalog);
  }
  return catalog;
}

export async function readEventCatalog(xml: string): Promise<EventCatalog> {
  const document = await readBpmnDocument(xml);
  const executable = document.models.find(({ info }) => info.isExecutable);
  if (!executable) throw new EngineError('NOT_FOUND', 'the definition has no executable process');
  return catalogOf(executable.model);
}

/** Whether some error boundary on the activity catches this code. */
export function catchesError(catalog: EventCatalog, activityId: string, code: string): boolean {
  return (catalog.errorCatches.get(activityId) ?? []).some(
    (c) => c.errorCode === undefined || c.errorCode === code,
  );
}

/**
 * The escalation boundary event on an activity that takes an escalation with this code: the one
 * naming that code, else one that catches every escalation (no code), as in Camunda.
 */
export function escalationCatchFor(
  catalog: EventCatalog,
  activityId: string,
  code: string | undefined,
): EscalationCatchInfo | undefined {
  const catches = catalog.escalationCatches.get(activityId) ?? [];
  return (
    (code !== undefined && catches.find((c) => c.escalationCode === code)) ||
    catches.find((c) => c.escalationCode === undefined)
  );
}

function catalogOf(model: ProcessModel): EventCatalog {
  const catalog: EventCatalog = {
    starts: [],
    catches: new Map(),
    eventSubProcesses: [],
    errorCatches: new Map(),
    callActivities: new Map(),
    escalationCatches: new Map(),
    escalationCodes: new Map(),
    signalThrows: new Map(),
  };
  for (const node of model.topLevelNodes()) {
    if (node.$type === 'bpmn:StartEvent') catalog.starts.push(startEventInfo(node));
    if (node.$type === 'bpmn:SubProcess' && node['triggeredByEvent'] === true)
      catalog.eventSubProcesses.push(...eventSubProcessInfos(node));
  }
  for (const node of model.flowNodes) {
    const trigger = triggerOf(node);
    const waits =
      node.$type === 'bpmn:IntermediateCatchEvent' ||
      node.$type === 'bpmn:ReceiveTask' ||
      node.$type === 'bpmn:BoundaryEvent';
    if (trigger && waits) catalog.catches.set(idOf(node), trigger);
    if (node.$type === 'bpmn:BoundaryEvent') addErrorCatch(catalog, node);
    addEscalations(catalog, node);
    if (node.$type === 'bpmn:CallActivity') {
      const spec = callActivitySpec(node);
      catalog.callActivities.set(spec.id, spec);
    }
    const throwsSignal =
      node.$type === 'bpmn:IntermediateThrowEvent' || node.$type === 'bpmn:EndEvent';
    if (throwsSignal && trigger?.kind === 'signal')
      catalog.signalThrows.set(idOf(node), trigger.name);
  }
  return catalog;
}

/** The message or signal an element catches or throws, when it names one. */
function triggerOf(node: ModdleElement): EventTrigger | undefined {
  for (const { message } of messageRefsOf(node)) {
    const name = nameOf(message);
    if (name !== undefined) return { kind: 'message', name };
  }
  for (const definition of signalDefinitionsOf(node)) {
    const name = nameOf(childOf(definition, 'signalRef'));
    if (name !== undefined) return { kind: 'signal', name };
  }
  return undefined;
}

function startEventInfo(node: ModdleElement): StartEventInfo {
  const elementId = idOf(node);
  const trigger = triggerOf(node);
  if (trigger) return { elementId, trigger: trigger.kind, name: trigger.name };
  const [timer] = readTimers(node);
  if (timer)
    return { elementId, trigger: 'timer', timer: { kind: timer.kind, value: timer.value } };
  // An empty timer definition is still a timer start: never a none start.
  if (timerDefinitionsOf(node).length > 0) return { elementId, trigger: 'timer' };
  return { elementId, trigger: eventDefinitionsOf(node).length === 0 ? 'none' : 'other' };
}

function eventSubProcessInfos(subProcess: ModdleElement): EventSubProcessInfo[] {
  const infos: EventSubProcessInfo[] = [];
  for (const start of childNodes(subProcess)) {
    if (start.$type !== 'bpmn:StartEvent') continue;
    const trigger = triggerOf(start);
    if (!trigger) continue;
    infos.push({
      ...trigger,
      subProcessId: idOf(subProcess),
      startEventId: idOf(start),
      interrupting: start['isInterrupting'] !== false,
    });
  }
  return infos;
}

function addErrorCatch(catalog: EventCatalog, boundary: ModdleElement): void {
  const attachedTo = idOf(childOf(boundary, 'attachedToRef'));
  for (const definition of eventDefinitionsOf(boundary)) {
    if (definition.$type !== 'bpmn:ErrorEventDefinition') continue;
    const errorCode = textOf(childOf(definition, 'errorRef'), 'errorCode');
    const list = catalog.errorCatches.get(attachedTo) ?? [];
    list.push({ elementId: idOf(boundary), ...(errorCode !== undefined && { errorCode }) });
    catalog.errorCatches.set(attachedTo, list);
  }
}

function addEscalations(catalog: EventCatalog, node: ModdleElement): void {
  for (const definition of eventDefinitionsOf(node)) {
    if (definition.$type !== 'bpmn:EscalationEventDefinition') continue;
    const escalation = childOf(definition, 'escalationRef');
    const escalationRef = escalation ? idOf(escalation) : undefined;
    const escalationCode = textOf(escalation, 'escalationCode');
    if (escalationRef !== undefined && escalationCode !== undefined)
      catalog.escalationCodes.set(escalationRef, escalationCode);
    if (node.$type !== 'bpmn:BoundaryEvent') continue;
    const attachedTo = idOf(childOf(node, 'attachedToRef'));
    const list = catalog.escalationCatches.get(attachedTo) ?? [];
    list.push({
      elementId: idOf(node),
      ...(escalationRef !== undefined && { escalationRef }),
      ...(escalationCode !== undefined && { escalationCode }),
      interrupting: node['cancelActivity'] !== false,
    });
    catalog.escalationCatches.set(attachedTo, list);
  }
}

function callActivitySpec(node: ModdleElement): CallActivitySpec {
  const info = readCallActivity(node);
  const version = Number(textOf(node, 'calledElementVersion'));
  const binding = textOf(node, 'calledElementBinding') === 'version' ? 'version' : 'latest';
  return {
    id: info.id,
    calledElement: info.calledElement,
    binding,
    ...(binding === 'version' && Number.isInteger(version) && { version }),
    inputs: info.inputs,
    outputs: info.outputs,
    multiInstance: info.multiInstance !== undefined,
    elementVariable: info.multiInstance?.elementVariable,
  };
}

function childNodes(container: ModdleElement): ModdleElement[] {
  const value = container['flowElements'];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}
