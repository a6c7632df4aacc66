import { isEngineError } from '../engine.error';
import { CHINA_MAINLAND_CALENDAR } from './china-holidays';
import { validateCalendarData, WorkingCalendar } from './working-calendar';

const china = new WorkingCalendar(CHINA_MAINLAND_CALENDAR);
const plain = new WorkingCalendar({ holidays: [], workdays: [] });
const at = (text: string) => new Date(text);

describe('WorkingCalendar.isWorkingDay', () => {
  it('treats Monday to Friday as working and the weekend as not by default', () => {
    expect(plain.isWorkingDay(at('2026-03-02T10:00:00+08:00'))).toBe(true); // Monday
    expect(plain.isWorkingDay(at('2026-03-06T10:00:00+08:00'))).toBe(true); // Friday
    expect(plain.isWorkingDay(at('2026-03-07T10:00:00+08:00'))).toBe(false); // Saturday
    expect(plain.isWorkingDay(at('2026-03-08T10:00:00+08:00'))).toBe(false); // Sunday
  });

  it('counts a make-up Saturday as a working day', () => {
    expect(china.isWorkingDay(at('2026-02-14T09:00:00+08:00'))).toBe(true);
    expect(china.isWorkingDay(at('2026-02-28T09:00:00+08:00'))).toBe(true);
    expect(plain.isWorkingDay(at('2026-02-14T09:00:00+08:00'))).toBe(false);
  });

  it('does not count a holiday that falls on a weekday', () => {
    expect(china.isWorkingDay(at('2026-02-16T09:00:00+08:00'))).toBe(false); // Monday, 春节
    expect(china.isWorkingDay(at('2026-10-01T09:00:00+08:00'))).toBe(false); // Thursday, 国庆
    expect(plain.isWorkingDay(at('2026-02-16T09:00:00+08:00'))).toBe(true);
  });

  it('judges the local date, not the UTC date', () => {
    // 2026-03-06T20:00Z is already Saturday 04:00 in UTC+8.
    expect(china.isWorkingDay(at('2026-03-06T20:00:00Z'))).toBe(false);
    // 2026-03-08T17:00Z is Monday 01:00 in UTC+8 but still Sunday in UTC.
    expect(china.isWorkingDay(at('2026-03-08T17:00:00Z'))).toBe(true);
  });

  it('honours a custom weekend and UTC offset', () => {
    const calendar = new WorkingCalendar({
      weekend: [5, 6],
      holidays: [],
      workdays: [],
      utcOffsetMinutes: -300,
    });
    // 2026-03-06T03:00Z is Thursday 22:00 at UTC-5, a working day there.
    expect(calendar.isWorkingDay(at('2026-03-06T03:00:00Z'))).toBe(true);
    expect(calendar.isWorkingDay(at('2026-03-06T12:00:00Z'))).toBe(false); // Friday
    expect(calendar.isWorkingDay(at('2026-03-08T12:00:00Z'))).toBe(true); // Sunday
  });

  it('rejects an invalid date', () => {
    expect(() => china.isWorkingDay(new Date('nonsense'))).toThrow('must be a valid date');
  });
});

