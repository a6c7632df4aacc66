/**
 * Every error the engine raises on purpose carries a code. Kinds follow n8n's split:
 * user errors (bad input — the API maps them to 4xx), operational errors (transient, retryable)
 * and bugs (anything else).
 */
export type EngineErrorCode =
  | 'DEPLOYMENT_INVALID' // 400: the BPMN was refused; details list every problem
  | 'VALIDATION_FAILED' // 400: task data refused by the validator; details list field errors
  | 'INVALID_ARGUMENT' // 400
  | 'NOT_FOUND' // 404
  | 'FORBIDDEN' // 403: the user may not act on this task or instance
  | 'CONFLICT' // 409: lost a race or the state moved on (task already completed, ...)
  | 'INSTANCE_NOT_RUNNING' // 409: suspended, cancelled or completed
  | 'HANDLER_FAILED' // operational: a service-task handler threw
  | 'STORAGE_FAILED'; // operational

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EngineError';
  }
}

export function isEngineError(error: unknown, code?: EngineErrorCode): error is EngineError {
  return error instanceof EngineError && (code === undefined || error.code === code);
}
