import type { HistoryDoc, InstanceDoc, InstanceStatus } from '../../../engine/src';
import type { InstanceLabels } from '../platform/workflow-records';

/** An instance without its engine internals (state, outbox, waits, revision). */
export interface InstanceSummary {
  id: string;
  processKey: string;
  processName: string;
  version: number;
  businessKey?: string;
  starter?: string;
  status: InstanceStatus;
  startedAt: Date;
  endedAt?: Date;
  activeActivityIds: string[];
  /**
   * Where the instance waits, with the names a person reads (an unnamed one keeps its id): its
   * activities, not the boundary timers armed on them that activeActivityIds also lists.
   */
  activeSteps: { id: string; name: string }[];
  cancelReason?: string;
  incident?: { message: string; activityId?: string; at: Date };
  /** Set when a call activity of another instance started this one. */
  parentInstanceId?: string;
}

export interface HistoryEntry {
  id: string;
  type: string;
  at: Date;
  activityId?: string;
  taskId?: string;
  userId?: string;
  data: Record<string, unknown>;
}

export function toInstanceSummary(doc: InstanceDoc, labels: InstanceLabels): InstanceSummary {
  return {
    id: doc._id,
    processKey: doc.processKey,
    processName: labels.processName,
    version: doc.version,
    ...(doc.businessKey !== undefined && { businessKey: doc.businessKey }),
    ...(doc.starter !== undefined && { starter: doc.starter }),
    status: doc.status,
    startedAt: doc.startedAt,
    ...(doc.endedAt && { endedAt: doc.endedAt }),
    activeActivityIds: doc.activeActivityIds,
    activeSteps: [...new Set(doc.waits.map((wait) => wait.activityId))].map((id) => ({
      id,
      name: labels.stepName(id),
    })),
    ...(doc.cancelReason !== undefined && { cancelReason: doc.cancelReason }),
    ...(doc.incident && {
      incident: {
        message: doc.incident.message,
        ...(doc.incident.activityId && { activityId: doc.incident.activityId }),
        at: doc.incident.at,
      },
    }),
    ...(doc.parent && { parentInstanceId: doc.parent.instanceId }),
  };
}

export function toHistoryEntry(doc: HistoryDoc): HistoryEntry {
  let data: Record<string, unknown> = {};
  try {
    data = doc.data ? (JSON.parse(doc.data) as Record<string, unknown>) : {};
  } catch {
    data = {};
  }
  return {
    id: doc._id,
    type: doc.type,
    at: doc.at,
    ...(doc.activityId && { activityId: doc.activityId }),
    ...(doc.taskId && { taskId: doc.taskId }),
    ...(doc.userId && { userId: doc.userId }),
    data,
  };
}
