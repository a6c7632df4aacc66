import type { Collection, Document, Filter, UpdateFilter } from 'mongodb';

/**
 * How the server decides a conditional write. MongoDB: atomically, from an index. FerretDB 1.24
 * (SQLite): not atomically (it reads, then writes), and expensively — any filter beyond `_id` makes
 * it decode every document of the collection in Go before writing, measured at about ten times an
 * `_id`-only write on a collection of a thousand tasks (docs/performance.md).
 */
export type ConditionalWrites = 'atomic' | 'read-then-write';

export interface NewerWrite<T extends Document> {
  collection: Collection<T>;
  id: string;
  /** The document's revision field; the write applies only while it is absent or below `rev`. */
  field: string;
  rev: number;
  update: UpdateFilter<T>;
  /** Further equality conditions (e.g. `status: 'open'`). */
  also?: Record<string, string | number | boolean>;
}

/**
 * Applies `update` unless the document has already seen revision `rev`; true when it applied.
 * With 'read-then-write' the check reads the document by `_id` and the write goes by `_id` — both
 * cheap on FerretDB — leaving the same race FerretDB's own conditional update has, one round trip
 * wider. Callers keep that race harmless: every write it could let through is a repeated write
 * of an older revision, which only happens when an outbox is applied twice at the same moment.
 */
export async function writeIfNewer<T extends Document>(
  write: NewerWrite<T>,
  mode: ConditionalWrites,
): Promise<boolean> {
  const { collection, id, field, rev, update, also = {} } = write;
  if (mode === 'atomic') {
    const filter = { _id: id, ...also, [field]: { $not: { $gte: rev } } } as Filter<T>;
    return (await collection.updateOne(filter, update)).matchedCount > 0;
  }
  const projection = Object.fromEntries([field, ...Object.keys(also)].map((key) => [key, 1]));
  const current = await collection.findOne({ _id: id } as Filter<T>, { projection });
  if (!current) return false;
  const seen = (current as Document)[field];
  if (typeof seen === 'number' && seen >= rev) return false;
  if (Object.entries(also).some(([key, value]) => (current as Document)[key] !== value))
    return false;
  return (await collection.updateOne({ _id: id } as Filter<T>, update)).matchedCount > 0;
}

/** FerretDB answers buildInfo with its own version beside the MongoDB version it emulates. */
export async function conditionalWritesOf(
  collection: Collection<Document>,
): Promise<ConditionalWrites> {
  const info = await collection.db.admin().command({ buildInfo: 1 });
  return typeof info.ferretdbVersion === 'string' ? 'read-then-write' : 'atomic';
}
