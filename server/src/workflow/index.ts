export {
  createWorkflowPlatform,
  type WorkflowPlatform,
  type WorkflowPlatformOptions,
} from './workflow-platform';
export { PlatformOperations, type StartOptions, type TaskView } from './platform-operations';
export type { Directory, DirectoryUnit, DirectoryUser } from './directory.port';
export {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type Notifier,
  type WorkflowNotification,
} from './notifier.port';
export { LoggingNotifier } from './logging.notifier';
export { roleResolver, unitResolver } from './assignment.resolvers';
export { TemplateLibrary, type TemplateEntry, type TemplateSummary } from './template-library';
export { TemplateInstaller, type InstallReport } from './template-installer';
export {
  WorkflowKitError,
  isWorkflowKitError,
  type WorkflowKitErrorCode,
} from './workflow-kit.error';
export type { AttachmentPort, AttachmentTarget } from './attachments.port';
