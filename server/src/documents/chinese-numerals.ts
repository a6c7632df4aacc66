const DIGITS = '〇一二三四五六七八九';
const UNITS = ['', '十', '百', '千'];

/**
 * An integer in Chinese counting form (12 → 十二, 105 → 一百〇五, 2026 → 二千〇二十六), as
 * official documents number their items. Up to 9999; beyond that, Arabic digits.
 */
export function chineseNumber(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 9999) return String(value);
  if (value === 0) return '〇';
  const digits = String(value).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((digit, i) => {
    const unit = UNITS[digits.length - 1 - i];
    if (digit === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '〇';
    pendingZero = false;
    // 十二, not 一十二, when ten is the leading unit
    out += digit === 1 && unit === '十' && out === '' ? unit : DIGITS[digit] + unit;
  });
  return out;
}

/** 2026 → 二〇二六: years are read digit by digit. */
export function chineseDigits(value: number | string): string {
  return String(value)
    .split('')
    .map((c) => (/\d/.test(c) ? DIGITS[Number(c)] : c))
    .join('');
}

/**
 * The date in the official-document form (GB/T 9704: 成文日期 in Chinese numerals):
 * 二〇二六年十一月二十二日, in the district's local time (UTC+8 unless told otherwise).
 */
export function chineseDate(value: unknown, utcOffsetMinutes = 480): string {
  const date =
    value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() + utcOffsetMinutes * 60_000);
  return (
    `${chineseDigits(local.getUTCFullYear())}年` +
    `${chineseNumber(local.getUTCMonth() + 1)}月` +
    `${chineseNumber(local.getUTCDate())}日`
  );
}
