import type { Check, FieldType } from './form-model';
import { isFormatName, FORMAT_NAMES } from './formats';
import { isPlainObject, joinSchemaPath, type SchemaProblems } from './schema-problems';

/** What the keywords and x-validator entries of one field turn into. */
export interface CompiledChecks {
  checks: Check[];
  required: boolean;
  requiredMessage?: string;
}

const NUMBER_LIMITS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const;
const VALIDATOR_KEYS = new Set([
  'required',
  'pattern',
  'format',
  'min',
  'max',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'len',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'whitespace',
  'enum',
  'uniqueItems',
  'message',
  'triggerType',
]);
const MAX_PATTERN_LENGTH = 500;

/** Turns JSON Schema keywords and Formily's x-validator into checks, reporting what it cannot read. */
export function compileChecks(
  schema: Record<string, unknown>,
  type: FieldType | undefined,
  path: string,
  problems: SchemaProblems,
): CompiledChecks {
  const result: CompiledChecks = { checks: [], required: schema.required === true };
  const number = (key: string, value: unknown, at: string): number | undefined => {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    problems.add(at, `${key} 应为数字`);
    return undefined;
  };
  const count = (key: string, value: unknown, at: string): number | undefined => {
    if (Number.isInteger(value) && (value as number) >= 0) return value as number;
    problems.add(at, `${key} 应为非负整数`);
    return undefined;
  };

  for (const key of NUMBER_LIMITS) {
    if (schema[key] === undefined) continue;
    const limit = number(key, schema[key], joinSchemaPath(path, key));
    if (limit !== undefined) result.checks.push({ kind: key, limit });
  }
  for (const [key, kind] of [
    ['minLength', 'minLength'],
    ['maxLength', 'maxLength'],
    ['minItems', 'minLength'],
    ['maxItems', 'maxLength'],
  ] as const) {
    if (schema[key] === undefined) continue;
    const limit = count(key, schema[key], joinSchemaPath(path, key));
    if (limit !== undefined) result.checks.push({ kind, limit });
  }
  if (schema.pattern !== undefined) {
    const regex = compilePattern(schema.pattern, joinSchemaPath(path, 'pattern'), problems);
    if (regex) result.checks.push({ kind: 'pattern', regex });
  }
  if (schema.format !== undefined) {
    if (isFormatName(schema.format)) result.checks.push({ kind: 'format', format: schema.format });
    else problems.add(joinSchemaPath(path, 'format'), unknownFormat(schema.format));
  }
  if (schema.uniqueItems === true) result.checks.push({ kind: 'uniqueItems' });
  const values = enumValues(schema, path, problems);
  if (values) result.checks.push({ kind: 'enum', values });

  const validator = schema['x-validator'];
  if (validator !== undefined) {
    const entries = Array.isArray(validator) ? validator : [validator];
    entries.forEach((entry, i) => {
      const at = Array.isArray(validator)
        ? joinSchemaPath(path, 'x-validator', i)
        : joinSchemaPath(path, 'x-validator');
      compileValidator(entry, type, at, result, problems, { number, count });
    });
  }
  return result;
}

