import type { EventEmitter } from 'node:events';

/** An activity execution the process waits in: a user task, a service job, a call, a catch event. */
export interface WaitState {
  activityId: string;
  executionId: string;
  type: string;
  /** Execution id of the multi-instance body when this is one iteration. */
  parentExecutionId?: string;
  index?: number;
  content: Record<string, unknown>;
}

/** Something that happened during this session, in order, for history. */
export interface SessionEvent {
  kind: 'activity.start' | 'activity.end' | 'activity.discard' | 'process.end' | 'activity.timeout';
  activityId: string;
  executionId: string;
  type: string;
}

interface EngineEvents {
  on(event: 'end', handler: () => void): void;
  on(event: 'error', handler: (error: Error) => void): void;
}

type Api = { id: string; type: string; executionId: string; content: Record<string, unknown> };

/**
 * What a session hears from bpmn-engine: the executions that wait (user tasks, service jobs, calls,
 * catch events), what happened in order (for history), the end of the process and a failure.
 * Errors and escalations nothing catches are UncaughtThrows' to tell.
 */
export class SessionJournal {
  readonly waits = new Map<string, WaitState>();
  private readonly events: SessionEvent[] = [];
  ended = false;
  failure?: Error;

  constructor(listener: EventEmitter, engine: EngineEvents) {
    const record = (kind: SessionEvent['kind']) => (api: Api) =>
      this.events.push({ kind, activityId: api.id, executionId: api.executionId, type: api.type });
    const addWait = (api: Api) => {
      const parent = api.content.parent as { executionId?: string } | undefined;
      this.waits.set(api.executionId, {
        activityId: api.id,
        executionId: api.executionId,
        type: api.type,
        parentExecutionId: api.content.isMultiInstance ? parent?.executionId : undefined,
        index: api.content.isMultiInstance ? (api.content.index as number) : undefined,
        content: api.content,
      });
    };
    const removeWait = (api: Api) => this.waits.delete(api.executionId);

    listener.on('activity.wait', addWait);
    listener.on('activity.call', addWait);
    listener.on('activity.start', record('activity.start'));
    listener.on('activity.timeout', record('activity.timeout'));
    listener.on('activity.end', (api: Api) => {
      removeWait(api);
      record('activity.end')(api);
    });
    listener.on('activity.discard', (api: Api) => {
      removeWait(api);
      record('activity.discard')(api);
    });
    listener.on('activity.leave', removeWait);
    listener.on('process.end', (api: Api) => {
      record('process.end')(api);
      this.ended = true;
    });
    engine.on('end', () => (this.ended = true));
    engine.on('error', (error: Error) => (this.failure = error));
  }

  /** Events since the last call, oldest first. */
  takeEvents(): SessionEvent[] {
    return this.events.splice(0, this.events.length);
  }
}
