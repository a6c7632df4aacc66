import type { Collection, Document, Filter, Sort } from 'mongodb';
import { EngineError } from '../engine.error';
import { andFilter } from './pushdown-filter';

/** One sort key; the last key of every phase must be unique (`_id`) so the order is total. */
export interface SortKey {
  field: string;
  direction: 1 | -1;
}

/**
 * A slice of the order: the documents matching `match`, sorted by `keys`. Several phases let an
 * order put documents lacking the sort field last (MongoDB would sort them first), without a
 * stored sort key.
 */
export interface SortPhase {
  match: Document;
  keys: SortKey[];
}

type KeyValue = string | number | boolean | null | Date;

interface CursorPayload {
  /** The order the cursor was made for; a cursor is refused by any other. */
  o: string;
  p: number;
  v: (Exclude<KeyValue, Date> | { d: string })[];
}

export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Keyset pagination: a page starts strictly after the last document of the previous one, by the
 * values of its sort keys, so documents inserted meanwhile never shift or repeat a page (an
 * offset would). The cursor is opaque to callers: base64url JSON of the phase and key values.
 */
export async function readKeysetPage<T extends Document>(
  collection: Collection<T>,
  filter: Filter<T>,
  order: { name: string; phases: SortPhase[] },
  limit: number,
  cursor?: string,
): Promise<KeysetPage<T>> {
  const start = cursor === undefined ? undefined : decodeCursor(cursor, order.name, order.phases);
  const found: { doc: T; phase: number }[] = [];
  for (let phase = start?.phase ?? 0; phase < order.phases.length; phase++) {
    const { match, keys } = order.phases[phase];
    const conditions: Document[] = [filter, match];
    if (start && phase === start.phase) conditions.push(afterKeys(keys, start.values));
    const docs = await collection
      .find(andFilter(conditions) as Filter<T>)
      .sort(sortOf(keys))
      .limit(limit + 1 - found.length)
      .toArray();
    found.push(...docs.map((doc) => ({ doc: doc as T, phase })));
    if (found.length > limit) break;
  }
  if (found.length <= limit) return { items: found.map((f) => f.doc), nextCursor: null };
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  const keys = order.phases[last.phase].keys;
  return {
    items: page.map((f) => f.doc),
    nextCursor: encodeCursor({
      o: order.name,
      p: last.phase,
      v: keys.map((key) => encodeValue((last.doc as Document)[key.field] as KeyValue)),
    }),
  };
}

/**
 * The same page as readKeysetPage, cursor included, over documents already in memory (a read
 * model's list): `inPhase` says which documents a phase's `match` takes.
 */
export function keysetPageOf<T extends Document>(
  docs: readonly T[],
  order: { name: string; phases: SortPhase[] },
  limit: number,
  cursor?: string,
): KeysetPage<T> {
  const start = cursor === undefined ? undefined : decodeCursor(cursor, order.name, order.phases);
  const found: { doc: T; phase: number }[] = [];
  for (let phase = start?.phase ?? 0; phase < order.phases.length; phase++) {
    const { match, keys } = order.phases[phase];
    const compare = (a: Document, b: Document) =>
      compareByKeys(keys, valuesOf(keys, a), valuesOf(keys, b));
    let inPhase = docs.filter((doc) => matchesPhase(doc, match));
    if (start && phase === start.phase)
      inPhase = inPhase.filter((doc) => compareByKeys(keys, valuesOf(keys, doc), start.values) > 0);
    found.push(
      ...inPhase
        .sort(compare)
        .slice(0, limit + 1 - found.length)
        .map((doc) => ({ doc, phase })),
    );
    if (found.length > limit) break;
  }
  if (found.length <= limit) return { items: found.map((f) => f.doc), nextCursor: null };
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  const keys = order.phases[last.phase].keys;
  return {
    items: page.map((f) => f.doc),
    nextCursor: encodeCursor({
      o: order.name,
      p: last.phase,
      v: keys.map((key) => encodeValue((last.doc as Document)[key.field] as KeyValue)),
    }),
  };
}

function valuesOf(keys: SortKey[], doc: Document): KeyValue[] {
  return keys.map((key) => (doc[key.field] as KeyValue | undefined) ?? null);
}

/** The order MongoDB gives these values within one phase (one type per field; absent = null). */
function compareByKeys(keys: SortKey[], a: KeyValue[], b: KeyValue[]): number {
  for (let i = 0; i < keys.length; i++) {
    const [x, y] = [a[i], b[i]];
    if (x === y) continue;
    const rank = (v: KeyValue) => (v instanceof Date ? v.getTime() : v);
    const [rx, ry] = [rank(x), rank(y)];
    if (rx === ry) continue;
    const ascending = rx === null ? -1 : ry === null ? 1 : rx! < ry! ? -1 : 1;
    return ascending * keys[i].direction;
  }
  return 0;
}

/** The phase matches the engine's orders use: `{}` or `{ field: { $exists: boolean } }`. */
function matchesPhase(doc: Document, match: Document): boolean {
  return Object.entries(match).every(([field, condition]) => {
    const exists = (condition as { $exists?: unknown }).$exists;
    if (typeof exists !== 'boolean')
      throw new EngineError('INVALID_ARGUMENT', `unsupported phase condition on ${field}`);
    return (doc[field] !== undefined && doc[field] !== null) === exists;
  });
}

export function sortOf(keys: SortKey[]): Sort {
  return Object.fromEntries(keys.map((key) => [key.field, key.direction])) as Sort;
}

/**
 * Strictly after `values` in the order of `keys`: (k1 beyond v1) or (k1 = v1 and k2 beyond v2) …
 * A null value (the field absent) has nothing beyond it but equal ones: phases keep it last.
 */
export function afterKeys(keys: SortKey[], values: KeyValue[]): Document {
  const branches: Document[] = [];
  for (let i = 0; i < keys.length; i++) {
    const branch: Document = {};
    for (let j = 0; j < i; j++) branch[keys[j].field] = values[j];
    const value = values[i];
    if (value === null) continue;
    branch[keys[i].field] = { [keys[i].direction === 1 ? '$gt' : '$lt']: value };
    branches.push(branch);
  }
  return branches.length === 0 ? { _id: { $exists: false } } : { $or: branches };
}

function encodeValue(value: KeyValue | undefined): CursorPayload['v'][number] {
  if (value instanceof Date) return { d: value.toISOString() };
  return value ?? null;
}

function encodeCursor(payload: CursorPayload): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

function decodeCursor(
  cursor: string,
  order: string,
  phases: SortPhase[],
): { phase: number; values: KeyValue[] } {
  let payload: CursorPayload;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPayload;
  } catch {
    throw new EngineError('INVALID_ARGUMENT', 'the cursor is not one this engine made');
  }
  const phase = phases[payload?.p];
  if (
    payload?.o !== order ||
    !phase ||
    !Array.isArray(payload.v) ||
    payload.v.length !== phase.keys.length
  )
    throw new EngineError('INVALID_ARGUMENT', `the cursor does not belong to the order '${order}'`);
  const values = payload.v.map((value) =>
    value !== null && typeof value === 'object' ? new Date(value.d) : value,
  );
  if (values.some((value) => value instanceof Date && Number.isNaN(value.getTime())))
    throw new EngineError('INVALID_ARGUMENT', 'the cursor holds an invalid date');
  return { phase: payload.p, values };
}
