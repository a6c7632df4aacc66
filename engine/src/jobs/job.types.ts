export type JobStatus = 'pending' | 'running' | 'done' | 'incident' | 'cancelled';

/** A timer to fire or a handler to run, stored durably until it has run once. */
export interface Job {
  /** Chosen by the caller and deterministic, so scheduling the same thing twice is a no-op. */
  id: string;
  /** What the scheduler dispatches on, e.g. 'timer' or 'service-task'. */
  kind: string;
  instanceId?: string;
  district?: string;
  dueAt: Date;
  payload: Record<string, unknown>;
  status: JobStatus;
  /** Runs started so far (a run whose owner crashed counts too); reset by a manual retry. */
  attempts: number;
  maxAttempts: number;
  lockOwner?: string;
  lockedUntil?: Date;
  lastError?: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewJob {
  id: string;
  kind: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
  instanceId?: string;
  district?: string;
  /** Default 3. */
  maxAttempts?: number;
}

export interface JobFilter {
  instanceId?: string;
  status?: JobStatus;
  kind?: string;
  district?: string;
}

/**
 * The part of a job that changes. Every change is one versioned transition from one state to the
 * next, decided by the pure rules in job-transitions.ts.
 */
export interface JobState {
  status: JobStatus;
  dueAt: Date;
  attempts: number;
  lockOwner: string | null;
  lockedUntil: Date | null;
  lastError: string | null;
  updatedAt: Date;
}

/**
 * Runs one job; throwing marks the run as failed. A handler must be idempotent: when its process
 * dies mid-run (or runs longer than the lease), another process runs the same job again once the
 * lease has expired. What is guaranteed: a job whose handler succeeded (and was recorded) is never
 * run again, and two schedulers never run the same job at the same time while a lease is valid.
 */
export type JobHandler = (job: Job) => Promise<void>;

export const DEFAULT_MAX_ATTEMPTS = 3;
