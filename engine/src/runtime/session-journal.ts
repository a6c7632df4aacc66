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

/** A BPMN error an error end or throw event raised that no error event in the instance caught. */
export interface UncaughtError {
  activityId: string;
  code?: string;
  name?: string;
}

interface EngineEvents {
  on(event: 'end', handler: () => void): void;
  on(event: 'error', handler: (error: Error) => void): void;
}

type Api = { id: string; type: string; executionId: string; content: Record<string, unknown> };

/**
 * What a session hears from bpmn-engine: the executions that wait (user tasks, service jobs, calls,
 * catch events), what happened in order (for history), BPMN errors thrown and caught, the end of
 * the process and a failure.
 */
export class SessionJournal {
  readonly waits = new Map<string, WaitState>();
  private readonly events: SessionEvent[] = [];
  /** BPMN errors thrown in this session, by the throwing execution, and the throwers caught. */
  private readonly thrownErrors = new Map<string, UncaughtError>();
  private readonly caughtThrowers = new Set<string>();
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
    // An error end or throw event publishes 'activity.throw'; whatever catches it publishes
    // 'activity.catch' naming the thrower as its source — often before the throw is reported.
    listener.on('activity.throw', (api: Api) => {
      const error = api.content.message as { code?: string; name?: string; type?: string };
      if (error?.type !== 'bpmn:Error') return;
      this.thrownErrors.set(api.executionId, {
        activityId: api.id,
        ...(error.code !== undefined && { code: String(error.code) }),
        ...(error.name !== undefined && { name: error.name }),
      });
    });
    listener.on('activity.catch', (api: Api) => {
      const source = api.content.source as { executionId?: string } | undefined;
      if (source?.executionId) this.caughtThrowers.add(source.executionId);
    });
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

  /** BPMN errors thrown since the last call that no error event of the instance caught. */
  takeUncaughtErrors(): UncaughtError[] {
    const errors = [...this.thrownErrors]
      .filter(([thrower]) => !this.caughtThrowers.has(thrower))
      .map(([, error]) => error);
    this.thrownErrors.clear();
    this.caughtThrowers.clear();
    return errors;
  }
}
