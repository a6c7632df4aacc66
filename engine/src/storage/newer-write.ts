import type { Collection, Document, Filter, UpdateFilter } from 'mongodb';

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
 *
 * One conditional update by `_id`. MongoDB decides it atomically. FerretDB 1.24 hands the `_id`
 * equality to PostgreSQL's index and tests the rest on that one document in its own process,
 * then writes — cheap, but not atomic: two such writes at the same instant may both apply.
 * Callers keep that harmless: every write the race could let through is a repeated write of an
 * older revision, which only happens when an outbox is applied twice at the same moment.
 */
export async function writeIfNewer<T extends Document>(write: NewerWrite<T>): Promise<boolean> {
  const { collection, id, field, rev, update, also = {} } = write;
  const filter = { _id: id, ...also, [field]: { $not: { $gte: rev } } } as Filter<T>;
  return (await collection.updateOne(filter, update)).matchedCount > 0;
}
