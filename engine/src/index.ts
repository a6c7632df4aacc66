/** The engine's public entry: the server imports from here only. */
export {
  ProcessEngine,
  type ProcessEngineOptions,
  type StartInstanceRequest,
} from './process-engine';
export { EngineError, isEngineError, type EngineErrorCode } from './engine.error';
export { BpmnError, isBpmnError } from './bpmn-error';
export type {
  BroadcastSignalRequest,
  CorrelateMessageRequest,
  CorrelationResult,
  SignalBroadcast,
} from './messages';
export { type Clock, systemClock, VirtualClock } from './clock';
/** The durable job queue the engine runs on, for a host's own background work. */
export {
  JobRepository,
  JobScheduler,
  exponentialBackoff,
  jobOwnerId,
  type Job,
  type JobHandler,
  type NewJob,
} from './jobs';
export type {
  DeployOptions,
  FormCatalog,
  ValidationReport,
} from './definitions/definition.service';
export type { AssignmentResolver, AssignmentContext } from './assignment';
export type { ServiceHandler, ServiceHandlerInput } from './handlers';
export type { TaskActor } from './tasks/task-actor';
export type { TaskDataValidator, FieldError, ValidationContext } from './tasks/task-data-validator';
export type { ReturnElement, ReturnTarget } from './tasks/return-targets';
export type { ReturnRequest } from './tasks/task-return';
export type {
  TaskFilter,
  TaskListItem,
  TaskPage,
  TaskQuery,
  TaskSort,
} from './storage/tasks/task-query';
export type { TaskRepository } from './storage/tasks/task.repository';
export type {
  EngineEvent,
  EngineEventListener,
  EventFeedPage,
  EventFeedQuery,
  PruneFeedResult,
  UserHistoryQuery,
} from './events';
export type { KeysetPage } from './storage/keyset-page';
export type { PruneRevisionsOptions, PruneRevisionsResult } from './runtime/revision-pruner';
export type {
  ActivityMove,
  InstanceMigration,
  MigrateRequest,
  MigrationPlan,
  MigrationRequest,
  MigrationResult,
  UnmappedActivity,
} from './migration';
export type {
  DeploymentDoc,
  InstanceDoc,
  TaskDoc,
  HistoryDoc,
  InstanceStatus,
  SubscriptionDoc,
  SubscriptionRecord,
  TaskStatus,
} from './storage/documents';
export {
  WorkingCalendar,
  CHINA_MAINLAND_CALENDAR,
  type CalendarData,
  previewSchedule,
  type ScheduleKind,
  type ScheduleOccurrence,
  type SchedulePreview,
} from './calendar';
export type { DeploymentProblem } from './deployment';
