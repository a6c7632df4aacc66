/**
 * Wall-clock arithmetic in a fixed UTC offset. Calendars carry their own offset instead of using
 * the host's time zone, so results never depend on where the server happens to run.
 */

export const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

export interface LocalDateParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export interface LocalDateTimeParts extends LocalDateParts {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** Days since 1970-01-01 of the local date `at` falls on. */
export function localDayNumber(at: Date, utcOffsetMinutes: number): number {
  return Math.floor((at.getTime() + utcOffsetMinutes * MS_PER_MINUTE) / MS_PER_DAY);
}

/** 0 = Sunday; 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function dayNumberOfParts(parts: LocalDateParts): number {
  const midnight = { ...parts, hour: 0, minute: 0, second: 0, millisecond: 0 };
  return fromLocalParts(midnight, 0).getTime() / MS_PER_DAY;
}

export function dayNumberToIsoDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The last millisecond of a local day, so a deadline "on" that day includes all of it. */
export function endOfLocalDay(dayNumber: number, utcOffsetMinutes: number): Date {
  return new Date((dayNumber + 1) * MS_PER_DAY - 1 - utcOffsetMinutes * MS_PER_MINUTE);
}

/** The instant on a local day at the local time of day `timeOf` shows (a cycle keeps its hour). */
export function atLocalTimeOfDay(dayNumber: number, timeOf: Date, utcOffsetMinutes: number): Date {
  const offsetMs = utcOffsetMinutes * MS_PER_MINUTE;
  const msIntoDay = (((timeOf.getTime() + offsetMs) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  return new Date(dayNumber * MS_PER_DAY + msIntoDay - offsetMs);
}

export function toLocalParts(at: Date, utcOffsetMinutes: number): LocalDateTimeParts {
  const shifted = new Date(at.getTime() + utcOffsetMinutes * MS_PER_MINUTE);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
  };
}

export function fromLocalParts(parts: LocalDateTimeParts, utcOffsetMinutes: number): Date {
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const utc = new Date(0);
  utc.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  utc.setUTCHours(parts.hour, parts.minute, parts.second, parts.millisecond);
  return new Date(utc.getTime() - utcOffsetMinutes * MS_PER_MINUTE);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * Adds calendar months keeping the local time of day; a day that does not exist in the target
 * month becomes that month's last day (Jan 31 + 1 month = Feb 28/29), as people read "a month".
 */
export function addLocalMonths(at: Date, months: number, utcOffsetMinutes: number): Date {
  if (months === 0) return new Date(at.getTime());
  const parts = toLocalParts(at, utcOffsetMinutes);
  const monthIndex = parts.year * 12 + (parts.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(parts.day, daysInMonth(year, month));
  return fromLocalParts({ ...parts, year, month, day }, utcOffsetMinutes);
}

/** Parses 'YYYY-MM-DD' strictly (real calendar dates only); null when it is not one. */
export function parseIsoDate(text: string): LocalDateParts | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (parts.month < 1 || parts.month > 12) return null;
  if (parts.day < 1 || parts.day > daysInMonth(parts.year, parts.month)) return null;
  return parts;
}
