/**
 * A business error a service handler reports instead of a result: "the unit rejected the case",
 * not "the mail server is down". It is thrown at the service task, where an error boundary event
 * with the same error code (or one without a code) catches it and the process takes that path;
 * no retry, no incident. When no boundary event catches it, it fails the job like any other error.
 */
export class BpmnError extends Error {
  constructor(
    /** Matched against the errorCode of the bpmn:error an error boundary event references. */
    readonly code: string,
    message?: string,
    /** Set as process variables before the boundary event's path continues. */
    readonly variables?: Record<string, unknown>,
  ) {
    super(message ?? `BPMN error ${code}`);
    this.name = 'BpmnError';
  }
}

export function isBpmnError(error: unknown): error is BpmnError {
  return error instanceof BpmnError;
}
