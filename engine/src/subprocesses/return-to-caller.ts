import { EngineError } from '../engine.error';
import type { InstanceDoc, TaskDoc } from '../storage/documents';
import { enterReturnTarget } from '../tasks/return-entry';
import { loadSituation, othersWaiting, pickTarget } from '../tasks/return-situation';
import { type ReturnTarget, returnTargets } from '../tasks/return-targets';
import type { TaskActor } from '../tasks/task-actor';
import type { ReturnRequest, TaskMoveDeps } from '../tasks/task-return';

type CallLink = Required<NonNullable<InstanceDoc['parent']>>;

/**
 * Return (退回) from a called instance's first task to the calling instance: there is nothing to
 * go back to inside the called process, so the call itself is taken back — the calling instance
 * leaves its call activity and re-opens a user task before it, as if the call activity's own
 * task had been returned. Two instance steps, the caller's first: leaving the call activity is
 * what cancels the called instance (its cancel job), so once the caller has moved the called
 * instance can only end. The second step ends it at once, with the task as `returned` rather
 * than `cancelled`; should the cancel job win the race, the task ends as cancelled, nothing else
 * differs. Called instances of a multi-instance call activity are not returned this way (the
 * call would end for the other elements too).
 */
export class CallerReturns {
  constructor(private readonly deps: TaskMoveDeps) {}

  /**
   * The calling instance's link when the instance was called and none of its tasks has been
   * completed yet (a task of it is its first); otherwise undefined: returns stay inside it.
   */
  async callOf(instance: InstanceDoc): Promise<CallLink | undefined> {
    const link = instance.parent;
    if (!link?.activityId) return undefined;
    const done = await this.deps.store.tasks.findOne({
      instanceId: instance._id,
      status: 'completed',
    });
    return done ? undefined : (link as CallLink);
  }

  /** Where the task may go in the calling instance, each target naming that instance. */
  async targets(task: TaskDoc, link: CallLink): Promise<ReturnTarget[]> {
    const caller = await this.deps.runner.load(link.instanceId);
    const graph = await this.graphOf(caller);
    if (!caller.waits.some((w) => w.executionId === link.executionId)) return [];
    if (graph.node(link.activityId)?.multiInstance) return [];
    const current = {
      instanceId: caller._id,
      activityId: link.activityId,
      createdAt: task.createdAt,
    };
    const situation = await loadSituation(
      this.deps.store,
      current,
      graph,
      othersWaiting(caller, link.activityId, graph),
    );
    return returnTargets(situation).map((t) => ({ ...t, instanceId: caller._id }));
  }

  async returnTask(
    task: TaskDoc,
    link: CallLink,
    actor: TaskActor,
    request: ReturnRequest & { reason: string },
  ): Promise<ReturnTarget> {
    const { runner } = this.deps;
    const target = await runner.step(
      link.instanceId,
      async (ctx) => {
        if (!ctx.session.waiting().some((w) => w.executionId === link.executionId))
          throw new EngineError('CONFLICT', `the calling instance no longer waits for this one`);
        const loaded = await this.deps.definition(ctx.instance.definitionId);
        const graph = await this.deps.graphs.get(loaded.deployment);
        if (graph.node(link.activityId)?.multiInstance)
          throw new EngineError(
            'INVALID_ARGUMENT',
            `${link.activityId} is a multi-instance call activity; its called instances cannot be returned to it`,
          );
        const others = ctx.session
          .tokenHolders()
          .some((id) => id !== link.activityId && graph.node(id)?.attachedTo !== link.activityId);
        const current = {
          instanceId: ctx.instance._id,
          activityId: link.activityId,
          createdAt: task.createdAt,
        };
        const situation = await loadSituation(this.deps.store, current, graph, others);
        const chosen = pickTarget(situation, request.targetActivityId, request.targetElement);
        enterReturnTarget(ctx, loaded, {
          from: link.activityId,
          target: chosen,
          element: request.targetElement,
          userId: actor.userId,
          data: {
            reason: request.reason,
            calledInstanceId: task.instanceId,
            calledTaskId: task._id,
          },
        });
        return { ...chosen, instanceId: ctx.instance._id };
      },
      ['running'],
    );
    await this.endCalled(task, actor, request.reason, target);
    return target;
  }

  /** The called instance ends with its task returned (the caller no longer waits for it). */
  private async endCalled(task: TaskDoc, actor: TaskActor, reason: string, target: ReturnTarget) {
    try {
      await this.deps.runner.step(
        task.instanceId,
        (ctx) => {
          ctx.closedTaskIds.add(task._id);
          ctx.effects.push({
            type: 'task.close',
            taskId: task._id,
            status: 'returned',
            at: ctx.now,
            by: actor.userId,
          });
          ctx.status = 'cancelled';
          ctx.patch.cancelReason = 'returned to the calling instance';
          ctx.history.push({
            type: 'task.returned',
            activityId: task.activityId,
            taskId: task._id,
            userId: actor.userId,
            data: {
              reason,
              from: task.activityId,
              to: target.activityId,
              callerInstanceId: target.instanceId,
            },
          });
          ctx.history.push({
            type: 'instance.cancelled',
            data: { reason: 'returned to the calling instance' },
          });
        },
        ['running'],
      );
    } catch (error) {
      // the cancel job was first: the called instance has ended all the same
      if (!(error instanceof EngineError && error.code === 'INSTANCE_NOT_RUNNING')) throw error;
    }
  }

  private async graphOf(instance: InstanceDoc) {
    const { deployment } = await this.deps.definition(instance.definitionId);
    return this.deps.graphs.get(deployment);
  }
}
