import { cloneData } from '../clone-data';
import type { VariableMapping } from '../deployment';
import { EngineError } from '../engine.error';
import { evaluateExpression, isExpression } from '../expressions';
import { elementKey, outputsVariable } from '../runtime/multi-instance/element-key';

/**
 * camunda:in / camunda:out: `variables="all"` copies every variable, `source` one variable,
 * `sourceExpression` a FEEL value; each lands under `target`. A source that is not set maps to
 * nothing (Camunda would pass null; absent keeps "not set" distinguishable from a set null).
 */
export function mapVariables(
  mappings: readonly VariableMapping[],
  scope: Record<string, unknown>,
): Record<string, unknown> {
  const mapped: Record<string, unknown> = {};
  for (const mapping of mappings) {
    if (mapping.all) {
      Object.assign(mapped, cloneData(scope));
      continue;
    }
    if (!mapping.target) continue;
    if (mapping.sourceExpression !== undefined) {
      mapped[mapping.target] = evaluateExpression(mapping.sourceExpression, scope);
    } else if (mapping.source !== undefined && mapping.source in scope) {
      mapped[mapping.target] = cloneData(scope[mapping.source]);
    }
  }
  return mapped;
}

/** The process key a call activity calls: as written, or the value of its expression. */
export function calledKey(
  calledElement: string | undefined,
  scope: Record<string, unknown>,
): string {
  if (calledElement === undefined)
    throw new EngineError('INVALID_ARGUMENT', 'the call activity names no process to call');
  const text = calledElement.trim();
  if (!isExpression(text)) return text;
  const value = evaluateExpression(text, scope);
  if (typeof value !== 'string' || value === '')
    throw new EngineError(
      'INVALID_ARGUMENT',
      `calledElement '${text}' gave ${JSON.stringify(value)}, not a process key`,
    );
  return value;
}

/**
 * Outputs of one iteration of a multi-instance call activity are collected under
 * `<activityId>Outputs`, keyed by the iteration's element (its id when it has one) or index — the
 * convention multi-instance user tasks follow — so parallel iterations never overwrite each other.
 */
export function collectIterationOutput(
  variables: Record<string, unknown>,
  activityId: string,
  iteration: { element: unknown; index?: number },
  output: Record<string, unknown>,
): void {
  const name = outputsVariable(activityId);
  const key = elementKey(iteration.element, iteration.index);
  const collected = (
    variables[name] && typeof variables[name] === 'object' ? variables[name] : {}
  ) as Record<string, unknown>;
  variables[name] = { ...collected, [key]: output };
}
