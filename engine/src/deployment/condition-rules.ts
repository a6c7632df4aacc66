import { bodyOf, childOf, idOf, rawAttribute } from './moddle-element';
import { checkRequiredExpression, type ProcessRule } from './validation-rule';

const flowConditions: ProcessRule = {
  name: 'flow-conditions',
  check(scope) {
    for (const flow of scope.model.sequenceFlows) {
      const condition = childOf(flow, 'conditionExpression');
      if (!condition) continue;
      // A language (or an external resource) makes bpmn-engine run the body as a script.
      if (rawAttribute(condition, 'language') || rawAttribute(condition, 'resource')) {
        scope.report.problem(
          idOf(flow),
          "script conditions are not supported: bpmn-engine runs scripts in node:vm, which is no sandbox; write the condition as an expression ('= ...' or ${...})",
        );
        continue;
      }
      checkRequiredExpression(scope, idOf(flow), 'condition', bodyOf(flow, 'conditionExpression'));
    }
  },
};

export const conditionRules: readonly ProcessRule[] = [flowConditions];
