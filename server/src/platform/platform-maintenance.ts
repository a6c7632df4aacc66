import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Logger } from 'pino';
import type { Clock } from '../../../engine/src';
import { CLOCK, ROOT_LOGGER } from '../common/tokens';
import type { WorkflowPlatform } from '../workflow';
import type { PlatformSettings } from './platform-settings';
import { PLATFORM_SETTINGS, WORKFLOW_PLATFORM } from './platform.tokens';
import { PollingLoop } from './polling-loop';

/** Finished jobs are kept this long (for incident analysis), then purged. */
const FINISHED_JOB_RETENTION_MS = 7 * 24 * 3_600_000;

/**
 * Keeps the engine's bookkeeping from growing for ever: every `maintenanceMs` (hourly by default)
 * it prunes the event feed (entries older than the engine's 7-day retention — the notifications
 * consumer is far ahead of that unless the server was down longer), revision claims nothing can
 * need any more, and jobs finished a week ago. Each is safe while the engine works and across
 * several server processes.
 */
@Injectable()
export class PlatformMaintenance implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: PollingLoop;

  constructor(
    @Inject(WORKFLOW_PLATFORM) platform: WorkflowPlatform,
    @Inject(PLATFORM_SETTINGS) settings: PlatformSettings,
    @Inject(CLOCK) clock: Clock,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.loop = new PollingLoop(
      settings.maintenanceMs,
      async () => {
        const { engine } = platform;
        const feed = await engine.feed.prune();
        const revisions = await engine.pruneRevisions();
        const jobs = await engine.jobs.purgeFinished(
          new Date(clock.now().getTime() - FINISHED_JOB_RETENTION_MS),
        );
        logger.debug({ feed, revisions, jobs }, 'workflow maintenance done');
        return false;
      },
      (error) => logger.error({ err: error }, 'workflow maintenance failed'),
    );
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }
}
