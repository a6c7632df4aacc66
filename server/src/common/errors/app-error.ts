import { ERROR_CODES, type ErrorCode } from './error-codes';

/** One problem with one field of the submitted body, query or form data. */
export interface FieldProblem {
  /** Dot/bracket path into the submitted data: `admin.username`, `units[0].name`. */
  path: string;
  message: string;
}

/**
 * The error services throw on purpose. It carries a code (never an HTTP status): the one
 * exception filter maps the code to a status, so services stay free of HTTP.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message ?? ERROR_CODES[code].message, options);
    this.name = 'AppError';
  }

  /** 404 with a message that names the kind of thing only, never the id or its district. */
  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what}不存在`);
  }

  static validation(problems: FieldProblem[], message?: string): AppError {
    return new AppError('VALIDATION_FAILED', message, problems);
  }

  static field(path: string, message: string): AppError {
    return AppError.validation([{ path, message }]);
  }

  static conflict(message: string, details?: unknown): AppError {
    return new AppError('CONFLICT', message, details);
  }

  static forbidden(message?: string): AppError {
    return new AppError('FORBIDDEN', message);
  }
}
