import { childOf, eventDefinitionsOf, extensionsOf, idOf } from './moddle-element';
import { type ProcessRule } from './validation-rule';

/** Flow-node types bpmn-engine runs as the engine expects. Anything else is refused. */
const supportedNodes = new Set([
  'bpmn:StartEvent',
  'bpmn:EndEvent',
  'bpmn:IntermediateCatchEvent',
  'bpmn:IntermediateThrowEvent',
  'bpmn:BoundaryEvent',
  'bpmn:Task',
  'bpmn:UserTask',
  'bpmn:ServiceTask',
  'bpmn:SendTask',
  'bpmn:BusinessRuleTask',
  'bpmn:ReceiveTask',
  'bpmn:CallActivity',
  'bpmn:SubProcess',
  'bpmn:ExclusiveGateway',
  'bpmn:InclusiveGateway',
  'bpmn:ParallelGateway',
  'bpmn:EventBasedGateway',
]);

const refusedNodes: Record<string, string> = {
  'bpmn:ScriptTask':
    'script tasks are not supported: bpmn-engine runs scripts in node:vm, which is no sandbox; use a service task with a registered handler or an expression',
  'bpmn:ComplexGateway':
    'complex gateways are not supported: bpmn-engine cannot run them; use exclusive, inclusive (splitting) or parallel gateways',
  'bpmn:Transaction':
    'transaction sub-processes are not supported: the engine has no transaction or cancel semantics; use a plain sub-process',
  'bpmn:AdHocSubProcess':
    'ad-hoc sub-processes are not supported: bpmn-engine runs them as ordinary sub-processes, in sequence',
  'bpmn:ManualTask':
    'manual tasks are not supported: nothing in the engine would complete them; use a user task with a form',
};

const supportedEventDefinitions = new Set([
  'bpmn:TimerEventDefinition',
  'bpmn:MessageEventDefinition',
  'bpmn:SignalEventDefinition',
  'bpmn:ErrorEventDefinition',
  'bpmn:EscalationEventDefinition',
  'bpmn:TerminateEventDefinition',
  'bpmn:LinkEventDefinition',
  'bpmn:CompensateEventDefinition',
]);

const refusedEventDefinitions: Record<string, string> = {
  'bpmn:ConditionalEventDefinition':
    'conditional events are not supported: bpmn-engine re-evaluates their condition only when signalled, which the engine never does; use a message, signal or timer event',
  'bpmn:CancelEventDefinition':
    'cancel events are not supported: they belong to transaction sub-processes, which the engine does not run',
};

const refusedExtensions: Record<string, string> = {
  'camunda:ExecutionListener':
    'execution listeners are not supported: bpmn-engine ignores them, so this one would never run; use a service task',
  'camunda:TaskListener':
    'task listeners are not supported: bpmn-engine ignores them, so this one would never run; use a service task',
  'camunda:FormData':
    'camunda:formData (generated forms) is not supported; reference a form with camunda:formKey',
};

const flowNodeTypes: ProcessRule = {
  name: 'flow-node-types',
  check({ model, report }) {
    for (const node of model.flowNodes) {
      const refusal = refusedNodes[node.$type];
      if (refusal !== undefined) report.problem(idOf(node), refusal);
      else if (!supportedNodes.has(node.$type)) {
        report.problem(idOf(node), `${node.$type} is not supported by the engine`);
      }
    }
  },
};

const eventDefinitionTypes: ProcessRule = {
  name: 'event-definition-types',
  check({ model, report }) {
    for (const node of model.flowNodes) {
      for (const definition of eventDefinitionsOf(node)) {
        const refusal = refusedEventDefinitions[definition.$type];
        if (refusal !== undefined) report.problem(idOf(node), refusal);
        else if (!supportedEventDefinitions.has(definition.$type)) {
          report.problem(idOf(node), `${definition.$type} is not supported by the engine`);
        }
      }
    }
  },
};

const extensionTypes: ProcessRule = {
  name: 'extension-types',
  check({ model, report }) {
    for (const element of [model.element, ...model.flowElements]) {
      for (const [type, refusal] of Object.entries(refusedExtensions)) {
        if (extensionsOf(element, type).length > 0) report.problem(idOf(element), refusal);
      }
    }
  },
};

const standardLoops: ProcessRule = {
  name: 'standard-loops',
  check({ model, report }) {
    for (const node of model.flowNodes) {
      if (childOf(node, 'loopCharacteristics')?.$type === 'bpmn:StandardLoopCharacteristics') {
        report.problem(
          idOf(node),
          'standard loops are not supported; use multi-instance with camunda:collection or loopCardinality',
        );
      }
    }
  },
};

export const constructRules: readonly ProcessRule[] = [
  flowNodeTypes,
  eventDefinitionTypes,
  extensionTypes,
  standardLoops,
];
