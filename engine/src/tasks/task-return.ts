import { EngineError, isEngineError } from '../engine.error';
import type { FlowGraph, FlowGraphCache } from '../runtime/flow-graph';
import type { InstanceRunner } from '../runtime/instance-runner';
import type { LoadedDefinition } from '../runtime/loaded-definition';
import type { StepContext } from '../runtime/step-context';
import type { TaskDoc, WaitRecord } from '../storage/documents';
import type { EngineStore } from '../storage/engine-store';
import { type ReturnTarget, returnTargets } from './return-targets';
import { loadSituation, othersWaiting, pickTarget } from './return-situation';
import { enterReturnTarget } from './return-entry';
import { CallerReturns } from '../subprocesses/return-to-caller';
import { assertMayWork, assertOpen, type TaskActor } from './task-actor';

export interface ReturnRequest {
  /** The earlier user task to go back to; default: the most recently completed valid target. */
  targetActivityId?: string;
  /**
   * For a multi-instance target: re-open only this element (its `ReturnElement.key`); without
   * it, the whole activity runs again.
   */
  targetElement?: string;
  /** Why (退回理由); required, recorded in history. */
  reason: string;
}

export interface TaskMoveDeps {
  store: EngineStore;
  runner: InstanceRunner;
  definition(definitionId: string): Promise<LoadedDefinition>;
  graphs: FlowGraphCache;
}

/**
 * Return (退回): the current task ends as `returned` and an earlier user task of the instance is
 * opened again, assigned to whoever completed it last — one instance step that moves the token
 * back (InstanceRunner.step + BpmnSession.moveTokens). Where a task may go back to is
 * return-targets.ts; how a (multi-instance) target is entered, return-entry.ts; a called
 * instance's first task goes back into the calling instance (subprocesses/return-to-caller.ts).
 */
export class TaskReturns {
  private readonly callers: CallerReturns;

  constructor(private readonly deps: TaskMoveDeps) {
    this.callers = new CallerReturns(deps);
  }

  /** Earlier user tasks the task may be returned to, the default (most recent) first. */
  async returnTargets(taskId: string): Promise<ReturnTarget[]> {
    const task = await this.deps.store.tasks.findOne({ _id: taskId });
    if (!task) throw new EngineError('NOT_FOUND', `task ${taskId} not found`);
    if (task.status !== 'open') return [];
    const instance = await this.deps.runner.load(task.instanceId);
    const graph = await this.graphOf(instance.definitionId);
    if (graph.node(task.activityId)?.returnable === false) return [];
    const call = await this.callers.callOf(instance);
    if (call) return this.callers.targets(task, call);
    return returnTargets(
      await loadSituation(
        this.deps.store,
        task,
        graph,
        othersWaiting(instance, task.activityId, graph),
      ),
    );
  }

  /** Returns the task; resolves to where it went. */
  async returnTask(
    taskId: string,
    actor: TaskActor,
    request: ReturnRequest,
  ): Promise<ReturnTarget> {
    const reason = request.reason?.trim();
    if (!reason) throw new EngineError('INVALID_ARGUMENT', 'a return needs a reason');
    const task = await this.openTask(taskId);
    assertMayWork(task, actor);
    const instance = await this.deps.runner.load(task.instanceId);
    if ((await this.graphOf(instance.definitionId)).node(task.activityId)?.returnable === false)
      throw new EngineError('INVALID_ARGUMENT', `tasks of ${task.activityId} may not be returned`, {
        activityId: task.activityId,
      });
    // a called instance's first task goes back across the call, into the calling instance
    const call = await this.callers.callOf(instance);
    if (call) return this.callers.returnTask(task, call, actor, { ...request, reason });

    return stepOnOpenTask(this.deps.runner, task, async (ctx) => {
      // The step's own view decides: the task may have been completed, returned or migrated meanwhile.
      const wait = waitOf(ctx, task);
      // who may act is decided on this revision too: a claim or delegation may have landed since
      assertMayWork(await this.openTask(taskId), actor);
      const current = { ...task, activityId: wait.activityId };
      const loaded = await this.deps.definition(ctx.instance.definitionId);
      const graph = await this.deps.graphs.get(loaded.deployment);
      // the other elements of a multi-instance activity are its own token (one body)
      const others = ctx.session
        .tokenHolders()
        .some((id) => id !== wait.activityId && graph.node(id)?.attachedTo !== wait.activityId);
      const situation = await loadSituation(this.deps.store, current, graph, others);
      const target = pickTarget(situation, request.targetActivityId, request.targetElement);

      ctx.closedTaskIds.add(task._id);
      ctx.effects.push({
        type: 'task.close',
        taskId: task._id,
        status: 'returned',
        at: ctx.now,
        by: actor.userId,
      });
      // a multi-instance element task leaves its whole activity: every other element ends too
      enterReturnTarget(ctx, loaded, {
        from: wait.activityId,
        target,
        element: request.targetElement,
        userId: actor.userId,
        taskId: task._id,
        data: { reason },
      });
      return target;
    });
  }

  private async openTask(taskId: string): Promise<TaskDoc> {
    const task = await this.deps.store.tasks.findOne({ _id: taskId });
    if (!task) throw new EngineError('NOT_FOUND', `task ${taskId} not found`);
    assertOpen(task);
    return task;
  }

  private async graphOf(definitionId: string): Promise<FlowGraph> {
    const { deployment } = await this.deps.definition(definitionId);
    return this.deps.graphs.get(deployment);
  }
}

/**
 * A step on a task's instance, for an action decided on a task read before: when the instance
 * has ended meanwhile (a completion ended it), that decision is too late — a conflict.
 */
export async function stepOnOpenTask<T>(
  runner: InstanceRunner,
  task: TaskDoc,
  action: (ctx: StepContext) => Promise<T>,
): Promise<T> {
  try {
    return await runner.step(task.instanceId, action, ['running']);
  } catch (error) {
    const status = isEngineError(error, 'INSTANCE_NOT_RUNNING')
      ? (error.details as { status?: string } | undefined)?.status
      : undefined;
    if (status === 'completed' || status === 'cancelled')
      throw new EngineError(
        'CONFLICT',
        `task ${task._id} can no longer change: the instance has ended`,
      );
    throw error;
  }
}

function waitOf(ctx: StepContext, task: TaskDoc): WaitRecord {
  const wait = ctx.instance.waits.find((w) => w.taskId === task._id);
  if (!wait || !ctx.session.waiting().some((w) => w.executionId === wait.executionId))
    throw new EngineError('CONFLICT', `task ${task._id} is no longer open`);
  // several waits of one activity are the elements of its multi-instance body, or else a doubt
  if (!task.loop && ctx.instance.waits.filter((w) => w.activityId === wait.activityId).length > 1)
    throw new EngineError(
      'CONFLICT',
      `activity ${wait.activityId} is active more than once; its task cannot be returned`,
    );
  return wait;
}
