import { isEngineError } from '../engine.error';
import type { JobHandler } from '../jobs';
import type { InstanceRunner } from '../runtime/instance-runner';
import type { TaskRepository } from '../storage/tasks/task.repository';

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
