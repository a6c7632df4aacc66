import { deepEqual } from './data-paths';
import type { Check, FieldType } from './form-model';
import { checkFormat, isDateTime, isIsoDate } from './formats';
import { isPlainObject } from './schema-problems';

/** zh-CN messages the user sees beside a field. */
export const MESSAGES = {
  required: '此项为必填',
  unknownField: '表单中没有此字段',
  notDisplayed: '此项当前不显示，不能填写',
  readOnly: '此项为只读，不能修改',
  notObject: '提交的数据应为对象',
  notConverged: '表单联动规则无法稳定，请检查表单设计',
} as const;

const TYPE_MESSAGES: Record<FieldType, string> = {
  object: '应为一组字段（对象）',
  array: '应为列表',
  string: '应为文本',
  number: '应为数字',
  integer: '应为整数',
  boolean: '应为“是”或“否”',
  void: '',
  date: '请输入正确的日期（YYYY-MM-DD）',
  datetime: '请输入正确的日期时间',
};

/** The type error of a non-empty value, or null when the value has the declared type. */
export function typeError(type: FieldType | undefined, value: unknown): string | null {
  const ok = (() => {
    switch (type) {
      case undefined:
      case 'void':
        return true;
      case 'object':
        return isPlainObject(value);
      case 'array':
        return Array.isArray(value);
      case 'string':
        return typeof value === 'string';
      case 'number':
        return typeof value === 'number' && Number.isFinite(value);
      case 'integer':
        return Number.isInteger(value);
      case 'boolean':
        return typeof value === 'boolean';
      case 'date':
        return isIsoDate(value);
      case 'datetime':
        return isDateTime(value);
    }
  })();
  return ok ? null : TYPE_MESSAGES[type!];
}

/** Every failing check's message (a field can break several rules at once). */
export function checkErrors(checks: Check[], value: unknown): string[] {
  const errors: string[] = [];
  for (const check of checks) {
    const message = failing(check, value);
    if (message !== null) errors.push(check.message ?? message);
  }
  return errors;
}

function failing(check: Check, value: unknown): string | null {
  const text =
    typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  const size =
    typeof value === 'string' ? [...value].length : Array.isArray(value) ? value.length : undefined;
  const unit = Array.isArray(value) ? '项' : '个字符';
  switch (check.kind) {
    case 'format':
      return text === undefined ? null : checkFormat(check.format, value);
    case 'pattern':
      return text === undefined || check.regex.test(text) ? null : '格式不正确';
    case 'minimum':
      return typeof value === 'number' && value < check.limit ? `不能小于 ${check.limit}` : null;
    case 'maximum':
      return typeof value === 'number' && value > check.limit ? `不能大于 ${check.limit}` : null;
    case 'exclusiveMinimum':
      return typeof value === 'number' && value <= check.limit ? `必须大于 ${check.limit}` : null;
    case 'exclusiveMaximum':
      return typeof value === 'number' && value >= check.limit ? `必须小于 ${check.limit}` : null;
    case 'minLength':
      return size !== undefined && size < check.limit ? `至少 ${check.limit} ${unit}` : null;
    case 'maxLength':
      return size !== undefined && size > check.limit ? `最多 ${check.limit} ${unit}` : null;
    case 'length':
      return size !== undefined && size !== check.limit ? `应为 ${check.limit} ${unit}` : null;
    case 'whitespace':
      return typeof value === 'string' && value.trim() === '' ? '不能只包含空白字符' : null;
    case 'uniqueItems':
      return Array.isArray(value) &&
        value.some((item, i) => value.findIndex((other) => deepEqual(other, item)) !== i)
        ? '不能有重复项'
        : null;
    case 'enum': {
      const allowed = (item: unknown) => check.values.some((option) => deepEqual(option, item));
      const ok = Array.isArray(value) ? value.every(allowed) : allowed(value);
      return ok ? null : '不在可选范围内';
    }
  }
}
