import type { JobState } from './job.types';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/**
 * How far a writer's clock may lag a scheduler's. A slot is passed over for good only once it
 * ended this long ago, so a job a slow-clocked writer files under "its now" is still found.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The slots a job copy is filed under, so that finding due jobs is an equality lookup.
 *
 * Why: the embedded database answers only equalities from an index (engine/src/storage/
 * pushdown-filter.ts); `dueAt <= now` would read every pending job — every future timer of every
 * running instance — at every poll. So each copy names the hour (and the day) in which a
 * scheduler must look at it: when it falls due (pending), when its lease runs out (running), never
 * (done, cancelled, incident). The time is never earlier than the writer's clock, so a job
 * scheduled or retried "in the past" lands in the current hour, which schedulers still read.
 * Finished jobs name the day they finished, for the purge.
 */
export interface JobSlots {
  wakeHour: number | null;
  wakeDay: number | null;
  doneDay: number | null;
}

export function slotsOf(state: JobState): JobSlots {
  const wake =
    state.status === 'pending'
      ? state.dueAt
      : state.status === 'running'
        ? (state.lockedUntil ?? state.updatedAt)
        : null;
  const finished = state.status === 'done' || state.status === 'cancelled';
  if (wake === null)
    return {
      wakeHour: null,
      wakeDay: null,
      doneDay: finished ? Math.floor(state.updatedAt.getTime() / DAY_MS) : null,
    };
  const at = Math.max(wake.getTime(), state.updatedAt.getTime());
  return { wakeHour: Math.floor(at / HOUR_MS), wakeDay: Math.floor(at / DAY_MS), doneDay: null };
}

/** One lookup of the walk: a whole past day, or one hour. */
export interface WakeStep {
  filter: { wakeDay: number } | { wakeHour: number };
  /** The hour after this step. */
  nextHour: number;
  /** Whether the step lies wholly before now − CLOCK_SKEW_MS: empty, it can be passed for good. */
  settled: boolean;
}

/**
 * The lookups from `fromHour` up to the hour of `now`: whole days while they are past (a long
 * outage or a jump of a virtual clock costs one lookup a day), then hour by hour.
 */
export function* wakeSteps(fromHour: number, now: Date): Generator<WakeStep> {
  const nowMs = now.getTime();
  const currentHour = Math.floor(nowMs / HOUR_MS);
  const today = Math.floor(nowMs / DAY_MS);
  let hour = fromHour;
  while (hour <= currentHour) {
    const day = Math.floor((hour * HOUR_MS) / DAY_MS);
    const startsDay = (hour * HOUR_MS) % DAY_MS === 0;
    const step: WakeStep =
      startsDay && day < today
        ? { filter: { wakeDay: day }, nextHour: hour + 24, settled: false }
        : { filter: { wakeHour: hour }, nextHour: hour + 1, settled: false };
    step.settled = step.nextHour * HOUR_MS <= nowMs - CLOCK_SKEW_MS;
    yield step;
    hour = step.nextHour;
  }
}
