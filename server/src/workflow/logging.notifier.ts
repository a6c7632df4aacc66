import type { Notifier, WorkflowNotification } from './notifier.port';

/** Writes each notification as one JSON log line; for development, scripts and tests. */
export class LoggingNotifier implements Notifier {
  constructor(
    private readonly write: (line: Record<string, unknown>) => void = (line) =>
      console.log(JSON.stringify(line)),
  ) {}

  async notify(notification: WorkflowNotification): Promise<void> {
    this.write({ event: 'workflow.notification', ...notification });
  }
}
