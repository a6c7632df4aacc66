import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../clock';
import { EngineError } from '../engine.error';
import { type Backoff, defaultBackoff } from './job-backoff';
import type { JobRepository } from './job.repository';
import type { Job, JobHandler } from './job.types';

export interface JobSchedulerOptions {
  repository: JobRepository;
  clock: Clock;
  /** Unique per process and start, e.g. jobOwnerId(): a restarted process must not reuse leases. */
  owner: string;
  /** By job kind; a job of an unknown kind fails (and is retried), it does not stop the scheduler. */
  handlers: ReadonlyMap<string, JobHandler>;
  /** How long a run may take before another process may take the job over; default 5 min. */
  leaseMs?: number;
  /** Jobs leased per poll, all run at once: the concurrency limit; default 10. */
  batchSize?: number;
  /** Default 1 s. */
  pollIntervalMs?: number;
  backoff?: Backoff;
  /** A job ran out of attempts and waits for a person. */
  onIncident?: (job: Job, error: unknown) => void;
  /** A background poll failed, or a run's outcome could not be recorded (the lease then expires). */
  onError?: (error: unknown) => void;
}

// setTimeout overflows past 2^31-1 ms (24.8 days) and then fires at once
const MAX_TIMEOUT_MS = 2_147_483_647;

/** hostname:pid:random — distinct for every process and every start of it. */
export function jobOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Polls the repository for due jobs and runs their handlers. Due times live only in the database;
 * the one timer here is the poll interval, so a job months ahead survives restarts and downtime
 * and fires at the first poll after its time. Any number of schedulers may share a repository:
 * each job is leased to one of them at a time (see JobHandler for what handlers can rely on).
 */
export class JobScheduler {
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly backoff: Backoff;
  private readonly inFlight = new Set<Promise<number>>();
  private timer: NodeJS.Timeout | undefined;
  private started = false;

  constructor(private readonly options: JobSchedulerOptions) {
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.batchSize = options.batchSize ?? 10;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.backoff = options.backoff ?? defaultBackoff;
    const problems = [
      !options.owner && 'owner must be set',
      !(this.leaseMs > 0) && 'leaseMs must be positive',
      !(Number.isInteger(this.batchSize) && this.batchSize >= 1) && 'batchSize must be at least 1',
      !(this.pollIntervalMs > 0 && this.pollIntervalMs <= MAX_TIMEOUT_MS) &&
        `pollIntervalMs must be between 1 and ${MAX_TIMEOUT_MS}`,
    ].filter((problem): problem is string => typeof problem === 'string');
    if (problems.length > 0)
      throw new EngineError('INVALID_ARGUMENT', 'Invalid job scheduler options', problems);
  }

  /** One poll: leases the due jobs (at most batchSize), runs them together; returns how many. */
  runDueJobs(): Promise<number> {
    const poll = this.poll();
    this.inFlight.add(poll);
    const forget = (): void => void this.inFlight.delete(poll);
    poll.then(forget, forget);
    return poll;
  }

  /**
   * Polls until a poll finds nothing to run; returns how many ran. For tests: with several
   * schedulers, one may stop while another still holds jobs that are due.
   */
  async drain(): Promise<number> {
    let total = 0;
    for (let ran = await this.runDueJobs(); ran > 0; ran = await this.runDueJobs()) total += ran;
    return total;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.wakeIn(0);
  }

  /** Stops polling and waits for the handlers that are running. */
  async stop(): Promise<void> {
    this.started = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.inFlight]);
  }

  private wakeIn(ms: number): void {
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    let ran = 0;
    try {
      ran = await this.runDueJobs();
    } catch (error) {
      this.report(error);
    }
    // a full batch suggests more is due: poll again at once rather than after the interval
    if (this.started && !this.timer) this.wakeIn(ran >= this.batchSize ? 0 : this.pollIntervalMs);
  }

  private async poll(): Promise<number> {
    const { repository, clock, owner } = this.options;
    const jobs = await repository.acquireDue(owner, clock.now(), this.leaseMs, this.batchSize);
    await Promise.all(jobs.map((job) => this.run(job)));
    return jobs.length;
  }

  /** Never throws: one job's trouble must not keep the others of its batch from finishing. */
  private async run(job: Job): Promise<void> {
    let succeeded = false;
    let failure: unknown;
    try {
      // each lease counts as an attempt, so a job whose runs keep killing their process ends up
      // an incident instead of being taken over for ever
      if (job.attempts > job.maxAttempts)
        throw new EngineError(
          'HANDLER_FAILED',
          `Job ${job.id} was started ${job.attempts - 1} times without finishing ` +
            `(its process stopped, or a run took longer than the ${this.leaseMs} ms lease)`,
        );
      const handler = this.options.handlers.get(job.kind);
      if (!handler)
        throw new EngineError('HANDLER_FAILED', `No handler for job kind "${job.kind}"`);
      await handler(job);
      succeeded = true;
    } catch (error) {
      failure = error;
    }
    try {
      if (succeeded) await this.options.repository.complete(job.id, this.options.owner);
      else await this.recordFailure(job, failure);
    } catch (error) {
      this.report(error);
    }
  }

  private async recordFailure(job: Job, error: unknown): Promise<void> {
    const { repository, clock, owner } = this.options;
    const message = describe(error);
    const retryAt =
      job.attempts < job.maxAttempts
        ? new Date(clock.now().getTime() + this.backoff(job.attempts))
        : null;
    const recorded = await repository.fail(job.id, owner, message, retryAt);
    if (!recorded || retryAt !== null || !this.options.onIncident) return;
    const incident = (await repository.get(job.id)) ?? { ...job, status: 'incident' };
    try {
      this.options.onIncident(incident, error);
    } catch (callbackError) {
      this.report(callbackError);
    }
  }

  private report(error: unknown): void {
    try {
      this.options.onError?.(error);
    } catch {
      // a failing error callback has nowhere left to report to
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
