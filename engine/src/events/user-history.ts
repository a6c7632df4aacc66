import type { Collection } from 'mongodb';
import { EngineError } from '../engine.error';
import type { HistoryDoc } from '../storage/documents';
import { type KeysetPage, readKeysetPage } from '../storage/keyset-page';

export interface UserHistoryQuery {
  district: string;
  cursor?: string;
  /** 1–200, default 50. */
  limit?: number;
}

const NEWEST_FIRST = {
  name: 'user-history',
  phases: [
    {
      match: {},
      keys: [
        { field: 'at', direction: -1 as const },
        { field: '_id', direction: -1 as const },
      ],
    },
  ],
};

/** What one user did in a district (history events with them as the actor), newest first. */
export function historyOfUser(
  history: Collection<HistoryDoc>,
  userId: string,
  query: UserHistoryQuery,
): Promise<KeysetPage<HistoryDoc>> {
  const limit = query.limit ?? 50;
  if (!userId || !query.district)
    throw new EngineError('INVALID_ARGUMENT', 'a user history needs a user and a district');
  if (!Number.isInteger(limit) || limit < 1 || limit > 200)
    throw new EngineError('INVALID_ARGUMENT', 'limit must be an integer from 1 to 200');
  return readKeysetPage(
    history,
    { district: query.district, userId },
    NEWEST_FIRST,
    limit,
    query.cursor,
  );
}
