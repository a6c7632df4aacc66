import { evaluateExpression, isExpression } from '../expressions';
import { LOOP_ENTRY } from './multi-instance/loop-position';

/** Loop bookkeeping bpmn-elements puts on a multi-instance message, exposed under Camunda's names. */
function loopVariables(context: Record<string, unknown>): Record<string, unknown> {
  const content = (context.content ?? {}) as Record<string, unknown>;
  // bpmn-elements merges loopOutput into the message content when checking a completion condition
  const loopOutput = (content.loopOutput ?? context.loopOutput) as unknown[] | undefined;
  if (!loopOutput) return {};
  const nrOfInstances = Number(content.loopCardinality ?? 0);
  const nrOfCompletedInstances = loopOutput.filter(
    (entry) => entry !== undefined && entry !== null,
  ).length;
  return {
    nrOfInstances,
    nrOfCompletedInstances,
    nrOfActiveInstances: nrOfInstances - nrOfCompletedInstances,
  };
}

/**
 * The expressions bpmn-elements evaluates (conditions, collections, completion conditions, timer
 * values) are FEEL over the instance variables we own — never bpmn-engine's property paths, and
 * never JavaScript. The variables come from the session, not from bpmn-engine's environment,
 * which mixes message fields into its variables.
 */
export function sessionExpressions(
  variables: () => Record<string, unknown>,
  functions: Record<string, unknown> = {},
) {
  return {
    isExpression: (text: unknown): boolean => typeof text === 'string' && isExpression(text),
    hasExpression: (text: unknown): boolean => typeof text === 'string' && isExpression(text),
    resolveExpression(text: unknown, context: Record<string, unknown>): unknown {
      if (typeof text !== 'string' || !isExpression(text)) return text;
      const content = (context.content ?? {}) as Record<string, unknown>;
      return evaluateExpression(text, {
        ...variables(),
        ...pickLoopContent(content),
        ...loopVariables(context),
        ...functions,
      });
    },
  };
}

/** Element variable and index of a multi-instance iteration (content holds them by name). */
function pickLoopContent(content: Record<string, unknown>): Record<string, unknown> {
  if (!content.isMultiInstance) return {};
  const { index, ...rest } = content;
  const picked: Record<string, unknown> = { loopCounter: index };
  for (const [key, value] of Object.entries(rest)) {
    if (!RESERVED_CONTENT_KEYS.has(key)) picked[key] = value;
  }
  return picked;
}

const RESERVED_CONTENT_KEYS = new Set([
  'id',
  'type',
  'name',
  'parent',
  'executionId',
  'isMultiInstance',
  'isRootScope',
  'loopCardinality',
  'isSequential',
  'output',
  'state',
  'attachedTo',
  'inbound',
  'outbound',
  // the engine's own multi-instance bookkeeping (multi-instance/loop-body.ts)
  LOOP_ENTRY,
  'generation',
]);
