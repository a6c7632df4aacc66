import { EngineError, isEngineError } from '../engine.error';
import { instanceIdOfTask } from '../runtime/task-factory';
import type { TaskRepository } from '../storage/tasks/task.repository';

/**
 * Runs `work` on the instance a task belongs to, known from the task id alone — so a task action
 * reads the task once, inside the instance step, where the read is also the one that decides. A
 * task id whose instance does not exist is reported as a missing task.
 */
export async function onInstanceOfTask<T>(
  taskId: string,
  tasks: TaskRepository,
  work: (instanceId: string) => Promise<T>,
): Promise<T> {
  const instanceId = instanceIdOfTask(taskId);
  if (!instanceId) throw new EngineError('NOT_FOUND', `task ${taskId} not found`);
  try {
    return await work(instanceId);
  } catch (error) {
    if (isEngineError(error, 'NOT_FOUND') && !(await tasks.findById(taskId)))
      throw new EngineError('NOT_FOUND', `task ${taskId} not found`);
    throw error;
  }
}
