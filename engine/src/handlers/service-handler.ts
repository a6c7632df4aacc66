/** A named piece of work a service task runs: `camunda:topic="<topic>"` in the BPMN. */
export interface ServiceHandler {
  readonly topic: string;
  readonly description: string;
  /** Parameters as the designer lists them; values come from camunda:inputParameter (FEEL when starting with '='). */
  readonly parameters: readonly { name: string; description: string; required?: boolean }[];
  /**
   * Runs the work. It may run more than once for one activation (a crash after the work but
   * before the result was committed), so it must be idempotent or harmless to repeat.
   * The returned object is merged into the instance variables.
   */
  execute(input: ServiceHandlerInput): Promise<Record<string, unknown> | void>;
}

export interface ServiceHandlerInput {
  parameters: Record<string, unknown>;
  variables: Readonly<Record<string, unknown>>;
  instance: {
    id: string;
    district: string;
    businessKey?: string;
    processKey: string;
    starter?: string;
  };
  activityId: string;
  /**
   * The execution of this run of the activity: stable across retries of the same run, new when a
   * loop enters the activity again, distinct per multi-instance element. Handlers whose effects
   * must not repeat key them by `${instance.id}:${executionId}`.
   */
  executionId: string;
}
