import { EngineError } from '../engine.error';
import {
  addIsoDuration,
  type DueSpec,
  type IsoDuration,
  isZeroDuration,
  parseDateTime,
  parseDueSpec,
  parseIsoDuration,
  resolveParsedDueSpec,
} from './due-date';
import { fromLocalParts, MS_PER_DAY } from './local-time';
import { type WorkingCalendar } from './working-calendar';
import { nextWorkingDayOccurrence } from './working-day-cycle';

export type TimerKind = 'timeDuration' | 'timeDate' | 'timeCycle';

export interface TimerDefinition {
  kind: TimerKind;
  value: string;
}

export interface TimerContext {
  now: Date;
  calendar: WorkingCalendar;
  previousDueAt?: Date;
  firedCount?: number;
}

export interface TimerDue {
  dueAt: Date;
  /** Occurrences still to fire, counting this one. */
  remaining: number | 'infinite';
}

/** How far apart a cycle's occurrences lie: calendar time, or working days (P5WD). */
export type CyclePeriod =
  { kind: 'duration'; duration: IsoDuration } | { kind: 'workingDays'; days: number };

export interface Cycle {
  /** null: repeats forever. */
  repetitions: number | null;
  /** null: the cycle starts when it is first scheduled. */
  start: Extract<DueSpec, { kind: 'dateTime' }> | null;
  period: CyclePeriod;
}

type ParsedTimer = { kind: 'once'; spec: DueSpec } | { kind: 'cycle'; cycle: Cycle };

const TIMER_KINDS: readonly string[] = ['timeDuration', 'timeDate', 'timeCycle'];
const CYCLE_EXAMPLE = 'such as R3/PT1H, R/P5WD or R/2026-01-10T09:00:00+08:00/P1M';
// Only used to guess where to start looking; the exact occurrence is then found by stepping.
const AVERAGE_MONTH_MS = 30.436875 * MS_PER_DAY;

function invalid(message: string): never {
  throw new EngineError('INVALID_ARGUMENT', message);
}

function parseTimer(def: TimerDefinition): ParsedTimer {
  if (typeof def !== 'object' || def === null || !TIMER_KINDS.includes(def.kind)) {
    invalid(`a timer kind must be one of ${TIMER_KINDS.join(', ')}`);
  }
  if (typeof def.value !== 'string' || def.value.trim() === '') {
    invalid(`the ${def.kind} timer has no value`);
  }
  const value = def.value.trim();
  if (def.kind === 'timeCycle') return { kind: 'cycle', cycle: parseCycle(value) };
  const spec = parseDueSpec(value);
  const isDate = spec.kind === 'date' || spec.kind === 'dateTime';
  if (def.kind === 'timeDuration' && isDate) {
    invalid(`timeDuration '${value}' is a date; use timeDate, or a duration such as PT36H or P7WD`);
  }
  if (def.kind === 'timeDate' && !isDate) {
    invalid(`timeDate '${value}' is not a date; use timeDuration, or a date such as 2026-03-01`);
  }
  return { kind: 'once', spec };
}

function parseCycle(text: string): Cycle {
  const parts = text.split('/');
  if (!/^R\d*$/.test(parts[0]) || parts.length < 2 || parts.length > 3) {
    invalid(`'${text}' is not an ISO 8601 repeating interval ${CYCLE_EXAMPLE}`);
  }
  const repetitions = parts[0] === 'R' ? null : Number(parts[0].slice(1));
  if (repetitions !== null && (repetitions < 1 || !Number.isSafeInteger(repetitions))) {
    invalid(`'${text}' must repeat at least once (R1 or more, or R for ever)`);
  }
  let start: Cycle['start'] = null;
  if (parts.length === 3) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(parts[1])) {
      invalid(`the cycle start '${parts[1]}' needs a time of day, e.g. ${parts[1]}T09:00:00+08:00`);
    }
    start = parseDateTime(parts[1]);
  }
  const last = parts[parts.length - 1];
  if (!last.startsWith('P')) {
    invalid(`'${text}' must end with a duration (start/end intervals are not supported)`);
  }
  return { repetitions, start, period: parsePeriod(text, last) };
}

