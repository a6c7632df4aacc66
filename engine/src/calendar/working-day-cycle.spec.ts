import { CHINA_MAINLAND_CALENDAR } from './china-holidays';
import { nextTimerDue, type TimerDefinition } from './timer-schedule';
import { WorkingCalendar } from './working-calendar';

const china = new WorkingCalendar(CHINA_MAINLAND_CALENDAR);
const at = (text: string) => new Date(text);
const cycle = (value: string): TimerDefinition => ({ kind: 'timeCycle', value });

/** Shows an instant as the calendar's local wall-clock time (UTC+8), for readable expectations. */
const local = (date: Date | undefined) =>
  date && new Date(date.getTime() + 8 * 3_600_000).toISOString().replace('.000Z', '+08:00');

/** The first `count` due times of a cycle, each asked for right when the one before fell due. */
function dues(def: TimerDefinition, now: Date, count: number, calendar = china): string[] {
  const seen: string[] = [];
  let previousDueAt: Date | undefined;
  for (let firedCount = 0; firedCount < count; firedCount += 1) {
    const next = nextTimerDue(def, {
      now: previousDueAt ?? now,
      calendar,
      previousDueAt,
      firedCount,
    });
    if (!next) break;
    previousDueAt = next.dueAt;
    seen.push(local(next.dueAt) as string);
  }
  return seen;
}

describe('working-day cycles (R/…/P<n>WD)', () => {
  it('repeats every 5 working days from when it is scheduled, keeping the time of day', () => {
    // Monday 2026-03-02 09:00: every 5 working days is every Monday while no holiday intervenes
    expect(dues(cycle('R/P5WD'), at('2026-03-02T09:00:00+08:00'), 3)).toEqual([
      '2026-03-09T09:00:00+08:00',
      '2026-03-16T09:00:00+08:00',
      '2026-03-23T09:00:00+08:00',
    ]);
  });

  it('skips weekends and public holidays, and counts make-up working days', () => {
    // From Thursday 2026-04-02, every 3 working days: Fri 04-03 (1); 04-04…06 清明 (Sat–Mon);
    // Tue 04-07 (2), Wed 04-08 (3); then Thu 04-09, Fri 04-10, Mon 04-13
    expect(dues(cycle('R/P3WD'), at('2026-04-02T14:00:00+08:00'), 2)).toEqual([
      '2026-04-08T14:00:00+08:00',
      '2026-04-13T14:00:00+08:00',
    ]);
    // From Thursday 2026-04-30: 05-01…05 劳动节; Wed 05-06 (1), Thu 05-07 (2), Fri 05-08 (3),
    // Saturday 05-09 is a make-up working day (4), Monday 05-11 (5)
    expect(dues(cycle('R/P5WD'), at('2026-04-30T14:00:00+08:00'), 1)).toEqual([
      '2026-05-11T14:00:00+08:00',
    ]);
  });

  it('fires R3 three times, then is exhausted', () => {
    const def = cycle('R3/P5WD');
    expect(dues(def, at('2026-03-02T09:00:00+08:00'), 10)).toEqual([
      '2026-03-09T09:00:00+08:00',
      '2026-03-16T09:00:00+08:00',
      '2026-03-23T09:00:00+08:00',
    ]);
    expect(nextTimerDue(def, { now: at('2026-03-02T09:00:00+08:00'), calendar: china })).toEqual({
      dueAt: at('2026-03-09T09:00:00+08:00'),
      remaining: 3,
    });
  });

  it('with a start: the start is the first occurrence, the next ones count from it', () => {
    const def = cycle('R3/2026-03-02T09:00:00+08:00/P5WD');
    expect(dues(def, at('2026-03-01T00:00:00+08:00'), 10)).toEqual([
      '2026-03-02T09:00:00+08:00',
      '2026-03-09T09:00:00+08:00',
      '2026-03-16T09:00:00+08:00',
    ]);
  });

  it('with a start in the past: the first occurrence at or after now is due, missed ones counted', () => {
    const def = cycle('R3/2026-03-02T09:00:00+08:00/P5WD');
    expect(nextTimerDue(def, { now: at('2026-03-10T12:00:00+08:00'), calendar: china })).toEqual({
      dueAt: at('2026-03-16T09:00:00+08:00'),
      remaining: 1,
    });
    expect(nextTimerDue(def, { now: at('2026-03-16T09:00:00+08:00'), calendar: china })).toEqual({
      dueAt: at('2026-03-16T09:00:00+08:00'),
      remaining: 1,
    });
    expect(nextTimerDue(def, { now: at('2026-03-17T00:00:00+08:00'), calendar: china })).toBeNull();
    // a bounded cycle knows which occurrence follows a previous one, even without firedCount
    expect(
      nextTimerDue(def, {
        now: at('2026-03-16T09:00:01+08:00'),
        calendar: china,
        previousDueAt: at('2026-03-16T09:00:00+08:00'),
      }),
    ).toBeNull();
  });

  it('keeps a start on a non-working day as its first occurrence', () => {
    // Saturday 2026-03-07 09:00, then Monday 03-09 and Tuesday 03-10
    expect(
      dues(cycle('R/2026-03-07T09:00:00+08:00/P1WD'), at('2026-03-01T00:00:00+08:00'), 3),
    ).toEqual([
      '2026-03-07T09:00:00+08:00',
      '2026-03-09T09:00:00+08:00',
      '2026-03-10T09:00:00+08:00',
    ]);
  });

  it('counts from the previous due time on the calendar in force: a holiday added later moves it', () => {
    const def = cycle('R/P5WD');
    const previousDueAt = at('2026-03-09T09:00:00+08:00');
    const now = at('2026-03-09T09:00:05+08:00');
    const plain = new WorkingCalendar({ holidays: [], workdays: [] });
    const withHoliday = new WorkingCalendar({ holidays: ['2026-03-12'], workdays: [] });
    expect(local(nextTimerDue(def, { now, calendar: plain, previousDueAt })?.dueAt)).toBe(
      '2026-03-16T09:00:00+08:00',
    );
    expect(local(nextTimerDue(def, { now, calendar: withHoliday, previousDueAt })?.dueAt)).toBe(
      '2026-03-17T09:00:00+08:00',
    );
  });

  it('counts from the previous due time even when that is long past (the caller may skip)', () => {
    const next = nextTimerDue(cycle('R/P5WD'), {
      now: at('2026-06-01T00:00:00+08:00'),
      calendar: china,
      previousDueAt: at('2026-03-09T09:00:00+08:00'),
      firedCount: 1,
    });
    expect(local(next?.dueAt)).toBe('2026-03-16T09:00:00+08:00');
  });

  it('judges working days on the local date and keeps the local time across UTC midnight', () => {
    // 01:30 in UTC+8 is still the previous day in UTC
    expect(
      dues(cycle('R/2026-03-06T01:30:00+08:00/P1WD'), at('2026-03-01T00:00:00+08:00'), 2),
    ).toEqual(['2026-03-06T01:30:00+08:00', '2026-03-09T01:30:00+08:00']);
  });
});
