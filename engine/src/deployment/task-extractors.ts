import {
  type CallActivityInfo,
  type MultiInstanceInfo,
  type ServiceTaskInfo,
  type UserTaskInfo,
  type VariableMapping,
} from './deployment.types';
import { splitList } from './expression-text';
import {
  bodyOf,
  childOf,
  childrenOf,
  extensionsOf,
  idOf,
  isModdleElement,
  nameOf,
  textOf,
  type ModdleElement,
} from './moddle-element';

export function readMultiInstance(activity: ModdleElement): MultiInstanceInfo | undefined {
  const loop = childOf(activity, 'loopCharacteristics');
  if (loop?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return undefined;
  return {
    sequential: loop['isSequential'] === true,
    collection: textOf(loop, 'collection'),
    elementVariable: textOf(loop, 'elementVariable'),
    loopCardinality: bodyOf(loop, 'loopCardinality'),
    completionCondition: bodyOf(loop, 'completionCondition'),
  };
}

export function readUserTask(task: ModdleElement): UserTaskInfo {
  return {
    id: idOf(task),
    name: nameOf(task),
    formKey: textOf(task, 'formKey'),
    assignee: textOf(task, 'assignee'),
    candidateUsers: splitList(textOf(task, 'candidateUsers')),
    candidateGroups: splitList(textOf(task, 'candidateGroups')),
    dueDate: textOf(task, 'dueDate'),
    followUpDate: textOf(task, 'followUpDate'),
    priority: textOf(task, 'priority'),
    multiInstance: readMultiInstance(task),
  };
}

export function readServiceTask(task: ModdleElement): ServiceTaskInfo {
  return {
    id: idOf(task),
    name: nameOf(task),
    type: task.$type,
    topic: textOf(task, 'topic'),
    parameters: readInputParameters(task),
    multiInstance: readMultiInstance(task),
  };
}

export function readCallActivity(activity: ModdleElement): CallActivityInfo {
  return {
    id: idOf(activity),
    name: nameOf(activity),
    calledElement: textOf(activity, 'calledElement'),
    inputs: extensionsOf(activity, 'camunda:In').map(readMapping),
    outputs: extensionsOf(activity, 'camunda:Out').map(readMapping),
    multiInstance: readMultiInstance(activity),
  };
}

/** camunda:inputParameter and camunda:outputParameter elements of an element, in order. */
export function ioParametersOf(element: ModdleElement): ModdleElement[] {
  return extensionsOf(element, 'camunda:InputOutput').flatMap((io) => [
    ...childrenOf(io, 'inputParameters'),
    ...childrenOf(io, 'outputParameters'),
  ]);
}

function readInputParameters(element: ModdleElement): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const io of extensionsOf(element, 'camunda:InputOutput')) {
    for (const parameter of childrenOf(io, 'inputParameters')) {
      const name = textOf(parameter, 'name');
      if (name === undefined) continue;
      const definition = childOf(parameter, 'definition');
      parameters[name] = definition
        ? JSON.stringify(definitionValue(definition) ?? null)
        : rawText(parameter['value']);
    }
  }
  return parameters;
}

type ParameterValue = string | ParameterValue[] | { [key: string]: ParameterValue };

/** camunda:list / camunda:map / camunda:value as plain data; scripts have no value (they are refused). */
function definitionValue(definition: ModdleElement): ParameterValue | undefined {
  switch (definition.$type) {
    case 'camunda:List':
      return childrenOf(definition, 'items').map((item) => definitionValue(item) ?? '');
    case 'camunda:Map':
      return Object.fromEntries(
        childrenOf(definition, 'entries').map((entry) => [
          rawText(entry['key']),
          entryValue(entry),
        ]),
      );
    case 'camunda:Value':
      return rawText(definition['value']);
    default:
      return undefined;
  }
}

function entryValue(entry: ModdleElement): ParameterValue {
  const nested = entry['definition'];
  return isModdleElement(nested) ? (definitionValue(nested) ?? '') : rawText(entry['value']);
}

function rawText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function readMapping(binding: ModdleElement): VariableMapping {
  const mapping: VariableMapping = {
    source: textOf(binding, 'source'),
    sourceExpression: textOf(binding, 'sourceExpression'),
    target: textOf(binding, 'target'),
  };
  if (textOf(binding, 'variables') === 'all') mapping.all = true;
  return mapping;
}
