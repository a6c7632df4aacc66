import { type DueSpec } from './due-date';
import { fromLocalParts } from './local-time';
import type { TimerContext, TimerDue } from './timer-schedule';
import { type WorkingCalendar } from './working-calendar';

export interface WorkingDayCycle {
  /** null: repeats forever. */
  repetitions: number | null;
  /** null: the cycle starts when it is first scheduled. */
  start: Extract<DueSpec, { kind: 'dateTime' }> | null;
  days: number;
}

// A start decades back is walked day by day; this bounds the walk (about 270 years of days).
const MAX_WALKED_OCCURRENCES = 100_000;

/**
 * The next occurrence of a cycle such as R/P5WD or R3/2026-03-02T09:00:00+08:00/P5WD. Working days
 * have no closed form like calendar durations: each occurrence is the same local time of day on
 * the n-th working day after the one before it, counted on the calendar as it is when asked. So
 * an occurrence always counts from the previous due time, and a holiday added to the calendar
 * moves every occurrence computed after that.
 *
 * Without a start the cycle counts from when it was first scheduled (`now`), then from each due
 * time. With a start, the start is the first occurrence; without a previous one, the first
 * occurrence at or after now is due (the ones before it were missed); after one, the next counts
 * from it, even when that is already past (the caller decides whether to skip it).
 */
export function nextWorkingDayOccurrence(
  cycle: WorkingDayCycle,
  ctx: TimerContext,
  firedCount: number,
): TimerDue | null {
  const { calendar, previousDueAt } = ctx;
  const remaining = (index: number): TimerDue['remaining'] =>
    cycle.repetitions === null ? 'infinite' : cycle.repetitions - index;
  const next = (from: Date) => calendar.addWorkingDaysKeepingTime(from, cycle.days);

  if (cycle.start === null) {
    return { dueAt: next(previousDueAt ?? ctx.now), remaining: remaining(firedCount) };
  }
  const startAt = fromLocalParts(
    cycle.start.dateTime,
    cycle.start.utcOffsetMinutes ?? calendar.utcOffsetMinutes,
  );
  if (previousDueAt === undefined) {
    const first = walkFrom(startAt, calendar, cycle.days, (at) => at >= ctx.now.getTime());
    if (first === null || exhausted(cycle, first.index)) return null;
    return { dueAt: first.dueAt, remaining: remaining(first.index) };
  }
  if (previousDueAt.getTime() < startAt.getTime()) {
    return { dueAt: startAt, remaining: remaining(0) };
  }
  // Only a bounded cycle needs to know which occurrence this is: count those up to the previous.
  let index = firedCount;
  if (cycle.repetitions !== null) {
    const after = walkFrom(startAt, calendar, cycle.days, (at) => at > previousDueAt.getTime());
    if (after === null) return null;
    index = Math.max(firedCount, after.index);
    if (exhausted(cycle, index)) return null;
  }
  return { dueAt: next(previousDueAt), remaining: remaining(index) };
}

function exhausted(cycle: WorkingDayCycle, index: number): boolean {
  return cycle.repetitions !== null && index >= cycle.repetitions;
}

/** The first occurrence from the start on that `isWanted`, and its index (0 = the start). */
function walkFrom(
  startAt: Date,
  calendar: WorkingCalendar,
  days: number,
  isWanted: (at: number) => boolean,
): { dueAt: Date; index: number } | null {
  let dueAt = startAt;
  for (let index = 0; index < MAX_WALKED_OCCURRENCES; index += 1) {
    if (isWanted(dueAt.getTime())) return { dueAt, index };
    dueAt = calendar.addWorkingDaysKeepingTime(dueAt, days);
  }
  return null;
}
