import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Application } from 'express';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { repoRoot } from '../common/repo-paths';
import { ROOT_LOGGER } from '../common/tokens';
import { hasWebBuild, webAppMiddleware } from './web-app.middleware';

export const WEB_DIST_DIR = Symbol('WEB_DIST_DIR');

/**
 * Registers the web app's files on the Express instance. It runs in onModuleInit, which Nest
 * calls after it has mounted the API routes and before its own 404 handler: the API always
 * wins, and only what no route answered reaches the web app.
 */
export class WebAppServer implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(WEB_DIST_DIR) private readonly distDir: string,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    if (!hasWebBuild(this.distDir)) {
      this.logger.warn(
        { distDir: this.distDir },
        'the web app is not built (npm run build:designer); serving the API only',
      );
      return;
    }
    const app = this.adapterHost.httpAdapter.getInstance<Application>();
    app.use(...webAppMiddleware(this.distDir));
    this.logger.info({ distDir: this.distDir }, 'serving the web app');
  }
}

/** Serves designer/dist from the same origin as the API, with a fallback for client routes. */
@Module({})
export class WebModule {
  /** `distDir` defaults to the repository's designer/dist. */
  static forRoot(distDir: string = join(repoRoot(), 'designer', 'dist')): DynamicModule {
    return {
      module: WebModule,
      providers: [
        { provide: WEB_DIST_DIR, useValue: distDir },
        {
          provide: WebAppServer,
          inject: [HttpAdapterHost, WEB_DIST_DIR, ROOT_LOGGER],
          useFactory: (host: HttpAdapterHost, dir: string, logger: Logger) =>
            new WebAppServer(host, dir, logger),
        },
      ],
    };
  }
}
