import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../shared/api';
import { useSession } from '../../shared/session';

export interface ProcessOption {
  value: string;
  label: string;
}

interface DefinitionRef {
  key: string;
  name?: string;
}

/** Per signed-in person: administrators list every process, others what they may start. */
const cache = new Map<string, Promise<ProcessOption[]>>();

async function loadProcesses(isAdmin: boolean): Promise<ProcessOption[]> {
  // GET /definitions is for administrators (docs/api.md); anyone may ask what they can start
  const list = await api.get<DefinitionRef[]>(isAdmin ? '/definitions' : '/definitions/startable');
  return list.map((d) => ({ value: d.key, label: d.name || d.key }));
}

/**
 * The processes for the inbox's process filter: the district's (administrators) or the startable
 * ones, plus every process the rows already shown belong to (a unit handles processes it never
 * starts). Empty while loading or on failure.
 */
export function useProcessOptions(
  seen: readonly { processKey: string; processName?: string }[] = [],
): ProcessOption[] {
  const { id, isAdmin } = useSession();
  const [loaded, setLoaded] = useState<ProcessOption[]>([]);
  // kept across filtering: choosing one process must not make the others disappear
  const seenSoFar = useRef(new Map<string, ProcessOption>());
  useEffect(() => {
    let alive = true;
    const key = `${id}:${isAdmin}`;
    let request = cache.get(key);
    if (!request) {
      request = loadProcesses(isAdmin);
      cache.set(key, request);
    }
    request.then((o) => alive && setLoaded(o)).catch(() => cache.delete(key));
    return () => {
      alive = false;
    };
  }, [id, isAdmin]);
  return useMemo(() => {
    for (const row of seen) {
      seenSoFar.current.set(row.processKey, {
        value: row.processKey,
        label: row.processName || row.processKey,
      });
    }
    const options = new Map(loaded.map((o) => [o.value, o]));
    for (const [key, option] of seenSoFar.current) if (!options.has(key)) options.set(key, option);
    return [...options.values()];
  }, [loaded, seen]);
}
