import { EngineError } from '../engine.error';
import { CHINA_MAINLAND_CALENDAR } from './china-holidays';
import { parseDueSpec, parseIsoDuration, resolveDueDate, validateDueSpec } from './due-date';
import { WorkingCalendar } from './working-calendar';

const calendar = new WorkingCalendar(CHINA_MAINLAND_CALENDAR);
const at = (text: string) => new Date(text);
const due = (spec: string, now: string) => resolveDueDate(spec, { now: at(now), calendar });

describe('parseIsoDuration', () => {
  it('reads every component', () => {
    expect(parseIsoDuration('P1Y2M10DT2H30M')).toEqual({
      years: 1,
      months: 2,
      weeks: 0,
      days: 10,
      hours: 2,
      minutes: 30,
      seconds: 0,
    });
    expect(parseIsoDuration('P2W')).toMatchObject({ weeks: 2, days: 0 });
    expect(parseIsoDuration('PT1.5S').seconds).toBe(1.5);
    expect(parseIsoDuration('PT0,25S').seconds).toBe(0.25);
  });

  it.each(['P', 'PT', 'P1DT', '3M', 'P1H', 'PT1D', 'P1.5D', 'P-1D', 'p1d', 'P1M2Y'])(
    'rejects %s',
    (text) => {
      expect(() => parseIsoDuration(text)).toThrow(EngineError);
    },
  );
});

describe('resolveDueDate with ISO durations', () => {
  it('adds calendar months, keeping the local time of day', () => {
    expect(due('P3M', '2026-01-15T10:30:00+08:00')).toEqual(at('2026-04-15T10:30:00+08:00'));
  });

  it('clamps a month-end to the last day of a shorter month (P1M)', () => {
    expect(due('P1M', '2026-01-31T14:00:00+08:00')).toEqual(at('2026-02-28T14:00:00+08:00'));
    expect(due('P1M', '2028-01-31T14:00:00+08:00')).toEqual(at('2028-02-29T14:00:00+08:00'));
    expect(due('P1M', '2026-03-31T14:00:00+08:00')).toEqual(at('2026-04-30T14:00:00+08:00'));
    expect(due('P1Y', '2028-02-29T09:00:00+08:00')).toEqual(at('2029-02-28T09:00:00+08:00'));
  });

  it('clamps in local time even when the UTC date is a day behind', () => {
    // 2026-01-31T01:00 in UTC+8 is still Jan 30 in UTC; the local date must decide.
    expect(due('P1M', '2026-01-31T01:00:00+08:00')).toEqual(at('2026-02-28T01:00:00+08:00'));
  });

  it('adds a 6-month duration as a plain date, across a year end', () => {
    expect(due('P6M', '2026-09-30T09:00:00+08:00')).toEqual(at('2027-03-30T09:00:00+08:00'));
  });

  it('adds a 2-year duration', () => {
    expect(due('P2Y', '2026-05-20T09:00:00+08:00')).toEqual(at('2028-05-20T09:00:00+08:00'));
  });

  it('applies months first, then days and time', () => {
    expect(due('P1Y2M10DT2H30M', '2026-01-31T08:00:00+08:00')).toEqual(
      // 2027-03-31 (months), + 10 days = 2027-04-10, + 2h30m
      at('2027-04-10T10:30:00+08:00'),
    );
  });

  it('adds hours and weeks as exact time', () => {
    expect(due('PT36H', '2026-03-06T18:00:00+08:00')).toEqual(at('2026-03-08T06:00:00+08:00'));
    expect(due('P2W', '2026-03-06T18:00:00+08:00')).toEqual(at('2026-03-20T18:00:00+08:00'));
    expect(due('PT0S', '2026-03-06T18:00:00+08:00')).toEqual(at('2026-03-06T18:00:00+08:00'));
  });
});

describe('resolveDueDate with working days', () => {
  it('resolves P<n>WD through the calendar to the end of that day', () => {
    // From Friday 2026-09-18: Sep 20 (make-up Sunday) 1, Sep 21-24 2-5, Sep 25-27 中秋,
    // Sep 28-30 6-8, Oct 1-7 国庆, Oct 8 9.
    expect(due('P9WD', '2026-09-18T16:00:00+08:00')).toEqual(at('2026-10-08T23:59:59.999+08:00'));
    expect(due('P7WD', '2026-03-02T09:00:00+08:00')).toEqual(
      calendar.addWorkingDays(at('2026-03-02T09:00:00+08:00'), 7),
    );
  });
});

