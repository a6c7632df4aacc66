import type { EngineStore } from '../storage/engine-store';

/**
 * Instances with a claimed revision beyond their document: a step whose process died after
 * claiming, before writing the instance (its effects may be half applied). Loading such an
 * instance rolls the claim forward; reconcile does that at start-up, so nothing waits for the
 * next user action on it. Reads every claim and instance once (ids and revisions only).
 */
export async function instancesWithUnwrittenClaims(store: EngineStore): Promise<string[]> {
  const latestClaim = new Map<string, number>();
  for await (const claim of store.revisions.find({}, { projection: { instanceId: 1, rev: 1 } }))
    latestClaim.set(claim.instanceId, Math.max(claim.rev, latestClaim.get(claim.instanceId) ?? 0));
  const behind: string[] = [];
  for await (const doc of store.instances.find({}, { projection: { rev: 1 } })) {
    if ((latestClaim.get(doc._id) ?? 0) > doc.rev) behind.push(doc._id);
    latestClaim.delete(doc._id);
  }
  // claims of instances never inserted: a start that died between its claim and its insert
  return [...behind, ...latestClaim.keys()];
}
