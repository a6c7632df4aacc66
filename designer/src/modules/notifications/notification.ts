export type NotificationKind =
  'assigned' | 'claimable' | 'reminder' | 'overdue' | 'returned' | 'completed' | 'digest' | 'info';

export interface AppNotification {
  id: string;
  kind: NotificationKind | string;
  title: string;
  taskId?: string;
  instanceId?: string;
  read: boolean;
  createdAt: string;
}

export const KIND_COLOURS: Record<string, string> = {
  assigned: 'blue',
  claimable: 'cyan',
  reminder: 'orange',
  overdue: 'red',
  returned: 'volcano',
  completed: 'green',
  digest: 'gold',
  info: 'default',
};

/** The page a notification leads to. */
export function notificationTarget(n: AppNotification): string | undefined {
  if (n.taskId) return `/tasks/${encodeURIComponent(n.taskId)}`;
  if (n.instanceId) return `/instances/${encodeURIComponent(n.instanceId)}`;
  return undefined;
}
