import { isExpressionText } from './expression-text';
import { extensionsOf, idOf, textOf, type ModdleElement } from './moddle-element';
import {
  checkExpression,
  checkRequiredExpression,
  type ProcessRule,
  type ProcessScope,
} from './validation-rule';

// Only process calls by key: CMMN cases and Java variable-mapping classes do not exist here.
const refusedAttributes: Record<string, string> = {
  caseRef:
    'camunda:caseRef (calling a CMMN case) is not supported; call a process with calledElement',
  variableMappingClass:
    'camunda:variableMappingClass is not supported; map variables with camunda:in and camunda:out',
  variableMappingDelegateExpression:
    'camunda:variableMappingDelegateExpression is not supported; map variables with camunda:in and camunda:out',
};

const callActivities: ProcessRule = {
  name: 'call-activities',
  check(scope) {
    for (const activity of scope.model.nodesOfType('bpmn:CallActivity')) {
      const id = idOf(activity);
      const calledElement = textOf(activity, 'calledElement');
      if (calledElement === undefined) {
        scope.report.problem(
          id,
          'call activity needs calledElement: the key of the process to call',
        );
      } else if (isExpressionText(calledElement)) {
        checkExpression(scope, id, 'calledElement', calledElement);
      }
      for (const [attribute, message] of Object.entries(refusedAttributes)) {
        if (textOf(activity, attribute) !== undefined) scope.report.problem(id, message);
      }
      for (const binding of extensionsOf(activity, 'camunda:In'))
        checkBinding(scope, id, 'camunda:in', binding);
      for (const binding of extensionsOf(activity, 'camunda:Out'))
        checkBinding(scope, id, 'camunda:out', binding);
    }
  },
};

function checkBinding(
  scope: ProcessScope,
  id: string,
  label: string,
  binding: ModdleElement,
): void {
  if (textOf(binding, 'variables') === 'all') return;
  const source = textOf(binding, 'source');
  const sourceExpression = textOf(binding, 'sourceExpression');
  if ((source === undefined && sourceExpression === undefined) || !textOf(binding, 'target')) {
    scope.report.problem(
      id,
      `${label} needs source or sourceExpression and a target, or variables="all"`,
    );
  }
  if (sourceExpression !== undefined) {
    checkRequiredExpression(scope, id, `${label} sourceExpression`, sourceExpression);
  }
}

export const callActivityRules: readonly ProcessRule[] = [callActivities];
