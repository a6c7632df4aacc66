import { useEffect, useState } from 'react';
import { resolveUsers } from './directory';

/**
 * `nameOf(id)`: a user's name for the ids given (looked up once, shared by every screen), or
 * undefined until it is known — show a neutral placeholder meanwhile, never the raw id.
 */
export function useUserNames(
  ids: readonly (string | undefined)[],
): (id: string) => string | undefined {
  const key = [...new Set(ids.filter((id): id is string => Boolean(id)))].sort().join(',');
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (!key) return;
    let alive = true;
    void resolveUsers(key.split(',')).then((found) => alive && setNames(found));
    return () => {
      alive = false;
    };
  }, [key]);
  return (id: string) => names.get(id);
}
