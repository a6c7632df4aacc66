import type { TaskSummary } from '../../../shared/workflow-types';

/** Shapes of docs/api.md "Instances" as the administrator sees them. */

export const INSTANCE_STATUSES = [
  'running',
  'suspended',
  'incident',
  'completed',
  'cancelled',
] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

export interface AdminInstance {
  id: string;
  processKey: string;
  processName?: string;
  version: number;
  businessKey?: string;
  starter?: string;
  status: InstanceStatus | string;
  startedAt: string;
  endedAt?: string;
  activeActivityIds: string[];
  /** the same activities with their names (an unnamed one keeps its id) */
  activeSteps?: { id: string; name: string }[];
  cancelReason?: string;
  incident?: { message: string; activityId?: string; at: string };
  parentInstanceId?: string;
}

export interface HistoryEntry {
  id: string;
  type: string;
  at: string;
  activityId?: string;
  taskId?: string;
  userId?: string;
  data?: Record<string, unknown>;
}

export interface InstanceDocument {
  id: string;
  key: string;
  title: string;
  number?: string;
  createdAt: string;
}

export interface InstanceDetail {
  instance: AdminInstance;
  variables: Record<string, unknown>;
  tasks: TaskSummary[];
  history: HistoryEntry[];
  documents: InstanceDocument[];
  diagram: { xml: string; completed: string[]; active: string[] };
}

export interface DefinitionVersion {
  key: string;
  name?: string;
  version: number;
  active: boolean;
  deployedAt: string;
}

export interface MigrationOutcome {
  dryRun: boolean;
  migrated: boolean;
  fromVersion: number;
  toVersion: number;
  activities: { activityId: string; targetActivityId: string }[];
  unmapped: { instanceId: string; activityId: string; reason: string }[];
  failure?: { code: string; message: string };
}
