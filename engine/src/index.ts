/** The engine's public entry: the server imports from here only. */
export {
  ProcessEngine,
  type ProcessEngineOptions,
  type StartInstanceRequest,
} from './process-engine';
export { EngineError, isEngineError, type EngineErrorCode } from './engine.error';
export { type Clock, systemClock, VirtualClock } from './clock';
export type {
  DeployOptions,
  FormCatalog,
  ValidationReport,
} from './definitions/definition.service';
export type { AssignmentResolver, AssignmentContext } from './assignment';
export type { ServiceHandler, ServiceHandlerInput } from './handlers';
export type { TaskActor } from './tasks/task-actor';
export type { TaskDataValidator, FieldError } from './tasks/task-data-validator';
export type {
  DeploymentDoc,
  InstanceDoc,
  TaskDoc,
  HistoryDoc,
  InstanceStatus,
} from './storage/documents';
export { WorkingCalendar, CHINA_MAINLAND_CALENDAR, type CalendarData } from './calendar';
export type { DeploymentProblem } from './deployment';
