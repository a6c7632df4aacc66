import type { Collection } from 'mongodb';
import type { Clock } from '../clock';
import { duplicateIndexes } from '../jobs/job-storage.guard';
import type { HistoryDoc } from '../storage/documents';
import { type EngineEventListener, toEngineEvent } from './engine-event';
import { FeedKeys } from './feed-key';

/**
 * An insert that took longer than this may have become visible after readers passed its key; it
 * is stamped again with a fresh key (the event is then delivered twice at worst, never lost).
 * Well below the feed's settle window, which is what readers wait for.
 */
export const LATE_INSERT_MS = 500;

/**
 * Inserts history events with their feed keys and tells the listeners about the ones it inserted.
 *
 * The key is stamped right before the insert, not when the step was decided: an outbox applied
 * again after a crash, minutes later, gets keys of that moment, so the feed still delivers it
 * (a key from the step's time would sort behind readers that already moved on). Re-applying an
 * outbox whose events exist already inserts nothing and notifies no one.
 */
export class HistoryWriter {
  private readonly keys = new FeedKeys();

  constructor(
    private readonly history: Collection<HistoryDoc>,
    private readonly clock: Clock,
    private readonly listeners: EngineEventListener[] = [],
  ) {}

  async append(events: HistoryDoc[]): Promise<void> {
    if (events.length === 0) return;
    const started = performance.now();
    const stamped = events.map((event) => ({
      ...event,
      feedKey: this.keys.next(this.clock.now()),
    }));
    let taken = new Set<number>();
    try {
      await this.history.insertMany(stamped, { ordered: false });
    } catch (error) {
      const duplicates = duplicateIndexes(error, stamped.length);
      if (!duplicates) throw error;
      taken = duplicates;
    }
    let inserted: HistoryDoc[] = stamped.filter((_, index) => !taken.has(index));
    if (inserted.length > 0 && performance.now() - started > LATE_INSERT_MS)
      inserted = await this.restamp(inserted);
    await this.notify(inserted);
  }

  private async restamp(events: HistoryDoc[]): Promise<HistoryDoc[]> {
    const fresh = events.map((event) => ({ ...event, feedKey: this.keys.next(this.clock.now()) }));
    await this.history.bulkWrite(
      fresh.map((event) => ({
        updateOne: { filter: { _id: event._id }, update: { $set: { feedKey: event.feedKey } } },
      })),
      { ordered: false },
    );
    return fresh;
  }

  /** Best effort: the events are stored already, and a listener's failure must not undo the step. */
  private async notify(events: HistoryDoc[]): Promise<void> {
    if (this.listeners.length === 0) return;
    for (const doc of events) {
      const event = toEngineEvent(doc);
      for (const listener of this.listeners) {
        try {
          await listener(event);
        } catch {
          // the feed delivers the event anyway; a listener reports its own failures
        }
      }
    }
  }
}
