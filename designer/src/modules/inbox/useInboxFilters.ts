import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  defaultSort,
  sortsOf,
  type InboxFilters,
  type InboxSort,
  type InboxView,
} from './inbox-view';

/** The filters live in the URL, so back/forward and a shared link keep them. */
export function useInboxFilters(view: InboxView) {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<InboxFilters>(() => {
    const sort = params.get('sort');
    const due = params.get('due');
    const priority = params.get('priority');
    return {
      q: params.get('q') ?? '',
      processKey: params.get('processKey') || undefined,
      due: due === 'overdue' || due === 'soon' ? due : undefined,
      priority: priority === 'high' || priority === 'normal' ? priority : undefined,
      sort: (sortsOf(view) as readonly string[]).includes(sort ?? '')
        ? (sort as InboxSort)
        : defaultSort(view),
    };
  }, [params, view]);

  const setFilters = useCallback(
    (patch: Partial<InboxFilters>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (
              value === undefined ||
              value === '' ||
              (key === 'sort' && value === defaultSort(view))
            ) {
              next.delete(key);
            } else {
              next.set(key, String(value));
            }
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams, view],
  );

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const active = Boolean(filters.q || filters.processKey || filters.due || filters.priority);

  return { filters, setFilters, clear, active };
}
