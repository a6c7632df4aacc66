import { isEngineError } from '../engine.error';
import type { InstanceRunner } from '../runtime/instance-runner';
import type { InstanceDoc } from '../storage/documents';

export type ParentLink = Required<NonNullable<InstanceDoc['parent']>>;

/**
 * The call activity still waiting for this child, unless its instance is suspended: then the
 * child's news waits until the parent is resumed, which asks again (call-activity.hook.ts).
 */
export async function waitingParent(
  runner: InstanceRunner,
  child: InstanceDoc,
): Promise<ParentLink | undefined> {
  const link = child.parent;
  if (!link?.activityId) return undefined;
  let parent: InstanceDoc;
  try {
    parent = await runner.load(link.instanceId);
  } catch (error) {
    if (isEngineError(error, 'NOT_FOUND')) return undefined;
    throw error;
  }
  if (parent.status === 'suspended' || !isWaiting(parent, link.executionId)) return undefined;
  return link as ParentLink;
}

export function isWaiting(instance: InstanceDoc, executionId: string): boolean {
  if (instance.status === 'completed' || instance.status === 'cancelled') return false;
  return instance.waits.some((w) => w.executionId === executionId);
}
