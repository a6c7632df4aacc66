import { extensionsOf, idOf, textOf, type ModdleElement } from './moddle-element';
import { knownList, type ProcessRule, type ProcessScope } from './validation-rule';

const serviceTaskTypes = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'];

// Camunda 7 implementations the engine cannot honour: it runs no Java and no JUEL, only handlers
// registered under a topic.
const refusedImplementations: Record<string, string> = {
  class: 'camunda:class (a Java delegate) is not supported',
  expression: 'camunda:expression is not supported',
  delegateExpression: 'camunda:delegateExpression is not supported',
  decisionRef: 'camunda:decisionRef (a DMN decision) is not supported',
};

const externalHint = 'use camunda:type="external" with a camunda:topic naming a registered handler';

const implementation: ProcessRule = {
  name: 'service-implementation',
  check(scope) {
    for (const task of scope.model.nodesOfType(...serviceTaskTypes)) {
      const id = idOf(task);
      const refused = refusedImplementationsOf(task);
      for (const message of refused) scope.report.problem(id, `${message}; ${externalHint}`);
      const topic = textOf(task, 'topic');
      if (topic !== undefined) checkTopic(scope, task, topic);
      // A refusal already says what to write instead; repeating it as "not external" is noise.
      if (refused.length > 0) continue;
      if (textOf(task, 'type') !== 'external') {
        scope.report.problem(id, `${task.$type} needs camunda:type="external"; ${externalHint}`);
      } else if (topic === undefined) {
        scope.report.problem(id, `${task.$type} needs a camunda:topic naming a registered handler`);
      }
    }
  },
};

function refusedImplementationsOf(task: ModdleElement): string[] {
  const refused = Object.entries(refusedImplementations)
    .filter(([attribute]) => textOf(task, attribute) !== undefined)
    .map(([, message]) => message);
  if (extensionsOf(task, 'camunda:Connector').length > 0) {
    refused.push('camunda:connector is not supported');
  }
  return refused;
}

function checkTopic(scope: ProcessScope, task: ModdleElement, topic: string): void {
  if (!scope.ctx.handlerTopics.has(topic)) {
    scope.report.problem(
      idOf(task),
      `unknown service handler '${topic}'; known: ${knownList(scope.ctx.handlerTopics)}`,
    );
  }
}

export const serviceTaskRules: readonly ProcessRule[] = [implementation];
