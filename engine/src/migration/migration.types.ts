import type { InstanceStatus } from '../storage/documents';

/** Which instances move from one deployment version of a process to another, and how. */
export interface MigrationRequest {
  district: string;
  processKey: string;
  fromVersion: number;
  toVersion: number;
  /**
   * Old activity id → new activity id. Waiting activities not listed keep their id when the new
   * version has an activity of that id; boundary timers follow the same rule.
   */
  mapping: Record<string, string>;
}

export interface MigrateRequest extends MigrationRequest {
  /** Only these instances (default: every running or suspended instance of fromVersion). */
  instanceIds?: string[];
  /** Who migrates, for history. */
  userId?: string;
}

export interface ActivityMove {
  activityId: string;
  targetActivityId: string;
}

export interface UnmappedActivity {
  instanceId: string;
  /** '' when the reason concerns the instance as a whole. */
  activityId: string;
  reason: string;
}

/** A running or suspended instance whose every waiting activity maps. */
export interface InstanceMigration {
  instanceId: string;
  status: InstanceStatus;
  activities: ActivityMove[];
}

export interface MigrationPlan {
  processKey: string;
  fromVersion: number;
  toVersion: number;
  instances: InstanceMigration[];
  /** Every waiting activity that does not map; its instance is left where it is. */
  unmapped: UnmappedActivity[];
}

export interface MigrationResult {
  migrated: InstanceMigration[];
  /** Instances left on fromVersion because an activity does not map (also when it stopped mapping meanwhile). */
  unmapped: UnmappedActivity[];
  /** Instances a migration step refused for another reason (ended, busy...). */
  failed: { instanceId: string; code: string; message: string }[];
}
