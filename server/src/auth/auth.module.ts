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
import { DatabaseRateLimitStorage } from './rate-limit.storage';
import { CLOCK, DATABASE } from '../common/tokens';
import type { Database } from '../database/database';
import type { Clock } from '../../../engine/src';
import { SessionService } from './session.service';

/**
 * Sessions, login and the two global guards (order matters: the session first, then the access
 * rule). The login rate limit is @nestjs/throttler's per client address, counted in the database
 * (DatabaseRateLimitStorage) so that it holds across server processes; it sits only on the login
 * route.
 */
@Module({
  imports: [
    AccountsModule,
    DistrictsModule,
    ThrottlerModule.forRootAsync({
      inject: [AUTH_SETTINGS, DATABASE, CLOCK],
      useFactory: (settings: AuthSettings, database: Database, clock: Clock) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: settings.loginRatePerMinute }],
        storage: new DatabaseRateLimitStorage(database, clock),
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
