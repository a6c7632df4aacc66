export {
  MessageCorrelator,
  type CorrelateMessageRequest,
  type CorrelationResult,
} from './message-correlator';
export {
  SignalBroadcaster,
  SIGNAL_BROADCAST_JOB,
  SIGNAL_DELIVERY_JOB,
  SIGNAL_START_JOB,
  type BroadcastSignalRequest,
  type SignalBroadcast,
} from './signal-broadcaster';
export { StartEventFinder, startByEvent, type EventStart } from './start-events';
export { subscriptionHook } from './subscription.hook';
export { signalThrowHook } from './signal-throw.hook';
