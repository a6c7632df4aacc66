/**
 * The working calendar as the admin edits it: holidays (days off, weekdays or whole breaks) and
 * make-up working days (调休, always a Saturday or Sunday), as sorted `YYYY-MM-DD` lists.
 */
export interface CalendarData {
  holidays: string[];
  workdays: string[];
}

export type Brush = 'holiday' | 'workday' | 'clear';
export type DayMark = 'holiday' | 'workday' | undefined;

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** 0 = Sunday … 6 = Saturday, for a calendar date (no time zone involved). */
export function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

export function markOf(calendar: CalendarData, date: string): DayMark {
  if (calendar.holidays.includes(date)) return 'holiday';
  if (calendar.workdays.includes(date)) return 'workday';
  return undefined;
}

/** The days of a month (1-based) with blanks before the first so that weeks start on Monday. */
export function monthCells(year: number, month: number): (string | null)[] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const first = isoDate(year, month, 1);
  const lead = (weekday(first) + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= days; day += 1) cells.push(isoDate(year, month, day));
  return cells;
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  const [y, m, d] = from.split('-').map(Number);
  const cursor = new Date(Date.UTC(y, m - 1, d));
  for (let i = 0; i < 400; i += 1) {
    const date = cursor.toISOString().slice(0, 10);
    if (date > to) break;
    dates.push(date);
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return dates;
}

/**
 * The calendar with `brush` applied to `dates`. A make-up working day can only be a weekend day:
 * weekdays are skipped and returned in `skipped`.
 */
export function paint(
  calendar: CalendarData,
  dates: string[],
  brush: Brush,
): { calendar: CalendarData; skipped: string[] } {
  const holidays = new Set(calendar.holidays);
  const workdays = new Set(calendar.workdays);
  const skipped: string[] = [];
  for (const date of dates) {
    holidays.delete(date);
    workdays.delete(date);
    if (brush === 'holiday') holidays.add(date);
    if (brush === 'workday') {
      if (isWeekend(date)) workdays.add(date);
      else skipped.push(date);
    }
  }
  return {
    calendar: { holidays: [...holidays].sort(), workdays: [...workdays].sort() },
    skipped,
  };
}

/** Consecutive dates joined into ranges, for the year's summary (“10-01 – 10-07, 7 days”). */
export function toRanges(dates: string[]): { from: string; to: string; days: number }[] {
  const ranges: { from: string; to: string; days: number }[] = [];
  for (const date of [...dates].sort()) {
    const last = ranges[ranges.length - 1];
    if (last && datesBetween(last.to, date).length === 2) {
      last.to = date;
      last.days += 1;
    } else {
      ranges.push({ from: date, to: date, days: 1 });
    }
  }
  return ranges;
}

export function sameCalendar(a: CalendarData, b: CalendarData): boolean {
  return (
    a.holidays.join() === [...b.holidays].sort().join() &&
    a.workdays.join() === [...b.workdays].sort().join()
  );
}
