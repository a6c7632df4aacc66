import type { JobState } from './job.types';

/**
 * The job state machine as pure functions: each takes the current state and returns the next one,
 * or null when the transition does not apply (then nothing is written). The store commits a
 * returned state only if no one else committed a newer version first.
 */

const MAX_ERROR_LENGTH = 4000;

export function isLeasable(state: JobState, now: Date): boolean {
  if (state.status === 'pending') return state.dueAt.getTime() <= now.getTime();
  // a running job whose lease ran out: its owner crashed or hung, so someone else may take it
  return state.status === 'running' && (state.lockedUntil?.getTime() ?? 0) <= now.getTime();
}

export function lease(state: JobState, owner: string, now: Date, leaseMs: number): JobState | null {
  if (!isLeasable(state, now)) return null;
  return {
    ...state,
    status: 'running',
    attempts: state.attempts + 1,
    lockOwner: owner,
    lockedUntil: new Date(now.getTime() + leaseMs),
    updatedAt: now,
  };
}

/** Only the lease holder may finish a run; once another owner took over, its result counts. */
function heldBy(state: JobState, owner: string): boolean {
  return state.status === 'running' && state.lockOwner === owner;
}

export function complete(state: JobState, owner: string, now: Date): JobState | null {
  if (!heldBy(state, owner)) return null;
  return { ...state, status: 'done', lockOwner: null, lockedUntil: null, updatedAt: now };
}

/** retryAt null: no attempts left, the job waits for a person as an incident. */
export function fail(
  state: JobState,
  owner: string,
  error: string,
  retryAt: Date | null,
  now: Date,
): JobState | null {
  if (!heldBy(state, owner)) return null;
  return {
    ...state,
    status: retryAt === null ? 'incident' : 'pending',
    dueAt: retryAt ?? state.dueAt,
    lockOwner: null,
    lockedUntil: null,
    lastError: error.slice(0, MAX_ERROR_LENGTH),
    updatedAt: now,
  };
}

export function retry(state: JobState, now: Date): JobState | null {
  if (state.status !== 'incident') return null;
  return { ...state, status: 'pending', attempts: 0, dueAt: now, updatedAt: now };
}

/** Running jobs are cancellable too: the run's result is then refused, and it is never retried. */
export function cancel(state: JobState, now: Date): JobState | null {
  if (state.status === 'done' || state.status === 'cancelled') return null;
  return { ...state, status: 'cancelled', lockOwner: null, lockedUntil: null, updatedAt: now };
}

export function reschedule(state: JobState, dueAt: Date, now: Date): JobState | null {
  if (state.status !== 'pending') return null;
  return { ...state, dueAt, updatedAt: now };
}
