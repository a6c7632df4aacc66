import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import type { Logger } from 'pino';
import { type Clock, systemClock } from '../../engine/src';
import { AccountsModule } from './accounts/accounts.module';
import { type AuthSettings, DEFAULT_AUTH_SETTINGS } from './auth/auth-settings';
import { AUTH_SETTINGS } from './auth/auth-settings.token';
import { AuthModule } from './auth/auth.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { APP_CONFIG, CLOCK, DATABASE, ROOT_LOGGER } from './common/tokens';
import { ApiValidationPipe } from './common/validation/validation-pipe';
import { DefinitionsHttpModule } from './definitions-http/definitions-http.module';
import { DemoWorkflowModule } from './demo/demo-workflow.module';
import type { AppConfig } from './config/app-config';
import type { Database } from './database/database';
import { DirectoryModule } from './directory/directory.module';
import { DistrictsModule } from './districts/districts.module';
import { FormsHttpModule } from './forms-http/forms-http.module';
import { HealthController } from './health/health.controller';
import { DocumentsHttpModule } from './documents-http/documents-http.module';
import { InboxModule } from './inbox/inbox.module';
import { InstancesModule } from './instances/instances.module';
import { FilesModule } from './files/files.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PlatformModule } from './platform/platform.module';
import { SeedModule } from './seed/seed.module';
import type { SeedSettings } from './seed/seed-settings';
import { SEED_SETTINGS } from './seed/seed-settings.token';
import { StatisticsModule } from './statistics/statistics.module';
import { TemplatesModule } from './templates/templates.module';
import { WebModule } from './web/web.module';

export interface AppModuleOptions {
  config: AppConfig;
  database: Database;
  logger: Logger;
  /** Defaults to DEFAULT_AUTH_SETTINGS; main.ts reads them from the environment. */
  auth?: Partial<AuthSettings>;
  /** Unset: nothing is seeded (tests). */
  seed?: SeedSettings;
  /** The system clock unless a test brings a VirtualClock. */
  clock?: Clock;
}

/**
 * The composition root: the database and config are opened before Nest and handed in. Feature
 * modules go in `imports`; the global filter, pipe and guards (AuthModule) cover them unasked.
 */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        AuthModule,
        AccountsModule,
        DistrictsModule,
        DirectoryModule,
        SeedModule,
        PlatformModule,
        InstancesModule,
        InboxModule,
        DocumentsHttpModule,
        NotificationsModule,
        FilesModule,
        DefinitionsHttpModule,
        FormsHttpModule,
        TemplatesModule,
        StatisticsModule,
        DemoWorkflowModule,
        // last: it serves the web app for whatever no API route answered
        WebModule.forRoot(),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: DATABASE, useValue: options.database },
        { provide: ROOT_LOGGER, useValue: options.logger },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: AUTH_SETTINGS, useValue: { ...DEFAULT_AUTH_SETTINGS, ...options.auth } },
        { provide: SEED_SETTINGS, useValue: options.seed },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useClass: ApiValidationPipe },
      ],
      exports: [APP_CONFIG, DATABASE, ROOT_LOGGER, CLOCK, AUTH_SETTINGS, SEED_SETTINGS],
    };
  }
}
