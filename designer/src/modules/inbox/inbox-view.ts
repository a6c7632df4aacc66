export const INBOX_VIEWS = ['mine', 'claimable', 'completed', 'cc', 'started'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export function isInboxView(value: string | undefined): value is InboxView {
  return (INBOX_VIEWS as readonly string[]).includes(value ?? '');
}

export const SORTS = ['due', '-due', 'created', '-created', 'priority'] as const;
export type InboxSort = (typeof SORTS)[number];

export interface InboxFilters {
  q: string;
  processKey?: string;
  due?: 'overdue' | 'soon';
  priority?: 'high' | 'normal' | 'low';
  sort: InboxSort;
}

/** Sensible default order per view: what is urgent first; history newest first. */
export function defaultSort(view: InboxView): InboxSort {
  return view === 'mine' || view === 'claimable' ? 'due' : '-created';
}
