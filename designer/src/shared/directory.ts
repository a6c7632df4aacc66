import { api } from './api';

/** Picker sources for any signed-in user (docs/api.md, "directory"). */
export interface DirectoryUser {
  id: string;
  name: string;
  unitName?: string;
}

export interface DirectoryUnit {
  id: string;
  name: string;
  kind: string;
}

const cache = new Map<string, Promise<unknown[]>>();

function cached<T>(path: string, query: Record<string, string | undefined>): Promise<T[]> {
  const key = path + JSON.stringify(query);
  let hit = cache.get(key);
  if (!hit) {
    hit = api.get<T[] | { items: T[] }>(path, query).then((r) => (Array.isArray(r) ? r : r.items));
    hit.catch(() => cache.delete(key)); // do not keep a failure
    cache.set(key, hit);
  }
  return hit as Promise<T[]>;
}

export function searchUsers(filter: { q?: string; role?: string; unitId?: string }) {
  return cached<DirectoryUser>('/directory/users', filter);
}

export function searchUnits(filter: { q?: string }) {
  return cached<DirectoryUnit>('/directory/units', filter);
}
