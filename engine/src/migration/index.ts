export { MigrationService, type MigrationDeps } from './migration.service';
export type {
  ActivityMove,
  InstanceMigration,
  MigrateRequest,
  MigrationPlan,
  MigrationRequest,
  MigrationResult,
  UnmappedActivity,
} from './migration.types';
