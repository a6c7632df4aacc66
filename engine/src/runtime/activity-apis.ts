import { EngineError } from '../engine.error';

/**
 * The slice of bpmn-elements' activity API the engine uses to reach one activity execution
 * directly. Going through the activity's own broker matters: a signal routed through the
 * definition (`execution.signal`) is handled inside the process's api queue consumer, and what the
 * signalled activity then throws (a BPMN error from an end event, say) is queued behind it and
 * only delivered once the sub-process has already ended — so no boundary event ever catches it.
 */
export interface ActivityApi {
  id: string;
  type: string;
  executionId: string;
  owner?: { isSubProcess?: boolean };
  signal(message?: unknown): void;
  discard(): void;
  sendApiMessage(action: string, content?: Record<string, unknown>): void;
  getExecuting?(): ActivityApi[];
  getPostponed?(): ActivityApi[];
}

interface ExecutionLike {
  getPostponed(): ActivityApi[];
  definitions?: {
    getRunningProcesses(): { execution?: ProcessExecutionLike }[];
  }[];
}

interface ProcessExecutionLike {
  getActivityById(id: string): ActivityLike | undefined;
  getPostponed(): ActivityApi[];
}

interface ActivityLike {
  id: string;
  isRunning: boolean;
  run(content?: Record<string, unknown>): void;
}

/**
 * Every activity execution bpmn-engine holds, depth first: multi-instance iterations and the
 * contents of (event) sub-processes included. `getPostponed` of a sub-process lists the
 * sub-process itself too, hence the visited set.
 */
export function allActivityApis(execution: ExecutionLike | null | undefined): ActivityApi[] {
  const found: ActivityApi[] = [];
  const seen = new Set<string>();
  const visit = (apis: ActivityApi[]) => {
    for (const api of apis) {
      if (!api?.executionId || seen.has(api.executionId)) continue;
      seen.add(api.executionId);
      found.push(api);
      visit(api.getExecuting?.() ?? []);
      if (api.owner?.isSubProcess) visit(api.getPostponed?.() ?? []);
    }
  };
  visit(execution?.getPostponed() ?? []);
  return found;
}

export function findActivityApi(
  execution: ExecutionLike | null | undefined,
  executionId: string,
): ActivityApi | undefined {
  return allActivityApis(execution).find((api) => api.executionId === executionId);
}

/**
 * Starts a process-level event sub-process from outside (a correlated message or a broadcast
 * signal). bpmn-elements only starts event sub-processes for events thrown inside the same
 * process, and does not implement interrupting ones at all: here the sub-process is run, its
 * start event is signalled with the payload, and for an interrupting start every other activity
 * of the process is discarded afterwards (afterwards, so the process never runs out of tokens
 * before the sub-process holds one).
 */
export function runEventSubProcess(
  execution: ExecutionLike | null | undefined,
  trigger: {
    subProcessId: string;
    startEventId: string;
    payload: Record<string, unknown>;
    interrupting: boolean;
  },
): void {
  const process = runningProcessExecution(execution);
  const subProcess = process?.getActivityById(trigger.subProcessId);
  if (!process || !subProcess)
    throw new EngineError('CONFLICT', `event sub-process ${trigger.subProcessId} is not active`);
  if (subProcess.isRunning)
    throw new EngineError('CONFLICT', `event sub-process ${trigger.subProcessId} is running`);
  subProcess.run();
  const start = allActivityApis(execution).find((api) => api.id === trigger.startEventId);
  if (!start)
    throw new EngineError('CONFLICT', `start event ${trigger.startEventId} did not start`);
  start.signal(trigger.payload);
  if (!trigger.interrupting) return;
  for (const api of process.getPostponed()) {
    if (api.id !== trigger.subProcessId) api.discard();
  }
}

/** Whether an activity (by element id) has an execution at any depth. */
export function isActivityActive(
  execution: ExecutionLike | null | undefined,
  activityId: string,
): boolean {
  return allActivityApis(execution).some((api) => api.id === activityId);
}

function runningProcessExecution(
  execution: ExecutionLike | null | undefined,
): ProcessExecutionLike | undefined {
  for (const definition of execution?.definitions ?? []) {
    for (const process of definition.getRunningProcesses()) {
      if (process.execution) return process.execution;
    }
  }
  return undefined;
}
