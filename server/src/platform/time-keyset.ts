import type { Filter } from 'mongodb';
import type { DistrictRecord, DistrictView } from '../common/database/district-scoped-collection';
import { AppError } from '../common/errors/app-error';
import { DEFAULT_PAGE_SIZE, type Page } from '../common/pagination/pagination';

export interface TimeOrder {
  /** A date field every record has (`startedAt`, `createdAt`). */
  field: string;
  /** 1: oldest first; -1: newest first. `_id` breaks ties the same way. */
  direction: 1 | -1;
}

/**
 * One page of a district's records ordered by a date field, then `_id` — the keyset form of
 * `pageById` for records whose ids do not sort by time (engine and deterministic ids). A page
 * starts strictly after the previous page's last record, so inserts never shift or repeat it.
 */
export async function pageByTime<T extends DistrictRecord, R>(
  view: DistrictView<T>,
  filter: Filter<T>,
  order: TimeOrder,
  query: { cursor?: string; limit?: number },
  map: (doc: T) => R | Promise<R>,
): Promise<Page<R>> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const conditions: Filter<T>[] = [filter];
  if (query.cursor !== undefined) conditions.push(after(order, decode(query.cursor)));
  const docs = (await view
    .find(conditions.length === 1 ? filter : ({ $and: conditions } as Filter<T>), {
      sort: { [order.field]: order.direction, _id: order.direction },
      limit: limit + 1,
    })
    .toArray()) as unknown as T[];
  const page: Page<R> = { items: await Promise.all(docs.slice(0, limit).map(map)) };
  if (docs.length > limit) {
    const last = docs[limit - 1];
    page.nextCursor = encode((last as Record<string, unknown>)[order.field] as Date, last._id);
  }
  return page;
}

function after<T>(order: TimeOrder, position: { at: Date; id: string }): Filter<T> {
  const beyond = order.direction === 1 ? '$gt' : '$lt';
  return {
    $or: [
      { [order.field]: { [beyond]: position.at } },
      { [order.field]: position.at, _id: { [beyond]: position.id } },
    ],
  } as Filter<T>;
}

function encode(at: Date, id: string): string {
  return Buffer.from(JSON.stringify({ t: at.toISOString(), id })).toString('base64url');
}

function decode(cursor: string): { at: Date; id: string } {
  try {
    const { t, id } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      t?: unknown;
      id?: unknown;
    };
    const at = new Date(typeof t === 'string' ? t : NaN);
    if (typeof id === 'string' && id !== '' && !Number.isNaN(at.getTime())) return { at, id };
  } catch {
    // fall through to the field error
  }
  throw AppError.field('cursor', '分页游标无效，请从第一页重新加载');
}
