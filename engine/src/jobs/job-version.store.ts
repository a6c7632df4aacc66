import type { AnyBulkWriteOperation } from 'mongoose';
import { EngineError } from '../engine.error';
import { slotsOf } from './job-slots';
import { duplicateIndexes } from './job-storage.guard';
import {
  type JobDocument,
  type JobModels,
  type JobVersionDocument,
  rawCollection,
  stateOf,
  versionId,
} from './job.schema';
import type { JobState } from './job.types';

export interface Transition {
  doc: JobDocument;
  next: JobState;
}

const MAX_ROUNDS = 20;

/**
 * Compare-and-set for job documents that holds on MongoDB and on FerretDB alike.
 *
 * FerretDB 1.24 (SQLite) runs `updateOne({ _id, status: 'pending' }, …)` and findAndModify as a
 * read followed by an unconditional `UPDATE … WHERE _id = ?`: two concurrent conditional updates
 * both report a match (a probe saw double winners in 98 of 100 races, and 100 concurrent `$inc`s
 * ended at 3). What it does make atomic is an insert against a unique `_id`. So a change from
 * version v to v+1 is committed by inserting the immutable log entry `<id>@<v+1>` holding the new
 * state: exactly one writer wins each version, and the winner decided from the true state at v
 * (had anyone committed v+1, its insert would have failed). Only then is the job document, the
 * queryable copy, brought up to v+1.
 *
 * A copy lags when its writer died between the two steps, or (rarely) when a write-back crosses a
 * newer commit. Every read that decides something follows the log past the copy first, so a lag
 * never leads to a wrong decision; acquireDue heals the lagging copies it stumbles on. Log entries
 * are never deleted while the job lives: an entry removed could be claimed again by a stale writer.
 *
 * Every query here is by `_id` alone: FerretDB evaluates a condition beyond `_id` (even
 * `{ _id, version }`) in its own process, not in its storage.
 */
export class JobVersionStore {
  constructor(
    private readonly models: JobModels,
    /** Told of every copy about to be written, before it is (job.repository.ts keeps its marks). */
    private readonly beforeFiling: (docs: JobDocument[]) => Promise<void> = async () => undefined,
  ) {}

  /** The job at its latest committed version, or null when there is no such job. */
  async read(id: string): Promise<JobDocument | null> {
    const doc = await this.models.jobs.findById(id).lean<JobDocument>();
    return doc && this.latest(doc);
  }

  /** The copy brought up to the latest committed version (nothing is written). */
  async latest(doc: JobDocument): Promise<JobDocument> {
    let current = doc;
    for (;;) {
      const entry = await this.models.versions
        .findById(versionId(doc._id, current.version + 1))
        .lean<JobVersionDocument>();
      if (!entry) return current;
      current = { ...current, ...stateOf(entry.state), version: entry.version };
    }
  }

  /** Commits every transition no one beat; `lost` holds the copies of those someone else won. */
  async commitMany(
    transitions: Transition[],
  ): Promise<{ won: JobDocument[]; lost: JobDocument[] }> {
    if (transitions.length === 0) return { won: [], lost: [] };
    const taken = await this.appendVersions(
      transitions.map(({ doc, next }) => ({
        _id: versionId(doc._id, doc.version + 1),
        jobId: doc._id,
        version: doc.version + 1,
        state: next,
      })),
    );
    const won = transitions
      .filter((_, index) => !taken.has(index))
      .map(({ doc, next }) => ({ ...doc, ...next, version: doc.version + 1 }));
    await this.writeCopies(won);
    const lost = transitions.filter((_, index) => taken.has(index)).map(({ doc }) => doc);
    return { won, lost };
  }

  /**
   * Writes back the log's latest state for copies left behind by a writer that died, and returns
   * them. Only entries committed before `committedBefore` count: a fresh one's writer is normally
   * still about to write, and writing for it could put its copy back behind the writer's next change.
   */
  async heal(copies: JobDocument[], committedBefore: Date): Promise<JobDocument[]> {
    const current = await Promise.all(copies.map((doc) => this.latest(doc)));
    const healed = current.filter(
      (doc, index) =>
        doc.version > copies[index].version && doc.updatedAt.getTime() < committedBefore.getTime(),
    );
    await this.writeCopies(healed);
    return healed;
  }

  /**
   * Reads, decides and commits; on losing a race decides again from the newer state. `decide`
   * returns null when the change does not apply, and then so does this.
   */
  async update(
    id: string,
    decide: (state: JobState) => JobState | null,
  ): Promise<JobDocument | null> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const doc = await this.read(id);
      if (!doc) return null;
      const next = decide(stateOf(doc));
      if (!next) return null;
      const { won } = await this.commitMany([{ doc, next }]);
      if (won.length > 0) return won[0];
    }
    throw new EngineError('CONFLICT', `Job ${id} changed under every one of ${MAX_ROUNDS} tries`);
  }

  /**
   * Deletes a job with its log, the log first: were the copy gone while entries remained, a job
   * scheduled afresh under the same id would find the old entries and take them for its own.
   */
  async remove(id: string): Promise<void> {
    const doc = await this.read(id);
    if (!doc) return;
    const entries = Array.from({ length: doc.version }, (_, n) => versionId(id, n + 1));
    if (entries.length > 0)
      await this.models.versions.bulkWrite(
        entries.map((_id) => ({ deleteOne: { filter: { _id } } })),
        { ordered: false },
      );
    await this.models.jobs.deleteOne({ _id: id });
  }

  /** Inserts the entries independently; returns the indexes of those someone else had taken. */
  private async appendVersions(entries: JobVersionDocument[]): Promise<Set<number>> {
    try {
      await rawCollection(this.models.versions).insertMany(entries, { ordered: false });
      return new Set();
    } catch (error) {
      const taken = duplicateIndexes(error, entries.length);
      if (!taken) throw error;
      return taken;
    }
  }

  private async writeCopies(docs: JobDocument[]): Promise<void> {
    if (docs.length === 0) return;
    await this.beforeFiling(docs);
    const operations: AnyBulkWriteOperation<JobDocument>[] = docs.map((doc) => ({
      updateOne: {
        filter: { _id: doc._id },
        update: { $set: { ...stateOf(doc), ...slotsOf(doc), version: doc.version } },
      },
    }));
    await this.models.jobs.bulkWrite(operations, { ordered: false });
  }
}
