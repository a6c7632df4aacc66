import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Query } from './api';

export interface ApiQuery<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** fetch again (keeps showing the old data meanwhile) */
  reload: () => Promise<void>;
}

/**
 * `GET path?query` whenever path or query change; a stale answer never overwrites a newer one.
 * Pass `path = null` to wait (e.g. until an id is known).
 */
export function useApiQuery<T>(path: string | null, query?: Query): ApiQuery<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(path !== null);
  const generation = useRef(0);
  const queryKey = JSON.stringify(query ?? {});

  const load = useCallback(async () => {
    if (path === null) return;
    const mine = ++generation.current;
    setLoading(true);
    try {
      const result = await api.get<T>(path, JSON.parse(queryKey) as Query);
      if (mine !== generation.current) return;
      setData(result);
      setError(undefined);
    } catch (err) {
      if (mine === generation.current) setError(err);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [path, queryKey]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(
    () => () => {
      generation.current++;
    },
    [],
  );

  return { data, error, loading, reload: load };
}
