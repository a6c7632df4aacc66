import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Page } from '../../shared/api';
import { PRIORITY_MINIMUM, type InboxFilters, type InboxView } from './inbox-view';

const PAGE_SIZE = 20;

/**
 * One inbox view, page by page (cursor pagination): `loadMore()` appends the next page. Changing
 * the view or a filter starts again; a late answer for old filters is dropped.
 */
export function useInboxList<T>(view: InboxView, filters: InboxFilters) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>();
  const generation = useRef(0);

  const fetchPage = useCallback(
    (after?: string) =>
      api.get<Page<T>>('/tasks', {
        view,
        q: filters.q.trim(),
        processKey: filters.processKey,
        // 我发起的 lists cases: no due or priority filter there (the server refuses them)
        due: view === 'started' ? undefined : filters.due,
        priority:
          view === 'started' || !filters.priority ? undefined : PRIORITY_MINIMUM[filters.priority],
        sort: filters.sort,
        cursor: after,
        limit: PAGE_SIZE,
      }),
    [view, filters],
  );

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    setError(undefined);
    try {
      const page = await fetchPage();
      if (mine !== generation.current) return;
      setItems(page.items);
      setCursor(page.nextCursor);
    } catch (err) {
      if (mine === generation.current) setError(err);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [fetchPage]);

  const loadMore = useCallback(async () => {
    if (!cursor) return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const page = await fetchPage(cursor);
      if (mine !== generation.current) return;
      setItems((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
    } catch (err) {
      if (mine === generation.current) setError(err);
    } finally {
      setLoadingMore(false);
    }
  }, [cursor, fetchPage]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { items, hasMore: Boolean(cursor), loading, loadingMore, error, reload, loadMore };
}
