import { useMemo } from 'react';
import { useApiQuery } from '../../../shared/useApiQuery';

interface DefinitionSummary {
  key: string;
  name?: string;
  version: number;
}

/** The district's processes (GET /definitions) as select options and a key → name lookup. */
export function useProcessOptions() {
  const definitions = useApiQuery<DefinitionSummary[]>('/definitions');
  return useMemo(() => {
    const list = definitions.data ?? [];
    const names = new Map(list.map((d) => [d.key, d.name || d.key]));
    return {
      loading: definitions.loading,
      options: list.map((d) => ({ value: d.key, label: d.name || d.key })),
      nameOf: (key: string) => names.get(key) ?? key,
    };
  }, [definitions.data, definitions.loading]);
}