describe('resolveDueDate with dates', () => {
  it('turns a date into the end of that local day', () => {
    expect(due('2026-03-01', '2026-01-05T09:00:00+08:00')).toEqual(
      at('2026-03-01T23:59:59.999+08:00'),
    );
  });

  it('reads a date-time without an offset in the calendar time zone', () => {
    expect(due('2026-03-01T09:00', '2026-01-05T09:00:00+08:00')).toEqual(
      at('2026-03-01T01:00:00Z'),
    );
    expect(due('2026-03-01T09:00:00.5', '2026-01-05T09:00:00+08:00')).toEqual(
      at('2026-03-01T01:00:00.500Z'),
    );
  });

  it('keeps an explicit offset', () => {
    expect(due('2026-03-01T09:00:00Z', '2026-01-05T09:00:00+08:00')).toEqual(
      at('2026-03-01T09:00:00Z'),
    );
    expect(due('2026-03-01T09:00:00-0530', '2026-01-05T09:00:00+08:00')).toEqual(
      at('2026-03-01T14:30:00Z'),
    );
    expect(due(' 2026-03-01T09:00+09:00 ', '2026-01-05T09:00:00+08:00')).toEqual(
      at('2026-03-01T00:00:00Z'),
    );
  });

  it('uses the calendar offset for local dates', () => {
    const utc = new WorkingCalendar({ holidays: [], workdays: [], utcOffsetMinutes: 0 });
    const now = at('2026-01-05T09:00:00Z');
    expect(resolveDueDate('2026-03-01', { now, calendar: utc })).toEqual(
      at('2026-03-01T23:59:59.999Z'),
    );
    expect(resolveDueDate('2026-03-01T09:00', { now, calendar: utc })).toEqual(
      at('2026-03-01T09:00:00Z'),
    );
  });
});

describe('invalid specs', () => {
  const invalidSpecs: Array<[string, RegExp]> = [
    ['', /empty due date/],
    ['soon', /not a due date: expected an ISO 8601 duration/],
    ['P', /not an ISO 8601 duration/],
    ['P3X', /not an ISO 8601 duration/],
    ['P-3D', /not an ISO 8601 duration/],
    ['2026-02-30', /not a real calendar date/],
    ['2026-3-1', /not a due date/],
    ['2026-03-01T25:00', /not a real date and time/],
    ['2026-03-01T09:00+15:00', /invalid UTC offset/],
    ['2026-03-01 09:00', /not a due date/],
    ['= dueDate', /is an expression/],
    ['P99999999999999999D', /too large/],
    ['P999999999D', /out of range/],
  ];

  it.each(invalidSpecs)('rejects %p with a message', (spec, message) => {
    const result = validateDueSpec(spec);
    if (!/out of range/.test(message.source)) expect(result).toMatch(message);
    let caught: unknown;
    try {
      resolveDueDate(spec, { now: at('2026-01-05T09:00:00+08:00'), calendar });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EngineError);
    expect((caught as EngineError).code).toBe('INVALID_ARGUMENT');
    expect((caught as EngineError).message).toMatch(message);
  });

  it('accepts valid specs', () => {
    for (const spec of ['P3M', 'P7WD', 'P0WD', 'PT36H', '2026-03-01', '2026-03-01T09:00:00Z']) {
      expect(validateDueSpec(spec)).toBeNull();
    }
  });
});

describe('parseDueSpec', () => {
  it('tells the kinds apart', () => {
    expect(parseDueSpec('P2W').kind).toBe('duration');
    expect(parseDueSpec('P2WD')).toEqual({ kind: 'workingDays', days: 2 });
    expect(parseDueSpec('2026-03-01')).toEqual({
      kind: 'date',
      date: { year: 2026, month: 3, day: 1 },
    });
    expect(parseDueSpec('2026-03-01T09:15')).toMatchObject({
      kind: 'dateTime',
      utcOffsetMinutes: null,
    });
  });
});
