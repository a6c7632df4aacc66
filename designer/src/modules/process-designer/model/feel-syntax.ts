import { parseExpression } from 'feelin';
import { closingBrace, expressionBody, isExpressionText } from './expression-text';

/** Why a FEEL text does not parse, with a 1-based column into the text as written. */
export type FeelProblem =
  | { kind: 'empty' }
  | { kind: 'notExpression' }
  | { kind: 'unclosed'; column: number }
  | { kind: 'trailing'; column: number }
  | { kind: 'unexpected'; column: number; token: string }
  | { kind: 'incomplete'; column: number };

/**
 * Checks the syntax of an expression text ('= …' or '${…}') the way the engine's deployment
 * validator does: feelin's parser recovers from errors, so the first error node is the problem.
 * With `requireMarker` false, text without a marker is read as bare FEEL (a condition body).
 */
export function checkFeelSyntax(text: string, requireMarker = true): FeelProblem | null {
  if (text.trim() === '') return { kind: 'empty' };
  const start = text.length - text.trimStart().length;
  if (text.startsWith('${', start) && !isExpressionText(text)) {
    const close = closingBrace(text, start + 1);
    return close === -1
      ? { kind: 'unclosed', column: start + 1 }
      : { kind: 'trailing', column: close + 2 };
  }
  if (requireMarker && !isExpressionText(text)) return { kind: 'notExpression' };
  const { body, offset } = expressionBody(text);
  if (body.trim() === '') return { kind: 'empty' };
  const cursor = parseExpression(body, {}, undefined).cursor();
  while (!cursor.type.isError) {
    if (!cursor.next()) return null;
  }
  const { from, to } = cursor;
  if (to > from)
    return { kind: 'unexpected', column: offset + from + 1, token: body.slice(from, to) };
  const rest = body.slice(from);
  if (rest.trim() !== '') {
    const at = from + (rest.length - rest.trimStart().length);
    const token = /^(\w+|\S)/.exec(body.slice(at))?.[0] ?? '';
    return { kind: 'unexpected', column: offset + at + 1, token };
  }
  return { kind: 'incomplete', column: offset + from + 1 };
}

/** The message key (under `processDesigner.feel.`) and its values, for useT or bpmn-js translate. */
export function feelProblemMessage(problem: FeelProblem): {
  key: string;
  vars: Record<string, string | number>;
} {
  switch (problem.kind) {
    case 'unexpected':
      return { key: 'unexpected', vars: { column: problem.column, token: problem.token } };
    case 'unclosed':
    case 'trailing':
    case 'incomplete':
      return { key: problem.kind, vars: { column: problem.column } };
    default:
      return { key: problem.kind, vars: {} };
  }
}
