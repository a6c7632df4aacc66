import { EngineError } from '../engine.error';
import { resolveDueDate } from './due-date';
import { dayNumberToIsoDate, localDayNumber, weekdayOfDayNumber } from './local-time';
import { nextTimerDue, type TimerKind } from './timer-schedule';
import { type WorkingCalendar } from './working-calendar';

/** A timer of a timer event, or a task's due / reminder date (`camunda:dueDate`). */
export type ScheduleKind = TimerKind | 'dueDate';

export interface ScheduleOccurrence {
  at: Date;
  /** The calendar's local date, 'YYYY-MM-DD'. */
  localDate: string;
  /** 0 = Sunday. */
  weekday: number;
  workingDay: boolean;
}

export interface SchedulePreview {
  occurrences: ScheduleOccurrence[];
  /** How many times it fires in all: 1 for a one-shot timer or a due date, null for ever. */
  total: number | null;
}

export interface SchedulePreviewContext {
  now: Date;
  calendar: WorkingCalendar;
  /** At most this many occurrences (1–50). */
  count: number;
}

const MAX_COUNT = 50;

/**
 * The first occurrences of a timer (or due date) reached now, computed by the very functions the
 * runtime schedules with: a cycle steps from each due time to the next as timer starts do
 * (timer-start.schedule.ts). Invalid values throw the runtime's INVALID_ARGUMENT message.
 */
export function previewSchedule(
  def: { kind: ScheduleKind; value: string },
  ctx: SchedulePreviewContext,
): SchedulePreview {
  if (!Number.isSafeInteger(ctx.count) || ctx.count < 1 || ctx.count > MAX_COUNT) {
    throw new EngineError('INVALID_ARGUMENT', `count must be a whole number 1-${MAX_COUNT}`);
  }
  const occurrence = (at: Date): ScheduleOccurrence => {
    const day = localDayNumber(at, ctx.calendar.utcOffsetMinutes);
    return {
      at,
      localDate: dayNumberToIsoDate(day),
      weekday: weekdayOfDayNumber(day),
      workingDay: ctx.calendar.isWorkingDay(at),
    };
  };
  if (def.kind === 'dueDate') {
    const at = resolveDueDate(def.value, { now: ctx.now, calendar: ctx.calendar });
    return { occurrences: [occurrence(at)], total: 1 };
  }

  const timer = { kind: def.kind, value: def.value };
  const occurrences: ScheduleOccurrence[] = [];
  let total: number | null = 0;
  let previousDueAt: Date | undefined;
  for (let firedCount = 0; occurrences.length < ctx.count; firedCount++) {
    const next = nextTimerDue(timer, {
      now: ctx.now,
      calendar: ctx.calendar,
      previousDueAt,
      firedCount,
    });
    if (!next) break;
    if (firedCount === 0) total = next.remaining === 'infinite' ? null : next.remaining;
    occurrences.push(occurrence(next.dueAt));
    previousDueAt = next.dueAt;
  }
  return { occurrences, total };
}
