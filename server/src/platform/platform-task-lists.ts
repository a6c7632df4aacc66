import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '../common/tokens';
import type { WorkflowPlatform } from '../workflow';
import type { PlatformSettings } from './platform-settings';
import { PLATFORM_SETTINGS, WORKFLOW_PLATFORM } from './platform.tokens';
import { PollingLoop } from './polling-loop';

/**
 * Keeps the inbox lists' change queues short (every `taskListCompactMs`, 2 s by default): reads
 * fold whatever is queued, so a long queue costs every inbox page. Several server processes may
 * run it at once: each snapshot revision is won by one of them (engine/src/storage/tasks/lists).
 */
@Injectable()
export class PlatformTaskLists implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: PollingLoop;

  constructor(
    @Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform,
    @Inject(PLATFORM_SETTINGS) settings: PlatformSettings,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.loop = new PollingLoop(
      settings.taskListCompactMs,
      async () => (await platform.engine.compactTaskLists()) > 0,
      (error) => logger.error({ err: error }, 'inbox list compaction failed'),
    );
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** Folds everything queued now, behind (never beside) a background round: for tests and scripts. */
  drain(): Promise<void> {
    return this.loop.exclusive(async () => {
      while ((await this.platform.engine.compactTaskLists({ all: true })) > 0);
    });
  }
}
