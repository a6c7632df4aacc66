import type { FieldProblem } from '../errors/app-error';

/**
 * Keys no request body may carry at any depth: JSON.parse keeps `__proto__` as a plain key, but
 * any later merge or assignment into an object would treat it as the prototype.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than any form, schema or BPMN request needs; deeper is an attack on the validators. */
export const MAX_BODY_DEPTH = 32;

/** What is wrong with a parsed body's shape, as field problems (at most a few, first found). */
export function bodyShapeProblems(body: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const visit = (value: unknown, path: string, depth: number): void => {
    if (problems.length >= 5 || value === null || typeof value !== 'object') return;
    if (depth > MAX_BODY_DEPTH) {
      problems.push({ path, message: `嵌套超过 ${MAX_BODY_DEPTH} 层` });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}[${i}]`, depth + 1));
      return;
    }
    for (const key of Object.keys(value)) {
      const child = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) problems.push({ path: child, message: '不允许的字段' });
      else visit((value as Record<string, unknown>)[key], child, depth + 1);
    }
  };
  visit(body, '', 0);
  return problems;
}
