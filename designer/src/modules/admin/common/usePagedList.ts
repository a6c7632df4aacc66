import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Page, type Query } from '../../../shared/api';

export interface PagedList<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** replace one item in place (after an action answered its new state) */
  replace: (match: (item: T) => boolean, next: T) => void;
}

/**
 * A cursor-paged list (`{ items, nextCursor }`): the first page on every filter change, then more.
 * `path = null` waits.
 */
export function usePagedList<T>(path: string | null, query: Query, limit = 50): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [loading, setLoading] = useState(path !== null);
  const [error, setError] = useState<unknown>();
  const generation = useRef(0);
  const queryKey = JSON.stringify(query);

  const fetchPage = useCallback(
    async (after: string | undefined) => {
      if (path === null) return;
      const mine = ++generation.current;
      setLoading(true);
      try {
        const page = await api.get<Page<T>>(path, {
          ...(JSON.parse(queryKey) as Query),
          limit,
          cursor: after,
        });
        if (mine !== generation.current) return;
        setItems((previous) => (after ? [...previous, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(undefined);
      } catch (err) {
        if (mine === generation.current) setError(err);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [path, queryKey, limit],
  );

  useEffect(() => {
    void fetchPage(undefined);
  }, [fetchPage]);

  useEffect(
    () => () => {
      generation.current++;
    },
    [],
  );

  return {
    items,
    loading,
    error,
    hasMore: Boolean(cursor),
    loadMore: () => void fetchPage(cursor),
    reload: () => void fetchPage(undefined),
    replace: (match, next) =>
      setItems((previous) => previous.map((item) => (match(item) ? next : item))),
  };
}
