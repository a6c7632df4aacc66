import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { Logger } from 'pino';
import {
  type Clock,
  exponentialBackoff,
  type JobHandler,
  JobRepository,
  JobScheduler,
  jobOwnerId,
  type NewJob,
} from '../../../../engine/src';
import { CLOCK, DATABASE, ROOT_LOGGER } from '../../common/tokens';
import type { Database } from '../../database/database';
import { loadPlatformSettings } from '../../platform/platform-settings';
import { PollingLoop } from '../../platform/polling-loop';

/**
 * The outbox of messages leaving the platform (mail, SMS, the daily digest): the engine's durable
 * job queue in a collection of its own (`notification_jobs`). Each job has a deterministic id, so
 * scheduling it again — an event replayed, a server restarted — adds nothing; each is leased to
 * one server process at a time and retried with backoff (CONGRESSFLOW_DELIVERY_RETRY_MS, 30 s by
 * default, doubling up to 1 h; 8 tries) until
 * it succeeds or becomes an incident in the log. Handlers register by job kind.
 */
@Injectable()
export class DeliveryQueue implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  readonly jobs: JobRepository;
  private readonly scheduler: JobScheduler;
  private readonly loop: PollingLoop;
  private readonly handlers = new Map<string, JobHandler>();

  constructor(
    @Inject(DATABASE) database: Database,
    @Inject(CLOCK) clock: Clock,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    const settings = loadPlatformSettings();
    this.jobs = new JobRepository(database.connection, { collection: 'notification_jobs', clock });
    this.scheduler = new JobScheduler({
      repository: this.jobs,
      clock,
      owner: jobOwnerId(),
      handlers: this.handlers,
      leaseMs: 120_000,
      backoff: exponentialBackoff({
        initialMs: settings.deliveryRetryMs,
        maxMs: Math.max(settings.deliveryRetryMs, 3_600_000),
      }),
      onIncident: (job, error) =>
        logger.error({ err: error, jobId: job.id, kind: job.kind }, 'a message could not be sent'),
      onError: (error) => logger.error({ err: error }, 'the delivery queue failed'),
    });
    this.loop = new PollingLoop(
      settings.jobPollMs,
      async () => (await this.scheduler.runDueJobs()) > 0,
      (error) => logger.error({ err: error }, 'delivery poll failed'),
    );
  }

  /** One handler per kind; a second one for a kind is a wiring mistake. */
  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`two delivery handlers for "${kind}"`);
    this.handlers.set(kind, handler);
  }

  async onModuleInit(): Promise<void> {
    await this.jobs.ensureIndexes();
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
    await this.scheduler.stop();
  }

  /** Idempotent by id. */
  schedule(jobs: NewJob[]): Promise<void> {
    return this.jobs.scheduleMany(jobs.map((job) => ({ maxAttempts: 8, ...job })));
  }

  /** Runs every job due now, behind (never beside) a background poll: for tests and scripts. */
  drain(): Promise<number> {
    return this.loop.exclusive(() => this.scheduler.drain());
  }
}
