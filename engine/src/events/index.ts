export {
  EventFeed,
  DEFAULT_SETTLE_MS,
  type EventFeedPage,
  type EventFeedQuery,
  type PruneFeedResult,
} from './event-feed';
export { type EngineEvent, type EngineEventListener, toEngineEvent } from './engine-event';
export { HistoryWriter } from './history-writer';
export { historyOfUser, type UserHistoryQuery } from './user-history';
