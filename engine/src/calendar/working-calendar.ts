import { EngineError } from '../engine.error';
import {
  atLocalTimeOfDay,
  dayNumberOfParts,
  endOfLocalDay,
  type LocalDateParts,
  localDayNumber,
  parseIsoDate,
  weekdayOfDayNumber,
} from './local-time';

export interface CalendarData {
  /** Non-working weekdays, 0 = Sunday; default [0, 6]. */
  weekend?: number[];
  /** Public holidays (non-working) as 'YYYY-MM-DD' local dates. */
  holidays: string[];
  /** Make-up working days (调休): weekend dates that are working days, 'YYYY-MM-DD'. */
  workdays: string[];
  /** Offset of the calendar's local time from UTC in minutes; default 480 (China, no DST). */
  utcOffsetMinutes?: number;
}

export const DEFAULT_WEEKEND: readonly number[] = [0, 6];
export const DEFAULT_UTC_OFFSET_MINUTES = 480;

// Real offsets run from UTC-12:00 to UTC+14:00.
const MIN_OFFSET_MINUTES = -720;
const MAX_OFFSET_MINUTES = 840;

/** Lists every problem at once so an editor can show them all, not just the first. */
export function validateCalendarData(data: unknown): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return ['calendar data must be an object'];
  }
  const record = data as Record<string, unknown>;
  const problems: string[] = [];

  const weekend = checkWeekend(record.weekend ?? DEFAULT_WEEKEND, problems);
  const holidays = checkDateList(record.holidays, 'holidays', problems);
  const workdays = checkDateList(record.workdays, 'workdays', problems);
  for (const date of holidays) {
    if (workdays.has(date)) problems.push(`${date} is listed both as a holiday and as a workday`);
  }
  if (weekend !== null) {
    for (const date of workdays) {
      const parts = parseIsoDate(date) as LocalDateParts;
      if (!weekend.has(weekdayOfDayNumber(dayNumberOfParts(parts)))) {
        problems.push(`workdays: ${date} is not a weekend day, so listing it changes nothing`);
      }
    }
  }

  const offset = record.utcOffsetMinutes;
  if (
    offset !== undefined &&
    (!Number.isInteger(offset) ||
      (offset as number) < MIN_OFFSET_MINUTES ||
      (offset as number) > MAX_OFFSET_MINUTES)
  ) {
    problems.push(
      `utcOffsetMinutes must be a whole number of minutes between ${MIN_OFFSET_MINUTES} and ${MAX_OFFSET_MINUTES}`,
    );
  }
  return problems;
}

/** The weekend as a set, or null when it is malformed. */
function checkWeekend(value: unknown, problems: string[]): Set<number> | null {
  if (!Array.isArray(value)) {
    problems.push('weekend must be a list of weekday numbers (0 = Sunday … 6 = Saturday)');
    return null;
  }
  const seen = new Set<number>();
  let valid = true;
  for (const day of value) {
    if (typeof day !== 'number' || !Number.isInteger(day) || day < 0 || day > 6) {
      problems.push(`weekend: ${JSON.stringify(day)} is not a weekday number 0-6`);
      valid = false;
    } else if (seen.has(day)) {
      problems.push(`weekend: ${day} is listed twice`);
    } else {
      seen.add(day);
    }
  }
  // With every weekday off, counting working days could never finish.
  if (seen.size === 7) problems.push('weekend cannot contain all seven weekdays');
  return valid ? seen : null;
}

function checkDateList(value: unknown, field: string, problems: string[]): Set<string> {
  const valid = new Set<string>();
  if (!Array.isArray(value)) {
    problems.push(`${field} must be a list of 'YYYY-MM-DD' dates`);
    return valid;
  }
  for (const item of value) {
    if (typeof item !== 'string' || parseIsoDate(item) === null) {
      problems.push(`${field}: ${JSON.stringify(item)} is not a valid 'YYYY-MM-DD' date`);
    } else if (valid.has(item)) {
      problems.push(`${field}: ${item} is listed twice`);
    } else {
      valid.add(item);
    }
  }
  return valid;
}

