import { isExpressionText } from './expression-text';

/** Units of the ISO 8601 durations the builder offers. */
export const DURATION_UNITS = ['D', 'W', 'M', 'Y', 'H'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export type DueDateSpec =
  | { kind: 'none' }
  | { kind: 'workingDays'; amount: number }
  | { kind: 'duration'; amount: number; unit: DurationUnit }
  | { kind: 'date'; date: string }
  | { kind: 'expression'; expression: string }
  /** any other ISO duration or date-time: kept as written, edited as text */
  | { kind: 'other'; text: string };

export type DueDateKind = DueDateSpec['kind'];

const WORKING_DAYS = /^P(\d+)WD$/;
const SIMPLE_DURATION = /^P(\d+)([DWMY])$/;
const HOURS = /^PT(\d+)H$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FULL_DURATION =
  /^P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:[.,]\d+)?S)?)?$/;
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

export function parseDueDate(text: string | undefined): DueDateSpec {
  const value = (text ?? '').trim();
  if (value === '') return { kind: 'none' };
  if (isExpressionText(value)) return { kind: 'expression', expression: value };
  let match = WORKING_DAYS.exec(value);
  if (match) return { kind: 'workingDays', amount: Number(match[1]) };
  match = SIMPLE_DURATION.exec(value);
  if (match) return { kind: 'duration', amount: Number(match[1]), unit: match[2] as DurationUnit };
  match = HOURS.exec(value);
  if (match) return { kind: 'duration', amount: Number(match[1]), unit: 'H' };
  if (DATE.test(value)) return { kind: 'date', date: value };
  return { kind: 'other', text: value };
}

export function formatDueDate(spec: DueDateSpec): string | undefined {
  switch (spec.kind) {
    case 'none':
      return undefined;
    case 'workingDays':
      return `P${Math.max(0, Math.floor(spec.amount))}WD`;
    case 'duration': {
      const amount = Math.max(0, Math.floor(spec.amount));
      return spec.unit === 'H' ? `PT${amount}H` : `P${amount}${spec.unit}`;
    }
    case 'date':
      return spec.date.trim() === '' ? undefined : spec.date.trim();
    case 'expression':
      return spec.expression.trim() === '' ? undefined : spec.expression.trim();
    case 'other':
      return spec.text.trim() === '' ? undefined : spec.text.trim();
  }
}

/** A fresh spec of another kind, keeping the amount when it still makes sense. */
export function switchDueDateKind(spec: DueDateSpec, kind: DueDateKind): DueDateSpec {
  const amount = 'amount' in spec ? spec.amount : 7;
  switch (kind) {
    case 'none':
      return { kind };
    case 'workingDays':
      return { kind, amount };
    case 'duration':
      return { kind, amount, unit: spec.kind === 'duration' ? spec.unit : 'D' };
    case 'date':
      return { kind, date: spec.kind === 'date' ? spec.date : '' };
    case 'expression':
      return { kind, expression: spec.kind === 'expression' ? spec.expression : '= ' };
    case 'other':
      return { kind, text: formatDueDate(spec) ?? '' };
  }
}

/** Whether the engine's due-date parser accepts a non-expression text; mirrors engine/src/calendar. */
export function isValidDueDateText(text: string): boolean {
  const value = text.trim();
  if (WORKING_DAYS.test(value)) return true;
  if (FULL_DURATION.test(value)) return true;
  if (DATE.test(value)) return isRealDate(value);
  return DATE_TIME.test(value) && isRealDate(value.slice(0, 10));
}

function isRealDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
