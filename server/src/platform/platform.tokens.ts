/** The `WorkflowPlatform` of `createWorkflowPlatform()` (server/src/workflow), one per process. */
export const WORKFLOW_PLATFORM = Symbol('WORKFLOW_PLATFORM');
/** `PlatformSettings`: the background pollers' intervals. */
export const PLATFORM_SETTINGS = Symbol('PLATFORM_SETTINGS');
/** The workflow kit's `Notifier` port (the notifications module's implementation). */
export const WORKFLOW_NOTIFIER = Symbol('WORKFLOW_NOTIFIER');
