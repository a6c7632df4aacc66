import { useEffect, useState } from 'react';
import { api } from '../../shared/api';

export interface ProcessOption {
  value: string;
  label: string;
}

interface DefinitionRef {
  key: string;
  name?: string;
}

let cache: Promise<ProcessOption[]> | undefined;

async function loadProcesses(): Promise<ProcessOption[]> {
  const toOptions = (list: DefinitionRef[] | { items: DefinitionRef[] }) =>
    (Array.isArray(list) ? list : list.items).map((d) => ({
      value: d.key,
      label: d.name || d.key,
    }));
  try {
    return toOptions(await api.get<DefinitionRef[]>('/definitions'));
  } catch {
    // not everyone may list definitions: fall back to what this person may start
    return toOptions(await api.get<DefinitionRef[]>('/definitions/startable'));
  }
}

/** The district's processes, for the inbox's process filter (empty while loading or on failure). */
export function useProcessOptions(): ProcessOption[] {
  const [options, setOptions] = useState<ProcessOption[]>([]);
  useEffect(() => {
    let alive = true;
    cache ??= loadProcesses();
    cache.then((o) => alive && setOptions(o)).catch(() => (cache = undefined));
    return () => {
      alive = false;
    };
  }, []);
  return options;
}
