import type { Clock } from '../clock';
import { EngineError } from '../engine.error';
import type { InstanceDoc } from '../storage/documents';
import { type EngineStore, isDuplicateKey } from '../storage/engine-store';
import { writeIfNewer } from '../storage/newer-write';
import { isTransientStorageError, retryTransient } from '../storage/transient-retry';
import type { EffectApplier } from './effect-applier';
import { deserializeEffects, fromDatedJson, toDatedJson } from './effects';

/**
 * A step whose load is older than this does not commit (it reloads and runs again), and a claim
 * older than this is not written back (readers roll it forward). Revision pruning relies on it:
 * it deletes only claims much older than this, which no step still running can try to claim again.
 */
export const MAX_STEP_MS = 60_000;

export interface RevisionLogDeps {
  store: EngineStore;
  applier: EffectApplier;
  clock: Clock;
}

/**
 * How an instance's revisions are stored without transactions. Revision n+1 is claimed by
 * inserting `<id>:<n+1>` (the first insert wins; the claim holds the document with its outbox of
 * effects), the effects are applied, then the instance document is written without them. So an
 * instance document is only ever written once its effects are applied — which keeps task writes
 * ordered (see runtime/task-effects.ts) — and a crash before the write leaves the claim, which
 * the next load rolls forward, applying the effects again (idempotent).
 */
export class RevisionLog {
  /** Instances whose committed step this process could not finish writing (see `finishing`). */
  private readonly unfinished = new Set<string>();

  constructor(private readonly deps: RevisionLogDeps) {}

  /** Commits a step's next document; false when another step claimed the revision first. */
  async commit(next: InstanceDoc): Promise<boolean> {
    if (this.tooOld(next)) return false; // loaded too long ago: run again on a fresh load
    if (!(await this.claim(next))) return false;
    // The step is committed now: a transient error must not report it as failed, so these
    // idempotent writes are retried.
    const effects = next.outbox ? deserializeEffects(next.outbox) : [];
    await this.finishing(next._id, async () => {
      if (effects.length > 0) await retryTransient(() => this.deps.applier.apply(effects));
      if (!this.tooOld(next)) await retryTransient(() => this.write({ ...next, outbox: null }));
    });
    return true;
  }

  /**
   * Commits a new instance's first revision. A start with a deterministic id that ran before
   * answers the first one's instance (written now if a crash kept it in its claim).
   */
  async commitStart(next: InstanceDoc): Promise<InstanceDoc> {
    if (!(await this.claim(next))) return this.alreadyStarted(next._id);
    const effects = deserializeEffects(next.outbox!);
    await this.finishing(next._id, async () => {
      await retryTransient(() => this.deps.applier.apply(effects));
      await retryTransient(() => this.insertStarted({ ...next, outbox: null }));
    });
    return { ...next, outbox: null };
  }

  /** Rolls forward the steps this process committed but could not finish; returns how many it did. */
  async finishCommittedSteps(): Promise<number> {
    let finished = 0;
    for (const instanceId of [...this.unfinished]) {
      try {
        await this.load(instanceId);
        this.unfinished.delete(instanceId);
        finished++;
      } catch {
        // still unreachable: the next round tries again
      }
    }
    return finished;
  }

  /**
   * Loads an instance: rolls forward revisions that were claimed but not written (a crash
   * between the two), then applies effects a crashed step left in its outbox.
   */
  async load(instanceId: string, options: { rollForward?: boolean } = {}): Promise<InstanceDoc> {
    let doc = await this.deps.store.instances.findOne({ _id: instanceId });
    if (!doc) doc = await this.startedButNotWritten(instanceId);
    // A step may skip looking for a newer claim (on FerretDB a lookup reads the whole claims
    // collection): had one been made, the step's own claim fails, and it runs again rolling forward.
    for (; options.rollForward !== false;) {
      const claimed = await this.deps.store.revisions.findOne({
        _id: `${instanceId}:${doc.rev + 1}`,
      });
      if (!claimed) break;
      const rolled = fromDatedJson(claimed.doc) as InstanceDoc;
      if (rolled.outbox) await this.deps.applier.apply(deserializeEffects(rolled.outbox));
      doc = { ...rolled, outbox: null };
      await this.write(doc);
    }
    if (doc.outbox) {
      await this.deps.applier.applyOutbox(doc._id, doc.outbox);
      return { ...doc, outbox: null };
    }
    return doc;
  }

