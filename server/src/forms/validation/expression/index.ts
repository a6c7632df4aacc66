export type { Expr, ScopeName } from './expression-ast';
export { parseExpression } from './expression-parser';
export { ExpressionSyntaxError } from './expression-tokenizer';
export { evaluate, truthy, type ExpressionScope } from './expression-evaluator';
export { readTemplateValue, type TemplateValue } from './template-value';
