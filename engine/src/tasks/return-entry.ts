import { EngineError } from '../engine.error';
import type { LoadedDefinition } from '../runtime/loaded-definition';
import { elementKey } from '../runtime/multi-instance/element-key';
import type { EnterSpec } from '../runtime/reposition';
import type { StepContext } from '../runtime/step-context';
import type { ReturnTarget } from './return-targets';

/**
 * How a return enters its target (Camunda's startBeforeActivity): a single-instance task as if a
 * token arrived; a multi-instance task whole — a new body over its collection as it is now — or,
 * for one element, a new body over that element alone, with the element and loop index its
 * element task had (startBeforeActivity of the inner activity).
 */
export function returnEntry(target: ReturnTarget, element?: string): string | EnterSpec {
  if (element === undefined) return target.activityId;
  const done = target.elements?.find((e) => e.key === element);
  if (!done)
    throw new EngineError('INVALID_ARGUMENT', `${target.activityId} has no element ${element}`);
  return {
    activityId: target.activityId,
    loop: { items: [{ index: done.index, element: done.element }] },
  };
}

/**
 * The tasks the return opened go to whoever completed them last: the target's last completer,
 * or for a multi-instance target each element's. Returns who got the reopened tasks.
 */
export function assignReturned(
  ctx: StepContext,
  loaded: LoadedDefinition,
  target: ReturnTarget,
): (string | null)[] {
  const known = new Set(ctx.instance.waits.map((w) => w.executionId));
  const reopened = ctx.session
    .waiting()
    .filter((w) => w.activityId === target.activityId && !known.has(w.executionId));
  const variable = loaded.model.userTasks.get(target.activityId)?.elementVariable;
  return reopened.map((wait) => {
    const assignee = target.elements
      ? target.elements.find(
          (e) => e.key === elementKey(variable ? wait.content[variable] : undefined, wait.index),
        )?.completedBy
      : target.completedBy;
    if (assignee) (ctx.taskPatches ??= new Map()).set(wait.executionId, { assignee });
    return assignee ?? null;
  });
}

/**
 * Moves the instance back: leaves `from`, enters the target (whole or one element), gives the
 * reopened tasks to their last completers and records `task.returned` with `data` beside where it
 * went and to whom.
 */
export function enterReturnTarget(
  ctx: StepContext,
  loaded: LoadedDefinition,
  move: {
    from: string;
    target: ReturnTarget;
    element: string | undefined;
    userId: string;
    taskId?: string;
    data: Record<string, unknown>;
  },
): void {
  const { from, target, element } = move;
  ctx.session.moveTokens({ leave: [from], enter: [returnEntry(target, element)] });
  const assignees = assignReturned(ctx, loaded, target);
  ctx.history.push({
    type: 'task.returned',
    activityId: from,
    ...(move.taskId !== undefined && { taskId: move.taskId }),
    userId: move.userId,
    data: {
      ...move.data,
      from,
      to: target.activityId,
      ...(element !== undefined && { element }),
      ...(target.elements
        ? { assignees }
        : { assignee: assignees[0] ?? target.completedBy ?? null }),
    },
  });
}
