import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Filter } from 'mongodb';
import type { DistrictRecord, DistrictView } from '../database/district-scoped-collection';
import { AppError } from '../errors/app-error';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

/** `?cursor=&limit=` of every list (docs/api.md "Lists"); list query DTOs extend it. */
export class ListQueryDto {
  @ApiPropertyOptional({ description: '上一页返回的 nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

/** The list shape of the API: `{ items, nextCursor? }`. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** The cursor is opaque to clients: the last `_id` of the page, base64url-encoded. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(JSON.stringify({ after: lastId })).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  try {
    const { after } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      after?: unknown;
    };
    if (typeof after === 'string' && after !== '') return after;
  } catch {
    // fall through to the field error
  }
  throw AppError.field('cursor', '分页游标无效，请从第一页重新加载');
}

/**
 * One page of a district's records in `_id` (creation) order. Fetches one record more than asked
 * to know whether a next page exists, so the last page carries no cursor.
 */
export async function pageById<T extends DistrictRecord, R>(
  view: DistrictView<T>,
  filter: Filter<T>,
  query: { cursor?: string; limit?: number },
  map: (doc: T) => R,
): Promise<Page<R>> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const scoped =
    after === undefined ? filter : ({ $and: [filter, { _id: { $gt: after } }] } as Filter<T>);
  const docs = (await view
    .find(scoped, { sort: { _id: 1 }, limit: limit + 1 })
    .toArray()) as unknown as T[];
  const items = docs.slice(0, limit).map(map);
  const page: Page<R> = { items };
  if (docs.length > limit) page.nextCursor = encodeCursor(docs[limit - 1]._id);
  return page;
}
