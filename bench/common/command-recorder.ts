/** The command-monitoring events of a MongoDB driver client (connected with monitorCommands). */
export interface CommandEvents {
  on(event: string, listener: (event: never) => void): unknown;
  removeListener(event: string, listener: (event: never) => void): unknown;
}

/** One kind of database command ('update engine_instances'): how often per operation, how long. */
export interface CommandCost {
  command: string;
  perCompletion: number;
  meanMs: number;
}

/**
 * Counts the database commands a client sends while an operation is being timed, by command and
 * collection, with the time the database took: both benches profile one completion this way, the
 * engine's over its own connection and the API's over the server's.
 */
export class CommandRecorder {
  private readonly counts = new Map<string, { count: number; ms: number }>();
  // a command's key by request id, from its start until it succeeds or fails
  private readonly keyOf = new Map<number, string>();
  private recording = false;
  private waitedMs = 0;

  private constructor() {}

  /** Listens on `client` while `body` runs, and stops listening afterwards, whatever happens. */
  static async listen<T>(
    client: CommandEvents,
    body: (recorder: CommandRecorder) => Promise<T>,
  ): Promise<T> {
    const recorder = new CommandRecorder();
    client.on('commandStarted', recorder.started);
    client.on('commandSucceeded', recorder.finished);
    client.on('commandFailed', recorder.finished);
    try {
      return await body(recorder);
    } finally {
      recorder.recording = false;
      client.removeListener('commandStarted', recorder.started);
      client.removeListener('commandSucceeded', recorder.finished);
      client.removeListener('commandFailed', recorder.finished);
    }
  }

  /** Time spent waiting for the recorded commands, summed. */
  get databaseMs(): number {
    return this.waitedMs;
  }

  /** Runs `operation` with recording on; its wall time in milliseconds. */
  async time(operation: () => Promise<unknown>): Promise<number> {
    this.recording = true;
    const t = performance.now();
    await operation();
    const elapsed = performance.now() - t;
    this.recording = false;
    return elapsed;
  }

  /** The recorded commands per operation, the costliest (count × mean time) first. */
  costs(operations: number): CommandCost[] {
    return [...this.counts]
      .map(([command, { count, ms }]) => ({
        command,
        perCompletion: count / operations,
        meanMs: ms / count,
      }))
      .sort((a, b) => b.perCompletion * b.meanMs - a.perCompletion * a.meanMs);
  }

  private readonly started = (event: {
    requestId: number;
    commandName: string;
    command: Record<string, unknown>;
  }) => {
    if (!this.recording) return;
    const collection =
      event.commandName === 'getMore' ? event.command.collection : event.command[event.commandName];
    const key = `${event.commandName} ${String(collection)}`;
    this.keyOf.set(event.requestId, key);
    const entry = this.counts.get(key) ?? { count: 0, ms: 0 };
    entry.count++;
    this.counts.set(key, entry);
  };

  private readonly finished = (event: { requestId: number; duration: number }) => {
    const key = this.keyOf.get(event.requestId);
    if (key === undefined) return;
    this.keyOf.delete(event.requestId);
    this.waitedMs += event.duration;
    this.counts.get(key)!.ms += event.duration;
  };
}
