import { HttpException } from '@nestjs/common';
import { isEngineError, type EngineError } from '../../../../engine/src';
import { AppError } from './app-error';
import { codeForStatus, ERROR_CODES, type ErrorCode, isKnownErrorCode } from './error-codes';

/** The one error body of the API: docs/api.md "Errors". */
export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  /** True when the error is ours, not the caller's: it is logged with its stack. */
  unexpected: boolean;
}

/**
 * Turns anything thrown while serving a request into the status and body the client sees.
 * Pure, so every mapping is unit-tested; the exception filter only writes the result and logs.
 */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof AppError) return respond(error.code, error.message, error.details);
  if (isEngineError(error)) return fromEngineError(error);
  const bodyParser = bodyParserCode(error);
  if (bodyParser) return respond(bodyParser);
  if (error instanceof HttpException) return fromHttpException(error);
  if (isCodedError(error)) return respond(error.code, error.message, error.details);
  if (isSelfMappedError(error)) return selfMapped(error);
  if (isDatabaseUnavailable(error)) return respond('STORAGE_FAILED');
  return respond('INTERNAL_ERROR');
}

function respond(code: ErrorCode, message?: string, details?: unknown): ErrorResponse {
  const { status } = ERROR_CODES[code];
  const body: ErrorBody = { code, message: message || ERROR_CODES[code].message };
  if (details !== undefined) body.details = details;
  return { status, body, unexpected: status >= 500 };
}

/**
 * Engine messages are English and may name ids the caller did not send, so the client gets the
 * zh-CN message of the code; details that describe the submitted input (field errors, deployment
 * problems) pass through, and a conflict keeps its reason for the person debugging it.
 */
function fromEngineError(error: EngineError): ErrorResponse {
  switch (error.code) {
    case 'VALIDATION_FAILED':
    case 'DEPLOYMENT_INVALID':
      return respond(error.code, undefined, error.details);
    case 'INVALID_ARGUMENT':
    case 'CONFLICT':
    case 'INSTANCE_NOT_RUNNING':
      return respond(error.code, undefined, error.details ?? { reason: error.message });
    case 'NOT_FOUND':
    case 'FORBIDDEN':
      return respond(error.code);
    default:
      return respond(isKnownErrorCode(error.code) ? error.code : 'INTERNAL_ERROR');
  }
}

function fromHttpException(error: HttpException): ErrorResponse {
  const status = error.getStatus();
  const code = codeForStatus(status);
  const response = respond(code);
  // Nest's own exceptions carry English text; keep our status when it is one we do not name.
  if (ERROR_CODES[code].status !== status) {
    response.status = status;
    response.unexpected = status >= 500;
  }
  return response;
}

/** body-parser errors: `{ type: 'entity.too.large', status: 413 }` and the like. */
export function bodyParserCode(error: unknown): ErrorCode | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  switch (type) {
    case 'entity.parse.failed':
      return 'MALFORMED_JSON';
    case 'entity.too.large':
      return 'PAYLOAD_TOO_LARGE';
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
    case 'parameters.too.many':
      return 'BAD_REQUEST';
    default:
      return undefined;
  }
}

/**
 * A module's error that names its own status (the workflow kit's `WorkflowKitError`:
 * `FORM_SCHEMA_INVALID` 400, `PARAMETERS_INVALID` 400, ...); its message is already zh-CN.
 */
function selfMapped(error: SelfMappedError): ErrorResponse {
  const body: ErrorBody = {
    code: error.code,
    message: error.message || ERROR_CODES.BAD_REQUEST.message,
  };
  if (error.details !== undefined) body.details = error.details;
  return { status: error.httpStatus, body, unexpected: error.httpStatus >= 500 };
}

interface SelfMappedError extends Error {
  code: string;
  httpStatus: number;
  details?: unknown;
}

function isSelfMappedError(error: unknown): error is SelfMappedError {
  if (!(error instanceof Error)) return false;
  const { code, httpStatus } = error as { code?: unknown; httpStatus?: unknown };
  return (
    typeof code === 'string' &&
    /^[A-Z][A-Z0-9_]*$/.test(code) &&
    typeof httpStatus === 'number' &&
    Number.isInteger(httpStatus) &&
    httpStatus >= 400 &&
    httpStatus <= 599
  );
}

/**
 * The driver lost the database (down, restarting, unreachable): worth retrying, so 503. A bulk
 * write that lost its connection reports it as a MongoBulkWriteError with the network error's
 * message, so the messages of lost connections count too.
 */
function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth++) {
    if (
      /^Mongo(NetworkError|NetworkTimeoutError|ServerSelectionError|NotConnectedError|TopologyClosedError)$/.test(
        cause.name,
      )
    )
      return true;
    if (
      /^Mongo/.test(cause.name) &&
      /ECONNRESET|ECONNREFUSED|EPIPE|connection \d+ to .* closed|Topology is closed/.test(
        cause.message,
      )
    )
      return true;
    cause = cause.cause;
  }
  return false;
}

/** Another module's typed error: any Error whose `code` is one of ours. */
function isCodedError(error: unknown): error is Error & { code: ErrorCode; details?: unknown } {
  return error instanceof Error && isKnownErrorCode((error as { code?: unknown }).code);
}
