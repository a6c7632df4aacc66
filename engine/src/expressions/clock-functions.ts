import { date as feelDate, dateAndTime as feelDateAndTime } from 'feelin';
import {
  dayNumberOfParts,
  dayNumberToIsoDate,
  endOfLocalDay,
  localDayNumber,
  parseIsoDate,
  toLocalParts,
} from '../calendar/local-time';
import type { WorkingCalendar } from '../calendar';

/**
 * FEEL functions that read the engine's clock and the district's working calendar. FEEL's own
 * now() and today() read the machine's wall clock, which is wrong under a virtual clock (tests,
 * replays) and in the wrong time zone on a UTC server; these shadow them, so a process can write
 * `= add working days(today(), params.returnWindowDays)` or `= today() + duration("P5D")`.
 */
export function clockFunctions(now: Date, calendar: WorkingCalendar): Record<string, unknown> {
  const offset = calendar.utcOffsetMinutes;
  return {
    now: () => feelDateAndTime(localDateTimeText(now, offset)),
    today: () => feelDate(dayNumberToIsoDate(localDayNumber(now, offset))),
    'add working days': (from: unknown, days: unknown) => {
      const start = instantOf(from, offset);
      if (!start || typeof days !== 'number' || !Number.isSafeInteger(days) || days < 0)
        return null;
      const end = calendar.addWorkingDays(start, days);
      return feelDate(dayNumberToIsoDate(localDayNumber(end, offset)));
    },
    'count working days': (from: unknown, to: unknown) => {
      const start = instantOf(from, offset);
      const end = instantOf(to, offset);
      return start && end ? calendar.workingDaysBetween(start, end) : null;
    },
  };
}

/** A FEEL date or date-time (or its ISO text) as an instant; a bare date is that local day. */
function instantOf(value: unknown, offset: number): Date | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  const day = parseIsoDate(text);
  if (day) return endOfLocalDay(dayNumberOfParts(day), offset);
  const at = new Date(text.replace(/@.*$/, ''));
  return Number.isNaN(at.getTime()) ? null : at;
}

function localDateTimeText(at: Date, offset: number): string {
  const p = toLocalParts(at, offset);
  const two = (n: number) => String(n).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}` +
    `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
  );
}
