import { timerDefinitionsOf, timerEventTypeOf, timerKindsOf } from './event-extractors';
import { isExpressionText } from './expression-text';
import { bodyOf, idOf, type ModdleElement } from './moddle-element';
import { checkExpression, type ProcessRule, type ProcessScope } from './validation-rule';

const timers: ProcessRule = {
  name: 'timers',
  check(scope) {
    for (const node of scope.model.flowNodes) {
      const definitions = timerDefinitionsOf(node);
      if (definitions.length > 0 && timerEventTypeOf(node) === undefined) {
        scope.report.problem(
          idOf(node),
          `timers belong on start, intermediate catch or boundary events, not on ${node.$type}`,
        );
      }
      for (const definition of definitions) checkDefinition(scope, node, definition);
    }
  },
};

function checkDefinition(
  scope: ProcessScope,
  node: ModdleElement,
  definition: ModdleElement,
): void {
  const id = idOf(node);
  const kinds = timerKindsOf(definition);
  if (kinds.length !== 1) {
    const found = kinds.length === 0 ? 'none' : kinds.join(' and ');
    scope.report.problem(
      id,
      `a timer needs exactly one of timeDuration, timeDate or timeCycle; found ${found}`,
    );
    return;
  }
  const [kind] = kinds;
  const value = bodyOf(definition, kind);
  if (value === undefined) scope.report.problem(id, `timer ${kind} is empty`);
  else if (isExpressionText(value)) checkExpression(scope, id, `timer ${kind}`, value);
  else {
    const error = scope.ctx.validateTimer(kind, value);
    if (error !== null) scope.report.problem(id, `timer ${kind}: ${error}`);
  }
}

export const timerRules: readonly ProcessRule[] = [timers];