describe('WorkingCalendar.addWorkingDays', () => {
  it('lands a 30-working-day deadline from 2026-02-02 across the Spring Festival on 2026-03-20', () => {
    // From Monday 2026-02-02 (its own day does not count):
    //  1-4   Feb 3, 4, 5, 6 (Tue-Fri); Feb 7-8 weekend
    //  5-9   Feb 9, 10, 11, 12, 13 (Mon-Fri)
    //  10    Feb 14 (Saturday, make-up working day)
    //        Feb 15-23 Spring Festival holiday (Sun 15 … Mon 23)
    //  11-14 Feb 24, 25, 26, 27 (Tue-Fri)
    //  15    Feb 28 (Saturday, make-up working day); Mar 1 Sunday
    //  16-20 Mar 2-6;  21-25 Mar 9-13;  26-30 Mar 16, 17, 18, 19, 20
    const due = china.addWorkingDays(at('2026-02-02T10:00:00+08:00'), 30);
    expect(due.toISOString()).toBe(new Date('2026-03-20T23:59:59.999+08:00').toISOString());
    // Without the holiday calendar the same count ends four working days earlier.
    expect(plain.addWorkingDays(at('2026-02-02T10:00:00+08:00'), 30)).toEqual(
      at('2026-03-16T23:59:59.999+08:00'),
    );
  });

  it('returns the end of the start day for 0 and never counts the start day', () => {
    expect(china.addWorkingDays(at('2026-03-02T08:00:00+08:00'), 0)).toEqual(
      at('2026-03-02T23:59:59.999+08:00'),
    );
    expect(china.addWorkingDays(at('2026-03-02T08:00:00+08:00'), 1)).toEqual(
      at('2026-03-03T23:59:59.999+08:00'),
    );
    // Friday + 1 skips the weekend.
    expect(china.addWorkingDays(at('2026-03-06T08:00:00+08:00'), 1)).toEqual(
      at('2026-03-09T23:59:59.999+08:00'),
    );
  });

  it('starts counting from a holiday or weekend start day like any other', () => {
    // Saturday 2026-10-03 (国庆): next working days are Oct 8, Oct 9, Oct 10 (make-up Saturday).
    expect(china.addWorkingDays(at('2026-10-03T12:00:00+08:00'), 3)).toEqual(
      at('2026-10-10T23:59:59.999+08:00'),
    );
  });

  it('rejects negative and fractional counts', () => {
    const from = at('2026-03-02T08:00:00+08:00');
    for (const n of [-1, 1.5, Number.NaN]) {
      let caught: unknown;
      try {
        china.addWorkingDays(from, n);
      } catch (error) {
        caught = error;
      }
      expect(isEngineError(caught, 'INVALID_ARGUMENT')).toBe(true);
    }
  });
});

describe('WorkingCalendar.workingDaysBetween', () => {
  // A reply due in 7 working days from Wednesday 2026-02-11, across the Spring Festival:
  // Feb 12 (1), 13 (2), 14 make-up Saturday (3), holiday Feb 15-23, 24 (4), 25 (5), 26 (6),
  // 27 (7), 28 make-up Saturday (8).
  const assigned = at('2026-02-11T15:00:00+08:00');

  it('counts a return on 2026-02-26 as working day 6 (on time) and 02-28 as day 8 (late)', () => {
    expect(china.addWorkingDays(assigned, 7)).toEqual(at('2026-02-27T23:59:59.999+08:00'));
    expect(china.workingDaysBetween(assigned, at('2026-02-26T09:00:00+08:00'))).toBe(6);
    expect(china.workingDaysBetween(assigned, at('2026-02-28T09:00:00+08:00'))).toBe(8);
  });

  it('is 0 on the same day or when `to` is earlier', () => {
    expect(china.workingDaysBetween(assigned, at('2026-02-11T23:00:00+08:00'))).toBe(0);
    expect(china.workingDaysBetween(assigned, at('2026-02-01T09:00:00+08:00'))).toBe(0);
  });

  it('agrees with addWorkingDays', () => {
    for (const n of [1, 5, 30, 250]) {
      const due = china.addWorkingDays(at('2025-01-20T09:00:00+08:00'), n);
      expect(china.workingDaysBetween(at('2025-01-20T09:00:00+08:00'), due)).toBe(n);
    }
  });
});

