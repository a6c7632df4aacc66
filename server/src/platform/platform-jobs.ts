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
 * Runs the engine's due jobs (timers, service tasks, due dates) in the background every
 * `jobPollMs`, from application bootstrap until shutdown, which waits for the jobs in flight.
 * Several server processes may run it at once: the engine leases each job to one of them.
 */
@Injectable()
export class PlatformJobs implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: PollingLoop;

  constructor(
    @Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform,
    @Inject(PLATFORM_SETTINGS) settings: PlatformSettings,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.loop = new PollingLoop(
      settings.jobPollMs,
      async () => {
        await platform.engine.finishCommittedSteps(); // cut short by a database outage
        return (await platform.engine.scheduler.runDueJobs()) > 0;
      },
      (error) => logger.error({ err: error }, 'workflow job poll failed'),
    );
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
    await this.platform.engine.scheduler.stop();
  }

  /**
   * Runs every job due now until none is left, queued behind (never beside) a background poll:
   * what tests and scripts call instead of `engine.runDueJobs()`.
   */
  drain(): Promise<number> {
    return this.loop.exclusive(() => this.platform.engine.runDueJobs());
  }
}
