import { isExpressionText } from './expression-text';
import { idOf, textOf, type ModdleElement } from './moddle-element';
import { checkExpression, type ProcessRule, type ProcessScope } from './validation-rule';

// Every user task shows a form; the deployment pins each form's current version.
const formKeys: ProcessRule = {
  name: 'form-keys',
  check(scope) {
    for (const task of scope.model.nodesOfType('bpmn:UserTask')) {
      const formKey = textOf(task, 'formKey');
      if (formKey === undefined)
        scope.report.problem(idOf(task), 'user task needs a camunda:formKey');
      else checkKnownForm(scope, task, formKey);
    }
    for (const event of scope.model.nodesOfType('bpmn:StartEvent')) {
      const formKey = textOf(event, 'formKey');
      if (formKey !== undefined) checkKnownForm(scope, event, formKey);
    }
  },
};

function checkKnownForm(scope: ProcessScope, element: ModdleElement, formKey: string): void {
  if (scope.ctx.formKeys && !scope.ctx.formKeys.has(formKey)) {
    scope.report.problem(idOf(element), `unknown form '${formKey}' in camunda:formKey`);
  }
}

const dates: ProcessRule = {
  name: 'due-dates',
  check(scope) {
    for (const task of scope.model.nodesOfType('bpmn:UserTask')) {
      for (const attribute of ['dueDate', 'followUpDate']) {
        const spec = textOf(task, attribute);
        if (spec === undefined) continue;
        const label = `camunda:${attribute}`;
        if (isExpressionText(spec)) {
          checkExpression(scope, idOf(task), label, spec);
          continue;
        }
        const error = scope.ctx.validateDueDate(spec);
        if (error !== null) scope.report.problem(idOf(task), `${label}: ${error}`);
      }
    }
  },
};

const priority: ProcessRule = {
  name: 'priority',
  check(scope) {
    for (const task of scope.model.nodesOfType('bpmn:UserTask')) {
      const value = textOf(task, 'priority');
      if (value === undefined) continue;
      if (isExpressionText(value)) checkExpression(scope, idOf(task), 'camunda:priority', value);
      else if (!/^\d+$/.test(value) || Number(value) > 100) {
        scope.report.problem(
          idOf(task),
          `camunda:priority '${value}' must be an integer from 0 to 100 or an expression`,
        );
      }
    }
  },
};

export const userTaskRules: readonly ProcessRule[] = [formKeys, dates, priority];
