import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Collection } from 'mongodb';
import type { Logger } from 'pino';
import type { Clock, EngineEvent } from '../../../engine/src';
import { collectionOf } from '../common/database/collections';
import { CLOCK, DATABASE, ROOT_LOGGER } from '../common/tokens';
import type { Database } from '../database/database';
import type { PlatformSettings } from '../platform/platform-settings';
import { PLATFORM_SETTINGS, WORKFLOW_PLATFORM } from '../platform/platform.tokens';
import { PollingLoop } from '../platform/polling-loop';
import type { WorkflowPlatform } from '../workflow';
import { NOTIFYING_EVENTS, NotificationRules } from './notification-rules';
import { NotificationPublisher } from './notification.publisher';

/** `notification_feed` (platform-wide: the engine's feed spans every district): where we are. */
interface FeedPositionDoc {
  _id: string;
  cursor: string;
  updatedAt: Date;
}

const POSITION_ID = 'engine-events';
const BATCH = 200;
/** An event whose handling failed this often is skipped (logged), so one bug cannot stall the feed. */
const MAX_ATTEMPTS = 5;

/**
 * Turns the engine's durable event feed into notifications, in the background. At least once:
 * the position is stored after a batch is handled, so a crash replays the batch — and the
 * notifications' deterministic ids make the replay add nothing. Several server processes may run
 * it at once for the same reason.
 */
@Injectable()
export class NotificationFeedConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: PollingLoop;
  private readonly positions: Collection<FeedPositionDoc>;
  private readonly failures = new Map<string, number>();

  constructor(
    @Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform,
    @Inject(NotificationRules) private readonly rules: NotificationRules,
    @Inject(NotificationPublisher) private readonly publisher: NotificationPublisher,
    @Inject(PLATFORM_SETTINGS) settings: PlatformSettings,
    @Inject(DATABASE) database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.positions = collectionOf<FeedPositionDoc>(database, 'notification_feed');
    this.loop = new PollingLoop(
      settings.notificationPollMs,
      () => this.consumeBatch(),
      (error) => logger.error({ err: error }, 'notification feed poll failed'),
    );
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** Handles every settled event not handled yet, queued behind a background poll (tests, scripts). */
  catchUp(): Promise<void> {
    return this.loop.exclusive(async () => {
      while (await this.consumeBatch());
    });
  }

  /** One batch; true when more may be waiting. */
  private async consumeBatch(): Promise<boolean> {
    const position = await this.positions.findOne({ _id: POSITION_ID });
    const page = await this.platform.engine.feed.read({
      ...(position && { after: position.cursor }),
      limit: BATCH,
      types: NOTIFYING_EVENTS,
    });
    let handled: string | undefined;
    for (const event of page.events) {
      if (!(await this.handle(event))) break;
      handled = event.cursor;
    }
    if (handled !== undefined)
      await this.positions.updateOne(
        { _id: POSITION_ID },
        { $set: { cursor: handled, updatedAt: this.clock.now() } },
        { upsert: true },
      );
    return handled !== undefined && page.events.length === BATCH;
  }

  /** False: stop here and try this event again at the next poll. */
  private async handle(event: EngineEvent): Promise<boolean> {
    try {
      await this.publisher.publish(await this.rules.draftsFor(event));
      this.failures.delete(event.id);
      return true;
    } catch (error) {
      const attempts = (this.failures.get(event.id) ?? 0) + 1;
      this.failures.set(event.id, attempts);
      const skip = attempts >= MAX_ATTEMPTS;
      this.logger.error(
        { err: error, eventId: event.id, type: event.type, attempts },
        skip ? 'notification event skipped after repeated failures' : 'notification event failed',
      );
      if (skip) this.failures.delete(event.id);
      return skip;
    }
  }
}
