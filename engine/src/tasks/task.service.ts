import { EngineError } from '../engine.error';
import type { Clock } from '../clock';
import type { TaskDoc } from '../storage/documents';
import type { EngineStore } from '../storage/engine-store';
import type { InstanceRunner } from '../runtime/instance-runner';
import { assertMayWork, assertOpen, isCandidate, type TaskActor } from './task-actor';
import type { TaskDataValidator } from './task-data-validator';

/** The task service (Camunda's TaskService): claim, complete, draft, delegate, comment, copy, remind. */
export class TaskService {
  constructor(
    private readonly store: EngineStore,
    private readonly runner: InstanceRunner,
    private readonly clock: Clock,
    private readonly validators: TaskDataValidator[],
  ) {}

  async get(taskId: string): Promise<TaskDoc> {
    const task = await this.store.tasks.findOne({ _id: taskId });
    if (!task) throw new EngineError('NOT_FOUND', `task ${taskId} not found`);
    return task;
  }

  async claim(taskId: string, actor: TaskActor): Promise<TaskDoc> {
    const task = await this.get(taskId);
    assertOpen(task);
    if (task.assignee === actor.userId) return task;
    if (task.assignee)
      throw new EngineError('CONFLICT', `task ${taskId} is already claimed by ${task.assignee}`);
    if (!isCandidate(task, actor))
      throw new EngineError(
        'FORBIDDEN',
        `user ${actor.userId} is not a candidate for task ${taskId}`,
      );
    const now = this.clock.now();
    const claimed = await this.store.tasks.findOneAndUpdate(
      { _id: taskId, status: 'open', assignee: { $exists: false } },
      { $set: { assignee: actor.userId, claimedAt: now } },
      { returnDocument: 'after' },
    );
    if (!claimed) throw new EngineError('CONFLICT', `task ${taskId} was claimed by someone else`);
    await this.record(claimed, 'task.claimed', actor.userId);
    return claimed;
  }

  async unclaim(taskId: string, actor: TaskActor): Promise<TaskDoc> {
    const task = await this.get(taskId);
    assertOpen(task);
    if (task.assignee !== actor.userId)
      throw new EngineError('FORBIDDEN', `task ${taskId} is not assigned to ${actor.userId}`);
    const released = await this.store.tasks.findOneAndUpdate(
      { _id: taskId, status: 'open', assignee: actor.userId },
      { $unset: { assignee: '', claimedAt: '' } },
      { returnDocument: 'after' },
    );
    if (!released) throw new EngineError('CONFLICT', `task ${taskId} changed meanwhile`);
    await this.record(released, 'task.unclaimed', actor.userId);
    return released;
  }

  /** Saves work in progress without completing (暂存); no validation beyond storability. */
  async saveDraft(taskId: string, actor: TaskActor, draft: Record<string, unknown>): Promise<void> {
    const task = await this.get(taskId);
    assertOpen(task);
    assertMayWork(task, actor);
    await this.store.tasks.updateOne({ _id: taskId, status: 'open' }, { $set: { draft } });
  }

  /** Completes the task with its form data: validated, merged into the variables, signalled. */
  async complete(taskId: string, actor: TaskActor, data: Record<string, unknown>): Promise<void> {
    const task = await this.get(taskId);
    assertOpen(task);
    assertMayWork(task, actor);
    const errors = (await Promise.all(this.validators.map((v) => v.validate(task, data)))).flat();
    if (errors.length > 0)
      throw new EngineError('VALIDATION_FAILED', 'the task data is invalid', errors);

    await this.runner.step(
      task.instanceId,
      (ctx) => {
        const wait = ctx.instance.waits.find((w) => w.taskId === taskId);
        if (!wait || !ctx.session.waiting().some((w) => w.executionId === task.executionId)) {
          throw new EngineError('CONFLICT', `task ${taskId} is already completed`);
        }
        if (task.loop) collectLoopOutput(ctx.variables, task, data);
        else Object.assign(ctx.variables, data);
        ctx.closedTaskIds.add(taskId);
        ctx.effects.push({
          type: 'task.close',
          taskId,
          status: 'completed',
          at: ctx.now,
          by: actor.userId,
          output: data,
        });
        ctx.history.push({
          type: 'task.completed',
          activityId: task.activityId,
          taskId,
          userId: actor.userId,
        });
        ctx.session.signal(task.executionId, { ...data, completed: true });
      },
      ['running', 'incident'],
    );
  }

