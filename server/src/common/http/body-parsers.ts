import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { AppError } from '../errors/app-error';
import { bodyParserCode } from '../errors/error-response';
import { bodyShapeProblems } from './body-shape';

/**
 * Request bodies are JSON only. 1 MB covers every form, parameter set and administration call
 * with room to spare; BPMN definitions travel as `{ xml }` and a large process with its diagram
 * reaches a few hundred KB, so the definition routes take up to 5 MB. Anything bigger is 413.
 */
export const DEFAULT_BODY_LIMIT = '1mb';
export const LARGE_BODY_LIMIT = '5mb';
/** Path prefixes (after the /api prefix) whose bodies may be large. */
export const LARGE_BODY_PATHS = ['/api/definitions'];

export function jsonBodyParsers(): RequestHandler[] {
  const large = guarded(express.json({ limit: LARGE_BODY_LIMIT }));
  const normal = guarded(express.json({ limit: DEFAULT_BODY_LIMIT }));
  return [
    (request, response, next) => {
      const isLarge = LARGE_BODY_PATHS.some(
        (prefix) => request.path === prefix || request.path.startsWith(`${prefix}/`),
      );
      (isLarge ? large : normal)(request, response, next);
    },
  ];
}

/**
 * body-parser reports malformed JSON as a SyntaxError, which Nest would turn into a generic 400
 * carrying the parser's English text; typed errors keep our codes (MALFORMED_JSON, 413, ...).
 * A parsed body with prototype keys or absurd nesting is refused here, before any route's code
 * sees it (body-shape.ts).
 */
function guarded(parser: RequestHandler): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    parser(request, response, (error?: unknown) => {
      if (error === undefined || error === null) {
        const problems = bodyShapeProblems(request.body);
        return next(problems.length > 0 ? AppError.validation(problems) : undefined);
      }
      const code = bodyParserCode(error);
      next(code ? new AppError(code, undefined, undefined, { cause: error }) : error);
    });
  };
}
