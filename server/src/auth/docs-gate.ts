import type { INestApplication } from '@nestjs/common';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { writeError } from '../common/errors/all-exceptions.filter';
import { AppError } from '../common/errors/app-error';
import { ROOT_LOGGER } from '../common/tokens';
import { sessionTokenOf } from './session-cookie';
import { SessionService } from './session.service';

/**
 * The API docs are plain Express routes (no Nest guard runs there), so this middleware asks for a
 * session the same way: the route list is not published to people who may not call the routes.
 */
export function sessionRequired(app: INestApplication): RequestHandler {
  const sessions = app.get(SessionService);
  const logger = app.get<Logger>(ROOT_LOGGER);
  return (request, response, next) => {
    const token = sessionTokenOf(request);
    (token === undefined ? Promise.resolve(undefined) : sessions.resolve(token))
      .then((session) =>
        session ? next() : writeError(response, new AppError('UNAUTHENTICATED'), logger, request),
      )
      .catch((error: unknown) => writeError(response, error, logger, request));
  };
}
