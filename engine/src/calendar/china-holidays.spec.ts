import { CHINA_MAINLAND_CALENDAR } from './china-holidays';
import { validateCalendarData, WorkingCalendar } from './working-calendar';

const calendar = new WorkingCalendar(CHINA_MAINLAND_CALENDAR);
const isWorking = (date: string) => calendar.isWorkingDay(new Date(`${date}T12:00:00+08:00`));

describe('CHINA_MAINLAND_CALENDAR', () => {
  it('is valid: real dates, no duplicates, every make-up day on a weekend', () => {
    expect(validateCalendarData(CHINA_MAINLAND_CALENDAR)).toEqual([]);
  });

  it('has the number of holiday days the notices announce', () => {
    const inYear = (year: string) =>
      CHINA_MAINLAND_CALENDAR.holidays.filter((date) => date.startsWith(year)).length;
    expect(inYear('2025')).toBe(1 + 8 + 3 + 5 + 3 + 8);
    expect(inYear('2026')).toBe(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(CHINA_MAINLAND_CALENDAR.workdays).toHaveLength(11);
  });

  it('spells out whole breaks, first and last day included', () => {
    expect(isWorking('2026-02-13')).toBe(true);
    for (let day = 15; day <= 23; day += 1) expect(isWorking(`2026-02-${day}`)).toBe(false);
    expect(isWorking('2026-02-24')).toBe(true);
    expect(isWorking('2025-10-08')).toBe(false); // Wednesday, last day of 国庆/中秋 2025
    expect(isWorking('2025-10-09')).toBe(true);
  });

  it('makes the announced weekend days working days', () => {
    for (const date of ['2025-01-26', '2025-02-08', '2025-04-27', '2026-01-04', '2026-09-20']) {
      expect(isWorking(date)).toBe(true);
    }
  });
});
