import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import type { Database } from './database/database';
import { NestPinoLogger } from './logging/logger';
import { requestLogging } from './logging/request-logging.middleware';

/** Builds the HTTP application around an already-open database; used by main.ts and by tests. */
export async function createApp(
  config: AppConfig,
  database: Database,
  logger: Logger,
): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot({ config, database, logger }), {
    logger: new NestPinoLogger(logger),
  });
  app.use(requestLogging(logger));
  app.setGlobalPrefix('api');
  return app;
}
