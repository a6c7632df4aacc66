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
  /** The activity's own message broker. */
  broker?: {
    publish(
      exchange: string,
      routingKey: string,
      content: Record<string, unknown>,
      properties?: Record<string, unknown>,
    ): void;
  };
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

/** An escalation from a called process, for the boundary event that catches it (event-catalog.ts). */
export interface EscalationAtBoundary {
  boundaryEventId: string;
  /** The call activity the boundary event is attached to. */
  attachedToId: string;
  /** The bpmn:escalation the boundary event names, if any: bpmn-elements matches on its id. */
  escalationRef?: string;
  /** A non-interrupting boundary event is armed again, so that it catches the next one too. */
  interrupting: boolean;
  /** What the boundary event outputs. */
  escalation: { code?: string; name?: string; calledInstanceId: string };
}

/**
 * Throws a called process's escalation at the escalation boundary event on its call activity.
 * bpmn-elements only knows escalations thrown inside its own process, so the escalation is put
 * in the boundary event's escalation queue as if thrown inside the call activity (its scope, for
 * scoped-catch-event-definitions.ts). Its routing key ends in no execution id, so none of the
 * boundary event's own API listeners (`activity.#.<execution>`, some of them subscribed once)
 * takes it instead. A non-interrupting boundary event would fire once per
 * activation of its activity; it is first given the repeat that cycle timers use, which runs it
 * again once it has fired, so every escalation of the called processes reaches it.
 */
export function escalateAtBoundary(
  execution: ExecutionLike | null | undefined,
  target: EscalationAtBoundary,
): boolean {
  // any execution of the boundary event reaches its broker (after a recovery, the one listed
  // is its escalation event definition's)
  const boundary = allActivityApis(execution).find((api) => api.id === target.boundaryEventId);
  if (!boundary?.broker) return false;
  if (!target.interrupting) {
    boundary.broker.publish('execution', 'execute.repeat', {
      id: boundary.id,
      executionId: boundary.executionId,
      repeat: -1,
    });
  }
  boundary.broker.publish(
    'api',
    'activity.escalate.called-process',
    {
      message: {
        ...(target.escalationRef !== undefined && { id: target.escalationRef }),
        type: 'bpmn:Escalation',
        messageType: 'escalation',
        ...target.escalation,
      },
      parent: { id: target.attachedToId },
    },
    { type: 'escalate' },
  );
  return true;
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
