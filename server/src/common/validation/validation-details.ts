import type { ValidationError } from 'class-validator';
import type { FieldProblem } from '../errors/app-error';
import { localiseConstraint, MISSING_MESSAGE } from './validation-messages';

/**
 * Flattens class-validator's error tree into one problem per field, with dot/bracket paths into
 * the submitted body (`units[0].name`) and zh-CN messages. Every field at once, in body order.
 */
export function toFieldProblems(
  errors: ValidationError[],
  parentPath = '',
  parentIsArray = false,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const path = joinPath(parentPath, error.property, parentIsArray);
    if (error.constraints && Object.keys(error.constraints).length > 0) {
      problems.push({ path, message: messageOf(error, error.constraints) });
    }
    if (error.children?.length) {
      problems.push(...toFieldProblems(error.children, path, Array.isArray(error.value)));
    }
  }
  return problems;
}

/** When the type is wrong, the rules about length or range add nothing. */
const TYPE_CONSTRAINTS = new Set([
  'whitelistValidation',
  'isString',
  'isNumber',
  'isInt',
  'isBoolean',
  'isArray',
  'isObject',
  'nestedValidation',
]);

function messageOf(error: ValidationError, constraints: Record<string, string>): string {
  // A missing field fails every rule on it; "必填" says it once.
  if (error.value === undefined && !('whitelistValidation' in constraints)) return MISSING_MESSAGE;
  const entries = Object.entries(constraints);
  const typeErrors = entries.filter(([constraint]) => TYPE_CONSTRAINTS.has(constraint));
  return (typeErrors.length > 0 ? typeErrors : entries)
    .map(([constraint, message]) => localiseConstraint(constraint, message))
    .filter((message, index, all) => all.indexOf(message) === index)
    .join('；');
}

/** `a` + `b` → `a.b`; an item of array `a` → `a[0]`. */
export function joinPath(parent: string, property: string, parentIsArray = false): string {
  if (property === '' || property === undefined) return parent;
  if (parentIsArray) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}
