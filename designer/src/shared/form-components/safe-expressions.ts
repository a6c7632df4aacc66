import { Schema } from '@formily/react';
import { toJS } from '@formily/reactive';
import {
  evaluate,
  parseExpression,
  type Expr,
  type ExpressionScope,
  type ScopeName,
} from '../../../../server/src/forms/validation/expression';

/**
 * Formily evaluates a schema's `{{ … }}` with `new Function`, which the server's Content Security
 * Policy (`script-src 'self'`, no `unsafe-eval`) forbids — and which would run any JavaScript a
 * form carried. Instead, the browser evaluates exactly the restricted language the server accepts
 * at publish (docs/workflow-kit.md "Reactions"), with the server's own parser and evaluator: the
 * two can never disagree about what a reaction means, and nothing is ever `eval`ed.
 */

const parsed = new Map<string, Expr | null>();

function parse(expression: string): Expr | null {
  let expr = parsed.get(expression);
  if (expr === undefined) {
    try {
      expr = parseExpression(expression);
    } catch (error) {
      // the server refuses such a schema at publish; an unpublished one (designer preview)
      // simply gets no value here
      console.warn(`表单表达式无法计算：{{${expression}}}`, error);
      expr = null;
    }
    parsed.set(expression, expr);
  }
  return expr;
}

function namesIn(expr: Expr, found = new Set<ScopeName>()): Set<ScopeName> {
  switch (expr.kind) {
    case 'name':
      found.add(expr.name);
      break;
    case 'array':
      expr.items.forEach((item) => namesIn(item, found));
      break;
    case 'member':
      namesIn(expr.object, found);
      namesIn(expr.property, found);
      break;
    case 'includes':
      namesIn(expr.target, found);
      namesIn(expr.argument, found);
      break;
    case 'not':
      namesIn(expr.operand, found);
      break;
    case 'binary':
    case 'logical':
      namesIn(expr.left, found);
      namesIn(expr.right, found);
      break;
    case 'conditional':
      namesIn(expr.test, found);
      namesIn(expr.consequent, found);
      namesIn(expr.alternate, found);
      break;
    case 'literal':
      break;
  }
  return found;
}

interface FormilyScope {
  $deps?: unknown;
  $dependencies?: unknown;
  $values?: unknown;
  $form?: { values?: unknown };
  $self?: { value?: unknown };
  $record?: unknown;
  $index?: unknown;
}

/** Plain data for the names the expression uses (reading them keeps Formily's tracking exact). */
function plainScope(scope: FormilyScope, names: Set<ScopeName>): ExpressionScope {
  const plain: ExpressionScope = {};
  for (const name of names) {
    switch (name) {
      case '$form':
        plain.$form = { values: toJS(scope.$form?.values) };
        break;
      case '$self':
        plain.$self = { value: toJS(scope.$self?.value) };
        break;
      case '$values':
        plain.$values = toJS(scope.$values ?? scope.$form?.values);
        break;
      default:
        plain[name] = toJS(scope[name]);
    }
  }
  return plain;
}

export function evaluateSafely(expression: string, scope: FormilyScope = {}): unknown {
  const expr = parse(expression);
  if (expr === null) return undefined;
  return evaluate(expr, plainScope(scope, namesIn(expr)));
}

let registered = false;

/** Makes every Formily schema in this page evaluate `{{ }}` with {@link evaluateSafely}. */
export function registerSafeExpressions(): void {
  if (registered) return;
  registered = true;
  Schema.registerCompiler(evaluateSafely);
}
