import { Inject, Injectable } from '@nestjs/common';
import type { EngineEvent, TaskDoc } from '../../../engine/src';
import { DIRECTORY } from '../directory/directory.token';
import { WorkflowRecords } from '../platform/workflow-records';
import type { Directory, NotificationKind } from '../workflow';
import type { NotificationDraft } from './notification.document';

/** The engine events that notify someone; the feed consumer reads only these. */
export const NOTIFYING_EVENTS = [
  'task.created',
  'task.delegated',
  'task.reminded',
  'task.overdue',
  'task.returned',
  'instance.completed',
] as const;

/**
 * Who hears of an engine event, and what (ids deterministic from the event, so a replay adds
 * nothing). The actor of an event is never told about it.
 *
 * | event              | kind      | to                                                     |
 * | ------------------ | --------- | ------------------------------------------------------ |
 * | task.created       | assigned  | the assignee (not when 退回/取回 reopened the task)     |
 * | task.created       | claimable | the candidates (users, and holders of the groups)      |
 * | task.delegated     | assigned  | the new assignee                                       |
 * | task.reminded      | reminder  | the assignee, else the candidates                      |
 * | task.overdue       | overdue   | the assignee, else the candidates                      |
 * | task.returned      | returned  | whoever the returned-to task is assigned to            |
 * | instance.completed | completed | the starter                                            |
 */
@Injectable()
export class NotificationRules {
  constructor(
    @Inject(WorkflowRecords) private readonly records: WorkflowRecords,
    @Inject(DIRECTORY) private readonly directory: Directory,
  ) {}

  async draftsFor(event: EngineEvent): Promise<NotificationDraft[]> {
    const data = event.data;
    switch (event.type) {
      case 'task.created': {
        const task = await this.task(event, event.taskId);
        if (!task || (await this.reopenedByMove(event))) return [];
        const assignee = text(data.assignee);
        if (assignee)
          return this.drafts(event, [assignee], 'assigned', `新待办：${label(task)}`, task);
        const pool = await this.candidates(
          event.district,
          data.candidateUsers,
          data.candidateGroups,
        );
        return this.drafts(event, pool, 'claimable', `可认领：${label(task)}`, task);
      }
      case 'task.delegated': {
        const task = await this.task(event, event.taskId);
        const to = text(data.to);
        if (!task || !to) return [];
        return this.drafts(
          event,
          [to],
          'assigned',
          `转办给您：${label(task)}`,
          task,
          text(data.reason),
        );
      }
      case 'task.reminded':
      case 'task.overdue': {
        const task = await this.task(event, event.taskId);
        if (!task) return [];
        const holder = text(data.to) ?? text(data.assignee) ?? task.assignee;
        const to = holder
          ? [holder]
          : await this.candidates(event.district, task.candidateUsers, task.candidateGroups);
        return event.type === 'task.reminded'
          ? this.drafts(event, to, 'reminder', `催办：${label(task)}`, task, text(data.message))
          : this.drafts(event, to, 'overdue', `已逾期：${label(task)}`, task);
      }
      case 'task.returned':
        return this.returned(event);
      case 'instance.completed': {
        const instance = await this.records.instances.in(event.district).findById(event.instanceId);
        if (!instance?.starter) return [];
        const name = await this.records.processName(instance);
        const key = instance.businessKey ? `（${instance.businessKey}）` : '';
        return this.drafts(event, [instance.starter], 'completed', `已办结：${name}${key}`);
      }
      default:
        return [];
    }
  }

  /** To whoever gets the reopened task, pointing at it rather than at the returned one. */
  private async returned(event: EngineEvent): Promise<NotificationDraft[]> {
    const target = text(event.data.to);
    const reopened = target
      ? await this.records.tasks
          .in(event.district)
          .findOne(
            { instanceId: event.instanceId, activityId: target, status: 'open' },
            { sort: { createdAt: -1 } },
          )
      : null;
    const task = reopened ?? (await this.task(event, event.taskId));
    if (!task) return [];
    const assignee = text(event.data.assignee) ?? reopened?.assignee;
    const to = assignee
      ? [assignee]
      : await this.candidates(event.district, task.candidateUsers, task.candidateGroups);
    const reason = text(event.data.reason);
    return this.drafts(
      event,
      to,
      'returned',
      `被退回：${label(task)}`,
      task,
      reason && `退回理由：${reason}`,
    );
  }

  /** A task opened again by 退回 or 取回 in the same step: `returned` says it (or the actor did it). */
  private async reopenedByMove(event: EngineEvent): Promise<boolean> {
    const move = await this.records.history.in(event.district).findOne(
      {
        instanceId: event.instanceId,
        rev: event.rev,
        type: { $in: ['task.returned', 'task.retrieved'] },
      },
      { projection: { _id: 1 } },
    );
    return move !== null;
  }

  private async task(event: EngineEvent, taskId: string | undefined): Promise<TaskDoc | null> {
    return taskId ? this.records.tasks.in(event.district).findById(taskId) : null;
  }

  private async candidates(district: string, users: unknown, groups: unknown): Promise<string[]> {
    const found = new Set(strings(users));
    for (const group of strings(groups))
      for (const user of await this.directory.usersWithRole(district, group)) found.add(user);
    return [...found];
  }

  private drafts(
    event: EngineEvent,
    to: string[],
    kind: NotificationKind,
    title: string,
    task?: TaskDoc,
    message?: string,
  ): NotificationDraft[] {
    return [...new Set(to)]
      .filter((userId) => userId !== event.userId)
      .map((userId) => ({
        _id: `event:${event.id}:${userId}`,
        district: event.district,
        userId,
        kind,
        title,
        ...(message && { message }),
        ...(task && { taskId: task._id }),
        instanceId: event.instanceId,
      }));
  }
}

function label(task: TaskDoc): string {
  const process = task.processName || task.processKey;
  return `${task.name}（${process}${task.businessKey ? ` ${task.businessKey}` : ''}）`;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}
