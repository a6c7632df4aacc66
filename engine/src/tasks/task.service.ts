import { EngineError } from '../engine.error';
import { elementKey, outputsVariable } from '../runtime/multi-instance/element-key';
import { onInstanceOfTask } from './task-instance';
import type { TaskDoc } from '../storage/documents';
import type { EngineStore } from '../storage/engine-store';
import type { InstanceRunner } from '../runtime/instance-runner';
import { assertMayWork, assertOpen, type TaskActor } from './task-actor';
import { TaskChanges } from './task-changes';
import type { TaskFilter, TaskPage, TaskQuery } from '../storage/tasks/task-query';
import type { TaskRepository } from '../storage/tasks/task.repository';
import type { TaskDataValidator } from './task-data-validator';
import type { ReturnTarget } from './return-targets';
import type { ReturnRequest, TaskReturns } from './task-return';
import type { TaskRetrieval } from './task-retrieve';

/** The task service (Camunda's TaskService): claim, complete, draft, delegate, comment, copy, remind. */
export class TaskService {
  constructor(
    store: EngineStore,
    private readonly runner: InstanceRunner,
    private readonly validators: TaskDataValidator[],
    private readonly returns: TaskReturns,
    private readonly retrieval: TaskRetrieval,
  ) {
    this.repository = store.taskRepository;
    this.changes = new TaskChanges(this.repository, runner);
  }

  private readonly repository: TaskRepository;
  private readonly changes: TaskChanges;

  /** Sends the task back to an earlier user task (退回); see task-return.ts. */
  returnTask(taskId: string, actor: TaskActor, request: ReturnRequest): Promise<ReturnTarget> {
    return this.returns.returnTask(taskId, actor, request);
  }

  /** Where returnTask may send the task, the default first. */
  returnTargets(taskId: string): Promise<ReturnTarget[]> {
    return this.returns.returnTargets(taskId);
  }

  /** Takes a completed task back while its successors are untouched (取回); see task-retrieve.ts. */
  retrieve(completedTaskId: string, actor: TaskActor): Promise<TaskDoc[]> {
    return this.retrieval.retrieve(completedTaskId, actor);
  }

  async get(taskId: string): Promise<TaskDoc> {
    const task = await this.repository.findById(taskId);
    if (!task) throw new EngineError('NOT_FOUND', `task ${taskId} not found`);
    return task;
  }

  /** The inbox: tasks by assignee, candidate, status, dates, text…, a keyset page at a time. */
  query(query: TaskQuery): Promise<TaskPage> {
    return this.repository.query(query);
  }

  count(filter: TaskFilter): Promise<number> {
    return this.repository.count(filter);
  }

  /** Of two users claiming at once, exactly one gets the task; the other gets CONFLICT. */
  claim(taskId: string, actor: TaskActor): Promise<TaskDoc> {
    return this.changes.claim(taskId, actor);
  }

  unclaim(taskId: string, actor: TaskActor): Promise<TaskDoc> {
    return this.changes.unclaim(taskId, actor);
  }

  /** Saves work in progress without completing (暂存); no validation beyond storability. */
  async saveDraft(taskId: string, actor: TaskActor, draft: Record<string, unknown>): Promise<void> {
    await this.changes.saveDraft(taskId, actor, draft);
  }

  /**
   * Completes the task with its form data: validated, merged into the variables, signalled. All of
   * it is decided inside the instance step, from the task as that step sees it: a claim or another
   * completion committed meanwhile is never missed (see task-writes.ts).
   */
  async complete(taskId: string, actor: TaskActor, data: Record<string, unknown>): Promise<void> {
    await onInstanceOfTask(taskId, this.repository, (instanceId) =>
      this.runner.step(
        instanceId,
        async (ctx) => {
          const task = await this.get(taskId);
          assertOpen(task);
          assertMayWork(task, actor);
          const wait = ctx.instance.waits.find((w) => w.taskId === taskId);
          if (!wait || !ctx.session.waiting().some((w) => w.executionId === task.executionId))
            throw new EngineError('CONFLICT', `task ${taskId} is already completed`);
          const errors = (
            await Promise.all(
              this.validators.map((v) => v.validate(task, data, { variables: ctx.variables })),
            )
          ).flat();
          if (errors.length > 0)
            throw new EngineError('VALIDATION_FAILED', 'the task data is invalid', errors);

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
      ),
    );
  }

  /** Hands the task to another user (转办); the previous assignee stays recorded as owner. */
  delegate(taskId: string, actor: TaskActor, toUserId: string, reason?: string): Promise<TaskDoc> {
    return this.changes.delegate(taskId, actor, toUserId, reason);
  }

  async comment(taskId: string, actor: TaskActor, text: string): Promise<void> {
    const task = await this.get(taskId);
    if (!text.trim()) throw new EngineError('INVALID_ARGUMENT', 'a comment needs text');
    await this.record(task, 'task.commented', actor.userId, { text });
  }

  /** Copies the task to read-only viewers (抄送). */
  async carbonCopy(taskId: string, actor: TaskActor, viewers: string[]): Promise<void> {
    await this.changes.carbonCopy(taskId, actor, viewers);
  }

  /** Reminds whoever holds the task (催办); the host's notifications pick the event up from the event feed. */
  async remind(taskId: string, actor: TaskActor, message?: string): Promise<void> {
    const task = await this.get(taskId);
    assertOpen(task);
    await this.record(task, 'task.reminded', actor.userId, {
      message: message ?? null,
      to: task.assignee ?? null,
    });
  }

  openTasksOf(instanceId: string): Promise<TaskDoc[]> {
    return this.repository.openOf(instanceId);
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
  const name = outputsVariable(task.activityId);
  const key = elementKey(task.loop!.element, task.loop!.index);
  const collected = (
    variables[name] && typeof variables[name] === 'object' ? variables[name] : {}
  ) as Record<string, unknown>;
  variables[name] = { ...collected, [key]: data };
}