function compileValidator(
  entry: unknown,
  type: FieldType | undefined,
  at: string,
  result: CompiledChecks,
  problems: SchemaProblems,
  read: {
    number(key: string, value: unknown, at: string): number | undefined;
    count(key: string, value: unknown, at: string): number | undefined;
  },
): void {
  if (typeof entry === 'string') {
    if (isFormatName(entry)) result.checks.push({ kind: 'format', format: entry });
    else problems.add(at, unknownFormat(entry));
    return;
  }
  if (!isPlainObject(entry)) {
    problems.add(at, 'x-validator 只能是格式名、规则对象或它们的列表（不支持函数）');
    return;
  }
  const message = entry.message;
  if (message !== undefined && typeof message !== 'string') problems.add(at, 'message 应为文本');
  const withMessage = (check: Check): Check =>
    typeof message === 'string' ? { ...check, message } : check;
  for (const key of Object.keys(entry)) {
    if (!VALIDATOR_KEYS.has(key))
      problems.add(joinSchemaPath(at, key), `x-validator 不支持 “${key}”`);
  }
  // Formily's min/max mean a length for text and lists, a value for numbers.
  const measuresValue = type === 'number' || type === 'integer';
  for (const [key, value] of Object.entries(entry)) {
    const keyAt = joinSchemaPath(at, key);
    switch (key) {
      case 'required':
        if (value === true) {
          result.required = true;
          if (typeof message === 'string') result.requiredMessage = message;
        } else if (value !== false) problems.add(keyAt, 'required 应为 true 或 false');
        break;
      case 'pattern': {
        const regex = compilePattern(value, keyAt, problems);
        if (regex) result.checks.push(withMessage({ kind: 'pattern', regex }));
        break;
      }
      case 'format':
        if (isFormatName(value)) result.checks.push(withMessage({ kind: 'format', format: value }));
        else problems.add(keyAt, unknownFormat(value));
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const limit = read.number(key, value, keyAt);
        if (limit !== undefined) result.checks.push(withMessage({ kind: key, limit }));
        break;
      }
      case 'min':
      case 'max': {
        const limit = measuresValue
          ? read.number(key, value, keyAt)
          : read.count(key, value, keyAt);
        if (limit === undefined) break;
        const kind = measuresValue
          ? key === 'min'
            ? 'minimum'
            : 'maximum'
          : key === 'min'
            ? 'minLength'
            : 'maxLength';
        result.checks.push(withMessage({ kind, limit }));
        break;
      }
      case 'len':
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems': {
        const limit = read.count(key, value, keyAt);
        if (limit === undefined) break;
        const kind =
          key === 'len'
            ? 'length'
            : key === 'minLength' || key === 'minItems'
              ? 'minLength'
              : 'maxLength';
        result.checks.push(withMessage({ kind, limit }));
        break;
      }
      case 'whitespace':
        if (value === true) result.checks.push(withMessage({ kind: 'whitespace' }));
        break;
      case 'uniqueItems':
        if (value === true) result.checks.push(withMessage({ kind: 'uniqueItems' }));
        break;
      case 'enum':
        if (Array.isArray(value)) result.checks.push(withMessage({ kind: 'enum', values: value }));
        else problems.add(keyAt, 'enum 应为列表');
        break;
    }
  }
}

/** Enum values as Formily reads them: plain values, or `{ label, value }` (value defaults to label). */
function enumValues(
  schema: Record<string, unknown>,
  path: string,
  problems: SchemaProblems,
): unknown[] | undefined {
  if (schema.const !== undefined) return [schema.const];
  if (schema.enum === undefined) return undefined;
  if (!Array.isArray(schema.enum) || schema.enum.length === 0) {
    problems.add(joinSchemaPath(path, 'enum'), 'enum 应为非空列表');
    return undefined;
  }
  return schema.enum.map((item) =>
    isPlainObject(item) ? (Object.hasOwn(item, 'value') ? item.value : item.label) : item,
  );
}

// Nested quantifiers such as (a+)+ or (\w*)* backtrack exponentially on a crafted input.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,?\d*\})/;

function compilePattern(value: unknown, at: string, problems: SchemaProblems): RegExp | undefined {
  if (typeof value !== 'string' || value === '') {
    problems.add(at, 'pattern 应为正则表达式文本');
    return undefined;
  }
  if (value.length > MAX_PATTERN_LENGTH) {
    problems.add(at, `pattern 过长（最多 ${MAX_PATTERN_LENGTH} 个字符）`);
    return undefined;
  }
  const literal = /^\/(.+)\/([imsu]*)$/.exec(value);
  const [source, flags] = literal ? [literal[1], literal[2]] : [value, ''];
  if (NESTED_QUANTIFIER.test(source)) {
    problems.add(at, 'pattern 含有嵌套的重复（如 (a+)+），可能导致服务器长时间匹配，请改写');
    return undefined;
  }
  try {
    return new RegExp(source, flags);
  } catch (error) {
    problems.add(at, `pattern 不是有效的正则表达式：${(error as Error).message}`);
    return undefined;
  }
}

function unknownFormat(value: unknown): string {
  return `不支持的格式 “${String(value)}”，可用：${FORMAT_NAMES.join('、')}`;
}
