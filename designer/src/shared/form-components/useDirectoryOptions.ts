import { useEffect, useMemo, useState } from 'react';

export interface PickerOption {
  value: string;
  label: string;
  description?: string;
}

/**
 * Options for a directory picker: the first load is unfiltered (a district's directory is small),
 * typing narrows it on the server (debounced). Labels of already chosen ids are kept.
 */
export function useDirectoryOptions(
  load: (q: string | undefined) => Promise<PickerOption[]>,
  deps: unknown[],
) {
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<PickerOption[]>([]);
  const [known, setKnown] = useState<Map<string, PickerOption>>(new Map());
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let alive = true;
    const timer = window.setTimeout(
      () => {
        setLoading(true);
        load(search.trim() || undefined)
          .then((next) => {
            if (!alive) return;
            setOptions(next);
            setFailed(false);
            setKnown((prev) => {
              const merged = new Map(prev);
              for (const o of next) merged.set(o.value, o);
              return merged;
            });
          })
          .catch(() => alive && setFailed(true))
          .finally(() => alive && setLoading(false));
      },
      search ? 300 : 0,
    );
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [search, ...deps]);

  const labelOf = useMemo(() => (id: string) => known.get(id)?.label ?? id, [known]);
  return { options, loading, failed, search, setSearch, labelOf };
}
