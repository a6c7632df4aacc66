import type { Collection, Filter } from 'mongodb';
import type { Clock } from '../clock';
import { EngineError } from '../engine.error';
import type { HistoryDoc } from '../storage/documents';
import {
  decodeFeedCursor,
  encodeFeedCursor,
  type EngineEvent,
  toEngineEvent,
} from './engine-event';
import { FEED_DAY_MS, FEED_HOUR_MS, type FeedDirectory } from './feed-directory';
import { feedKeyTime, isFeedKey, lastFeedKeyAt } from './feed-key';

export interface EventFeedQuery {
  /** The cursor of the last event handled (an event's `cursor`, or a page's `nextCursor`). */
  after?: string;
  /** 1–1000, default 100. */
  limit?: number;
  district?: string;
  types?: readonly string[];
}

export interface PruneFeedResult {
  deleted: number;
}

export interface EventFeedPage {
  events: EngineEvent[];
  /** Where to continue: after the last event returned, or where the query started when none was. */
  nextCursor: string | null;
}

/** How long an event waits before the feed hands it out, so slower writers' events are in by then. */
export const DEFAULT_SETTLE_MS = 2_000;
/** How long the feed keeps an event by default: consumers must have read it by then. */
export const DEFAULT_FEED_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1_000;

/**
 * The engine-wide event feed: every history event, in feed-key order, durable and resumable —
 * what a host builds notifications from (assigned, claimable, reminded, overdue, returned,
 * completed…). Delivery is at least once: a consumer stores the cursor after handling events
 * and dedupes by event id. See engine/README.md, "Event feed".
 *
 * Why a settle window: keys come from each writer's clock at insert time, and an insert becomes
 * visible a moment after its key was taken, so an event may appear slightly behind keys already
 * readable. Reading only keys older than `settleMs` leaves time for it; an insert slower than
 * that is stamped again with a fresh key by its writer (history-writer.ts). Writers' clocks must
 * agree within the window (NTP does).
 */
export class EventFeed {
  constructor(
    /** engine_feed: a copy of each history event with its feed key (history-writer.ts). */
    private readonly feed: Collection<HistoryDoc>,
    private readonly directory: FeedDirectory,
    private readonly clock: Clock,
    private readonly settleMs = DEFAULT_SETTLE_MS,
  ) {}

  async read(query: EventFeedQuery = {}): Promise<EventFeedPage> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      throw new EngineError('INVALID_ARGUMENT', `limit must be an integer from 1 to ${MAX_LIMIT}`);
    const after = query.after === undefined ? undefined : decodeFeedCursor(query.after);
    if (query.after !== undefined && !isFeedKey(after))
      throw new EngineError('INVALID_ARGUMENT', 'the cursor is not an event feed cursor');
    const settledMs = this.clock.now().getTime() - this.settleMs;
    const settled = lastFeedKeyAt(new Date(settledMs));
    const fromMs =
      after !== undefined
        ? feedKeyTime(after)
        : ((await this.directory.fromDay()) ?? Math.floor(settledMs / FEED_DAY_MS)) * FEED_DAY_MS;
    const types = query.types === undefined ? undefined : new Set(query.types);
    const docs: HistoryDoc[] = [];
    let full = false;
    // second by second from the cursor, each an indexed lookup (feed-directory.ts)
    for await (const second of this.directory.seconds(fromMs, settledMs)) {
      const filter: Filter<HistoryDoc> = {
        feedSecond: second,
        ...(query.district !== undefined && { district: query.district }),
      };
      const found = (await this.feed.find(filter).toArray())
        .filter(
          (doc) =>
            doc.feedKey !== undefined &&
            (after === undefined || doc.feedKey > after) &&
            doc.feedKey <= settled &&
            (types === undefined || types.has(doc.type)),
        )
        .sort((a, b) => (a.feedKey! < b.feedKey! ? -1 : 1));
      docs.push(...found.slice(0, limit - docs.length));
      if (docs.length >= limit) {
        full = true;
        break;
      }
    }
    const events = docs.map(toEngineEvent);
    // a walk that reached the settled end may resume there: nothing at or before it can still arrive
    const end = full || settledMs < fromMs ? undefined : encodeFeedCursor(settled);
    return {
      events,
      nextCursor:
        events.length > 0 && full ? events[events.length - 1].cursor : (end ?? query.after ?? null),
    };
  }

  /**
   * Deletes feed entries stored before `olderThan` (default: 7 days ago). The history keeps every
   * event; a consumer that falls further behind than the retention misses what was pruned, so run
   * it (periodically, like pruneRevisions) with a retention longer than any consumer may be down.
   */
  async prune(olderThan?: Date): Promise<PruneFeedResult> {
    const before = olderThan ?? new Date(this.clock.now().getTime() - DEFAULT_FEED_RETENTION_MS);
    if (before.getTime() > this.clock.now().getTime() - this.settleMs)
      throw new EngineError('INVALID_ARGUMENT', 'only settled events may be pruned');
    const cutoffMs = before.getTime();
    const cutoffHour = Math.floor(cutoffMs / FEED_HOUR_MS);
    const firstDay = (await this.directory.fromDay()) ?? Math.floor(cutoffMs / FEED_DAY_MS);
    let deletedCount = 0;
    for (let day = firstDay; day <= Math.floor(cutoffMs / FEED_DAY_MS); day++) {
      for (const hour of await this.directory.hoursOf(day)) {
        if (hour > cutoffHour) break;
        if (hour < cutoffHour) {
          deletedCount += (await this.feed.deleteMany({ feedHour: hour })).deletedCount;
          await this.directory.dropHour(hour);
        } else {
          const cutoffKey = lastFeedKeyAt(before);
          deletedCount += (
            await this.feed.deleteMany({ feedHour: hour, feedKey: { $lte: cutoffKey } })
          ).deletedCount;
        }
      }
    }
    await this.directory.setFromDay(Math.floor(cutoffMs / FEED_DAY_MS));
    return { deleted: deletedCount };
  }
}
