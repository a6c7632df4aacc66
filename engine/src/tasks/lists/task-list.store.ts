import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { Binary, type Collection } from 'mongodb';
import { duplicateIndexes } from '../../jobs/job-storage.guard';
import {
  fold,
  type ListChange,
  type ListEntry,
  type ListState,
  packEntry,
  parseList,
  serializeList,
  unpackEntry,
} from './task-list-entry';

/** A list as of revision `rev`: the head (`_id` = the list key) and the snapshots (`<key>@<rev>`). */
interface ListDoc {
  _id: string;
  list: string;
  rev: number;
  /**
   * The list's state as deflated JSON: one binary value for the database to decode however many
   * tasks it holds (a string of the same JSON costs it three times as long: every quote escaped).
   */
  entries: Binary;
  foldedAt: Date;
}

/** One change of one list, not yet folded into its snapshot. */
interface ChangeDoc {
  _id: string;
  list: string;
  taskId: string;
  version: string;
  entry: string | null;
  at: Date;
}

const FILED_ID = '~filed';
/** Changes read per compaction round; the queue is kept short, so this is rarely reached. */
const COMPACT_BATCH = 2_000;
/**
 * A list is folded once this many changes wait for it, or once its oldest has waited
 * FOLD_AFTER_MS: folding a few dozen changes on read costs less than the six round trips of a
 * compaction after every change.
 */
const FOLD_AT_CHANGES = 32;
const FOLD_AFTER_MS = 30_000;

/**
 * The inbox's read model: for every user and group, the open tasks they may work, kept as one
 * document per list plus a short queue of changes — so a page of `mine` or `claimable` costs a
 * few lookups by key, however many tasks the district holds.
 *
 * Why this shape: the embedded database decodes every value it returns in its own process
 * (about 40 µs a task document), so reading a group's thousand open tasks cost tens of
 * milliseconds even from an index; a list stored as one deflated binary is one value. Its updates must
 * not be lost, and the embedded database has no atomic conditional update, so nothing rewrites a
 * list in place: writers append changes (unique inserts), readers fold the changes into the
 * snapshot they read, and a compaction writes the folded list as a new snapshot revision — an
 * insert of `<key>@<rev+1>`, which exactly one compactor wins — before it deletes the changes it
 * folded. The head document is a copy of the newest snapshot for readers; it may lag (a crashed
 * or slow compactor), so readers look one revision ahead of it, and a lagging head never hides a
 * change: the changes a snapshot folded are deleted only after that snapshot exists.
 */
export class TaskListStore {
  constructor(
    private readonly lists: Collection<ListDoc>,
    private readonly changes: Collection<ChangeDoc>,
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.changes.createIndex({ list: 1 });
  }

  /** Appends changes; each is its own insert, so writers never overwrite each other. */
  async record(changes: { list: string; change: ListChange }[], at: Date): Promise<void> {
    if (changes.length === 0) return;
    const docs = changes.map(({ list, change }) => ({
      _id: `${list}|${change.taskId}|${change.version}`,
      list,
      taskId: change.taskId,
      version: change.version,
      entry: change.entry && JSON.stringify(packEntry(change.entry)),
      at,
    }));
    try {
      await this.changes.insertMany(docs, { ordered: false });
    } catch (error) {
      if (!duplicateIndexes(error, docs.length)) throw error;
    }
  }

  /** The open tasks of these lists, each once. */
  async openTasks(lists: string[], now: Date): Promise<ListEntry[]> {
    const states = await Promise.all(lists.map((list) => this.read(list, now)));
    const merged = new Map<string, { v: string; e: ListEntry | null }>();
    for (const state of states)
      for (const [taskId, slot] of state) {
        const seen = merged.get(taskId);
        if (!seen || seen.v < slot.v) merged.set(taskId, slot);
      }
    return [...merged.values()].flatMap((slot) => (slot.e ? [slot.e] : []));
  }

  /**
   * Folds the lists whose queue is long or old into new snapshots (all of them with `all`);
   * returns how many it folded.
   */
  async compactPending(now: Date, all = false): Promise<number> {
    const queued = await this.changes
      .find({}, { projection: { list: 1, at: 1 } })
      .limit(COMPACT_BATCH)
      .toArray();
    const waiting = new Map<string, { count: number; oldest: number }>();
    for (const change of queued) {
      const seen = waiting.get(change.list) ?? { count: 0, oldest: Infinity };
      waiting.set(change.list, {
        count: seen.count + 1,
        oldest: Math.min(seen.oldest, change.at.getTime()),
      });
    }
    let compacted = 0;
    for (const [list, { count, oldest }] of waiting) {
      const due = all || count >= FOLD_AT_CHANGES || now.getTime() - oldest >= FOLD_AFTER_MS;
      if (due && (await this.compact(list, now))) compacted++;
    }
    return compacted;
  }

  /** Whether the open tasks of a store from before the lists have been filed in them. */
  async filed(): Promise<boolean> {
    return (await this.lists.findOne({ _id: FILED_ID })) !== null;
  }

  async markFiled(at: Date): Promise<void> {
    const marker = { list: FILED_ID, rev: 0, entries: pack('[]'), foldedAt: at };
    await this.lists.replaceOne({ _id: FILED_ID }, marker, { upsert: true });
  }

  /** Snapshot, then the changes since: read in parallel, then checked one revision ahead. */
  private async read(list: string, now: Date): Promise<ListState> {
    const [queued, head] = await Promise.all([
      this.changes.find({ list }).toArray(),
      this.lists.findOne({ _id: list }),
    ]);
    const { state } = await this.newest(list, head);
    return fold(state, queued.map(toChange), now.getTime());
  }

  private async compact(list: string, now: Date): Promise<boolean> {
    const queued = await this.changes.find({ list }).toArray();
    const { state, rev } = await this.newest(list, await this.lists.findOne({ _id: list }));
    if (queued.length === 0) return false;
    const entries = pack(
      serializeList(fold(state, queued.map(toChange), now.getTime()), now.getTime()),
    );
    const next: ListDoc = { _id: `${list}@${rev + 1}`, list, rev: rev + 1, entries, foldedAt: now };
    try {
      await this.lists.insertOne(next);
    } catch (error) {
      if (duplicateIndexes(error, 1)) return false; // another compactor folded this revision
      throw error;
    }

    const { _id, ...copy } = next;
    await this.lists.replaceOne({ _id: list }, copy, { upsert: true });
    await this.changes.deleteMany({ list, _id: { $in: queued.map((change) => change._id) } });
    await this.lists.deleteOne({ _id: `${list}@${rev}` });
    return true;
  }

  /** The newest snapshot: the head's, or a newer one its compactor had not copied yet. */
  private async newest(
    list: string,
    head: ListDoc | null,
  ): Promise<{ state: ListState; rev: number }> {
    let current = head;
    let rev = head?.rev ?? 0;
    for (;;) {
      const ahead = await this.lists.findOne({ _id: `${list}@${rev + 1}` });
      if (!ahead) break;
      current = ahead;
      rev = ahead.rev;
    }
    return { state: parseList(current ? unpack(current.entries) : undefined), rev };
  }
}

function pack(json: string): Binary {
  return new Binary(deflateRawSync(Buffer.from(json, 'utf8')));
}

function unpack(entries: Binary): string {
  return inflateRawSync(entries.buffer).toString('utf8');
}

function toChange(doc: ChangeDoc): ListChange {
  return {
    taskId: doc.taskId,
    version: doc.version,
    entry: doc.entry === null ? null : unpackEntry(JSON.parse(doc.entry) as unknown[]),
  };
}
