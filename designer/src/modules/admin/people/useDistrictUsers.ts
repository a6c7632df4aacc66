import { useMemo } from 'react';
import { loadAllPages } from '../common/load-all-pages';
import { useLoader } from '../common/useLoader';
import type { UnitRecord, UserRecord } from './people-types';

/**
 * Every user of the district (GET /users, all pages), with a lookup by id: role membership,
 * instance starters and pickers show names, never ids. `reload()` after a change.
 */
export function useDistrictUsers() {
  const loaded = useLoader(() => loadAllPages<UserRecord>('/users'), 'users');
  const byId = useMemo(
    () => new Map((loaded.data ?? []).map((user) => [user.id, user])),
    [loaded.data],
  );
  return { ...loaded, users: loaded.data ?? [], byId };
}

/** Every unit of the district (GET /units, all pages), with a lookup by id. */
export function useDistrictUnits() {
  const loaded = useLoader(() => loadAllPages<UnitRecord>('/units'), 'units');
  const byId = useMemo(
    () => new Map((loaded.data ?? []).map((unit) => [unit.id, unit])),
    [loaded.data],
  );
  return { ...loaded, units: loaded.data ?? [], byId };
}
