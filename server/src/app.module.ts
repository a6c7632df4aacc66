import { type DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, DATABASE, ROOT_LOGGER } from './common/tokens';
import type { AppConfig } from './config/app-config';
import type { Database } from './database/database';
import { HealthController } from './health/health.controller';

export interface AppModuleOptions {
  config: AppConfig;
  database: Database;
  logger: Logger;
}

/** The composition root: the database and config are opened before Nest and handed in. */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: DATABASE, useValue: options.database },
        { provide: ROOT_LOGGER, useValue: options.logger },
      ],
      exports: [APP_CONFIG, DATABASE, ROOT_LOGGER],
    };
  }
}
