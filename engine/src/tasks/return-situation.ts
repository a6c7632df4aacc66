import { EngineError } from '../engine.error';
import type { FlowGraph } from '../runtime/flow-graph';
import type { InstanceDoc, TaskDoc } from '../storage/documents';
import type { EngineStore } from '../storage/engine-store';
import {
  refuseReturn,
  type ReturnSituation,
  type ReturnTarget,
  returnTargets,
} from './return-targets';

/**
 * What a return decides on, read from storage: the instance's completed tasks. `current` is the
 * task being returned, or for a return to a calling instance, its call activity.
 */
export async function loadSituation(
  store: EngineStore,
  current: Pick<TaskDoc, 'instanceId' | 'activityId' | 'createdAt'>,
  graph: FlowGraph,
  othersActive: boolean,
): Promise<ReturnSituation> {
  const completed = await store.tasks
    .find({ instanceId: current.instanceId, status: 'completed' })
    .toArray();
  return {
    graph,
    current,
    // a task of an earlier deployment version (before a migration) may name activities no more
    completed: completed.filter((t) => graph.node(t.activityId)),
    othersActive,
  };
}

/** The target a return request names, or the default one; refused with the reason. */
export function pickTarget(
  situation: ReturnSituation,
  targetId: string | undefined,
  element: string | undefined,
): ReturnTarget {
  const targets = returnTargets(situation);
  if (targetId === undefined) {
    if (element !== undefined)
      throw new EngineError('INVALID_ARGUMENT', 'an element is named with its targetActivityId');
    if (targets.length === 0)
      throw new EngineError('INVALID_ARGUMENT', 'there is no earlier task to return to');
    return targets[0];
  }
  const target = targets.find((t) => t.activityId === targetId);
  const refused = refuseReturn(situation, targetId, element);
  if (target && !refused) return target;
  throw new EngineError(
    'INVALID_ARGUMENT',
    `cannot return to ${targetId}${element === undefined ? '' : ` (${element})`}: ${refused ?? 'not a valid target'}`,
    { targetActivityId: targetId, ...(element !== undefined && { targetElement: element }) },
  );
}

/** Outside a step, the stored waits and timers tell whether other branches hold tokens. */
export function othersWaiting(
  instance: InstanceDoc,
  activityId: string,
  graph: FlowGraph,
): boolean {
  const other = (id: string) => id !== activityId && graph.node(id)?.attachedTo !== activityId;
  return (
    instance.waits.some((w) => other(w.activityId)) ||
    instance.timers.some((t) => other(t.activityId))
  );
}
