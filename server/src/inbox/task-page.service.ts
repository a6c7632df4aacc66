import { Inject, Injectable } from '@nestjs/common';
import type { InstanceDoc, ReturnTarget, TaskDoc } from '../../../engine/src';
import type { Caller } from '../auth/caller';
import { DueWindows } from '../platform/due-window';
import { WORKFLOW_PLATFORM } from '../platform/platform.tokens';
import { WorkflowAccess } from '../platform/workflow-access';
import { WorkflowRecords } from '../platform/workflow-records';
import type { WorkflowPlatform } from '../workflow';
import { allowedActions, mayWork, type TaskAction } from './task-actions.policy';
import { type TaskDetail, toTaskDetail } from './task.view';

export interface TaskPage {
  task: TaskDetail;
  form?: { key: string; version: number; schema: Record<string, unknown>; anonymous: boolean };
  draft?: Record<string, unknown>;
  readOnly: Record<string, unknown>;
  actions: TaskAction[];
  returnTargets: ReturnTargetView[];
}

/**
 * A step the task may go back to; a multi-instance step lists its elements (each co-handling
 * unit or signer, as last completed), one of which may be re-opened alone (`targetElement`).
 */
export interface ReturnTargetView {
  activityId: string;
  name: string;
  elements?: { key: string; completedBy?: string }[];
}

/** `GET /tasks/:id`: the task, its pinned form, what it shows read-only and what the caller may do. */
@Injectable()
export class TaskPageService {
  constructor(
    @Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform,
    @Inject(WorkflowRecords) private readonly records: WorkflowRecords,
    @Inject(WorkflowAccess) private readonly access: WorkflowAccess,
    @Inject(DueWindows) private readonly due: DueWindows,
  ) {}

  async describe(caller: Caller, taskId: string): Promise<TaskPage> {
    const { task, instance } = await this.access.visibleTask(caller, taskId);
    const [view, due, targets, retrievable] = await Promise.all([
      this.platform.describeTask(task._id),
      this.due.of(caller.district),
      this.returnTargets(caller, task),
      this.retrievable(caller, task, instance),
    ]);
    const anonymous = view.form?.anonymous ?? false;
    const actions = allowedActions(task, instance, caller, {
      anonymous,
      supervisor: this.access.isSupervisor(caller),
      returnable: targets.length > 0,
      retrievable,
    });
    return {
      task: toTaskDetail(view.task, due),
      ...(view.form && { form: view.form }),
      ...(task.draft !== undefined && task.assignee === caller.userId && { draft: task.draft }),
      readOnly: view.readOnly,
      actions,
      returnTargets: targets.map((target) => ({
        activityId: target.activityId,
        name: target.name,
        ...(target.elements?.length && {
          elements: target.elements.map(({ key, completedBy }) => ({
            key,
            ...(completedBy !== undefined && { completedBy }),
          })),
        }),
      })),
    };
  }

  /** Where the caller could send the task back to; none when they may not work on it. */
  async returnTargets(caller: Caller, task: TaskDoc): Promise<ReturnTarget[]> {
    if (task.status !== 'open' || !mayWork(task, caller)) return [];
    return this.platform.engine.tasks.returnTargets(task._id);
  }

  /**
   * The engine's 取回 conditions, read without a step: the caller completed the task, the
   * instance runs and is still at the revision of that completion, and nothing that completion
   * opened has been claimed, drafted, delegated or closed. The engine decides for real (409).
   */
  private async retrievable(caller: Caller, task: TaskDoc, instance: InstanceDoc) {
    if (task.status !== 'completed' || task.completedBy !== caller.userId) return false;
    if (instance.status !== 'running') return false;
    const completion = await this.records.history
      .in(caller.district)
      .findOne({ instanceId: instance._id, taskId: task._id, type: 'task.completed' });
    if (!completion || completion.rev !== instance.rev) return false;
    const opened = await this.records.tasks
      .in(caller.district)
      .find({ instanceId: instance._id, instanceRev: completion.rev })
      .toArray();
    return opened.every(
      (next) =>
        next.status === 'open' && !next.claimedAt && next.draft === undefined && !next.owner,
    );
  }
}
