import { expressionBody, isExpressionText } from './expression-text';

/**
 * How many instances of a multi-instance activity must complete before it moves on. The engine
 * offers nrOfInstances, nrOfCompletedInstances and nrOfActiveInstances to the completion
 * condition (engine/src/runtime/session-expressions.ts); "all" needs no condition at all.
 */
export type CompletionRule =
  | { kind: 'all' }
  | { kind: 'any' }
  | { kind: 'count'; count: number }
  | { kind: 'fraction'; percent: number }
  | { kind: 'custom'; expression: string };

export type CompletionRuleKind = CompletionRule['kind'];

const ANY = /^nrOfCompletedInstances\s*>=\s*1$/;
const COUNT = /^nrOfCompletedInstances\s*>=\s*(\d+)$/;
const FRACTION = /^nrOfCompletedInstances\s*\/\s*nrOfInstances\s*>=\s*(\d*\.?\d+)$/;

export function parseCompletionCondition(condition: string | undefined): CompletionRule {
  if (condition === undefined || condition.trim() === '') return { kind: 'all' };
  if (!isExpressionText(condition)) return { kind: 'custom', expression: condition };
  const body = expressionBody(condition).body.trim();
  if (ANY.test(body)) return { kind: 'any' };
  let match = COUNT.exec(body);
  if (match) return { kind: 'count', count: Number(match[1]) };
  match = FRACTION.exec(body);
  if (match) {
    const percent = Math.round(Number(match[1]) * 10000) / 100;
    if (percent > 0 && percent <= 100) return { kind: 'fraction', percent };
  }
  return { kind: 'custom', expression: condition };
}

/** The completionCondition body, or undefined when the element should have none. */
export function formatCompletionCondition(rule: CompletionRule): string | undefined {
  switch (rule.kind) {
    case 'all':
      return undefined;
    case 'any':
      return '= nrOfCompletedInstances >= 1';
    case 'count':
      return `= nrOfCompletedInstances >= ${Math.max(1, Math.floor(rule.count))}`;
    case 'fraction': {
      const fraction = Math.min(100, Math.max(1, rule.percent)) / 100;
      return `= nrOfCompletedInstances / nrOfInstances >= ${Number(fraction.toFixed(4))}`;
    }
    case 'custom':
      return rule.expression.trim() === '' ? undefined : rule.expression.trim();
  }
}

export function switchCompletionRule(
  rule: CompletionRule,
  kind: CompletionRuleKind,
): CompletionRule {
  switch (kind) {
    case 'all':
    case 'any':
      return { kind };
    case 'count':
      return { kind, count: rule.kind === 'count' ? rule.count : 2 };
    case 'fraction':
      return { kind, percent: rule.kind === 'fraction' ? rule.percent : 50 };
    case 'custom':
      return { kind, expression: formatCompletionCondition(rule) ?? '= ' };
  }
}
