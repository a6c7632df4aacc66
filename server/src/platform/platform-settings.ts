import { ConfigError } from '../config/app-config';

/** How often the platform's background loops look for work; 0 turns a loop off (scripts). */
export interface PlatformSettings {
  /** The engine's job scheduler: timers, service tasks, due dates. */
  jobPollMs: number;
  /** The notifications consumer of the engine's event feed. */
  notificationPollMs: number;
  /** Pruning the event feed, old revision claims and finished jobs (PlatformMaintenance). */
  maintenanceMs: number;
  /** Folding the inbox lists' queued changes into their snapshots (PlatformTaskLists). */
  taskListCompactMs: number;
  /** The first wait before a mail or SMS that failed is tried again (it doubles, up to an hour). */
  deliveryRetryMs: number;
}

export const PLATFORM_VARIABLES = {
  CONGRESSFLOW_JOB_POLL_MS: '1000',
  CONGRESSFLOW_NOTIFICATION_POLL_MS: '2000',
  CONGRESSFLOW_MAINTENANCE_MS: '3600000',
  CONGRESSFLOW_TASK_LIST_COMPACT_MS: '2000',
  CONGRESSFLOW_DELIVERY_RETRY_MS: '30000',
} as const;

const MAX_POLL_MS = 86_400_000;

/** Read at start-up (the platform module's factory); a bad value stops the server naming it. */
export function loadPlatformSettings(env: NodeJS.ProcessEnv = process.env): PlatformSettings {
  const interval = (name: keyof typeof PLATFORM_VARIABLES): number => {
    const text = env[name]?.trim() || PLATFORM_VARIABLES[name];
    const value = Number(text);
    if (!/^\d+$/.test(text) || value > MAX_POLL_MS)
      throw new ConfigError(name, `must be milliseconds from 0 (off) to ${MAX_POLL_MS}`);
    return value;
  };
  return {
    jobPollMs: interval('CONGRESSFLOW_JOB_POLL_MS'),
    notificationPollMs: interval('CONGRESSFLOW_NOTIFICATION_POLL_MS'),
    maintenanceMs: interval('CONGRESSFLOW_MAINTENANCE_MS'),
    taskListCompactMs: interval('CONGRESSFLOW_TASK_LIST_COMPACT_MS'),
    deliveryRetryMs: interval('CONGRESSFLOW_DELIVERY_RETRY_MS'),
  };
}
