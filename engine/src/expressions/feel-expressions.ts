import {
  evaluate,
  FeelDate,
  FeelDateTime,
  FeelDuration,
  FeelTime,
  SyntaxError as FeelSyntaxError,
  parseExpression,
} from 'feelin';
import { EngineError } from '../engine.error';
import {
  type ExpressionSource,
  findClosingBrace,
  splitTemplate,
  UnclosedPlaceholderError,
  wholeExpression,
} from './expression-text';

/** '= <FEEL>' (Camunda 8 style) or '${<FEEL>}' (FEEL inside Camunda-7-looking braces) */
export function isExpression(text: string): boolean {
  return typeof text === 'string' && wholeExpression(text) !== null;
}

export function expressionBody(text: string): string {
  const source = wholeExpression(text);
  return source === null ? text : source.body.trim();
}

/**
 * Evaluates FEEL over JSON variables and returns JSON (dates, times and durations come back as
 * ISO strings). Text without '=' or '${}' is read as bare FEEL, as in a condition body. FEEL
 * only sees the variables it is given, so nothing reaches `process`, prototypes or globals.
 */
export function evaluateExpression(text: string, variables: Record<string, unknown>): unknown {
  return toJsonValue(run(text, locate(text), variables));
}

export function evaluateCondition(text: string, variables: Record<string, unknown>): boolean {
  return evaluateExpression(text, variables) === true;
}

/** A readable message with the position of the first syntax error, or null when it parses. */
export function validateExpression(text: string): string | null {
  const source = locate(text);
  return typeof source === 'string' ? source : syntaxProblem(text, source);
}

/** Resolves `${...}`/`=` placeholders inside a template string (e.g. "Reply to ${title}") to text */
export function renderTemplate(text: string, variables: Record<string, unknown>): string {
  const whole = wholeExpression(text);
  if (whole !== null) return toText(toJsonValue(run(text, whole, variables)));
  return templateParts(text)
    .map((part) =>
      part.kind === 'text' ? part.text : toText(toJsonValue(run(text, part.source, variables))),
    )
    .join('');
}

/** Like validateExpression, for every placeholder of a template. */
export function validateTemplate(text: string): string | null {
  const whole = wholeExpression(text);
  if (whole !== null) return syntaxProblem(text, whole);
  try {
    for (const part of splitTemplate(text)) {
      const problem = part.kind === 'expression' ? syntaxProblem(text, part.source) : null;
      if (problem !== null) return problem;
    }
    return null;
  } catch (error) {
    if (error instanceof UnclosedPlaceholderError) return error.message;
    throw error;
  }
}

function templateParts(text: string) {
  try {
    return splitTemplate(text);
  } catch (error) {
    if (error instanceof UnclosedPlaceholderError) {
      throw new EngineError('INVALID_ARGUMENT', error.message, { position: error.position });
    }
    throw error;
  }
}

/** The FEEL to run, or a message when a '${' form is malformed. */
function locate(text: string): ExpressionSource | string {
  const whole = wholeExpression(text);
  if (whole !== null) return whole;
  const start = text.length - text.trimStart().length;
  if (text.startsWith('${', start)) {
    const close = findClosingBrace(text, start + 1);
    return close === -1
      ? new UnclosedPlaceholderError(start).message
      : `unexpected text after the closing '}' at column ${close + 2}`;
  }
  return { body: text, offset: 0 };
}

function run(
  text: string,
  source: ExpressionSource | string,
  variables: Record<string, unknown>,
): unknown {
  if (typeof source === 'string') throw new EngineError('INVALID_ARGUMENT', source);
  if (source.body.trim() === '') {
    throw new EngineError('INVALID_ARGUMENT', 'the expression is empty');
  }
  try {
    return evaluate(source.body, variables).value;
  } catch (error) {
    if (error instanceof FeelSyntaxError) {
      const message = syntaxProblem(text, source) ?? `FEEL syntax error: ${error.message}`;
      throw new EngineError('INVALID_ARGUMENT', message, { expression: text }, { cause: error });
    }
    // feelin turns runtime problems into warnings and null, so this is unexpected input.
    const reason = error instanceof Error ? error.message : String(error);
    const message = `could not evaluate "${text}": ${reason}`;
    throw new EngineError('INVALID_ARGUMENT', message, undefined, { cause: error });
  }
}

/**
 * feelin's parser recovers from errors instead of failing, leaving error nodes in the tree;
 * the first one is turned into a message pointing at the original text.
 */
function syntaxProblem(text: string, source: ExpressionSource): string | null {
  const { body, offset } = source;
  if (body.trim() === '') return 'the expression is empty';
  const cursor = parseExpression(body, {}, undefined).cursor();
  while (!cursor.type.isError) {
    if (!cursor.next()) return null;
  }
  const { from, to } = cursor;
  const parent = cursor.node.parent?.name ?? 'Expression';
  let at = from;
  let problem: string;
  if (to > from) {
    problem = `unexpected "${body.slice(from, to)}"`;
  } else if (body.slice(from).trim() !== '') {
    at = from + (body.slice(from).length - body.slice(from).trimStart().length);
    problem = `unexpected "${/^(\w+|\S)/.exec(body.slice(at))?.[0]}"`;
  } else {
    problem = `the expression ends too early (incomplete ${humanize(parent)})`;
  }
  return `FEEL syntax error at ${describePosition(text, offset + at)}: ${problem} in "${text}"`;
}

function humanize(nodeName: string): string {
  return nodeName.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function describePosition(text: string, index: number): string {
  const before = text.slice(0, index).split('\n');
  const column = before[before.length - 1].length + 1;
  return before.length > 1 ? `line ${before.length}, column ${column}` : `column ${column}`;
}

/** Results become process variables, which are stored as JSON. */
function toJsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (
    value instanceof FeelDate ||
    value instanceof FeelDateTime ||
    value instanceof FeelTime ||
    value instanceof FeelDuration
  ) {
    return value.toString();
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  // Only plain data survives; FEEL functions and ranges have no JSON form.
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, entry]) => [
        key,
        toJsonValue(entry),
      ]),
    );
  }
  return null;
}

/**
 * A plain `{}` object, whichever realm made it: structuredClone copies (and Jest's sandbox) carry
 * another realm's Object.prototype, so an identity check against ours would turn them into null.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === null) return true;
  return Object.getPrototypeOf(prototype) === null; // an Object.prototype, of some realm
}

function toText(value: unknown): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
