import { isPlainObject } from '../schema-problems';
import type { Expr, ScopeName } from './expression-ast';

/** What an expression can see: plain data only, never functions or the form objects themselves. */
export type ExpressionScope = Partial<Record<ScopeName, unknown>>;

/**
 * Evaluates a parsed expression over plain JSON-like data. Member access reads own properties of
 * plain objects and arrays (and `length` of arrays and strings) only, so no prototype, getter or
 * function is ever reached; a missing property is `undefined`, as in JavaScript.
 */
export function evaluate(expr: Expr, scope: ExpressionScope): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'array':
      return expr.items.map((item) => evaluate(item, scope));
    case 'name':
      return Object.hasOwn(scope, expr.name) ? scope[expr.name] : undefined;
    case 'member':
      return readMember(evaluate(expr.object, scope), evaluate(expr.property, scope));
    case 'includes': {
      const target = evaluate(expr.target, scope);
      const argument = evaluate(expr.argument, scope);
      if (Array.isArray(target)) return target.some((item) => strictEquals(item, argument));
      if (typeof target === 'string')
        return typeof argument === 'string' && target.includes(argument);
      return false;
    }
    case 'not':
      return !truthy(evaluate(expr.operand, scope));
    case 'logical': {
      const left = evaluate(expr.left, scope);
      if (expr.operator === '&&') return truthy(left) ? evaluate(expr.right, scope) : left;
      return truthy(left) ? left : evaluate(expr.right, scope);
    }
    case 'conditional':
      return truthy(evaluate(expr.test, scope))
        ? evaluate(expr.consequent, scope)
        : evaluate(expr.alternate, scope);
    case 'binary':
      return compare(expr.operator, evaluate(expr.left, scope), evaluate(expr.right, scope));
  }
}

export function truthy(value: unknown): boolean {
  return Boolean(value);
}

function readMember(object: unknown, property: unknown): unknown {
  if (typeof property !== 'string' && typeof property !== 'number') return undefined;
  const key = String(property);
  if (Array.isArray(object) || typeof object === 'string') {
    if (key === 'length') return object.length;
    if (!/^\d+$/.test(key)) return undefined;
    return Array.isArray(object) ? object[Number(key)] : object.charAt(Number(key)) || undefined;
  }
  if (!isPlainObject(object)) return undefined;
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function strictEquals(a: unknown, b: unknown): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function compare(operator: string, left: unknown, right: unknown): boolean {
  switch (operator) {
    case '===':
      return strictEquals(left, right);
    case '!==':
      return !strictEquals(left, right);
    // Loose equality without JavaScript's coercions: only null and undefined are equal.
    case '==':
      return strictEquals(left, right) || (left == null && right == null);
    case '!=':
      return !(strictEquals(left, right) || (left == null && right == null));
  }
  // Ordering is defined for two numbers or two strings; anything else is false.
  const comparable =
    (typeof left === 'number' && typeof right === 'number') ||
    (typeof left === 'string' && typeof right === 'string');
  if (!comparable) return false;
  const [a, b] = [left as number | string, right as number | string];
  switch (operator) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}
