import { useCallback, useEffect, useState } from 'react';
import { formsApi, type FormSummary } from '../api/forms-api';

/** GET /api/forms, every page, with loading, error and reload. */
export function useFormList() {
  const [forms, setForms] = useState<FormSummary[]>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const load = useCallback(async () => {
    setLoading(true);
    try {
      setForms(await formsApi.list());
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
  return { forms, error, loading, reload: load };
}
