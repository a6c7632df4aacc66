import { isEngineError } from '../engine.error';
import { CHINA_MAINLAND_CALENDAR } from './china-holidays';
import { nextTimerDue, type TimerDefinition, validateTimer } from './timer-schedule';
import { WorkingCalendar } from './working-calendar';

const calendar = new WorkingCalendar(CHINA_MAINLAND_CALENDAR);
const at = (text: string) => new Date(text);
const cycle = (value: string): TimerDefinition => ({ kind: 'timeCycle', value });

/** Shows an instant as the calendar's local wall-clock time (UTC+8), for readable expectations. */
const local = (date: Date) =>
  new Date(date.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

describe('nextTimerDue: timeDuration', () => {
  const now = at('2026-01-05T09:00:00+08:00');

  it('is due one duration after now, once', () => {
    expect(nextTimerDue({ kind: 'timeDuration', value: 'PT36H' }, { now, calendar })).toEqual({
      dueAt: at('2026-01-06T21:00:00+08:00'),
      remaining: 1,
    });
  });

  it('treats a 6-month timer as just a date', () => {
    const next = nextTimerDue({ kind: 'timeDuration', value: 'P6M' }, { now, calendar });
    expect(next?.dueAt).toEqual(at('2026-07-05T09:00:00+08:00'));
  });

  it('accepts working days', () => {
    // Monday 2026-01-05 + 7 working days = Wednesday 2026-01-14.
    const next = nextTimerDue({ kind: 'timeDuration', value: 'P7WD' }, { now, calendar });
    expect(next?.dueAt).toEqual(at('2026-01-14T23:59:59.999+08:00'));
  });

  it('is exhausted once it has fired', () => {
    expect(
      nextTimerDue({ kind: 'timeDuration', value: 'PT1H' }, { now, calendar, firedCount: 1 }),
    ).toBeNull();
  });
});

describe('nextTimerDue: timeDate', () => {
  const now = at('2026-01-05T09:00:00+08:00');

  it('is due at the date-time given', () => {
    expect(
      nextTimerDue({ kind: 'timeDate', value: '2026-03-01T09:00:00+08:00' }, { now, calendar }),
    ).toEqual({ dueAt: at('2026-03-01T09:00:00+08:00'), remaining: 1 });
  });

  it('reads a bare date as the end of that day, like a due date', () => {
    const next = nextTimerDue({ kind: 'timeDate', value: '2026-03-01' }, { now, calendar });
    expect(next?.dueAt).toEqual(at('2026-03-01T23:59:59.999+08:00'));
  });

  it('is still returned when already past, so an overdue timer fires', () => {
    const next = nextTimerDue({ kind: 'timeDate', value: '2025-12-01T09:00' }, { now, calendar });
    expect(next?.dueAt).toEqual(at('2025-12-01T09:00:00+08:00'));
  });
});

describe('nextTimerDue: timeCycle', () => {
  it('fires on the 10th of every month at 09:00 over 14 months', () => {
    const def = cycle('R/2026-01-10T09:00:00+08:00/P1M');
    const seen: string[] = [];
    let previousDueAt: Date | undefined;
    for (let firedCount = 0; firedCount < 14; firedCount += 1) {
      const next = nextTimerDue(def, {
        now: previousDueAt ?? at('2026-01-05T09:00:00+08:00'),
        calendar,
        previousDueAt,
        firedCount,
      });
      expect(next?.remaining).toBe('infinite');
      previousDueAt = next?.dueAt;
      seen.push(local(previousDueAt as Date));
    }
    expect(seen).toEqual(
      [
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
        '2026-11',
        '2026-12',
        '2027-01',
        '2027-02',
      ].map((month) => `${month}-10T09:00:00.000+08:00`),
    );
  });

  it('keeps a month-end cycle anchored on its start instead of drifting', () => {
    const def = cycle('R/2026-01-31T18:00:00+08:00/P1M');
    const dues: string[] = [];
    let previousDueAt: Date | undefined;
    for (let i = 0; i < 5; i += 1) {
      const next = nextTimerDue(def, { now: at('2026-01-01T00:00:00Z'), calendar, previousDueAt });
      previousDueAt = next?.dueAt;
      dues.push(local(previousDueAt as Date).slice(0, 10));
    }
    expect(dues).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
  });

  it('returns null once R3 is exhausted', () => {
    const def = cycle('R3/2026-01-10T09:00:00+08:00/P1D');
    const now = at('2026-01-01T00:00:00+08:00');
    const first = nextTimerDue(def, { now, calendar, firedCount: 0 });
    expect(first).toEqual({ dueAt: at('2026-01-10T09:00:00+08:00'), remaining: 3 });
    const second = nextTimerDue(def, { now, calendar, firedCount: 1, previousDueAt: first?.dueAt });
    expect(second).toEqual({ dueAt: at('2026-01-11T09:00:00+08:00'), remaining: 2 });
    const third = nextTimerDue(def, { now, calendar, firedCount: 2, previousDueAt: second?.dueAt });
    expect(third).toEqual({ dueAt: at('2026-01-12T09:00:00+08:00'), remaining: 1 });
    expect(
      nextTimerDue(def, { now, calendar, firedCount: 3, previousDueAt: third?.dueAt }),
    ).toBeNull();
    // The occurrences themselves run out too, whatever the count says.
    expect(nextTimerDue(def, { now, calendar, previousDueAt: third?.dueAt })).toBeNull();
  });

  it('repeats R<n>/<duration> from now, then from each due time', () => {
    const def = cycle('R2/PT1H');
    const now = at('2026-01-05T09:00:00+08:00');
    const first = nextTimerDue(def, { now, calendar });
    expect(first).toEqual({ dueAt: at('2026-01-05T10:00:00+08:00'), remaining: 2 });
    const second = nextTimerDue(def, {
      now: at('2026-01-05T10:00:05+08:00'),
      calendar,
      previousDueAt: first?.dueAt,
      firedCount: 1,
    });
    expect(second).toEqual({ dueAt: at('2026-01-05T11:00:00+08:00'), remaining: 1 });
    expect(nextTimerDue(def, { now, calendar, previousDueAt: second?.dueAt, firedCount: 2 })).toBe(
      null,
    );
  });

  it('skips missed occurrences when the start is in the past', () => {
    const def = cycle('R/2026-01-10T09:00:00+08:00/P1M');
    expect(nextTimerDue(def, { now: at('2026-04-15T12:00:00+08:00'), calendar })?.dueAt).toEqual(
      at('2026-05-10T09:00:00+08:00'),
    );
    // "At or after now": an occurrence exactly now is still due.
    expect(nextTimerDue(def, { now: at('2026-04-10T09:00:00+08:00'), calendar })?.dueAt).toEqual(
      at('2026-04-10T09:00:00+08:00'),
    );
  });

  it('after downtime returns the occurrence following previousDueAt even if already past', () => {
    const def = cycle('R/2026-01-10T09:00:00+08:00/P1M');
    const next = nextTimerDue(def, {
      now: at('2026-04-15T12:00:00+08:00'),
      calendar,
      previousDueAt: at('2026-03-10T09:00:00+08:00'),
      firedCount: 3,
    });
    expect(next?.dueAt).toEqual(at('2026-04-10T09:00:00+08:00'));
  });

  it('counts skipped occurrences against a bounded cycle', () => {
    const def = cycle('R3/2026-01-10T09:00:00+08:00/P1M');
    expect(nextTimerDue(def, { now: at('2026-02-20T00:00:00+08:00'), calendar })).toEqual({
      dueAt: at('2026-03-10T09:00:00+08:00'),
      remaining: 1,
    });
    expect(nextTimerDue(def, { now: at('2026-03-20T00:00:00+08:00'), calendar })).toBeNull();
  });

  it('finds the right occurrence years after the start', () => {
    const weekly = cycle('R/2026-01-05T09:00:00+08:00/P1W');
    const next = nextTimerDue(weekly, { now: at('2031-06-18T10:00:00+08:00'), calendar });
    expect(local(next?.dueAt as Date)).toBe('2031-06-23T09:00:00.000+08:00'); // a Monday
    const yearly = cycle('R/2024-02-29T08:00/P1Y');
    const leap = nextTimerDue(yearly, { now: at('2027-06-01T00:00:00+08:00'), calendar });
    expect(local(leap?.dueAt as Date)).toBe('2028-02-29T08:00:00.000+08:00');
  });

  it('reads a start without an offset in calendar time', () => {
    const next = nextTimerDue(cycle('R/2026-01-10T09:00/P1D'), {
      now: at('2026-01-01T00:00:00Z'),
      calendar,
    });
    expect(next?.dueAt).toEqual(at('2026-01-10T01:00:00Z'));
  });
});

describe('validateTimer', () => {
  it.each<[TimerDefinition, RegExp]>([
    [cycle('every month'), /not an ISO 8601 repeating interval/],
    [cycle('R0/PT1H'), /repeat at least once/],
    [cycle('R/2026-01-10/P1M'), /needs a time of day/],
    [cycle('R/P0WD'), /at least one working day/],
    [cycle('R/P1.5WD'), /not an ISO 8601 duration/],
    [cycle('R/2026-01-10T09:00/2026-02-10T09:00'), /must end with a duration/],
    [cycle('R/PT0S'), /longer than zero/],
    [cycle('R/2026-01-10T09:00/P1M/P1D'), /not an ISO 8601 repeating interval/],
    [{ kind: 'timeDuration', value: '2026-03-01' }, /use timeDate/],
    [{ kind: 'timeDate', value: 'P1D' }, /use timeDuration/],
    [{ kind: 'timeDuration', value: '  ' }, /has no value/],
    [{ kind: 'timeDuration', value: 'PT1X' }, /not an ISO 8601 duration/],
    [{ kind: 'timeout', value: 'PT1H' } as unknown as TimerDefinition, /timer kind must be one of/],
  ])('rejects %p', (def, message) => {
    expect(validateTimer(def)).toMatch(message);
    let caught: unknown;
    try {
      nextTimerDue(def, { now: at('2026-01-05T09:00:00+08:00'), calendar });
    } catch (error) {
      caught = error;
    }
    expect(isEngineError(caught, 'INVALID_ARGUMENT')).toBe(true);
  });

  it('accepts the documented forms', () => {
    for (const def of [
      { kind: 'timeDuration', value: 'PT36H' },
      { kind: 'timeDuration', value: 'P7WD' },
      { kind: 'timeDate', value: '2026-03-01' },
      { kind: 'timeDate', value: '2026-03-01T09:00:00+08:00' },
      cycle('R/2026-01-10T09:00:00+08:00/P1M'),
      cycle('R3/PT10M'),
      cycle('R/P5WD'),
      cycle('R3/P5WD'),
      cycle('R/2026-03-02T09:00:00+08:00/P5WD'),
    ] as TimerDefinition[]) {
      expect(validateTimer(def)).toBeNull();
    }
  });

  it('rejects a bad firedCount or date in the context', () => {
    const def = cycle('R3/PT10M');
    expect(() => nextTimerDue(def, { now: at('x'), calendar })).toThrow(/now must be a valid/);
    expect(() =>
      nextTimerDue(def, { now: at('2026-01-05T09:00:00Z'), calendar, firedCount: -1 }),
    ).toThrow(/firedCount/);
  });
});
