import dayjs from 'dayjs';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** `2025-03-01 09:30` in the person's local time; '' for nothing. */
export function formatDateTime(value: string | undefined | null): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : String(value);
}

export function formatDate(value: string | undefined | null): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD') : String(value);
}

/** "3 天后" / "in 3 days", in the current dayjs locale. */
export function formatRelative(value: string | undefined | null): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.fromNow() : '';
}

/**
 * A scalar form value as text for reading (booleans as 是/否 are left to the caller's words):
 * ISO timestamps become local dates, arrays are joined, objects become "label: value" pairs.
 */
export function formatPlainValue(
  value: unknown,
  words: { yes: string; no: string; empty: string },
): string {
  if (value === undefined || value === null || value === '') return words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'string') return ISO_DATE_TIME.test(value) ? formatDateTime(value) : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    return value.length === 0
      ? words.empty
      : value.map((v) => formatPlainValue(v, words)).join('、');
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.label === 'string') return o.label;
    if (typeof o.name === 'string') return o.name;
    return Object.entries(o)
      .map(([k, v]) => `${k}: ${formatPlainValue(v, words)}`)
      .join('；');
  }
  return String(value);
}
