import { isExpressionText } from './expression-text';
import { bodyOf, childOf, hasChild, idOf, textOf } from './moddle-element';
import { checkExpression, checkRequiredExpression, type ProcessRule } from './validation-rule';

// The engine hands each instance one element of a collection variable, or just counts; the
// BPMN-native loopDataInputRef form is not read.
const multiInstance: ProcessRule = {
  name: 'multi-instance',
  check(scope) {
    for (const node of scope.model.flowNodes) {
      const loop = childOf(node, 'loopCharacteristics');
      if (loop?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') continue;
      const id = idOf(node);
      const collection = textOf(loop, 'collection');
      const cardinality = bodyOf(loop, 'loopCardinality');
      if (collection === undefined && cardinality === undefined) {
        scope.report.problem(
          id,
          'multi-instance needs camunda:collection (with camunda:elementVariable) or loopCardinality',
        );
      }
      if (collection !== undefined) {
        if (textOf(loop, 'elementVariable') === undefined) {
          scope.report.problem(
            id,
            'multi-instance camunda:collection needs camunda:elementVariable',
          );
        }
        if (isExpressionText(collection))
          checkExpression(scope, id, 'camunda:collection', collection);
      }
      if (cardinality !== undefined) {
        if (isExpressionText(cardinality))
          checkExpression(scope, id, 'loopCardinality', cardinality);
        else if (!/^\d+$/.test(cardinality)) {
          scope.report.problem(
            id,
            `loopCardinality '${cardinality}' must be a non-negative integer or an expression`,
          );
        }
      }
      if (hasChild(loop, 'completionCondition')) {
        checkRequiredExpression(
          scope,
          id,
          'completionCondition',
          bodyOf(loop, 'completionCondition'),
        );
      }
    }
  },
};

export const multiInstanceRules: readonly ProcessRule[] = [multiInstance];
