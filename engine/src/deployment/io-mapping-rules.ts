import { isExpressionText } from './expression-text';
import { childOf, childrenOf, idOf, textOf, type ModdleElement } from './moddle-element';
import { ioParametersOf } from './task-extractors';
import { checkExpression, type ProcessRule, type ProcessScope } from './validation-rule';

/** camunda:inputOutput parameters: values may be expressions; scripts are refused. */
const ioParameters: ProcessRule = {
  name: 'io-parameters',
  check(scope) {
    for (const element of scope.model.flowNodes) {
      for (const parameter of ioParametersOf(element)) {
        const label = `${parameterKind(parameter)} '${textOf(parameter, 'name') ?? ''}'`;
        checkValue(scope, idOf(element), label, parameter);
      }
    }
  },
};

function parameterKind(parameter: ModdleElement): string {
  return parameter.$type === 'camunda:OutputParameter' ? 'output parameter' : 'input parameter';
}

/** Walks a parameter, list item or map entry: its text value or its nested definition. */
function checkValue(
  scope: ProcessScope,
  elementId: string,
  label: string,
  holder: ModdleElement,
): void {
  const definition = childOf(holder, 'definition');
  if (definition) return checkDefinition(scope, elementId, label, definition);
  const text = textOf(holder, 'value');
  if (text !== undefined && isExpressionText(text)) checkExpression(scope, elementId, label, text);
}

function checkDefinition(
  scope: ProcessScope,
  elementId: string,
  label: string,
  definition: ModdleElement,
): void {
  if (definition.$type === 'camunda:Script') {
    scope.report.problem(
      elementId,
      `${label}: script parameters are not supported: bpmn-engine runs scripts in node:vm, which is no sandbox; use an expression`,
    );
  }
  for (const item of childrenOf(definition, 'items')) {
    if (item.$type === 'camunda:Value') checkValue(scope, elementId, label, item);
    else checkDefinition(scope, elementId, label, item);
  }
  for (const entry of childrenOf(definition, 'entries')) {
    checkValue(scope, elementId, `${label} entry '${textOf(entry, 'key') ?? ''}'`, entry);
  }
}

export const ioMappingRules: readonly ProcessRule[] = [ioParameters];
