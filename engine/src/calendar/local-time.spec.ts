import {
  addLocalMonths,
  dayNumberToIsoDate,
  daysInMonth,
  endOfLocalDay,
  localDayNumber,
  parseIsoDate,
  weekdayOfDayNumber,
} from './local-time';

describe('local-time', () => {
  it('numbers local days and weekdays in the given offset', () => {
    const lateFriday = new Date('2026-03-06T17:30:00Z'); // Saturday 01:30 in UTC+8
    expect(dayNumberToIsoDate(localDayNumber(lateFriday, 480))).toBe('2026-03-07');
    expect(dayNumberToIsoDate(localDayNumber(lateFriday, 0))).toBe('2026-03-06');
    expect(weekdayOfDayNumber(localDayNumber(lateFriday, 480))).toBe(6);
    expect(weekdayOfDayNumber(localDayNumber(new Date('1969-12-28T12:00:00Z'), 0))).toBe(0);
  });

  it('ends a local day at its last millisecond', () => {
    const day = localDayNumber(new Date('2026-03-06T10:00:00+08:00'), 480);
    expect(endOfLocalDay(day, 480)).toEqual(new Date('2026-03-06T23:59:59.999+08:00'));
  });

  it('adds months with end-of-month clamping, forwards and backwards', () => {
    const jan31 = new Date('2026-01-31T09:00:00+08:00');
    expect(addLocalMonths(jan31, 1, 480)).toEqual(new Date('2026-02-28T09:00:00+08:00'));
    expect(addLocalMonths(jan31, 13, 480)).toEqual(new Date('2027-02-28T09:00:00+08:00'));
    expect(addLocalMonths(jan31, -2, 480)).toEqual(new Date('2025-11-30T09:00:00+08:00'));
  });

  it('knows leap years', () => {
    expect([2024, 2025, 1900, 2000].map((year) => daysInMonth(year, 2))).toEqual([29, 28, 28, 29]);
  });

  it('parses only real dates', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    for (const text of ['2026-02-29', '2026-00-10', '2026-04-31', '26-01-01', '2026-1-1']) {
      expect(parseIsoDate(text)).toBeNull();
    }
  });
});
