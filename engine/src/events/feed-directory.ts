import type { Collection } from 'mongodb';
import { duplicateIndexes } from '../jobs/job-storage.guard';
import type { HistoryDoc } from '../storage/documents';
import { feedKeyTime } from './feed-key';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const META_ID = 'meta';
/** Directory ids a writer remembers having filed, so a busy second costs one insert, not one per event. */
const REMEMBERED = 10_000;

/**
 * One entry of the feed's directory: a second, minute or hour that holds feed entries, filed
 * under its parent (`m:<minute>` for a second, `h:<hour>` for a minute, `d:<day>` for an hour).
 */
interface SlotDoc {
  _id: string;
  parent?: string;
  /** The hour it lies in: what the prune deletes by. */
  hour?: number;
  /** On the meta document: no entry is older than this day. */
  fromDay?: number;
}

/** Where a feed entry is filed: its second (what readers look up) and its hour (what prune drops). */
export interface FeedSlots {
  feedSecond: number;
  feedHour: number;
}

export function feedSlotsOf(feedKey: string): FeedSlots {
  const ms = feedKeyTime(feedKey);
  return { feedSecond: Math.floor(ms / SECOND), feedHour: Math.floor(ms / HOUR) };
}

/**
 * The directory of the event feed: which hours of a day, minutes of an hour and seconds of a
 * minute hold entries, so that reading the feed from a cursor is a few equality lookups.
 *
 * Why: the embedded database answers only equalities from an index, so `feedKey > cursor` read
 * the whole feed at every poll. Entries are filed under their second instead, and readers walk
 * this directory from the cursor's second to the settled end of the feed: a caught-up consumer
 * costs about four lookups a poll whatever the feed holds. A writer files the directory before it
 * inserts the entries, so every entry a reader can see is reachable.
 */
export class FeedDirectory {
  private readonly filed = new Set<string>();
  private knownFromDay: number | undefined;

  constructor(private readonly slots: Collection<SlotDoc>) {}

  async ensureIndexes(): Promise<void> {
    await Promise.all([this.slots.createIndex({ parent: 1 }), this.slots.createIndex({ hour: 1 })]);
  }

  /** Files the seconds, minutes and hours of these keys (idempotent). */
  async file(feedKeys: string[]): Promise<void> {
    await this.reachBack(Math.min(...feedKeys.map((key) => Math.floor(feedKeyTime(key) / DAY))));
    const docs = new Map<string, SlotDoc>();
    for (const key of feedKeys) {
      const ms = feedKeyTime(key);
      const hour = Math.floor(ms / HOUR);
      const ids: SlotDoc[] = [
        { _id: `h:${hour}`, parent: `d:${Math.floor(ms / DAY)}`, hour },
        { _id: `m:${Math.floor(ms / MINUTE)}`, parent: `h:${hour}`, hour },
        { _id: `s:${Math.floor(ms / SECOND)}`, parent: `m:${Math.floor(ms / MINUTE)}`, hour },
      ];
      for (const doc of ids) if (!this.filed.has(doc._id)) docs.set(doc._id, doc);
    }
    if (docs.size === 0) return;
    try {
      await this.slots.insertMany([...docs.values()], { ordered: false });
    } catch (error) {
      if (!duplicateIndexes(error, docs.size)) throw error;
    }
    if (this.filed.size > REMEMBERED) this.filed.clear();
    for (const id of docs.keys()) this.filed.add(id);
  }

  /** The seconds holding entries from `fromMs` to `toMs` (both included), in order. */
  async *seconds(fromMs: number, toMs: number): AsyncGenerator<number> {
    const within = (unit: number) => (value: number) =>
      value >= Math.floor(fromMs / unit) && value <= Math.floor(toMs / unit);
    for (let day = Math.floor(fromMs / DAY); day <= Math.floor(toMs / DAY); day++) {
      for (const hour of (await this.children(`d:${day}`)).filter(within(HOUR)))
        for (const minute of (await this.children(`h:${hour}`)).filter(within(MINUTE)))
          for (const second of (await this.children(`m:${minute}`)).filter(within(SECOND)))
            yield second;
    }
  }

  /** The hours holding entries in a day, in order. */
  hoursOf(day: number): Promise<number[]> {
    return this.children(`d:${day}`);
  }

  /** Forgets an hour whose entries are gone. */
  async dropHour(hour: number): Promise<void> {
    await this.slots.deleteMany({ hour });
    this.filed.clear();
  }

  /** The first day that may hold entries; undefined before the directory is set up. */
  async fromDay(): Promise<number | undefined> {
    return (await this.slots.findOne({ _id: META_ID }))?.fromDay;
  }

  async setFromDay(day: number): Promise<void> {
    await this.slots.updateOne({ _id: META_ID }, { $set: { fromDay: day } }, { upsert: true });
    this.knownFromDay = day;
  }

  /** A key older than the first day (a clock set back) moves the first day back to it. */
  private async reachBack(day: number): Promise<void> {
    this.knownFromDay ??= await this.fromDay();
    if (this.knownFromDay === undefined || day >= this.knownFromDay) return;
    await this.slots.updateOne({ _id: META_ID }, { $min: { fromDay: day } });
    this.knownFromDay = day;
  }

  /**
   * Once per store: files every entry of a feed written before the directory existed. Its only
   * read of the whole feed.
   */
  async fileExisting(feed: Collection<HistoryDoc>, now: Date): Promise<void> {
    if ((await this.fromDay()) !== undefined) return;
    let fromDay = Math.floor(now.getTime() / DAY);
    for await (const entry of feed.find({}, { projection: { feedKey: 1, feedSecond: 1 } })) {
      if (typeof entry.feedKey !== 'string') continue;
      await this.file([entry.feedKey]);
      if (entry.feedSecond === undefined)
        await feed.updateOne({ _id: entry._id }, { $set: feedSlotsOf(entry.feedKey) });
      fromDay = Math.min(fromDay, Math.floor(feedKeyTime(entry.feedKey) / DAY));
    }
    await this.setFromDay(fromDay);
  }

  private async children(parent: string): Promise<number[]> {
    const docs = await this.slots.find({ parent }, { projection: { _id: 1 } }).toArray();
    return docs.map((doc) => Number(doc._id.slice(2))).sort((a, b) => a - b);
  }
}

export const FEED_DAY_MS = DAY;
export const FEED_HOUR_MS = HOUR;
