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
  /** at least high (≥ 70), or anything but low (≥ 31): the server filters by a minimum */
  priority?: 'high' | 'normal';
  sort: InboxSort;
}

/** Sensible default order per view: what is urgent first; history newest first. */
export function defaultSort(view: InboxView): InboxSort {
  return view === 'mine' || view === 'claimable' ? 'due' : '-created';
}

/** The minimum priority each choice asks the server for (PriorityTag's bands). */
export const PRIORITY_MINIMUM = { high: 70, normal: 31 } as const;

/** The sorts a view offers: 我发起的 lists cases, sorted by start time only. */
export function sortsOf(view: InboxView): readonly InboxSort[] {
  return view === 'started' ? ['-created', 'created'] : SORTS;
}
