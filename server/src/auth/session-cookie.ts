import type { CookieOptions, Request, Response } from 'express';
import type { AuthSettings } from './auth-settings';

/** docs/api.md: an httpOnly, SameSite=Lax cookie holding an opaque session token. */
export const SESSION_COOKIE = 'cf_session';

/**
 * A browser-session cookie (no Max-Age): closing the browser forgets it, and the server-side
 * expiry (idle and absolute) decides how long it works. Secure over https; behind a TLS-ending
 * proxy that needs CONGRESSFLOW_TRUST_PROXY so Express sees the original scheme.
 */
function cookieOptions(request: Request, settings: AuthSettings): CookieOptions {
  const secure =
    settings.secureCookie === 'always' || (settings.secureCookie === 'auto' && request.secure);
  return { httpOnly: true, sameSite: 'lax', secure, path: '/' };
}

export function writeSessionCookie(
  response: Response,
  request: Request,
  token: string,
  settings: AuthSettings,
): void {
  response.cookie(SESSION_COOKIE, token, cookieOptions(request, settings));
}

export function clearSessionCookie(
  response: Response,
  request: Request,
  settings: AuthSettings,
): void {
  response.clearCookie(SESSION_COOKIE, cookieOptions(request, settings));
}

export function sessionTokenOf(request: Request): string | undefined {
  const token = (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof token === 'string' && token !== '' ? token : undefined;
}
