import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError } from '../../common/errors/app-error';
import { callerOf } from '../caller';
import { ACCESS_RULE, type AccessRule } from '../decorators/access.decorators';

/** Global, after SessionGuard: applies @PlatformAdminOnly, @DistrictAdminOnly and @RequireRoles. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) return true;
    const caller = callerOf(context.switchToHttp().getRequest<Request>());
    if (!caller) throw new AppError('UNAUTHENTICATED');
    const allowed =
      rule.kind === 'platformAdmin'
        ? caller.isPlatformAdmin
        : rule.kind === 'districtAdmin'
          ? caller.isDistrictAdmin || caller.isPlatformAdmin
          : rule.roles.some((role) => caller.roles.includes(role));
    if (!allowed) throw AppError.forbidden();
    return true;
  }
}
