export {
  evaluateCondition,
  evaluateExpression,
  expressionBody,
  isExpression,
  renderTemplate,
  validateExpression,
  validateTemplate,
} from './feel-expressions';
