import { type RuleOperator, type VisibilityRule } from './form-model';

/**
 * "Show when <field> <operator> <value>" as an `x-reactions` entry in the restricted expression
 * language the server accepts (docs/workflow-kit.md, "Reactions"): one dependency, a `when`
 * expression, visible in `fulfill` and hidden in `otherwise`. Only this exact shape is read back;
 * any other reaction stays in the field's schema untouched.
 */
export interface VisibilityReaction {
  dependencies: [string];
  when: string;
  fulfill: { state: { visible: true } };
  otherwise: { state: { visible: false } };
}

type Literal = string | number | boolean;

const VALUE = '$deps[0]';

export function ruleToReaction(rule: VisibilityRule): VisibilityReaction {
  return {
    dependencies: [rule.field],
    when: `{{ ${ruleExpression(rule.operator, rule.values)} }}`,
    fulfill: { state: { visible: true } },
    otherwise: { state: { visible: false } },
  };
}

function ruleExpression(operator: RuleOperator, values: Literal[]): string {
  const first = values[0] ?? '';
  switch (operator) {
    case 'equals':
      return `${VALUE} === ${literal(first)}`;
    case 'notEquals':
      return `${VALUE} !== ${literal(first)}`;
    case 'oneOf':
      return `[${values.map(literal).join(', ')}].includes(${VALUE})`;
    case 'contains':
      return `(${VALUE} || []).includes(${literal(first)})`;
    case 'filled':
      return `${VALUE} != null && ${VALUE} !== '' && ${VALUE}.length !== 0`;
    case 'empty':
      return `${VALUE} == null || ${VALUE} === '' || ${VALUE}.length === 0`;
  }
}

/** A rule when the reaction is exactly one this module writes; otherwise null. */
export function reactionToRule(reaction: unknown): VisibilityRule | null {
  if (!isObject(reaction)) return null;
  const keys = Object.keys(reaction).sort().join(',');
  if (keys !== 'dependencies,fulfill,otherwise,when') return null;
  const { dependencies, when, fulfill, otherwise } = reaction;
  if (!Array.isArray(dependencies) || dependencies.length !== 1) return null;
  const field = dependencies[0];
  if (typeof field !== 'string' || typeof when !== 'string') return null;
  if (!isVisibleState(fulfill, true) || !isVisibleState(otherwise, false)) return null;
  const whole = /^\s*\{\{([\s\S]*)\}\}\s*$/.exec(when);
  if (!whole) return null;
  const parsed = parseRuleExpression(whole[1].trim());
  return parsed ? { field, ...parsed } : null;
}

function parseRuleExpression(text: string): Omit<VisibilityRule, 'field'> | null {
  const compact = text.replace(/\s+/g, ' ');
  if (compact === ruleExpression('filled', [])) return { operator: 'filled', values: [] };
  if (compact === ruleExpression('empty', [])) return { operator: 'empty', values: [] };
  const dep = '\\$deps\\[0\\]';
  let match = new RegExp(`^${dep} (===|!==) (.+)$`).exec(compact);
  if (match) {
    const values = parseLiterals(match[2]);
    if (values?.length !== 1) return null;
    return { operator: match[1] === '===' ? 'equals' : 'notEquals', values };
  }
  match = new RegExp(`^\\[(.*)\\]\\.includes\\(${dep}\\)$`).exec(compact);
  if (match) {
    const values = parseLiterals(match[1]);
    return values && values.length > 0 ? { operator: 'oneOf', values } : null;
  }
  match = new RegExp(`^\\(${dep} \\|\\| \\[\\]\\)\\.includes\\((.+)\\)$`).exec(compact);
  if (match) {
    const values = parseLiterals(match[1]);
    return values?.length === 1 ? { operator: 'contains', values } : null;
  }
  return null;
}

export function literal(value: Literal): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** A comma-separated list of literals: quoted strings, numbers, true, false. */
export function parseLiterals(text: string): Literal[] | null {
  const values: Literal[] = [];
  let i = 0;
  const skipSpace = () => {
    while (text[i] === ' ') i += 1;
  };
  skipSpace();
  while (i < text.length) {
    const quote = text[i];
    if (quote === "'" || quote === '"') {
      let value = '';
      i += 1;
      while (i < text.length && text[i] !== quote) {
        if (text[i] === '\\') {
          const next = text[i + 1];
          value += next === 'n' ? '\n' : next;
          i += 2;
        } else {
          value += text[i];
          i += 1;
        }
      }
      if (text[i] !== quote) return null;
      i += 1;
      values.push(value);
    } else {
      const match = /^(true|false|-?\d+(?:\.\d+)?)/.exec(text.slice(i));
      if (!match) return null;
      values.push(match[1] === 'true' ? true : match[1] === 'false' ? false : Number(match[1]));
      i += match[1].length;
    }
    skipSpace();
    if (i < text.length) {
      if (text[i] !== ',') return null;
      i += 1;
      skipSpace();
    }
  }
  return values;
}

function isVisibleState(value: unknown, visible: boolean): boolean {
  if (!isObject(value) || Object.keys(value).join() !== 'state') return false;
  const state = value.state;
  return isObject(state) && Object.keys(state).join() === 'visible' && state.visible === visible;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
