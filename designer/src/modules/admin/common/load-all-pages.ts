import { api, type Page, type Query } from '../../../shared/api';

/** Follows `nextCursor` until the list ends (or `maxPages` pages, a guard against a runaway list). */
export async function loadAllPages<T>(
  path: string,
  query: Query = {},
  maxPages = 30,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await api.get<Page<T> | T[]>(path, { ...query, limit: 100, cursor });
    if (Array.isArray(result)) return result;
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}