  /** Whether a revision after `doc` has been claimed (a decision on `doc` may be out of date). */
  async hasNewerClaim(doc: InstanceDoc): Promise<boolean> {
    const claim = await this.deps.store.revisions.findOne(
      { _id: `${doc._id}:${doc.rev + 1}` },
      { projection: { _id: 1 } },
    );
    return claim !== null;
  }

  /**
   * The writes after a won claim. Should they fail (the database went away mid-step), the step
   * stays committed in its claim, and the instance is remembered so that finishCommittedSteps
   * rolls it forward as soon as the database answers — not at the next start-up, nor only when
   * someone acts on that instance again.
   */
  private async finishing(instanceId: string, writes: () => Promise<void>): Promise<void> {
    try {
      await writes();
    } catch (error) {
      this.unfinished.add(instanceId);
      throw error;
    }
  }

  /** `updatedAt` is the step's start, right after its load. */
  private tooOld(next: InstanceDoc): boolean {
    return this.deps.clock.now().getTime() - next.updatedAt.getTime() > MAX_STEP_MS;
  }

  private async claim(next: InstanceDoc): Promise<boolean> {
    const claim = {
      _id: `${next._id}:${next.rev}`,
      instanceId: next._id,
      rev: next.rev,
      doc: toDatedJson(next),
      claimedAt: this.deps.clock.now(),
    };
    let retried = false;
    try {
      await retryTransient(async () => {
        try {
          await this.deps.store.revisions.insertOne(claim);
        } catch (error) {
          retried ||= isTransientStorageError(error);
          throw error;
        }
      });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      if (!retried) return false;
      // a retried insert may have landed the first time: then the claim holds this document
      const existing = await this.deps.store.revisions.findOne(
        { _id: claim._id },
        { projection: { doc: 1 } },
      );
      return existing?.doc === claim.doc;
    }
  }

  /** Writes a claimed revision; never moves the document back to an older one. */
  private async write(next: InstanceDoc): Promise<void> {
    const { _id, ...fields } = next;
    await writeIfNewer({
      collection: this.deps.store.instances,
      id: _id,
      field: 'rev',
      rev: next.rev,
      update: { $set: fields },
    });
  }

  /** A start with a deterministic id ran before: the first one's instance, written if a crash kept it. */
  private async alreadyStarted(instanceId: string): Promise<InstanceDoc> {
    const claimed = await this.deps.store.revisions.findOne({ _id: `${instanceId}:1` });
    if (claimed) await this.insertStarted(fromDatedJson(claimed.doc) as InstanceDoc);
    return this.load(instanceId);
  }

  private async insertStarted(doc: InstanceDoc): Promise<void> {
    try {
      await this.deps.store.instances.insertOne(doc);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** An instance whose start was claimed (and its effects maybe applied) but not yet inserted. */
  private async startedButNotWritten(instanceId: string): Promise<InstanceDoc> {
    const claimed = await this.deps.store.revisions.findOne({ _id: `${instanceId}:1` });
    if (!claimed) throw new EngineError('NOT_FOUND', `instance ${instanceId} not found`);
    const started = fromDatedJson(claimed.doc) as InstanceDoc;
    if (started.outbox) await this.deps.applier.apply(deserializeEffects(started.outbox));
    await this.insertStarted({ ...started, outbox: null });
    return (await this.deps.store.instances.findOne({ _id: instanceId }))!;
  }
}