  /** Hands the task to another user (转办); the previous assignee stays recorded as owner. */
  async delegate(
    taskId: string,
    actor: TaskActor,
    toUserId: string,
    reason?: string,
  ): Promise<TaskDoc> {
    const task = await this.get(taskId);
    assertOpen(task);
    assertMayWork(task, actor);
    const updated = await this.store.tasks.findOneAndUpdate(
      {
        _id: taskId,
        status: 'open',
        ...(task.assignee ? { assignee: task.assignee } : { assignee: { $exists: false } }),
      },
      {
        $set: {
          assignee: toUserId,
          owner: task.owner ?? actor.userId,
          claimedAt: this.clock.now(),
        },
      },
      { returnDocument: 'after' },
    );
    if (!updated) throw new EngineError('CONFLICT', `task ${taskId} changed meanwhile`);
    await this.record(updated, 'task.delegated', actor.userId, {
      from: task.assignee ?? null,
      to: toUserId,
      reason: reason ?? null,
    });
    return updated;
  }

  async comment(taskId: string, actor: TaskActor, text: string): Promise<void> {
    const task = await this.get(taskId);
    if (!text.trim()) throw new EngineError('INVALID_ARGUMENT', 'a comment needs text');
    await this.record(task, 'task.commented', actor.userId, { text });
  }

  /** Copies the task to read-only viewers (抄送). */
  async carbonCopy(taskId: string, actor: TaskActor, viewers: string[]): Promise<void> {
    const task = await this.get(taskId);
    assertMayWork(task, actor);
    await this.store.tasks.updateOne(
      { _id: taskId },
      { $addToSet: { viewers: { $each: viewers } } },
    );
    await this.record(task, 'task.copied', actor.userId, { viewers });
  }

  /** Reminds whoever holds the task (催办); the host's notification channel picks the event up from history. */
  async remind(taskId: string, actor: TaskActor, message?: string): Promise<void> {
    const task = await this.get(taskId);
    assertOpen(task);
    await this.record(task, 'task.reminded', actor.userId, {
      message: message ?? null,
      to: task.assignee ?? null,
    });
  }

  async openTasksOf(instanceId: string): Promise<TaskDoc[]> {
    return this.store.tasks.find({ instanceId, status: 'open' }).sort({ createdAt: 1 }).toArray();
  }

  /** Actions outside an instance step are placed in the instance's history order too. */
  private async record(
    task: TaskDoc,
    type: string,
    userId: string,
    data?: Record<string, unknown>,
  ): Promise<void> {
    await this.runner.appendHistory(task.instanceId, [
      { type, activityId: task.activityId, taskId: task._id, userId, ...(data && { data }) },
    ]);
  }
}

/** Multi-instance outputs are collected per element, so parallel iterations never overwrite each other. */
function collectLoopOutput(
  variables: Record<string, unknown>,
  task: TaskDoc,
  data: Record<string, unknown>,
): void {
  const name = `${task.activityId}Outputs`;
  const element = task.loop!.element;
  const key =
    typeof element === 'string' || typeof element === 'number'
      ? String(element)
      : element && typeof element === 'object' && 'id' in element
        ? String((element as { id: unknown }).id)
        : String(task.loop!.index);
  const collected = (
    variables[name] && typeof variables[name] === 'object' ? variables[name] : {}
  ) as Record<string, unknown>;
  variables[name] = { ...collected, [key]: data };
}
