import { Inject, Injectable } from '@nestjs/common';
import type { Filter } from 'mongodb';
import type { InstanceDoc, TaskActor, TaskDoc } from '../../../engine/src';
import type { Caller } from '../auth/caller';
import { AppError } from '../common/errors/app-error';
import { WorkflowRecords } from './workflow-records';

/** Roles that oversee every process of their district (代表工委、办公室、主任会议). */
export const SUPERVISOR_ROLES: readonly string[] = ['deputyAffairs', 'office', 'council'];

/**
 * Who may see an instance — and therefore its tasks, history, variables and documents:
 *
 * - its starter;
 * - anyone who has or had a task on it: assignee, owner (delegated it on), completer, carbon-copy
 *   viewer, candidate user, or holder of a candidate group of one of its open tasks;
 * - supervisors: district and platform administrators and the SUPERVISOR_ROLES.
 *
 * Everyone else gets 404, exactly as for an id that does not exist. What a visible task lets
 * someone do is decided by the task page's `actions`.
 */
@Injectable()
export class WorkflowAccess {
  constructor(@Inject(WorkflowRecords) private readonly records: WorkflowRecords) {}

  isSupervisor(caller: Caller): boolean {
    return (
      caller.isDistrictAdmin ||
      caller.isPlatformAdmin ||
      caller.roles.some((role) => SUPERVISOR_ROLES.includes(role))
    );
  }

  isAdmin(caller: Caller): boolean {
    return caller.isDistrictAdmin || caller.isPlatformAdmin;
  }

  actor(caller: Caller): TaskActor {
    return { userId: caller.userId, groups: caller.roles };
  }

  /** The tasks through which the caller takes part in an instance. */
  involvement(caller: Caller): Filter<TaskDoc> & { $or: Filter<TaskDoc>[] } {
    const me = caller.userId;
    return {
      $or: [
        { assignee: me },
        { owner: me },
        { completedBy: me },
        { viewers: me },
        { candidateUsers: me },
        ...(caller.roles.length > 0
          ? caller.roles.map((role) => ({ status: 'open' as const, candidateGroups: role }))
          : []),
      ],
    };
  }

  /** A filter on instances: all of the district for supervisors, else the caller's own. */
  async instanceFilter(caller: Caller): Promise<Filter<InstanceDoc>> {
    if (this.isSupervisor(caller)) return {};
    // one query per way of taking part: each is an indexed equality, where one $or would read
    // every task of the district on the embedded database
    const tasks = this.records.tasks.in(caller.district);
    const found = await Promise.all(
      this.involvement(caller).$or!.map((branch) =>
        tasks.find(branch, { projection: { instanceId: 1 } }).toArray(),
      ),
    );
    const ids = [...new Set(found.flat().map((task) => task.instanceId))];
    return { $or: [{ starter: caller.userId }, { _id: { $in: ids } }] };
  }

  async canSee(caller: Caller, instance: InstanceDoc): Promise<boolean> {
    if (this.isSupervisor(caller) || instance.starter === caller.userId) return true;
    const task = await this.records.tasks.in(caller.district).findOne(
      // the instance id at the top level, where the embedded database answers it from an index
      { instanceId: instance._id, ...this.involvement(caller) },
      { projection: { _id: 1 } },
    );
    return task !== null;
  }

  /** The instance, or 404 when it is another district's, does not exist or is not the caller's to see. */
  async visibleInstance(caller: Caller, instanceId: string): Promise<InstanceDoc> {
    const instance = await this.records.instances.in(caller.district).findById(instanceId);
    if (!instance || !(await this.canSee(caller, instance))) throw AppError.notFound('流程实例');
    return instance;
  }

  /**
   * The task, or 404 (see visibleInstance): one read when the caller takes part in the task
   * itself (what `involvement` asks of some task of the instance), else the instance decides.
   */
  async visibleTaskOnly(caller: Caller, taskId: string): Promise<TaskDoc> {
    const task = await this.records.tasks.in(caller.district).findById(taskId);
    if (!task) throw AppError.notFound('任务');
    if (this.takesPart(caller, task)) return task;
    const instance = await this.records.instances.in(caller.district).findById(task.instanceId);
    if (!instance || !(await this.canSee(caller, instance))) throw AppError.notFound('任务');
    return task;
  }

  /** `involvement`, tested on one task. */
  private takesPart(caller: Caller, task: TaskDoc): boolean {
    const me = caller.userId;
    return (
      task.assignee === me ||
      task.owner === me ||
      task.completedBy === me ||
      task.viewers.includes(me) ||
      task.candidateUsers.includes(me) ||
      (task.status === 'open' && task.candidateGroups.some((group) => caller.roles.includes(group)))
    );
  }

  /** The task and its instance, or 404 (see visibleInstance). */
  async visibleTask(
    caller: Caller,
    taskId: string,
  ): Promise<{ task: TaskDoc; instance: InstanceDoc }> {
    const task = await this.records.tasks.in(caller.district).findById(taskId);
    const instance =
      task && (await this.records.instances.in(caller.district).findById(task.instanceId));
    if (!task || !instance || !(await this.canSee(caller, instance)))
      throw AppError.notFound('任务');
    return { task, instance };
  }
}
