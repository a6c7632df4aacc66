import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../../common/errors/app-error';
import { type Caller, callerOf } from '../caller';

/** The signed-in caller (see `Caller`); on a @Public() route it is a bug to ask for one. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller => {
    const caller = callerOf(context.switchToHttp().getRequest<Request>());
    if (!caller) throw new AppError('UNAUTHENTICATED');
    return caller;
  },
);
