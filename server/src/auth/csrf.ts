import type { Request } from 'express';
import { AppError } from '../common/errors/app-error';

/**
 * docs/api.md: mutating requests carry `X-Requested-With: congressflow`. A cross-site form or
 * image cannot set a custom header, and a cross-site fetch that sets one needs a CORS preflight
 * this server never grants — a cheap guard on top of SameSite=Lax.
 */
export const CSRF_HEADER = 'X-Requested-With';
export const CSRF_VALUE = 'congressflow';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function assertCsrfHeader(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.get(CSRF_HEADER) !== CSRF_VALUE) throw new AppError('CSRF_REJECTED');
}
