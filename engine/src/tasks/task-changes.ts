import { EngineError } from '../engine.error';
import type { AmendContext } from '../runtime/amend-context';
import type { InstanceRunner } from '../runtime/instance-runner';
import { onInstanceOfTask } from './task-instance';
import type { TaskDoc } from '../storage/documents';
import { assertMayWork, assertOpen, isCandidate, type TaskActor } from './task-actor';
import type { TaskRepository } from '../storage/tasks/task.repository';

/** What a decision does to a task: fields set and removed, and the history event that says so. */
interface TaskEdit {
  set?: Partial<TaskDoc>;
  unset?: (keyof TaskDoc)[];
  event?: { type: string; data?: Record<string, unknown> };
}

/**
 * Claim, unclaim, delegate, draft and copy — the changes to a task that leave the process where it
 * is. Each is decided inside a revision of the task's instance (InstanceRunner.amend) from the
 * task as that revision sees it, and written by that revision's outbox. Revisions are claimed by
 * a unique insert, so of two users claiming at once exactly one decides first; the other's
 * revision loses, runs again, sees the task claimed and gets CONFLICT. The same holds against a
 * completion, which is a revision too (see task-writes.ts for why the writes cannot cross).
 */
export class TaskChanges {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly runner: InstanceRunner,
  ) {}

  claim(taskId: string, actor: TaskActor): Promise<TaskDoc> {
    return this.change(taskId, actor, (task, ctx) => {
      assertOpen(task);
      if (task.assignee === actor.userId) return null;
      if (task.assignee)
        throw new EngineError('CONFLICT', `task ${taskId} is already claimed by ${task.assignee}`, {
          assignee: task.assignee,
        });
      if (!isCandidate(task, actor))
        throw new EngineError(
          'FORBIDDEN',
          `user ${actor.userId} is not a candidate for task ${taskId}`,
        );
      return {
        set: { assignee: actor.userId, claimedAt: ctx.now },
        event: { type: 'task.claimed' },
      };
    });
  }

  unclaim(taskId: string, actor: TaskActor): Promise<TaskDoc> {
    return this.change(taskId, actor, (task) => {
      assertOpen(task);
      if (task.assignee !== actor.userId)
        throw new EngineError('FORBIDDEN', `task ${taskId} is not assigned to ${actor.userId}`);
      return { unset: ['assignee', 'claimedAt'], event: { type: 'task.unclaimed' } };
    });
  }

  /** 转办: the task goes to another user; whoever had it first stays recorded as its owner. */
  delegate(taskId: string, actor: TaskActor, toUserId: string, reason?: string): Promise<TaskDoc> {
    if (typeof toUserId !== 'string' || toUserId.trim() === '')
      throw new EngineError('INVALID_ARGUMENT', 'a delegation needs the user to hand the task to');
    return this.change(taskId, actor, (task, ctx) => {
      assertOpen(task);
      assertMayWork(task, actor);
      return {
        set: { assignee: toUserId, owner: task.owner ?? actor.userId, claimedAt: ctx.now },
        event: {
          type: 'task.delegated',
          data: { from: task.assignee ?? null, to: toUserId, reason: reason ?? null },
        },
      };
    });
  }

  /** 暂存: work in progress, kept on the task; no validation beyond storability. */
  saveDraft(taskId: string, actor: TaskActor, draft: Record<string, unknown>): Promise<TaskDoc> {
    return this.change(taskId, actor, (task) => {
      assertOpen(task);
      assertMayWork(task, actor);
      return { set: { draft } };
    });
  }

  /** 抄送: read-only viewers, also of a task that has ended. */
  carbonCopy(taskId: string, actor: TaskActor, viewers: string[]): Promise<TaskDoc> {
    if (!Array.isArray(viewers) || viewers.some((v) => typeof v !== 'string' || v === ''))
      throw new EngineError('INVALID_ARGUMENT', 'viewers must be user ids');
    return this.change(taskId, actor, (task) => {
      assertMayWork(task, actor);
      return {
        set: { viewers: [...new Set([...task.viewers, ...viewers])] },
        event: { type: 'task.copied', data: { viewers } },
      };
    });
  }

  private async change(
    taskId: string,
    actor: TaskActor,
    decide: (task: TaskDoc, ctx: AmendContext) => TaskEdit | null,
  ): Promise<TaskDoc> {
    return onInstanceOfTask(taskId, this.tasks, (instanceId) =>
      this.runner.amend(instanceId, async (ctx) => {
        // read inside the revision: every earlier revision's writes have been applied by now
        const task = await this.current(taskId);
        const edit = decide(task, ctx);
        if (!edit) return task;
        ctx.effects.push({ type: 'task.update', taskId, set: edit.set ?? {}, unset: edit.unset });
        if (edit.event)
          ctx.history.push({
            type: edit.event.type,
            activityId: task.activityId,
            taskId,
            userId: actor.userId,
            ...(edit.event.data && { data: edit.event.data }),
          });
        const changed: TaskDoc = { ...task, ...edit.set, changedAtRev: ctx.rev };
        for (const field of edit.unset ?? []) delete (changed as Partial<TaskDoc>)[field];
        return changed;
      }),
    );
  }

  private async current(taskId: string): Promise<TaskDoc> {
    const task = await this.tasks.findById(taskId);
    if (!task) throw new EngineError('NOT_FOUND', `task ${taskId} not found`);
    return task;
  }
}