function assertValidDate(at: Date, name: string): void {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    throw new EngineError('INVALID_ARGUMENT', `${name} must be a valid date`);
  }
}

/**
 * Decides working days for one district: weekends and public holidays are off, make-up days
 * (调休) are on. Days are judged on the calendar's local date, whatever the host's time zone.
 */
export class WorkingCalendar {
  readonly utcOffsetMinutes: number;
  private readonly weekend: Set<number>;
  private readonly holidays: Set<number>;
  private readonly workdays: Set<number>;
  private readonly data: CalendarData;

  constructor(data: CalendarData) {
    const problems = validateCalendarData(data);
    if (problems.length > 0) {
      throw new EngineError('INVALID_ARGUMENT', `invalid calendar: ${problems.join('; ')}`, {
        problems,
      });
    }
    this.data = {
      weekend: [...(data.weekend ?? DEFAULT_WEEKEND)],
      holidays: [...data.holidays],
      workdays: [...data.workdays],
      utcOffsetMinutes: data.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES,
    };
    this.utcOffsetMinutes = this.data.utcOffsetMinutes as number;
    this.weekend = new Set(this.data.weekend);
    this.holidays = toDayNumbers(data.holidays);
    this.workdays = toDayNumbers(data.workdays);
  }

  isWorkingDay(at: Date): boolean {
    assertValidDate(at, 'at');
    return this.isWorkingDayNumber(localDayNumber(at, this.utcOffsetMinutes));
  }

  /** End (23:59:59.999 local) of the n-th working day after `from`'s local date; from's own day never counts. n >= 0 (0 → end of from's day). */
  addWorkingDays(from: Date, n: number): Date {
    assertValidDate(from, 'from');
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new EngineError(
        'INVALID_ARGUMENT',
        `working days must be a whole number >= 0, got ${n}`,
      );
    }
    let day = localDayNumber(from, this.utcOffsetMinutes);
    for (let counted = 0; counted < n;) {
      day += 1;
      if (this.isWorkingDayNumber(day)) counted += 1;
    }
    return endOfLocalDay(day, this.utcOffsetMinutes);
  }

  /**
   * The same local time of day as `from`, on the n-th working day after from's local date (n >= 1).
   * A repeating timer such as R/P5WD keeps its hour this way, where a due date (addWorkingDays)
   * means the whole of its last day.
   */
  addWorkingDaysKeepingTime(from: Date, n: number): Date {
    if (!Number.isSafeInteger(n) || n < 1) {
      throw new EngineError(
        'INVALID_ARGUMENT',
        `working days must be a whole number >= 1, got ${n}`,
      );
    }
    const lastDay = localDayNumber(this.addWorkingDays(from, n), this.utcOffsetMinutes);
    return atLocalTimeOfDay(lastDay, from, this.utcOffsetMinutes);
  }

  /** How many working days lie after from's local date up to and including to's local date (0 if to is on or before from's date). */
  workingDaysBetween(from: Date, to: Date): number {
    assertValidDate(from, 'from');
    assertValidDate(to, 'to');
    const last = localDayNumber(to, this.utcOffsetMinutes);
    let count = 0;
    for (let day = localDayNumber(from, this.utcOffsetMinutes) + 1; day <= last; day += 1) {
      if (this.isWorkingDayNumber(day)) count += 1;
    }
    return count;
  }

  toJSON(): CalendarData {
    return {
      weekend: [...(this.data.weekend as number[])],
      holidays: [...this.data.holidays],
      workdays: [...this.data.workdays],
      utcOffsetMinutes: this.utcOffsetMinutes,
    };
  }

  private isWorkingDayNumber(day: number): boolean {
    if (this.workdays.has(day)) return true;
    if (this.holidays.has(day)) return false;
    return !this.weekend.has(weekdayOfDayNumber(day));
  }
}

/** Only called after validation, so every date parses. */
function toDayNumbers(dates: string[]): Set<number> {
  return new Set(dates.map((date) => dayNumberOfParts(parseIsoDate(date) as LocalDateParts)));
}
