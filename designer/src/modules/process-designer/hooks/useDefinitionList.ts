import { useCallback, useEffect, useState } from 'react';
import { definitionsApi, type DefinitionSummary } from '../api/definitions-api';

/** GET /api/definitions, every page, with loading, error and reload. */
export function useDefinitionList() {
  const [definitions, setDefinitions] = useState<DefinitionSummary[]>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const load = useCallback(async () => {
    setLoading(true);
    try {
      setDefinitions(await definitionsApi.list());
      setError(undefined);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return { definitions, error, loading, reload: load };
}
