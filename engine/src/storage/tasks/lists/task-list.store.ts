import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { Binary, type Collection } from 'mongodb';
import { EngineError } from '../../../engine.error';
import { duplicateIndexes } from '../../../jobs/job-storage.guard';
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

/**
 * A list's head (`_id` = the list key: which revision is the newest) and its snapshots
 * (`<key>@<rev>`, with the entries).
 */
interface ListDoc {
  _id: string;
  list: string;
  rev: number;
  /**
   * The list's state as deflated JSON: one binary value for the database to decode however many
   * tasks it holds (a string of the same JSON costs it three times as long: every quote escaped).
   * Only on snapshots.
   */
  entries?: Binary;
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
/** Snapshots kept decoded in memory, by list: a snapshot never changes once written. */
const REMEMBERED_SNAPSHOTS = 500;
/** Reads retried when the snapshot a head named was folded away meanwhile. */
const READ_ATTEMPTS = 5;

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
 * folded. The head document names the newest revision; it may lag (a crashed or slow
 * compactor), so readers look one revision ahead of it, and a lagging head never hides a change:
 * the changes a snapshot folded are deleted only after that snapshot exists. Snapshots never
 * change, so each process keeps the ones it decoded: a page of a list costs four small reads
 * (the queue, the head, the revision after it, the head again) while the list is unchanged.
 */
export class TaskListStore {
  private readonly snapshots = new Map<string, { rev: number; state: ListState }>();

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
    const marker = { list: FILED_ID, rev: 0, foldedAt: at };
    await this.lists.replaceOne({ _id: FILED_ID }, marker, { upsert: true });
  }

  /** The queue and the head in parallel, then the newest snapshot (see `newest`). */
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
    await this.nameHead(list, { list, rev: rev + 1, foldedAt: now });
    await this.changes.deleteMany({ list, _id: { $in: queued.map((change) => change._id) } });
    if (rev > 0) await this.lists.deleteOne({ _id: `${list}@${rev}` });
    return true;
  }

  /**
   * Names the newest snapshot in the list's head. Two compactors may create a head at once: on
   * FerretDB the losing upsert fails with a duplicate key, and the head now exists to replace.
   * A head naming an older revision is fine: `newest` probes past it.
   */
  private async nameHead(list: string, head: Omit<ListDoc, '_id' | 'entries'>): Promise<void> {
    try {
      await this.lists.replaceOne({ _id: list }, head, { upsert: true });
    } catch (error) {
      if (!duplicateIndexes(error, 1)) throw error;
      await this.lists.replaceOne({ _id: list }, head);
    }
  }

  /**
   * The newest snapshot: the head's revision, or a newer one its compactor had not named in the
   * head yet; decoded once per process (snapshots never change), a copy handed out.
   *
   * Call it after reading the queue: the revision it settles on is the newest at some moment
   * after that read, so every change missing from the queue was folded into it. Hence the head
   * is read again once the probe found nothing newer — a revision named there but deleted
   * meanwhile means two compactions passed, and the read starts over.
   */
  private async newest(
    list: string,
    head: ListDoc | null,
  ): Promise<{ state: ListState; rev: number }> {
    for (let attempt = 1; ; attempt++) {
      let rev = head?.rev ?? 0;
      let found: ListDoc | null = null;
      for (;;) {
        const ahead = await this.lists.findOne({ _id: `${list}@${rev + 1}` });
        if (!ahead) break;
        found = ahead;
        rev = ahead.rev;
      }
      if (found?.entries) return this.remember(list, rev, found.entries);
      const again = await this.lists.findOne({ _id: list });
      if ((again?.rev ?? 0) <= rev) {
        if (rev === 0) return { state: new Map(), rev };
        const known = this.snapshots.get(list);
        if (known?.rev === rev) return { state: new Map(known.state), rev };
        const snapshot = await this.lists.findOne({ _id: `${list}@${rev}` });
        if (snapshot?.entries) return this.remember(list, rev, snapshot.entries);
      }
      if (attempt >= READ_ATTEMPTS)
        throw new EngineError('STORAGE_FAILED', `the inbox list ${list} changed under every read`);
      head = again;
    }
  }

  private remember(list: string, rev: number, entries: Binary): { state: ListState; rev: number } {
    const state = parseList(unpack(entries));
    this.snapshots.delete(list);
    this.snapshots.set(list, { rev, state });
    if (this.snapshots.size > REMEMBERED_SNAPSHOTS)
      this.snapshots.delete(this.snapshots.keys().next().value as string);
    return { state: new Map(state), rev };
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
