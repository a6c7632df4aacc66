import { isEngineError } from '../engine.error';
import { CHINA_MAINLAND_CALENDAR } from './china-holidays';
import { previewSchedule } from './schedule-preview';
import { WorkingCalendar } from './working-calendar';

const calendar = new WorkingCalendar(CHINA_MAINLAND_CALENDAR);
// Monday 2026-01-05, 09:00 Beijing time
const now = new Date('2026-01-05T09:00:00+08:00');
const iso = (text: string) => new Date(text).toISOString();

describe('previewSchedule', () => {
  it('shows a repeating timer occurrence by occurrence, counting its repetitions', () => {
    const preview = previewSchedule(
      { kind: 'timeCycle', value: 'R3/PT10M' },
      { now, calendar, count: 5 },
    );
    expect(preview.total).toBe(3);
    expect(preview.occurrences.map((o) => o.at.toISOString())).toEqual([
      iso('2026-01-05T09:10:00+08:00'),
      iso('2026-01-05T09:20:00+08:00'),
      iso('2026-01-05T09:30:00+08:00'),
    ]);
  });

  it('stops at the count for a cycle that repeats for ever', () => {
    const preview = previewSchedule(
      { kind: 'timeCycle', value: 'R/2026-01-10T09:00:00+08:00/P1M' },
      { now, calendar, count: 2 },
    );
    expect(preview.total).toBeNull();
    expect(preview.occurrences.map((o) => [o.localDate, o.weekday, o.workingDay])).toEqual([
      ['2026-01-10', 6, false], // a Saturday
      ['2026-02-10', 2, true],
    ]);
  });

  it('counts working days past weekends and holidays, as due dates do', () => {
    // 2026-01-05 + 5 working days: Tue 6 … Fri 9, Mon 12
    const timer = previewSchedule(
      { kind: 'timeDuration', value: 'P5WD' },
      { now, calendar, count: 5 },
    );
    const due = previewSchedule({ kind: 'dueDate', value: 'P5WD' }, { now, calendar, count: 5 });
    expect(timer).toEqual(due);
    expect(timer.total).toBe(1);
    expect(timer.occurrences).toEqual([
      {
        at: new Date('2026-01-12T23:59:59.999+08:00'),
        localDate: '2026-01-12',
        weekday: 1,
        workingDay: true,
      },
    ]);
  });

  it('refuses what the runtime refuses, with its message', () => {
    let error: unknown;
    try {
      previewSchedule({ kind: 'timeDate', value: 'P5D' }, { now, calendar, count: 5 });
    } catch (caught) {
      error = caught;
    }
    expect(isEngineError(error, 'INVALID_ARGUMENT')).toBe(true);
    expect((error as Error).message).toMatch(/timeDate 'P5D' is not a date/);
    expect(() =>
      previewSchedule({ kind: 'timeCycle', value: 'R3/PT10M' }, { now, calendar, count: 0 }),
    ).toThrow(/count must be/);
  });
});
