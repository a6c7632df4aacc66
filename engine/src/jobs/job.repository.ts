import type { Connection } from 'mongoose';
import { type Clock, systemClock } from '../clock';
import { EngineError } from '../engine.error';
import { duplicateIndexes, guard } from './job-storage.guard';
import { toJobDocument } from './new-job.mapper';
import * as transitions from './job-transitions';
import {
  type JobDocument,
  type JobModels,
  jobModels,
  rawCollection,
  stateOf,
  toJob,
} from './job.schema';
import { type Job, type JobFilter, type JobState, type NewJob } from './job.types';
import { JobVersionStore, type Transition } from './job-version.store';

export interface JobRepositoryOptions {
  /** Default 'jobs'; the version log lives beside it in '<collection>_versions'. */
  collection?: string;
  /** Stamps createdAt/updatedAt where no time is passed in. */
  clock?: Clock;
}

// more candidates than the limit, so a scheduler that loses races for the first ones goes on to
// the next instead of coming back empty-handed
const CANDIDATES_PER_SLOT = 3;
// a log entry older than this whose copy still lags is taken to have lost its writer
const HEAL_AFTER_MS = 10_000;

/** The durable job store. Every change of a job is a compare-and-set (see JobVersionStore). */
export class JobRepository {
  private readonly models: JobModels;
  private readonly store: JobVersionStore;
  private readonly clock: Clock;

  constructor(connection: Connection, options: JobRepositoryOptions = {}) {
    this.models = jobModels(connection, options.collection ?? 'jobs');
    this.store = new JobVersionStore(this.models);
    this.clock = options.clock ?? systemClock;
  }

  async ensureIndexes(): Promise<void> {
    await guard('create indexes', async () => {
      await this.models.jobs.createIndexes();
      await this.models.versions.createIndexes();
    });
  }

  /** Idempotent by id: an existing job, whatever its status, is left as it is. */
  async schedule(job: NewJob): Promise<void> {
    await this.scheduleMany([job]);
  }

  async scheduleMany(jobs: NewJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const now = this.clock.now();
    const docs = jobs.map((job) => toJobDocument(job, now));
    await guard('schedule', async () => {
      try {
        await rawCollection(this.models.jobs).insertMany(docs, { ordered: false });
      } catch (error) {
        if (!duplicateIndexes(error, docs.length)) throw error;
      }
    });
  }

  /**
   * Leases up to `limit` jobs that are due (or whose lease expired) to `owner` until
   * now + leaseMs. Each lease is a compare-and-set, so of several schedulers racing for a job
   * exactly one gets it.
   */
  async acquireDue(owner: string, now: Date, leaseMs: number, limit: number): Promise<Job[]> {
    if (!(leaseMs > 0) || !Number.isInteger(limit) || limit < 1)
      throw new EngineError('INVALID_ARGUMENT', 'leaseMs must be positive and limit at least 1');
    return guard('acquire due jobs', async () => {
      // two queries, not one $or: the embedded database indexes a top-level status only
      const candidateLimit = limit * CANDIDATES_PER_SLOT;
      const [due, expired] = await Promise.all([
        this.models.jobs
          .find({ status: 'pending', dueAt: { $lte: now } })
          .sort({ dueAt: 1 })
          .limit(candidateLimit)
          .lean<JobDocument[]>(),
        this.models.jobs
          .find({ status: 'running', lockedUntil: { $lte: now } })
          .sort({ dueAt: 1 })
          .limit(candidateLimit)
          .lean<JobDocument[]>(),
      ]);
      const candidates = [...due, ...expired]
        .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
        .slice(0, candidateLimit);
      const leased: JobDocument[] = [];
      while (leased.length < limit && candidates.length > 0) {
        const round = candidates.splice(0, limit - leased.length);
        const wanted = round.flatMap((doc): Transition[] => {
          const state = transitions.lease(stateOf(doc), owner, now, leaseMs);
          return state ? [{ doc, next: state }] : [];
        });
        const { won, lost } = await this.store.commitMany(wanted);
        leased.push(...won);
        // a copy can only look due while its log moved on if a writer died between the two
        const healed = await this.store.heal(lost, new Date(now.getTime() - HEAL_AFTER_MS));
        candidates.push(...healed.filter((doc) => transitions.isLeasable(stateOf(doc), now)));
      }
      return leased.map(toJob);
    });
  }

