import { EngineError } from '../engine.error';
import {
  addLocalMonths,
  dayNumberOfParts,
  endOfLocalDay,
  fromLocalParts,
  type LocalDateParts,
  type LocalDateTimeParts,
  MS_PER_DAY,
  parseIsoDate,
} from './local-time';
import { type WorkingCalendar } from './working-calendar';

export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  /** May carry a fraction (PT0.5S). */
  seconds: number;
}

export type DueSpec =
  | { kind: 'duration'; duration: IsoDuration }
  | { kind: 'workingDays'; days: number }
  | { kind: 'date'; date: LocalDateParts }
  /** utcOffsetMinutes null: the text named no offset, so the calendar's local time applies. */
  | { kind: 'dateTime'; dateTime: LocalDateTimeParts; utcOffsetMinutes: number | null };

export interface DueDateContext {
  now: Date;
  calendar: WorkingCalendar;
}

const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const WORKING_DAYS = /^P(\d+)WD$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

const EXPECTED =
  'expected an ISO 8601 duration (P3M, PT36H), working days (P7WD), a date (2026-03-01) ' +
  'or a date-time (2026-03-01T09:00:00+08:00)';

function invalid(message: string): never {
  throw new EngineError('INVALID_ARGUMENT', message);
}

export function parseIsoDuration(text: string): IsoDuration {
  const match = DURATION.exec(text);
  // The regex accepts "P" and "P…T" with nothing after them; ISO requires at least one part.
  if (!match || text === 'P' || text.endsWith('T')) {
    invalid(`'${text}' is not an ISO 8601 duration such as P3M, P1Y2M10DT2H30M or PT36H`);
  }
  const [years, months, weeks, days, hours, minutes] = match
    .slice(1, 7)
    .map((part) => (part === undefined ? 0 : Number(part)));
  const seconds = match[7] === undefined ? 0 : Number(match[7].replace(',', '.'));
  if (
    ![years, months, weeks, days, hours, minutes].every(Number.isSafeInteger) ||
    seconds > Number.MAX_SAFE_INTEGER
  ) {
    invalid(`'${text}' has a number too large to use`);
  }
  return { years, months, weeks, days, hours, minutes, seconds };
}

export function isZeroDuration(duration: IsoDuration): boolean {
  return Object.values(duration).every((value) => value === 0);
}

/**
 * Adds `times` × duration: years and months as calendar months in local time (clamped to the
 * month's last day), the rest as exact time. Multiplying before adding is what keeps a monthly
 * cycle anchored on its start instead of drifting after a short month.
 */
export function addIsoDuration(
  from: Date,
  duration: IsoDuration,
  utcOffsetMinutes: number,
  times = 1,
): Date {
  const months = (duration.years * 12 + duration.months) * times;
  const exactMs =
    ((duration.weeks * 7 + duration.days) * MS_PER_DAY +
      duration.hours * 3_600_000 +
      duration.minutes * 60_000 +
      Math.round(duration.seconds * 1000)) *
    times;
  const result = new Date(addLocalMonths(from, months, utcOffsetMinutes).getTime() + exactMs);
  if (Number.isNaN(result.getTime())) invalid('the resulting date is out of range');
  return result;
}

export function parseDueSpec(spec: string): DueSpec {
  const text = spec.trim();
  if (text === '') invalid(`an empty due date; ${EXPECTED}`);
  if (text.startsWith('=') || text.startsWith('${')) {
    invalid(`'${text}' is an expression; evaluate it before resolving the due date`);
  }
  const workingDays = WORKING_DAYS.exec(text);
  if (workingDays) {
    const days = Number(workingDays[1]);
    if (!Number.isSafeInteger(days)) invalid(`'${text}' has a number too large to use`);
    return { kind: 'workingDays', days };
  }
  if (text.startsWith('P')) return { kind: 'duration', duration: parseIsoDuration(text) };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const date = parseIsoDate(text);
    if (!date) invalid(`'${text}' is not a real calendar date`);
    return { kind: 'date', date };
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return parseDateTime(text);
  invalid(`'${text}' is not a due date: ${EXPECTED}`);
}

export function parseDateTime(text: string): Extract<DueSpec, { kind: 'dateTime' }> {
  const match = DATE_TIME.exec(text);
  if (!match) {
    invalid(`'${text}' is not an ISO 8601 date-time such as 2026-03-01T09:00:00+08:00`);
  }
  const date = parseIsoDate(match[1]);
  const [hour, minute, second] = [match[2], match[3], match[4] ?? '0'].map(Number);
  const millisecond = Number((match[5] ?? '0').padEnd(3, '0').slice(0, 3));
  if (!date || hour > 23 || minute > 59 || second > 59) {
    invalid(`'${text}' is not a real date and time`);
  }
  const utcOffsetMinutes = parseOffset(match[6]);
  if (Number.isNaN(utcOffsetMinutes)) invalid(`'${text}' has an invalid UTC offset`);
  return {
    kind: 'dateTime',
    dateTime: { ...date, hour, minute, second, millisecond },
    utcOffsetMinutes,
  };
}

function parseOffset(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (text === 'Z') return 0;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 14 || minutes > 59) return NaN;
  return (text.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

/** Turns a parsed spec into an instant; shared with timers so both read dates the same way. */
export function resolveParsedDueSpec(spec: DueSpec, ctx: DueDateContext): Date {
  const offset = ctx.calendar.utcOffsetMinutes;
  switch (spec.kind) {
    case 'duration':
      return addIsoDuration(ctx.now, spec.duration, offset);
    case 'workingDays':
      return ctx.calendar.addWorkingDays(ctx.now, spec.days);
    case 'date':
      return endOfLocalDay(dayNumberOfParts(spec.date), offset);
    case 'dateTime':
      return fromLocalParts(spec.dateTime, spec.utcOffsetMinutes ?? offset);
  }
}

export function resolveDueDate(spec: string, ctx: DueDateContext): Date {
  if (Number.isNaN(ctx.now.getTime())) invalid('now must be a valid date');
  return resolveParsedDueSpec(parseDueSpec(spec), ctx);
}

/** A message for an editor, or null when the spec is valid. */
export function validateDueSpec(spec: string): string | null {
  try {
    parseDueSpec(spec);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
