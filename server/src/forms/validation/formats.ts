/**
 * The formats a form may name (`format`, or `x-validator: 'email'` as Formily writes it), with the
 * zh-CN message shown when a value does not match. Formily's own format names are kept so the
 * browser and the server agree on what each one means.
 */
export type FormatName =
  | 'email'
  | 'phone'
  | 'url'
  | 'date'
  | 'date-time'
  | 'integer'
  | 'number'
  | 'idcard'
  | 'zip'
  | 'money'
  | 'zh';

interface Format {
  test(value: unknown): boolean;
  message: string;
}

const matches = (regex: RegExp) => (value: unknown) =>
  typeof value === 'string' && regex.test(value);

const FORMATS: Record<FormatName, Format> = {
  email: {
    test: matches(/^[\w.+-]+@[A-Za-z\d-]+(\.[A-Za-z\d-]+)*\.[A-Za-z]{2,}$/),
    message: '请输入正确的电子邮箱地址',
  },
  // Mainland mobile numbers, or landlines with an area code (010-12345678, 0571 8888888).
  phone: {
    test: matches(/^(?:1[3-9]\d{9}|0\d{2,3}[- ]?\d{7,8}(?:-\d{1,6})?)$/),
    message: '请输入正确的电话号码',
  },
  url: { test: matches(/^https?:\/\/[^\s/$.?#][^\s]*$/i), message: '请输入正确的网址' },
  date: { test: isIsoDate, message: '请输入正确的日期（YYYY-MM-DD）' },
  'date-time': { test: isDateTime, message: '请输入正确的日期时间' },
  integer: {
    test: (v) => (typeof v === 'number' ? Number.isInteger(v) : matches(/^[+-]?\d+$/)(v)),
    message: '请输入整数',
  },
  number: {
    test: (v) =>
      typeof v === 'number' ? Number.isFinite(v) : matches(/^[+-]?(\d+(\.\d+)?|\.\d+)$/)(v),
    message: '请输入数字',
  },
  idcard: { test: isResidentIdNumber, message: '请输入正确的身份证号码' },
  zip: { test: matches(/^\d{6}$/), message: '请输入正确的邮政编码' },
  money: {
    test: (v) =>
      typeof v === 'number' ? Number.isFinite(v) : matches(/^[+-]?\d+(\.\d{1,2})?$/)(v),
    message: '请输入正确的金额',
  },
  zh: { test: matches(/^[\u3400-\u9fff\uf900-\ufaff]+$/), message: '只能输入中文' },
};

export function isFormatName(name: unknown): name is FormatName {
  return typeof name === 'string' && Object.hasOwn(FORMATS, name);
}

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export function checkFormat(name: FormatName, value: unknown): string | null {
  const format = FORMATS[name];
  return format.test(value) ? null : format.message;
}

export function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** ISO 8601 with an offset, or the "YYYY-MM-DD HH:mm(:ss)" antd's DatePicker submits. */
export function isDateTime(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match =
    /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      value,
    );
  if (!match || !isIsoDate(match[1])) return false;
  const [hour, minute, second] = [match[2], match[3], match[4] ?? '0'].map(Number);
  return hour < 24 && minute < 60 && second < 60;
}

/** GB 11643-1999: 17 digits, then a check digit (0-9 or X) over weights 2^(17-i) mod 11. */
function isResidentIdNumber(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{17}[\dXx]$/.test(value)) return false;
  if (!isIsoDate(`${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`))
    return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  return '10X98765432'[sum % 11] === value[17].toUpperCase();
}