function parsePeriod(text: string, last: string): CyclePeriod {
  const spec = parseDueSpec(last);
  if (spec.kind === 'workingDays') {
    if (spec.days === 0) invalid(`'${text}' needs at least one working day between occurrences`);
    return { kind: 'workingDays', days: spec.days };
  }
  const duration = parseIsoDuration(last);
  if (isZeroDuration(duration)) invalid(`'${text}' needs a duration longer than zero`);
  return { kind: 'duration', duration };
}

/** A message for an editor, or null when the timer is valid. */
export function validateTimer(def: TimerDefinition): string | null {
  try {
    parseTimer(def);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** When the timer is next due. For a cycle, `firedCount` says how many times it has fired (0 at first) and `previousDueAt` the last due time; returns null when a bounded cycle is exhausted. */
export function nextTimerDue(def: TimerDefinition, ctx: TimerContext): TimerDue | null {
  const firedCount = ctx.firedCount ?? 0;
  if (!Number.isSafeInteger(firedCount) || firedCount < 0) {
    invalid(`firedCount must be a whole number >= 0, got ${firedCount}`);
  }
  for (const [name, at] of [
    ['now', ctx.now],
    ['previousDueAt', ctx.previousDueAt],
  ] as const) {
    if (at !== undefined && Number.isNaN(at.getTime())) invalid(`${name} must be a valid date`);
  }
  const timer = parseTimer(def);
  if (timer.kind === 'once') {
    // A one-shot timer that has fired is done; asking again must not schedule it anew.
    return firedCount >= 1 ? null : { dueAt: resolveParsedDueSpec(timer.spec, ctx), remaining: 1 };
  }
  const { repetitions, start, period } = timer.cycle;
  if (repetitions !== null && firedCount >= repetitions) return null;
  if (period.kind === 'workingDays') {
    return nextWorkingDayOccurrence({ repetitions, start, days: period.days }, ctx, firedCount);
  }
  const { duration } = period;
  const offset = ctx.calendar.utcOffsetMinutes;

  if (start === null) {
    // Without a start the cycle is anchored where it was first scheduled, then on each firing.
    const dueAt = addIsoDuration(ctx.previousDueAt ?? ctx.now, duration, offset);
    return { dueAt, remaining: repetitions === null ? 'infinite' : repetitions - firedCount };
  }

  const startAt = fromLocalParts(start.dateTime, start.utcOffsetMinutes ?? offset);
  const occurrence = (k: number) => addIsoDuration(startAt, duration, offset, k);
  const previous = ctx.previousDueAt;
  const isNext =
    previous !== undefined
      ? (at: Date) => at.getTime() > previous.getTime()
      : (at: Date) => at.getTime() >= ctx.now.getTime();
  const reference = previous ?? ctx.now;
  const k = firstOccurrence(occurrence, isNext, estimateIndex(startAt, duration, reference));
  if (repetitions !== null && k >= repetitions) return null;
  return { dueAt: occurrence(k), remaining: repetitions === null ? 'infinite' : repetitions - k };
}

function estimateIndex(startAt: Date, duration: IsoDuration, reference: Date): number {
  const approxMs =
    (duration.years * 12 + duration.months) * AVERAGE_MONTH_MS +
    (duration.weeks * 7 + duration.days) * MS_PER_DAY +
    duration.hours * 3_600_000 +
    duration.minutes * 60_000 +
    duration.seconds * 1000;
  return Math.max(0, Math.floor((reference.getTime() - startAt.getTime()) / approxMs));
}

/** Occurrences only grow with k, so step from the estimate to the first one that qualifies. */
function firstOccurrence(
  occurrence: (k: number) => Date,
  isNext: (at: Date) => boolean,
  estimate: number,
): number {
  let k = estimate;
  while (k > 0 && isNext(occurrence(k - 1))) k -= 1;
  while (!isNext(occurrence(k))) k += 1;
  return k;
}
