import { Inject, Injectable } from '@nestjs/common';
import type { TaskDoc } from '../../../engine/src';
import type { Caller } from '../auth/caller';
import { AppError } from '../common/errors/app-error';
import { DIRECTORY } from '../directory/directory.token';
import { DueWindows } from '../platform/due-window';
import { unstorableFields } from '../platform/storable-data';
import { WORKFLOW_PLATFORM } from '../platform/platform.tokens';
import { WorkflowAccess } from '../platform/workflow-access';
import { WorkflowRecords } from '../platform/workflow-records';
import type { Directory, WorkflowPlatform } from '../workflow';
import type { DelegateTaskDto, ReturnTaskDto } from './inbox.dto';
import { TaskPageService } from './task-page.service';
import { type TaskDetail, toTaskDetail } from './task.view';

/**
 * The inbox's actions. Each first finds the task as the caller may see it (404 otherwise), then
 * lets the engine (or the platform, for forms) decide under its revision rules: of two racing
 * completions one wins and the other gets 409.
 */
@Injectable()
export class TaskActionsService {
  constructor(
    @Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform,
    @Inject(WorkflowRecords) private readonly records: WorkflowRecords,
    @Inject(WorkflowAccess) private readonly access: WorkflowAccess,
    @Inject(DueWindows) private readonly due: DueWindows,
    @Inject(TaskPageService) private readonly page: TaskPageService,
    @Inject(DIRECTORY) private readonly directory: Directory,
  ) {}

  async claim(caller: Caller, taskId: string): Promise<TaskDetail> {
    await this.visible(caller, taskId);
    const task = await this.platform.engine.tasks.claim(taskId, this.access.actor(caller));
    return this.detail(caller, task);
  }

  async unclaim(caller: Caller, taskId: string): Promise<TaskDetail> {
    await this.visible(caller, taskId);
    const task = await this.platform.engine.tasks.unclaim(taskId, this.access.actor(caller));
    return this.detail(caller, task);
  }

  async saveDraft(caller: Caller, taskId: string, data: Record<string, unknown>): Promise<void> {
    await this.assigned(caller, taskId);
    const problems = unstorableFields(data);
    if (problems.length > 0) throw AppError.validation(problems);
    await this.platform.saveDraft(taskId, this.access.actor(caller), data);
  }

  async complete(caller: Caller, taskId: string, data: Record<string, unknown>): Promise<void> {
    const task = await this.assigned(caller, taskId);
    await this.platform.completeTask(taskId, this.access.actor(caller), data, task);
  }

  async delegate(caller: Caller, taskId: string, body: DelegateTaskDto): Promise<TaskDetail> {
    await this.visible(caller, taskId);
    if (!(await this.directory.user(caller.district, body.userId)))
      throw AppError.field('userId', '用户不存在');
    const task = await this.platform.engine.tasks.delegate(
      taskId,
      this.access.actor(caller),
      body.userId,
      body.reason,
    );
    return this.detail(caller, task);
  }

  /** 退回; answers where the task went. */
  async returnTask(
    caller: Caller,
    taskId: string,
    body: ReturnTaskDto,
  ): Promise<{ activityId: string; name: string }> {
    const task = await this.visible(caller, taskId);
    if (task.status !== 'open') throw AppError.conflict('任务已办结，不能退回');
    const targets = await this.page.returnTargets(caller, task);
    if (targets.length === 0) throw AppError.conflict('当前任务没有可退回的环节');
    const chosen =
      body.targetActivityId === undefined
        ? targets[0]
        : targets.find((target) => target.activityId === body.targetActivityId);
    if (!chosen) throw AppError.field('targetActivityId', '不能退回到该环节');
    if (
      body.targetElement !== undefined &&
      !chosen.elements?.some((element) => element.key === body.targetElement)
    )
      throw AppError.field('targetElement', '该环节没有这一份可退回的办理');
    const target = await this.platform.engine.tasks.returnTask(taskId, this.access.actor(caller), {
      reason: body.reason,
      targetActivityId: chosen.activityId,
      ...(body.targetElement !== undefined && { targetElement: body.targetElement }),
    });
    return { activityId: target.activityId, name: target.name };
  }

  /** 取回; answers the task opened again for the caller. */
  async retrieve(caller: Caller, taskId: string): Promise<{ taskId?: string }> {
    const task = await this.visible(caller, taskId);
    await this.platform.engine.tasks.retrieve(taskId, this.access.actor(caller));
    const reopened = await this.records.tasks.in(caller.district).findOne({
      instanceId: task.instanceId,
      activityId: task.activityId,
      status: 'open',
      assignee: caller.userId,
    });
    return reopened ? { taskId: reopened._id } : {};
  }

  async comment(caller: Caller, taskId: string, text: string): Promise<void> {
    await this.visible(caller, taskId);
    await this.platform.engine.tasks.comment(taskId, this.access.actor(caller), text);
  }

  /** 催办: by the instance's starter or a supervisor, on an open task. */
  async remind(caller: Caller, taskId: string, message?: string): Promise<void> {
    const { task, instance } = await this.access.visibleTask(caller, taskId);
    if (instance.starter !== caller.userId && !this.access.isSupervisor(caller))
      throw AppError.forbidden('只有发起人和督办人员可以催办');
    if (task.status !== 'open') throw AppError.conflict('任务已办结，无需催办');
    await this.platform.engine.tasks.remind(taskId, this.access.actor(caller), message);
  }

  private visible(caller: Caller, taskId: string): Promise<TaskDoc> {
    return this.access.visibleTaskOnly(caller, taskId);
  }

  /** Completing and drafting are the assignee's: a candidate claims first. */
  private async assigned(caller: Caller, taskId: string): Promise<TaskDoc> {
    const task = await this.visible(caller, taskId);
    if (task.status !== 'open') throw AppError.conflict('任务已办结');
    if (task.assignee !== caller.userId)
      throw AppError.forbidden(task.assignee ? '该任务由他人办理' : '请先认领该任务');
    return task;
  }

  private async detail(caller: Caller, task: TaskDoc): Promise<TaskDetail> {
    return toTaskDetail(task, await this.due.of(caller.district));
  }
}
