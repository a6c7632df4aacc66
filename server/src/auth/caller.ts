import type { Request } from 'express';

/**
 * Who is calling, as every route after the session guard sees it (`@CurrentUser()`).
 *
 * `district` is the district the request acts in: the caller's own, or — for a platform
 * administrator who passed `?district=<id>` — that one. Roles and unit belong to the caller's
 * own district, so a platform administrator acting elsewhere holds no roles there but counts as
 * that district's administrator.
 */
export interface Caller {
  userId: string;
  username: string;
  name: string;
  district: string;
  homeDistrict: string;
  roles: string[];
  unitId?: string;
  isDistrictAdmin: boolean;
  isPlatformAdmin: boolean;
}

interface RequestWithSession extends Request {
  congressflowCaller?: Caller;
  congressflowSessionId?: string;
}

export function setCaller(request: Request, caller: Caller, sessionId: string): void {
  const target = request as RequestWithSession;
  target.congressflowCaller = caller;
  target.congressflowSessionId = sessionId;
}

export function callerOf(request: Request): Caller | undefined {
  return (request as RequestWithSession).congressflowCaller;
}

/** The stored id (sha256 of the cookie) of the request's session. */
export function sessionIdOf(request: Request): string | undefined {
  return (request as RequestWithSession).congressflowSessionId;
}
