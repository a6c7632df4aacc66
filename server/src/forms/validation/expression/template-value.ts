import type { Expr } from './expression-ast';
import { parseExpression } from './expression-parser';
import { ExpressionSyntaxError } from './expression-tokenizer';

/** A schema value: a literal, or one whole `{{ expression }}` as Formily writes it. */
export type TemplateValue =
  { kind: 'literal'; value: unknown } | { kind: 'expression'; expr: Expr };

const WHOLE = /^\s*\{\{([\s\S]*)\}\}\s*$/;

/**
 * Reads a schema value. Formily only evaluates strings that are one `{{ }}` as a whole, so text
 * with `{{` elsewhere is refused rather than silently taken as a literal.
 */
export function readTemplateValue(value: unknown): TemplateValue {
  if (typeof value !== 'string') return { kind: 'literal', value };
  const whole = WHOLE.exec(value);
  if (whole) {
    if (whole[1].trim() === '') throw new ExpressionSyntaxError('表达式为空', 0);
    return { kind: 'expression', expr: parseExpression(whole[1]) };
  }
  if (value.includes('{{'))
    throw new ExpressionSyntaxError('表达式必须整体写成 {{ … }}', value.indexOf('{{'));
  return { kind: 'literal', value };
}
