import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '../tokens';
import { toErrorResponse } from './error-response';

/**
 * The one place an error becomes an HTTP answer: `{ code, message, details? }`, never a stack
 * trace. Our own failures (5xx) are logged with their stack; the caller's mistakes at debug level
 * (the request log line already records their status).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    writeError(response, error, this.logger, request);
  }
}

/** Also used by plain Express middleware (the API docs gate), which runs outside Nest's filters. */
export function writeError(
  response: Response,
  error: unknown,
  logger: Logger,
  request?: Request,
): void {
  const { status, body, unexpected } = toErrorResponse(error);
  const where = request ? { method: request.method, path: request.originalUrl } : {};
  if (unexpected) logger.error({ err: error, ...where, code: body.code }, 'request failed');
  else logger.debug({ ...where, code: body.code, status }, 'request refused');
  if (response.headersSent) {
    // A streamed answer broke midway; all that is left to do is to end it.
    response.end();
    return;
  }
  response.status(status).json(body);
}
