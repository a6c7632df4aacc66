import { type BpmnDocument } from './bpmn-parser';
import { type ParsedProcess, type ValidationContext } from './deployment.types';
import { isExpressionText } from './expression-text';
import { type ProcessModel } from './process-model';

export interface FindingReporter {
  /** The file is refused. */
  problem(elementId: string, message: string): void;
  /** Worth telling the author; the file still deploys. */
  warning(elementId: string, message: string): void;
}

/** A check over the whole file. */
export interface DocumentRule {
  readonly name: string;
  check(document: BpmnDocument, ctx: ValidationContext, report: FindingReporter): void;
}

export interface ProcessScope {
  readonly model: ProcessModel;
  /** What parseBpmn reports for the process, for rules that need no moddle detail. */
  readonly info: ParsedProcess;
  readonly ctx: ValidationContext;
  readonly report: FindingReporter;
}

/** A check over one executable process; it reports everything it finds, never only the first. */
export interface ProcessRule {
  readonly name: string;
  check(scope: ProcessScope): void;
}

/**
 * Checks text that must be an expression (a condition, for instance): a bare `amount > 10` is no
 * condition at all to bpmn-engine, which would read it as a truthy string.
 */
export function checkRequiredExpression(
  scope: ProcessScope,
  elementId: string,
  label: string,
  text: string | undefined,
): void {
  if (text === undefined) {
    scope.report.problem(elementId, `${label} is empty`);
  } else if (!isExpressionText(text)) {
    scope.report.problem(
      elementId,
      `${label} '${text}' must be an expression: start it with '=' or write \${...}`,
    );
  } else {
    checkExpression(scope, elementId, label, text);
  }
}

/** Runs the FEEL syntax check on text already known to be an expression, marker included. */
export function checkExpression(
  scope: ProcessScope,
  elementId: string,
  label: string,
  text: string,
): void {
  const error = scope.ctx.validateExpression(text);
  // The validators quote the text themselves, with the column of the error.
  if (error !== null) scope.report.problem(elementId, `${label}: ${error}`);
}

export function knownList(values: Iterable<string>): string {
  const sorted = [...values].sort();
  return sorted.length === 0 ? '(none)' : sorted.join(', ');
}
