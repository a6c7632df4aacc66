import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC = 'congressflow:public';

/**
 * Lets a route be called without a session (login, health). Everything else needs one: the
 * session guard is global, so a new controller is protected unless it says otherwise here.
 */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-public', true));