describe('validateCalendarData', () => {
  it('accepts the shipped China calendar and a minimal one', () => {
    expect(validateCalendarData(CHINA_MAINLAND_CALENDAR)).toEqual([]);
    expect(validateCalendarData({ holidays: [], workdays: [] })).toEqual([]);
  });

  it('lists every problem', () => {
    const problems = validateCalendarData({
      weekend: [0, 7, 0],
      holidays: ['2026-02-30', '2026-05-01', '2026-05-01', '2026-10-01'],
      workdays: ['2026-10-01', '2026-03-04', 'tomorrow'],
      utcOffsetMinutes: 2000,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'weekend: 7 is not a weekday number 0-6',
        'weekend: 0 is listed twice',
        `holidays: "2026-02-30" is not a valid 'YYYY-MM-DD' date`,
        'holidays: 2026-05-01 is listed twice',
        `workdays: "tomorrow" is not a valid 'YYYY-MM-DD' date`,
        '2026-10-01 is listed both as a holiday and as a workday',
        'utcOffsetMinutes must be a whole number of minutes between -720 and 840',
      ]),
    );
    expect(problems).toHaveLength(7);
  });

  it('flags a make-up working day that is not on the weekend', () => {
    expect(validateCalendarData({ holidays: [], workdays: ['2026-03-04'] })).toEqual([
      'workdays: 2026-03-04 is not a weekend day, so listing it changes nothing',
    ]);
  });

  it('rejects non-objects, missing lists and a seven-day weekend', () => {
    expect(validateCalendarData(null)).toEqual(['calendar data must be an object']);
    expect(validateCalendarData({})).toEqual([
      "holidays must be a list of 'YYYY-MM-DD' dates",
      "workdays must be a list of 'YYYY-MM-DD' dates",
    ]);
    expect(
      validateCalendarData({ weekend: [0, 1, 2, 3, 4, 5, 6], holidays: [], workdays: [] }),
    ).toEqual(['weekend cannot contain all seven weekdays']);
  });

  it('makes the constructor throw INVALID_ARGUMENT with the problems', () => {
    expect(() => new WorkingCalendar({ holidays: ['2026-13-01'], workdays: [] })).toThrow(
      /invalid calendar: holidays: "2026-13-01"/,
    );
  });
});

describe('WorkingCalendar.toJSON', () => {
  it('round-trips with defaults filled in and does not share arrays', () => {
    const data = { holidays: ['2026-05-01'], workdays: ['2026-05-09'] };
    const json = new WorkingCalendar(data).toJSON();
    expect(json).toEqual({
      weekend: [0, 6],
      holidays: ['2026-05-01'],
      workdays: ['2026-05-09'],
      utcOffsetMinutes: 480,
    });
    json.holidays.push('2026-05-02');
    expect(new WorkingCalendar(data).toJSON().holidays).toEqual(['2026-05-01']);
    expect(JSON.parse(JSON.stringify(new WorkingCalendar(json)))).toEqual(json);
  });
});

describe('WorkingCalendar.addWorkingDaysKeepingTime', () => {
  it('lands on the n-th working day at the same local time of day', () => {
    // Thursday 2026-03-05 16:45 + 2 working days: Friday, then Monday 03-09
    expect(china.addWorkingDaysKeepingTime(at('2026-03-05T16:45:00+08:00'), 2)).toEqual(
      at('2026-03-09T16:45:00+08:00'),
    );
    // across the Spring Festival: Friday 2026-02-13 + 1 is make-up Saturday 02-14, + 2 is 02-24
    expect(china.addWorkingDaysKeepingTime(at('2026-02-13T09:00:00+08:00'), 2)).toEqual(
      at('2026-02-24T09:00:00+08:00'),
    );
  });

  it('lands on the same local day as addWorkingDays', () => {
    const inUtc8 = (date: Date) =>
      new Date(date.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    const from = at('2025-09-26T10:30:00+08:00');
    for (const n of [1, 3, 8, 40]) {
      const day = inUtc8(china.addWorkingDays(from, n)).slice(0, 10);
      expect(inUtc8(china.addWorkingDaysKeepingTime(from, n))).toBe(`${day}T10:30:00.000+08:00`);
    }
  });

  it('needs at least one working day', () => {
    expect(() => china.addWorkingDaysKeepingTime(at('2026-03-02T09:00:00+08:00'), 0)).toThrow(
      />= 1/,
    );
  });
});
