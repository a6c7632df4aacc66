export {
  evaluateCondition,
  evaluateExpression,
  expressionBody,
  isExpression,
  renderTemplate,
  validateExpression,
  validateTemplate,
} from './feel-expressions';
export { clockFunctions } from './clock-functions';
