import type { Clock } from '../clock';
import { EngineError } from '../engine.error';
import type { EngineStore } from '../storage/engine-store';
import { MAX_STEP_MS } from './revision-log';

export interface PruneRevisionsOptions {
  /** Claims made before this may go; default: 10 minutes ago. At least 2 × MAX_STEP_MS ago. */
  olderThan?: Date;
  /** Instances handled per round trip; default 200. */
  batchSize?: number;
}

export interface PruneRevisionsResult {
  instances: number;
  deleted: number;
}

export const DEFAULT_REVISION_RETENTION_MS = 10 * 60_000;
// the current claim blocks a stale writer; the one before is what retrieve (取回) restores
const KEPT_BEHIND_CURRENT = 1;

/**
 * Deletes revision claims that nothing can need any more, so `engine_revisions` stops growing
 * with every step. A claim is deleted only when all of these hold:
 *
 * - the instance document is beyond it (so it is not needed to roll a crash forward; claims at or
 *   beyond the document's revision are never touched), and it is not the current revision or the
 *   one before (the current one also keeps a stale writer from re-claiming it, and retrieve
 *   restores the one before);
 * - it was claimed before `olderThan`, at least 2 × MAX_STEP_MS ago. A step commits only within
 *   MAX_STEP_MS of loading (RevisionLog.commit), so no step still running loaded the document
 *   from before that claim — none can insert the deleted id again and take it for a win — and no
 *   write of such an old revision is still on its way to move the document back.
 */
export class RevisionPruner {
  constructor(
    private readonly store: EngineStore,
    private readonly clock: Clock,
  ) {}

  async prune(options: PruneRevisionsOptions = {}): Promise<PruneRevisionsResult> {
    const now = this.clock.now().getTime();
    const olderThan = options.olderThan ?? new Date(now - DEFAULT_REVISION_RETENTION_MS);
    if (now - olderThan.getTime() < 2 * MAX_STEP_MS)
      throw new EngineError(
        'INVALID_ARGUMENT',
        `only claims older than ${(2 * MAX_STEP_MS) / 1000} s may be pruned`,
      );
    const batchSize = options.batchSize ?? 200;

    // one pass over the old claims (a scan on FerretDB, the claimedAt index on MongoDB)
    const old = new Map<string, number[]>();
    const claims = this.store.revisions.find(
      { $or: [{ claimedAt: { $lt: olderThan } }, { claimedAt: { $exists: false } }] },
      { projection: { instanceId: 1, rev: 1 } },
    );
    for await (const claim of claims) {
      const revs = old.get(claim.instanceId) ?? [];
      revs.push(claim.rev);
      old.set(claim.instanceId, revs);
    }

    let deleted = 0;
    const instanceIds = [...old.keys()];
    for (let i = 0; i < instanceIds.length; i += batchSize) {
      const batch = instanceIds.slice(i, i + batchSize);
      const docs = await this.store.instances
        .find({ _id: { $in: batch } }, { projection: { rev: 1 } })
        .toArray();
      const ids = docs.flatMap((doc) =>
        old
          .get(doc._id)!
          .filter((rev) => rev < doc.rev - KEPT_BEHIND_CURRENT)
          .map((rev) => `${doc._id}:${rev}`),
      );
      if (ids.length > 0)
        deleted += (await this.store.revisions.deleteMany({ _id: { $in: ids } })).deletedCount;
    }
    return { instances: old.size, deleted };
  }
}
