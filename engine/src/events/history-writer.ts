import type { Collection } from 'mongodb';
import type { Clock } from '../clock';
import { duplicateIndexes } from '../jobs/job-storage.guard';
import type { HistoryDoc } from '../storage/documents';
import { type EngineEventListener, toEngineEvent } from './engine-event';
import { type FeedDirectory, feedSlotsOf } from './feed-directory';
import { FeedKeys } from './feed-key';

/**
 * An insert that took longer than this may have become visible after readers passed its key; it
 * is stamped again with a fresh key (the event is then delivered twice at worst, never lost).
 * Well below the feed's settle window, which is what readers wait for.
 */
export const LATE_INSERT_MS = 500;

/**
 * Inserts a step's history events, and a copy of each into the event feed with its feed key, then
 * tells the listeners about the events new to the feed.
 *
 * The feed is its own collection so that polling it stays cheap: history only grows, while feed
 * entries are pruned once every consumer is past them (EventFeed.prune) — on FerretDB, which reads
 * a whole collection for any query, that is the difference between a small table and all history.
 *
 * The key is stamped right before the insert, not when the step was decided: an outbox applied
 * again after a crash, minutes later, gets keys of that moment, so the feed still delivers it
 * (a key from the step's time would sort behind readers that already moved on). Feed entries are
 * inserted even when the history event exists already — the crash may have come between the two
 * inserts — and an entry inserted before stays as it was (same id).
 */
export class HistoryWriter {
  private readonly keys = new FeedKeys();

  constructor(
    private readonly history: Collection<HistoryDoc>,
    private readonly feed: Collection<HistoryDoc>,
    private readonly directory: FeedDirectory,
    private readonly clock: Clock,
    private readonly listeners: EngineEventListener[] = [],
  ) {}

  async append(events: HistoryDoc[]): Promise<void> {
    if (events.length === 0) return;
    await insertNew(this.history, events);
    const started = performance.now();
    const entries = events.map((event) => this.stamped(event));
    await this.directory.file(entries.map((entry) => entry.feedKey));
    let added: HistoryDoc[] = await insertNew(this.feed, entries);
    if (added.length > 0 && performance.now() - started > LATE_INSERT_MS)
      added = await this.restamp(added);
    await this.notify(added);
  }

  private stamped(event: HistoryDoc): HistoryDoc & { feedKey: string } {
    const feedKey = this.keys.next(this.clock.now());
    return { ...event, feedKey, ...feedSlotsOf(feedKey) };
  }

  private async restamp(entries: HistoryDoc[]): Promise<HistoryDoc[]> {
    const fresh = entries.map((entry) => this.stamped(entry));
    await this.directory.file(fresh.map((entry) => entry.feedKey));
    await this.feed.bulkWrite(
      fresh.map(({ _id, feedKey, feedSecond, feedHour }) => ({
        updateOne: { filter: { _id }, update: { $set: { feedKey, feedSecond, feedHour } } },
      })),
      { ordered: false },
    );
    return fresh;
  }

  /** Best effort: the events are stored already, and a listener's failure must not undo the step. */
  private async notify(entries: HistoryDoc[]): Promise<void> {
    if (this.listeners.length === 0) return;
    for (const entry of entries) {
      const event = toEngineEvent(entry);
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

/** Inserts what is not there yet (ids are deterministic); returns those it inserted. */
async function insertNew(collection: Collection<HistoryDoc>, docs: HistoryDoc[]) {
  try {
    await collection.insertMany(docs, { ordered: false });
    return docs;
  } catch (error) {
    const taken = duplicateIndexes(error, docs.length);
    if (!taken) throw error;
    return docs.filter((_, index) => !taken.has(index));
  }
}
