import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccountsModule } from '../accounts/accounts.module';
import { DistrictsModule } from '../districts/districts.module';
import type { AuthSettings } from './auth-settings';
import { AUTH_SETTINGS } from './auth-settings.token';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AccessGuard } from './guards/access.guard';
import { SessionGuard } from './guards/session.guard';
import { LoginAttempts } from './login-attempts';
import { SessionService } from './session.service';

/**
 * Sessions, login and the two global guards (order matters: the session first, then the access
 * rule). The login rate limit is @nestjs/throttler's in-memory counter per client address, per
 * server process; it sits only on the login route.
 */
@Module({
  imports: [
    AccountsModule,
    DistrictsModule,
    ThrottlerModule.forRootAsync({
      inject: [AUTH_SETTINGS],
      useFactory: (settings: AuthSettings) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: settings.loginRatePerMinute }],
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    SessionService,
    LoginAttempts,
    AuthService,
    { provide: APP_GUARD, useClass: SessionGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [SessionService],
})
export class AuthModule {}
