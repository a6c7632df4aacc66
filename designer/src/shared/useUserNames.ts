import { useEffect, useState } from 'react';
import { resolveUsers } from './directory';

export interface UserNames {
  /** The user's name, or undefined while looking it up or when nobody has that id. */
  nameOf: (id: string) => string | undefined;
  /** true until the ids given have been looked up */
  loading: boolean;
}

/**
 * Names for user ids (looked up once, shared by every screen). Show a neutral placeholder while
 * `loading`, never the raw id.
 */
export function useUserNames(ids: readonly (string | undefined)[]): UserNames {
  const key = [...new Set(ids.filter((id): id is string => Boolean(id)))].sort().join(',');
  const [found, setFound] = useState<{ key: string; names: Map<string, string> }>({
    key: '',
    names: new Map(),
  });
  useEffect(() => {
    if (!key) return;
    let alive = true;
    void resolveUsers(key.split(',')).then((names) => alive && setFound({ key, names }));
    return () => {
      alive = false;
    };
  }, [key]);
  return {
    nameOf: (id: string) => found.names.get(id),
    loading: key !== '' && found.key !== key,
  };
}
