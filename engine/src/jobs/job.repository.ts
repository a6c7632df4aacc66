import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { type Clock, systemClock } from '../clock';
import { EngineError } from '../engine.error';
import { CLOCK_SKEW_MS, DAY_MS, HOUR_MS, slotsOf, wakeSteps } from './job-slots';
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
const SLOTS_ID = 'slots';

/**
 * `<collection>_meta`: how far the slot walks may start (job-slots.ts). Every scheduler moves
 * the marks only past slots it found empty and settled, so a stale write moving one back costs a
 * few lookups, never a job.
 */
interface SlotMarks {
  _id: string;
  /** No job wakes before this hour. */
  wakeFromHour: number;
  /** No finished job is older than this day. */
  purgeFromDay: number;
}

/** The durable job store. Every change of a job is a compare-and-set (see JobVersionStore). */
export class JobRepository {
  private readonly models: JobModels;
  private readonly store: JobVersionStore;
  private readonly clock: Clock;
  private readonly meta: Collection<SlotMarks>;
  private marks: SlotMarks | undefined;

  constructor(connection: Connection, options: JobRepositoryOptions = {}) {
    const collection = options.collection ?? 'jobs';
    this.models = jobModels(connection, collection);
    this.store = new JobVersionStore(this.models, (docs) => this.fileBelowMarks(docs));
    this.clock = options.clock ?? systemClock;
    this.meta = connection.collection<SlotMarks>(`${collection}_meta`) as never;
  }

  /** Creates the indexes and, on a store from before the slots, files every job under its slots. */
  async ensureIndexes(): Promise<void> {
    await guard('create indexes', async () => {
      await this.models.jobs.createIndexes();
      await this.models.versions.createIndexes();
      if (await this.meta.findOne({ _id: SLOTS_ID })) return;
      // once per store: the only read of every job (see job-slots.ts)
      const now = this.clock.now().getTime();
      const marks: SlotMarks = {
        _id: SLOTS_ID,
        wakeFromHour: Math.floor(now / HOUR_MS),
        purgeFromDay: Math.floor(now / DAY_MS),
      };
      for (const doc of await this.models.jobs.find({}).lean<JobDocument[]>()) {
        const slots = slotsOf(stateOf(doc));
        if (doc.wakeHour === undefined || doc.doneDay === undefined)
          await this.models.jobs.updateOne({ _id: doc._id }, { $set: slots });
        if (slots.wakeHour !== null)
          marks.wakeFromHour = Math.min(marks.wakeFromHour, slots.wakeHour);
        if (slots.doneDay !== null)
          marks.purgeFromDay = Math.min(marks.purgeFromDay, slots.doneDay);
      }
      try {
        await this.meta.insertOne(marks);
      } catch (error) {
        if (!duplicateIndexes(error, 1)) throw error; // another process filed them at once
      }
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
      await this.fileBelowMarks(docs);
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
      const candidates = await this.wakingCandidates(now, limit * CANDIDATES_PER_SLOT);
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

  /**
   * Leasable jobs in due order, at most `wanted`: the slots from the first that may hold a job up
   * to now, each an equality lookup; slots found empty and settled are passed for good.
   */
  private async wakingCandidates(now: Date, wanted: number): Promise<JobDocument[]> {
    // read afresh at every poll: another process may have moved the marks back
    const marks = await this.slotMarks(true);
    const found: JobDocument[] = [];
    let from = marks.wakeFromHour;
    let passing = true;
    for (const step of wakeSteps(from, now)) {
      const docs = await this.models.jobs.find(step.filter).lean<JobDocument[]>();
      found.push(...docs.filter((doc) => transitions.isLeasable(stateOf(doc), now)));
      if (passing && docs.length === 0 && step.settled) from = step.nextHour;
      else passing = false;
      if (found.length >= wanted) break;
    }
    await this.moveMarks({ wakeFromHour: from });
    return found.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()).slice(0, wanted);
  }

  /**
   * Moves the marks back before a job filed under a slot they have passed: a clock set back (a
   * virtual one), or a writer whose clock lags by more than CLOCK_SKEW_MS.
   */
  private async fileBelowMarks(docs: JobDocument[]): Promise<void> {
    const marks = await this.slotMarks();
    const lowest = (values: (number | null | undefined)[]) =>
      Math.min(...values.filter((value): value is number => typeof value === 'number'));
    const back: Partial<Omit<SlotMarks, '_id'>> = {};
    const wake = lowest(docs.map((doc) => slotsOf(doc).wakeHour));
    const done = lowest(docs.map((doc) => slotsOf(doc).doneDay));
    if (wake < marks.wakeFromHour) back.wakeFromHour = marks.wakeFromHour = wake;
    if (done < marks.purgeFromDay) back.purgeFromDay = marks.purgeFromDay = done;
    if (Object.keys(back).length > 0) await this.meta.updateOne({ _id: SLOTS_ID }, { $min: back });
  }

  private async slotMarks(fresh = false): Promise<SlotMarks> {
    if (fresh) this.marks = undefined;
    this.marks ??= (await this.meta.findOne({ _id: SLOTS_ID })) ?? undefined;
    if (!this.marks)
      throw new EngineError('STORAGE_FAILED', 'job slots are not filed: call ensureIndexes first');
    return this.marks;
  }

  private async moveMarks(moved: Partial<Omit<SlotMarks, '_id'>>): Promise<void> {
    const marks = await this.slotMarks();
    const forward = Object.entries(moved).filter(
      ([key, value]) => value > marks[key as keyof typeof moved],
    );
    if (forward.length === 0) return;
    Object.assign(marks, Object.fromEntries(forward));
    await this.meta.updateOne({ _id: SLOTS_ID }, { $max: Object.fromEntries(forward) });
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
    const marks = await guard('read job slots', () => this.slotMarks(true));
    const before = finishedBefore.getTime();
    let purged = 0;
    let from = marks.purgeFromDay;
    for (let day = marks.purgeFromDay; day * DAY_MS < before; day++) {
      const finished = await this.findCopies({ doneDay: day });
      let left = 0;
      await guard('purge finished jobs', async () => {
        for (const doc of finished) {
          // the copy may lag its log: what the log says now decides
          const current = await this.store.latest(doc);
          const over = current.status === 'done' || current.status === 'cancelled';
          if (!over || current.updatedAt.getTime() >= before) {
            left++;
            continue;
          }
          await this.store.remove(doc._id);
          purged++;
        }
      });
      if (from === day && left === 0 && (day + 1) * DAY_MS <= before - CLOCK_SKEW_MS) from++;
    }
    await guard('move job slots', () => this.moveMarks({ purgeFromDay: from }));
    return purged;
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
