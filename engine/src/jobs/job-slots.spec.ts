import { CLOCK_SKEW_MS, DAY_MS, HOUR_MS, slotsOf, wakeSteps } from './job-slots';
import type { JobState } from './job.types';

const at = (iso: string) => new Date(iso);
const state = (patch: Partial<JobState>): JobState => ({
  status: 'pending',
  dueAt: at('2026-03-02T10:30:00Z'),
  attempts: 0,
  lockOwner: null,
  lockedUntil: null,
  lastError: null,
  updatedAt: at('2026-03-02T08:00:00Z'),
  ...patch,
});
const hourOf = (iso: string) => Math.floor(Date.parse(iso) / HOUR_MS);
const dayOf = (iso: string) => Math.floor(Date.parse(iso) / DAY_MS);

describe('job slots', () => {
  it('file a pending job under the hour it falls due, a running one under its lease end', () => {
    expect(slotsOf(state({}))).toEqual({
      wakeHour: hourOf('2026-03-02T10:30:00Z'),
      wakeDay: dayOf('2026-03-02T10:30:00Z'),
      doneDay: null,
    });
    const running = state({ status: 'running', lockedUntil: at('2026-03-02T12:05:00Z') });
    expect(slotsOf(running).wakeHour).toBe(hourOf('2026-03-02T12:05:00Z'));
  });

  it('never file a job before its writer’s now, and finished jobs under the day they ended', () => {
    const late = state({
      dueAt: at('2026-01-01T00:00:00Z'),
      updatedAt: at('2026-03-02T09:10:00Z'),
    });
    expect(slotsOf(late).wakeHour).toBe(hourOf('2026-03-02T09:10:00Z'));
    expect(slotsOf(state({ status: 'done' }))).toEqual({
      wakeHour: null,
      wakeDay: null,
      doneDay: dayOf('2026-03-02T08:00:00Z'),
    });
    expect(slotsOf(state({ status: 'incident' }))).toEqual({
      wakeHour: null,
      wakeDay: null,
      doneDay: null,
    });
  });

  it('walk whole past days, then the hours of today, and settle only what ended long enough ago', () => {
    const from = hourOf('2026-03-01T22:00:00Z');
    const now = at('2026-03-03T02:03:00Z');
    const steps = [...wakeSteps(from, now)];
    expect(steps.map((step) => step.filter)).toEqual([
      { wakeHour: from },
      { wakeHour: from + 1 },
      { wakeDay: dayOf('2026-03-02T00:00:00Z') },
      { wakeHour: hourOf('2026-03-03T00:00:00Z') },
      { wakeHour: hourOf('2026-03-03T01:00:00Z') },
      { wakeHour: hourOf('2026-03-03T02:00:00Z') },
    ]);
    expect(steps.map((step) => step.settled)).toEqual([true, true, true, true, false, false]);
    // the hour before now is settled once CLOCK_SKEW_MS have passed since it ended
    const later = new Date(Date.parse('2026-03-03T02:00:00Z') + CLOCK_SKEW_MS);
    expect([...wakeSteps(hourOf('2026-03-03T01:00:00Z'), later)][0].settled).toBe(true);
  });
});
