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

/** Display names already known, by user id; the lookups in flight. */
const knownUsers = new Map<string, string>();
const pendingUsers = new Map<string, Promise<void>>();

/**
 * Looks user ids up (`/directory/users?ids=`, disabled users included), at most 100 per call,
 * remembering the answers for the page's lifetime. An id nobody has stays unresolved.
 */
export async function resolveUsers(ids: readonly string[]): Promise<Map<string, string>> {
  const missing = [...new Set(ids)].filter((id) => id && !knownUsers.has(id));
  const waits: Promise<void>[] = [];
  const toFetch: string[] = [];
  for (const id of missing) {
    const pending = pendingUsers.get(id);
    if (pending) waits.push(pending);
    else toFetch.push(id);
  }
  for (let i = 0; i < toFetch.length; i += 100) {
    const batch = toFetch.slice(i, i + 100);
    const request = api
      .get<DirectoryUser[]>('/directory/users', { ids: batch.join(',') })
      .then((users) => {
        for (const user of users) knownUsers.set(user.id, user.name);
      })
      .finally(() => batch.forEach((id) => pendingUsers.delete(id)));
    batch.forEach((id) => pendingUsers.set(id, request));
    waits.push(request);
  }
  await Promise.allSettled(waits);
  return new Map(ids.flatMap((id) => (knownUsers.has(id) ? [[id, knownUsers.get(id)!]] : [])));
}