  /** Only while `owner` still holds the lease; false once another owner has taken the job over. */
  async complete(id: string, owner: string): Promise<boolean> {
    return this.change(id, (state) => transitions.complete(state, owner, this.clock.now()));
  }

  /** retryAt null: no retry, the job becomes an incident. */
  async fail(id: string, owner: string, error: string, retryAt: Date | null): Promise<boolean> {
    return this.change(id, (state) =>
      transitions.fail(state, owner, error, retryAt, this.clock.now()),
    );
  }

  /** By hand, for an incident: pending again, due now, with a fresh set of attempts. */
  async retry(id: string, now: Date): Promise<boolean> {
    return this.change(id, (state) => transitions.retry(state, now));
  }

  /** Any job not yet done; a running job's result is then refused and it is never retried. */
  async cancel(id: string): Promise<boolean> {
    return this.change(id, (state) => transitions.cancel(state, this.clock.now()));
  }

  async cancelForInstance(instanceId: string, filter: { kind?: string } = {}): Promise<number> {
    const open = await this.findCopies({
      instanceId,
      status: { $in: ['pending', 'running', 'incident'] },
      ...(filter.kind !== undefined && { kind: filter.kind }),
    });
    const cancelled = await Promise.all(open.map((doc) => this.cancel(doc._id)));
    return cancelled.filter(Boolean).length;
  }

  /** Pending jobs only. */
  async reschedule(id: string, dueAt: Date): Promise<boolean> {
    if (Number.isNaN(dueAt.getTime())) throw new EngineError('INVALID_ARGUMENT', 'Invalid dueAt');
    return this.change(id, (state) => transitions.reschedule(state, dueAt, this.clock.now()));
  }

  async get(id: string): Promise<Job | null> {
    const doc = await guard('read a job', () => this.store.read(id));
    return doc && toJob(doc);
  }

  /**
   * Jobs matching the filter, earliest due first. Selection runs on the queryable copies, so a
   * job changed within the last moments may be missing; each result is at its latest version.
   */
  async find(filter: JobFilter): Promise<Job[]> {
    const docs = await this.findCopies(
      Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)),
    );
    const current = await guard('read jobs', () =>
      Promise.all(docs.map((doc) => this.store.latest(doc))),
    );
    return current
      .filter((doc) => filter.status === undefined || doc.status === filter.status)
      .map(toJob);
  }

  /** When the next job falls due (or the next lease runs out); null when nothing is waiting. */
  async nextDueAt(): Promise<Date | null> {
    return guard('find the next due job', async () => {
      const [pending, running] = await Promise.all([
        this.models.jobs.findOne({ status: 'pending' }).sort({ dueAt: 1 }).lean<JobDocument>(),
        this.models.jobs
          .findOne({ status: 'running' })
          .sort({ lockedUntil: 1 })
          .lean<JobDocument>(),
      ]);
      const times = [pending?.dueAt, running?.lockedUntil ?? undefined].filter(
        (time): time is Date => time instanceof Date,
      );
      return times.length === 0 ? null : new Date(Math.min(...times.map((t) => t.getTime())));
    });
  }

  /**
   * Deletes done and cancelled jobs last changed before `finishedBefore`, with their logs, so the
   * store does not grow for ever (on FerretDB every query but a lookup by id reads all of it).
   * An id purged is forgotten: scheduling it again makes a new job.
   */
  async purgeFinished(finishedBefore: Date): Promise<number> {
    const finished = await this.findCopies({
      status: { $in: ['done', 'cancelled'] },
      updatedAt: { $lt: finishedBefore },
    });
    await guard('purge finished jobs', async () => {
      for (const doc of finished) await this.store.remove(doc._id);
    });
    return finished.length;
  }

  private async change(id: string, decide: (state: JobState) => JobState | null) {
    return guard('update a job', async () => (await this.store.update(id, decide)) !== null);
  }

  private findCopies(query: Record<string, unknown>): Promise<JobDocument[]> {
    return guard('find jobs', () =>
      this.models.jobs.find(query).sort({ dueAt: 1, _id: 1 }).lean<JobDocument[]>(),
    );
  }
}
