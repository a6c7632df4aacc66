import { cloneData } from '../clone-data';
import { EngineError } from '../engine.error';
import { fromDatedJson } from '../runtime/effects';
import type { StepContext } from '../runtime/step-context';
import type { InstanceDoc, TaskDoc } from '../storage/documents';
import { reopenedWaits, reopenRetrievedElement } from './element-retrieve';
import type { TaskActor } from './task-actor';
import { stepOnOpenTask, type TaskMoveDeps } from './task-return';

/**
 * Retrieve (取回): whoever completed a task takes it back while nothing has happened since — the
 * tasks its completion opened are untouched and the instance is still at the revision that
 * completion committed. Those tasks end as `retrieved`, the variables go back to what they were
 * before the completion, and the completed task's activity is opened again for the same user
 * with their submitted data as a draft. An element task of a multi-instance activity re-opens
 * just that element (element-retrieve.ts).
 */
export class TaskRetrieval {
  constructor(private readonly deps: TaskMoveDeps) {}

  async retrieve(completedTaskId: string, actor: TaskActor): Promise<TaskDoc[]> {
    const { store, runner } = this.deps;
    const task = await store.tasks.findOne({ _id: completedTaskId });
    if (!task) throw new EngineError('NOT_FOUND', `task ${completedTaskId} not found`);
    if (task.status !== 'completed')
      throw new EngineError('CONFLICT', `task ${task._id} is ${task.status}, not completed`);
    if (task.completedBy !== actor.userId)
      throw new EngineError('FORBIDDEN', `only ${task.completedBy} may retrieve task ${task._id}`);
    const instance = await runner.load(task.instanceId); // applies a pending outbox: history is complete
    if (instance.status === 'completed' || instance.status === 'cancelled')
      throw tooLate(task, `the instance is ${instance.status}`);
    const completion = await store.history.findOne({
      instanceId: task.instanceId,
      taskId: task._id,
      type: 'task.completed',
    });
    const before = completion && (await this.revision(task.instanceId, completion.rev - 1));
    if (!completion || !before) throw tooLate(task, 'its completion is no longer on record');
    const { deployment } = await this.deps.definition(instance.definitionId);
    const graph = await this.deps.graphs.get(deployment);

    return stepOnOpenTask(runner, task, async (ctx) => {
      if (ctx.instance.rev !== completion.rev)
        throw tooLate(task, 'the instance has moved on since it was completed');
      const opened = await store.tasks
        .find({ instanceId: task.instanceId, instanceRev: completion.rev })
        .toArray();
      const touched = opened.find(isTouched);
      if (touched) throw tooLate(task, `task ${touched._id} has been worked on`);
      // an element's completion may open nothing (other elements still run) or the next element
      const stillActive = !!task.loop && ctx.session.tokenHolders().includes(task.activityId);
      const next = stillActive
        ? []
        : startedBy(ctx.instance, before, (id) => graph.node(id)?.attachedTo !== undefined);
      if (!stillActive && next.length === 0)
        throw tooLate(task, 'its completion opened nothing to take back');

      for (const nextTask of opened) {
        ctx.closedTaskIds.add(nextTask._id);
        ctx.effects.push({
          type: 'task.close',
          taskId: nextTask._id,
          status: 'retrieved',
          at: ctx.now,
          by: actor.userId,
        });
      }
      restoreVariables(ctx, before.variables);
      if (task.loop) reopenRetrievedElement(ctx, task, next);
      else ctx.session.moveTokens({ leave: next, enter: [task.activityId] });
      const [reopened] = reopenedWaits(ctx, task);
      if (reopened)
        (ctx.taskPatches ??= new Map()).set(reopened.executionId, {
          assignee: actor.userId,
          draft: task.output ?? {},
        });
      ctx.history.push({
        type: 'task.retrieved',
        activityId: task.activityId,
        taskId: task._id,
        userId: actor.userId,
        data: {
          left: next,
          retrievedTaskIds: opened.map((t) => t._id),
          ...(task.loop && { index: task.loop.index }),
        },
      });
      return opened;
    });
  }

  private async revision(instanceId: string, rev: number): Promise<InstanceDoc | undefined> {
    const claim = await this.deps.store.revisions.findOne({ _id: `${instanceId}:${rev}` });
    return claim ? (fromDatedJson(claim.doc) as InstanceDoc) : undefined;
  }
}

/** Claimed, drafted, delegated, or no longer open: someone has started on it. */
function isTouched(task: TaskDoc): boolean {
  return task.status !== 'open' || !!task.claimedAt || task.draft !== undefined || !!task.owner;
}

/**
 * Activities the completion started: waiting now but not before it, and timer catch events armed
 * by it (boundary timers go with their activity). An activity that was already active before is
 * refused: leaving it would take more back than the completion did.
 */
function startedBy(
  now: Readonly<InstanceDoc>,
  before: InstanceDoc,
  isBoundary: (activityId: string) => boolean,
): string[] {
  const earlier = new Set([
    ...before.waits.map((w) => w.executionId),
    ...before.timers.map((t) => t.executionId),
  ]);
  const earlierActivities = new Set([
    ...before.waits.map((w) => w.activityId),
    ...before.timers.map((t) => t.activityId),
  ]);
  const started = new Set(
    [...now.waits, ...now.timers]
      .filter((e) => !earlier.has(e.executionId) && !isBoundary(e.activityId))
      .map((e) => e.activityId),
  );
  for (const activityId of started)
    if (earlierActivities.has(activityId))
      throw new EngineError(
        'CONFLICT',
        `activity ${activityId} was already active before; the completion cannot be taken back`,
      );
  return [...started];
}

/** Back to the variables before the completion, in place (the session reads this object). */
function restoreVariables(ctx: StepContext, variables: Record<string, unknown>): void {
  for (const name of Object.keys(ctx.variables)) delete ctx.variables[name];
  Object.assign(ctx.variables, cloneData(variables));
}

function tooLate(task: TaskDoc, why: string): EngineError {
  return new EngineError('CONFLICT', `task ${task._id} can no longer be retrieved: ${why}`);
}
