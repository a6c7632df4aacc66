import { CHINA_MAINLAND_CALENDAR, WorkingCalendar } from '../calendar';
import { clockFunctions } from './clock-functions';
import { evaluateExpression } from './feel-expressions';

describe('clockFunctions', () => {
  const calendar = new WorkingCalendar(CHINA_MAINLAND_CALENDAR);
  // 2026-04-30 18:00 UTC is already 2026-05-01 02:00 in Beijing: the first day of 劳动节
  const now = new Date('2026-04-30T18:00:00Z');
  const run = (text: string, variables: Record<string, unknown> = {}) =>
    evaluateExpression(text, { ...variables, ...clockFunctions(now, calendar) });

  it('reads the engine clock in the calendar time zone, not the machine clock', () => {
    expect(run('= today()')).toBe('2026-05-01');
    expect(run('= string(now())')).toBe('2026-05-01T02:00:00+08:00');
    expect(run('= today() + duration("P5D")')).toBe('2026-05-06');
  });

  it('counts working days across the May Day holiday and its make-up working day', () => {
    // 5-1..5-5 are holidays, 5-9 (Saturday) is a make-up working day
    expect(run('= add working days(today(), 1)')).toBe('2026-05-06');
    expect(run('= add working days("2026-05-08", 1)')).toBe('2026-05-09');
    expect(run('= add working days(assignedOn, 7)', { assignedOn: '2026-04-28' })).toBe(
      '2026-05-11',
    );
    expect(run('= count working days("2026-04-28", "2026-05-11")')).toBe(7);
  });

  it('answers null for what is not a date or a whole number', () => {
    expect(run('= add working days("soon", 3)')).toBeNull();
    expect(run('= add working days(today(), -1)')).toBeNull();
    expect(run('= add working days(today(), 1.5)')).toBeNull();
  });
});
