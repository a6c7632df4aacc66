import { EngineError } from '../engine.error';

/** Milliseconds to wait before the next run, given how many runs have failed so far (1, 2, ...). */
export type Backoff = (attempt: number) => number;

export interface ExponentialBackoffOptions {
  /** Wait after the first failure; default 10 s. */
  initialMs?: number;
  /** Default 2. */
  factor?: number;
  /** Ceiling, so a job with many attempts is still retried within a day; default 1 h. */
  maxMs?: number;
}

/**
 * 10 s, 20 s, 40 s, ... up to the ceiling. No jitter: failures of different jobs are spread by
 * their due times already, and a deterministic schedule is what tests and operators can predict.
 */
export function exponentialBackoff(options: ExponentialBackoffOptions = {}): Backoff {
  const { initialMs = 10_000, factor = 2, maxMs = 3_600_000 } = options;
  if (!(initialMs >= 0) || !(factor >= 1) || !(maxMs >= initialMs))
    throw new EngineError(
      'INVALID_ARGUMENT',
      'Backoff needs initialMs >= 0, factor >= 1 and maxMs >= initialMs',
    );
  return (attempt) => {
    const step = Math.max(0, Math.floor(attempt) - 1);
    return Math.min(maxMs, initialMs * factor ** step);
  };
}

export const defaultBackoff: Backoff = exponentialBackoff();
