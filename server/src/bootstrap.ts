import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppModule, type AppModuleOptions } from './app.module';
import { DEFAULT_AUTH_SETTINGS } from './auth/auth-settings';
import { sessionRequired } from './auth/docs-gate';
import { jsonBodyParsers } from './common/http/body-parsers';
import { mountOpenApi } from './common/openapi/openapi';
import type { AppConfig } from './config/app-config';
import type { Database } from './database/database';
import { NestPinoLogger } from './logging/logger';
import { requestLogging } from './logging/request-logging.middleware';

export type AppOptions = Pick<AppModuleOptions, 'auth' | 'seed' | 'clock'>;

/** Builds the HTTP application around an already-open database; used by main.ts and by tests. */
export async function createApp(
  config: AppConfig,
  database: Database,
  logger: Logger,
  options: AppOptions = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, database, logger, ...options }),
    // Our own JSON parser (size limits, typed errors) replaces Nest's default one.
    { logger: new NestPinoLogger(logger), bodyParser: false },
  );
  const trustProxy = options.auth?.trustProxy ?? DEFAULT_AUTH_SETTINGS.trustProxy;
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);
  app.use(requestLogging(logger));
  app.use(helmet());
  // which server process answered: with several behind one address (npm run start:cluster, a
  // proxy), logs and support questions need to know
  app.use(
    (
      _request: unknown,
      response: { setHeader(name: string, value: string): void },
      next: () => void,
    ) => {
      response.setHeader('X-CongressFlow-Process', String(process.pid));
      next();
    },
  );
  app.use(cookieParser());
  app.use(...jsonBodyParsers());
  app.setGlobalPrefix('api');
  mountOpenApi(app, sessionRequired(app));
  return app;
}
