/**
 * How the workflow tells people something (the `notify` service handler). The server's
 * notifications module implements it (inbox entries, and later SMS or mail); LoggingNotifier is
 * the stand-in until then and in scripts.
 */
export type NotificationKind =
  'assigned' | 'claimable' | 'reminder' | 'overdue' | 'returned' | 'completed' | 'digest' | 'info';

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'assigned',
  'claimable',
  'reminder',
  'overdue',
  'returned',
  'completed',
  'digest',
  'info',
];

export interface WorkflowNotification {
  /**
   * Deterministic per notify activation: the handler may run again after a crash, and the
   * implementation must then drop the repeat (e.g. use it as the _id of an insert).
   */
  key: string;
  district: string;
  userIds: string[];
  kind: NotificationKind;
  title: string;
  message?: string;
  instanceId: string;
  activityId: string;
  processKey: string;
  businessKey?: string;
}

export interface Notifier {
  notify(notification: WorkflowNotification): Promise<void>;
}
