import { loadDefinitions, type ImportWarning } from './bpmn-loader';
import { type FlowNodeInfo, type ParsedBpmn, type ParsedProcess } from './deployment.types';
import { readMessages, readSignals, readTimers } from './event-extractors';
import { BUSINESS_KEY_PROPERTY } from '../business-keys/business-key-pattern';
import {
  childrenOf,
  eventDefinitionsOf,
  extensionsOf,
  idOf,
  nameOf,
  textOf,
  type ModdleElement,
} from './moddle-element';
import { ProcessModel } from './process-model';
import { readCallActivity, readServiceTask, readUserTask } from './task-extractors';

/** A parsed file together with the moddle view the validation rules work on. */
export interface BpmnDocument {
  parsed: ParsedBpmn;
  /** One per entry of parsed.processes, in the same order. */
  models: { model: ProcessModel; info: ParsedProcess }[];
  importWarnings: ImportWarning[];
}

const serviceTaskTypes = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'];

/**
 * Reads a BPMN file into what the engine needs to know about each process. Only XML that does
 * not parse is an error here; whether the engine can run the file is validateBpmn's question.
 */
export async function parseBpmn(xml: string): Promise<ParsedBpmn> {
  return (await readBpmnDocument(xml)).parsed;
}

export async function readBpmnDocument(xml: string): Promise<BpmnDocument> {
  const { definitions, importWarnings } = await loadDefinitions(xml);
  const models = childrenOf(definitions, 'rootElements')
    .filter((element) => element.$type === 'bpmn:Process')
    .map((element) => {
      const model = new ProcessModel(element);
      return { model, info: describeProcess(model) };
    });
  return {
    parsed: {
      processes: models.map(({ info }) => info),
      warnings: importWarnings.map(({ elementId, message }) => ({ elementId, message })),
    },
    models,
    importWarnings,
  };
}

function describeProcess(model: ProcessModel): ParsedProcess {
  const startEvents = model.topLevelNodes().filter((node) => node.$type === 'bpmn:StartEvent');
  const noneStart = startEvents.find((event) => eventDefinitionsOf(event).length === 0);
  const userTasks = model.nodesOfType('bpmn:UserTask').map(readUserTask);
  const startFormKeys = startEvents.map((event) => textOf(event, 'formKey'));
  const formKeys = [...startFormKeys, ...userTasks.map((task) => task.formKey)].filter(
    (key): key is string => key !== undefined,
  );
  return {
    key: model.key,
    name: nameOf(model.element),
    isExecutable: model.element['isExecutable'] === true,
    startFormKey: textOf(noneStart, 'formKey'),
    userTasks,
    serviceTasks: model.nodesOfType(...serviceTaskTypes).map(readServiceTask),
    timers: model.flowNodes.flatMap(readTimers),
    callActivities: model.nodesOfType('bpmn:CallActivity').map(readCallActivity),
    messages: model.flowNodes.flatMap(readMessages),
    signals: model.flowNodes.flatMap(readSignals),
    formKeys: [...new Set(formKeys)],
    flowNodes: model.flowNodes.map((node) => describeNode(model, node)),
    businessKeyPattern: extensionProperty(model.element, BUSINESS_KEY_PROPERTY),
  };
}

/**
 * A `<camunda:property name value>` of a process or an element (Camunda Modeler's "extension
 * properties"), trimmed; undefined when absent or blank.
 */
export function extensionProperty(element: ModdleElement, name: string): string | undefined {
  const property = extensionsOf(element, 'camunda:Properties')
    .flatMap((properties) => childrenOf(properties, 'values'))
    .find((candidate) => textOf(candidate, 'name') === name);
  const value = textOf(property, 'value')?.trim();
  return value ? value : undefined;
}

function describeNode(model: ProcessModel, node: ModdleElement): FlowNodeInfo {
  const info: FlowNodeInfo = { id: idOf(node), type: node.$type, name: nameOf(node) };
  const parent = model.parentOf(node);
  if (parent) info.parentId = idOf(parent);
  return info;
}
