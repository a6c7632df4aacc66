import type { FlowGraph } from '../runtime/flow-graph';
import { elementKey } from '../runtime/multi-instance/element-key';
import type { TaskDoc } from '../storage/documents';

/** An earlier user task a task may be returned to (退回), as it was last completed. */
export interface ReturnTarget {
  activityId: string;
  name: string;
  /** The task that completed it last (for a multi-instance activity: its latest element task). */
  taskId: string;
  /** Who completed it last: the returned-to task is assigned to them again. */
  completedBy?: string;
  completedAt?: Date;
  /**
   * For a multi-instance user task: the elements that may be re-opened one at a time, each as it
   * was last completed. Returning to the activity without naming an element runs it again whole.
   */
  elements?: ReturnElement[];
  /** For a target in the calling instance (a return from a called instance's first task). */
  instanceId?: string;
}

/** One element of a multi-instance activity, as its element task was last completed. */
export interface ReturnElement {
  /** What the element is known by (its value, its `id`, or its loop index): `targetElement`. */
  key: string;
  index: number;
  element: unknown;
  taskId: string;
  completedBy?: string;
  completedAt?: Date;
}

/** What decides where a task may be returned to. */
export interface ReturnSituation {
  graph: FlowGraph;
  current: Pick<TaskDoc, 'activityId' | 'createdAt'>;
  /** Completed tasks of the instance, in any order. */
  completed: readonly TaskDoc[];
  /**
   * Whether the instance holds tokens other than the current task's activity (parallel branches,
   * joins waiting); the other elements of a multi-instance activity are the activity's own.
   */
  othersActive: boolean;
}

/** Valid targets, the most recently completed first (the default target). */
export function returnTargets(situation: ReturnSituation): ReturnTarget[] {
  const latest = latestByActivity(situation.completed);
  return [...latest.values()]
    .filter((task) => refuseReturn(situation, task.activityId) === undefined)
    .map((task) => {
      const target: ReturnTarget = {
        activityId: task.activityId,
        name: task.name,
        taskId: task._id,
        ...(task.completedBy !== undefined && { completedBy: task.completedBy }),
        ...(task.completedAt && { completedAt: task.completedAt }),
      };
      if (situation.graph.node(task.activityId)?.multiInstance)
        target.elements = completedElements(situation, task.activityId);
      return target;
    });
}

/**
 * Why the current task may not be returned to `targetId` (or to one element of it), or
 * undefined when it may. Supported: a user task directly in the process that was completed
 * before the current task was created and lies before it on the sequence flows; single-instance,
 * or multi-instance (run again whole, or for one element completed before). The current task may
 * be one element of a multi-instance activity: its whole activity is left. Moving the token back
 * across a parallel, inclusive or complex gateway is allowed only when it is the instance's only
 * token and the target lies before the split (otherwise branches would be doubled or a join
 * would wait forever).
 */
export function refuseReturn(
  situation: ReturnSituation,
  targetId: string,
  targetElement?: string,
): string | undefined {
  const { graph, current } = situation;
  const target = graph.node(targetId);
  if (!target) return `the process has no activity ${targetId}`;
  if (target.type !== 'bpmn:UserTask') return `${targetId} is not a user task`;
  if (target.parentId || graph.node(current.activityId)?.parentId)
    return 'returns into or out of a sub-process are not supported';
  if (targetId === current.activityId) return 'a task cannot be returned to itself';
  const before = completedBefore(situation, targetId);
  if (before.length === 0) return `${targetId} was never completed before this task`;
  if (targetElement !== undefined) {
    if (!target.multiInstance) return `${targetId} is not a multi-instance task`;
    if (!before.some((task) => keyOf(task) === targetElement))
      return `${targetId} has no element ${targetElement} completed before this task`;
  }
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

/** The elements of a multi-instance target, each as last completed before the current task. */
export function completedElements(situation: ReturnSituation, activityId: string): ReturnElement[] {
  const latest = new Map<string, TaskDoc>();
  for (const task of completedBefore(situation, activityId).sort(byCompletedAtDesc))
    if (!latest.has(keyOf(task))) latest.set(keyOf(task), task);
  return [...latest.entries()]
    .map(([key, task]) => ({
      key,
      index: task.loop?.index ?? 0,
      element: task.loop?.element ?? null,
      taskId: task._id,
      ...(task.completedBy !== undefined && { completedBy: task.completedBy }),
      ...(task.completedAt && { completedAt: task.completedAt }),
    }))
    .sort((a, b) => a.index - b.index);
}

function completedBefore(situation: ReturnSituation, activityId: string): TaskDoc[] {
  const created = situation.current.createdAt.getTime();
  return situation.completed.filter(
    (task) =>
      task.activityId === activityId &&
      task.completedAt !== undefined &&
      task.completedAt.getTime() <= created,
  );
}

function latestByActivity(completed: readonly TaskDoc[]): Map<string, TaskDoc> {
  const latest = new Map<string, TaskDoc>();
  for (const task of [...completed].sort(byCompletedAtDesc))
    if (!latest.has(task.activityId)) latest.set(task.activityId, task);
  return latest;
}

function keyOf(task: TaskDoc): string {
  return elementKey(task.loop?.element, task.loop?.index);
}

/** Latest completion first; at the same instant, the task opened later. */
function byCompletedAtDesc(a: TaskDoc, b: TaskDoc): number {
  const time = (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0);
  return time !== 0 ? time : b.instanceRev - a.instanceRev;
}
