import type { FlowGraph } from '../runtime/flow-graph';
import type { TaskDoc } from '../storage/documents';

/** An earlier user task a task may be returned to (退回), as it was last completed. */
export interface ReturnTarget {
  activityId: string;
  name: string;
  /** The task that completed it last. */
  taskId: string;
  /** Who completed it last: the returned-to task is assigned to them again. */
  completedBy?: string;
  completedAt?: Date;
}

/** What decides where a task may be returned to. */
export interface ReturnSituation {
  graph: FlowGraph;
  current: Pick<TaskDoc, 'activityId' | 'createdAt'>;
  /** Completed tasks of the instance, in any order. */
  completed: readonly TaskDoc[];
  /** Whether the instance holds tokens other than the current task's (parallel branches, joins waiting). */
  othersActive: boolean;
}

/** Valid targets, the most recently completed first (the default target). */
export function returnTargets(situation: ReturnSituation): ReturnTarget[] {
  const latest = new Map<string, TaskDoc>();
  for (const task of [...situation.completed].sort(byCompletedAtDesc)) {
    if (!latest.has(task.activityId)) latest.set(task.activityId, task);
  }
  return [...latest.values()]
    .filter((task) => refuseReturn(situation, task.activityId) === undefined)
    .map((task) => ({
      activityId: task.activityId,
      name: task.name,
      taskId: task._id,
      ...(task.completedBy !== undefined && { completedBy: task.completedBy }),
      ...(task.completedAt && { completedAt: task.completedAt }),
    }));
}

/**
 * Why the current task may not be returned to `targetId`, or undefined when it may. Supported:
 * a single-instance user task directly in the process that was completed before the current
 * task was created and lies before it on the sequence flows. Moving the token back across a
 * parallel, inclusive or complex gateway is allowed only when it is the instance's only token and
 * the target lies before the split (otherwise branches would be doubled or a join would wait
 * forever).
 */
export function refuseReturn(situation: ReturnSituation, targetId: string): string | undefined {
  const { graph, current } = situation;
  const target = graph.node(targetId);
  if (!target) return `the process has no activity ${targetId}`;
  if (target.type !== 'bpmn:UserTask') return `${targetId} is not a user task`;
  if (target.multiInstance) return `${targetId} is a multi-instance task`;
  if (target.parentId || graph.node(current.activityId)?.parentId)
    return 'returns into or out of a sub-process are not supported';
  if (targetId === current.activityId) return 'a task cannot be returned to itself';
  const completedBefore = situation.completed.some(
    (task) =>
      task.activityId === targetId &&
      task.completedAt !== undefined &&
      task.completedAt.getTime() <= current.createdAt.getTime(),
  );
  if (!completedBefore) return `${targetId} was never completed before this task`;
  const path = graph.between(targetId, current.activityId);
  if (path.size === 0) return `${targetId} does not lie before ${current.activityId}`;
  for (const id of path) {
    if (id === targetId || id === current.activityId || !graph.isTokenGateway(id)) continue;
    if (situation.othersActive)
      return `the way back crosses gateway ${id} while other branches are active`;
    if (graph.predecessors(id).some((source) => !path.has(source)))
      return `${targetId} lies on one branch of gateway ${id}`;
  }
  return undefined;
}

/** Latest completion first; at the same instant, the task opened later. */
function byCompletedAtDesc(a: TaskDoc, b: TaskDoc): number {
  const time = (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0);
  return time !== 0 ? time : b.instanceRev - a.instanceRev;
}
