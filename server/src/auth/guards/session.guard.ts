import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { UserDoc } from '../../accounts/users/user.document';
import { AppError } from '../../common/errors/app-error';
import { DistrictRepository } from '../../districts/district.repository';
import type { AuthSettings } from '../auth-settings';
import { AUTH_SETTINGS } from '../auth-settings.token';
import { type Caller, setCaller } from '../caller';
import { assertCsrfHeader } from '../csrf';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { clearSessionCookie, sessionTokenOf } from '../session-cookie';
import { SessionService } from '../session.service';

/**
 * Global: every route needs a valid session unless marked @Public(). Then the CSRF header on
 * mutating requests (after the session check, so a caller without a session learns only 401),
 * then who the caller is and which district the request acts in.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(DistrictRepository) private readonly districts: DistrictRepository,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) {
      assertCsrfHeader(request);
      return true;
    }

    const token = sessionTokenOf(request);
    const session = token === undefined ? undefined : await this.sessions.resolve(token);
    if (!session) {
      if (token !== undefined)
        clearSessionCookie(context.switchToHttp().getResponse<Response>(), request, this.settings);
      throw new AppError('UNAUTHENTICATED');
    }
    assertCsrfHeader(request);
    setCaller(request, await this.callerFor(session.user, request.query.district), session.id);
    return true;
  }

  /** `?district=` lets a platform administrator act in another district; anyone else gets 404. */
  private async callerFor(user: UserDoc, requested: unknown): Promise<Caller> {
    const caller: Caller = {
      userId: user._id,
      username: user.username,
      name: user.name,
      district: user.district,
      homeDistrict: user.district,
      roles: user.roles,
      isDistrictAdmin: user.isDistrictAdmin || user.isPlatformAdmin,
      isPlatformAdmin: user.isPlatformAdmin,
    };
    if (user.unitId !== undefined) caller.unitId = user.unitId;
    if (requested === undefined || requested === user.district) return caller;
    if (typeof requested !== 'string' || requested === '')
      throw AppError.field('district', '必须是区县 id');
    if (!user.isPlatformAdmin || !(await this.districts.findById(requested)))
      throw AppError.notFound('区县');
    return { ...caller, district: requested, roles: [], unitId: undefined, isDistrictAdmin: true };
  }
}
