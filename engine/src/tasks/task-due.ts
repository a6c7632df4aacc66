import { isEngineError } from '../engine.error';
import type { JobHandler } from '../jobs';
import type { ScheduledJob } from '../runtime/effects';
import type { InstanceRunner } from '../runtime/instance-runner';
import type { TaskDoc } from '../storage/documents';
import type { TaskRepository } from './task.repository';

/** The job kind that marks a user task overdue when its due date passes. */
export const TASK_DUE_JOB = 'task-due';

/**
 * The due-date job of a task that has a due date: scheduled with the task (same step, same
 * outbox) and cancelled when the task ends, so "overdue" is a durable moment in the history
 * and the event feed rather than something every reader has to compute.
 */
export function taskDueJob(task: TaskDoc): ScheduledJob | undefined {
  if (!task.dueAt) return undefined;
  return {
    id: `task-due:${task._id}`,
    kind: TASK_DUE_JOB,
    instanceId: task.instanceId,
    district: task.district,
    dueAt: task.dueAt,
    payload: { instanceId: task.instanceId, taskId: task._id },
  };
}

/**
 * Records `task.overdue` if the task is still open and due. Decided inside an instance revision
 * (reading the task there), so it cannot interleave wrongly with a completion. A job that runs
 * twice (its process died after recording) records the event twice: the feed is at-least-once.
 */
export function taskDueJobHandler(runner: InstanceRunner, tasks: TaskRepository): JobHandler {
  return async (job) => {
    const { instanceId, taskId } = job.payload as { instanceId: string; taskId: string };
    try {
      await runner.amend(instanceId, async (ctx) => {
        const task = await tasks.findById(taskId);
        if (!task || task.status !== 'open' || !task.dueAt) return;
        if (task.dueAt.getTime() > ctx.now.getTime()) return;
        ctx.history.push({
          type: 'task.overdue',
          activityId: task.activityId,
          taskId,
          data: {
            dueAt: task.dueAt.toISOString(),
            assignee: task.assignee ?? null,
            candidateUsers: task.candidateUsers,
            candidateGroups: task.candidateGroups,
          },
        });
      });
    } catch (error) {
      if (isEngineError(error, 'NOT_FOUND')) return; // the instance is gone: nothing to mark
      throw error;
    }
  };
}
