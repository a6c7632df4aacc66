/**
 * Every error the workflow kit raises on purpose carries a code and the HTTP status the API maps
 * it to, so the server's one exception filter needs no table of its own. Messages are zh-CN: they
 * reach users. Engine errors (EngineError) pass through unchanged.
 */
export type WorkflowKitErrorCode =
  | 'VALIDATION_FAILED' // submitted form data refused; details: FieldError[]
  | 'FORM_SCHEMA_INVALID' // a form schema refused at publish; details: SchemaProblem[]
  | 'PARAMETERS_INVALID' // district parameters refused; details: { key, message }[]
  | 'TEMPLATE_INVALID' // the template library (manifest or files) is inconsistent
  | 'DOCUMENT_TEMPLATE_INVALID' // a handlebars template refused at load
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'; // lost a race or the state moved on (ballot already cast, vote closed, ...)

const HTTP_STATUS: Record<WorkflowKitErrorCode, number> = {
  VALIDATION_FAILED: 400,
  FORM_SCHEMA_INVALID: 400,
  PARAMETERS_INVALID: 400,
  TEMPLATE_INVALID: 400,
  DOCUMENT_TEMPLATE_INVALID: 400,
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
};

export class WorkflowKitError extends Error {
  readonly httpStatus: number;

  constructor(
    readonly code: WorkflowKitErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WorkflowKitError';
    this.httpStatus = HTTP_STATUS[code];
  }
}

export function isWorkflowKitError(
  error: unknown,
  code?: WorkflowKitErrorCode,
): error is WorkflowKitError {
  return error instanceof WorkflowKitError && (code === undefined || error.code === code);
}
