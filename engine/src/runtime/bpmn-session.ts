import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import { EngineError } from '../engine.error';
import {
  allActivityApis,
  type EscalationAtBoundary,
  escalateAtBoundary,
  findActivityApi,
  isActivityActive,
  runEventSubProcess,
} from './activity-apis';
import { CapturedTimers } from './captured-timers';
import type { CompiledDefinition } from './compiled-definition';
import { TIMER_SERVICE, type TimerService } from './durable-timer-event-definition';
import { LOOP_SERVICE, LoopRegistry, type LoopPosition } from './multi-instance/loop-position';
import {
  activeExecutionId,
  type EnterSpec,
  moveTokens,
  startWithTokensAt,
  tokenHolders,
  type TokenMove,
} from './reposition';
import { sessionExpressions } from './session-expressions';
import { SessionJournal, type SessionEvent, type WaitState } from './session-journal';
import { START_EVENT_SERVICE, type StartEventChoice } from './triggerable-start-event';
import { type UncaughtError, type UncaughtEscalation, UncaughtThrows } from './uncaught-throws';

export type { UncaughtError, UncaughtEscalation } from './uncaught-throws';

export type { SessionEvent, WaitState } from './session-journal';

export interface PendingTimer {
  activityId: string;
  executionId: string;
  /** The activity a boundary timer is attached to. */
  attachedTo?: string;
  /** When it is due, as computed on the engine's clock by the timer service. */
  expireAt?: Date;
}

export interface SessionOptions {
  definition: CompiledDefinition;
  /** The instance variables; the session reads them live, so callers may change them between steps. */
  variables: Record<string, unknown>;
  timers: TimerService;
  /** A new instance starts by this process-level start event; by default, the none start event. */
  startEventId?: string;
  /** FEEL functions every expression sees (the engine clock's now()/today(), working days). */
  functions?: Record<string, unknown>;
}

interface PostponedApi {
  executionId: string;
  getExecuting?(): { executionId: string }[];
}

const NO_SCRIPTS = { register: () => undefined, getScript: () => undefined };

/**
 * One short-lived bpmn-engine execution of one instance: started or recovered from the stored
 * state, driven by signals and timer firings, serialized again. Nothing here touches storage.
 */
export class BpmnSession {
  private readonly journal: SessionJournal;
  private readonly uncaught: UncaughtThrows;

  private constructor(
    private readonly engine: InstanceType<typeof Engine>,
    private readonly timers: CapturedTimers,
    private readonly listener: EventEmitter,
    private readonly loops: LoopRegistry,
  ) {
    this.journal = new SessionJournal(listener, engine as never);
    this.uncaught = new UncaughtThrows(listener);
  }

  static create(options: SessionOptions): BpmnSession {
    const timers = new CapturedTimers();
    const loops = new LoopRegistry();
    const engine = new Engine({
      name: options.definition.id,
      sourceContext: options.definition.sourceContext,
      expressions: sessionExpressions(() => options.variables, options.functions),
      scripts: NO_SCRIPTS,
      timers,
      services: {
        [TIMER_SERVICE]: options.timers,
        [START_EVENT_SERVICE]: { startEventId: options.startEventId } satisfies StartEventChoice,
        [LOOP_SERVICE]: loops,
      },
      Logger: silentLogger,
    } as never);
    return new BpmnSession(engine, timers, new EventEmitter(), loops);
  }

  async start(): Promise<void> {
    await this.engine.execute({ listener: this.listener } as never);
    this.throwIfFailed();
  }

  async recover(state: string): Promise<void> {
    this.engine.recover(JSON.parse(state));
    await this.engine.resume({ listener: this.listener } as never);
    this.throwIfFailed();
  }

  /** Starts the process with tokens only in the given activities; no start event runs (reposition.ts). */
  async startAt(activities: (string | EnterSpec)[]): Promise<void> {
    await startWithTokensAt(this.engine as never, this.listener, activities);
    this.throwIfFailed();
  }

  /** Where a multi-instance activity active in the process stands (multi-instance/loop-position.ts). */
  loopPosition(activityId: string): LoopPosition {
    return this.loops.get(activeExecutionId(this.engine as never, activityId)).position();
  }

  /**
   * Runs a completed element of a multi-instance activity active in the process again, inside
   * its running body; returns the new iteration's execution id.
   */
  reopenElement(activityId: string, index: number): string {
    const body = this.loops.get(activeExecutionId(this.engine as never, activityId));
    const executionId = body.reopen(index);
    this.throwIfFailed();
    return executionId;
  }

  /** Leaves active executions without taking their flows and starts activities (reposition.ts). */
  moveTokens(move: TokenMove): void {
    moveTokens(this.engine as never, move);
    this.throwIfFailed();
  }

  /** Elements holding a token at the process level, flows waiting at a join included (reposition.ts). */
  tokenHolders(): string[] {
    return tokenHolders(this.engine as never);
  }

  get completed(): boolean {
    return this.journal.ended;
  }

  /**
   * Executions still waiting. Events alone are not enough: when a completion condition ends a
   * multi-instance body, bpmn-elements drops the other iterations without an event for each, so
   * every recorded wait is checked against the executions bpmn-engine still holds.
   */
  waiting(): WaitState[] {
    const live = this.liveExecutionIds();
    return [...this.journal.waits.values()].filter(
      (w) =>
        live.has(w.executionId) ||
        (w.parentExecutionId !== undefined &&
          live.has(w.parentExecutionId) &&
          this.iterationLive(w)),
    );
  }

  /** Every execution at any depth: iterations and the contents of sub-processes included. */
  private liveExecutionIds(): Set<string> {
    return new Set(allActivityApis(this.executionApi()).map((api) => api.executionId));
  }

  private iterationLive(wait: WaitState): boolean {
    const body: PostponedApi | undefined = findActivityApi(
      this.executionApi(),
      wait.parentExecutionId!,
    );
    const children = body?.getExecuting?.();
    // No view of the iterations: trust the events.
    return (
      children === undefined ||
      children.length === 0 ||
      children.some((c) => c.executionId === wait.executionId)
    );
  }

  pendingTimers(): PendingTimer[] {
    return this.timers.executing
      .filter((t) => t.owner)
      .map((t) => ({
        activityId: t.owner!.id,
        executionId: t.owner!.executionId,
        attachedTo: (t.owner as { attachedTo?: { id?: string } }).attachedTo?.id,
        expireAt: t.owner!.expireAt ? new Date(t.owner!.expireAt) : undefined,
      }));
  }

  /** Events since the last call, oldest first. */
  takeEvents(): SessionEvent[] {
    return this.journal.takeEvents();
  }

  /**
   * Completes a waiting activity execution (user task, service job, call activity, message or
   * signal catch...). It goes to the execution's own activity API, so that what the activity
   * throws next reaches the boundary events waiting for it (see activity-apis.ts).
   */
  signal(executionId: string, output?: Record<string, unknown>): void {
    const wait = this.journal.waits.get(executionId);
    if (!wait)
      throw new EngineError('CONFLICT', `activity execution ${executionId} is not waiting`);
    const api = findActivityApi(this.executionApi(), executionId);
    if (api) api.signal(output ?? {});
    else this.execution().signal({ id: wait.activityId, executionId, output: output ?? {} });
    this.throwIfFailed();
  }

  /**
   * Fails a waiting activity execution with a BPMN error (a service handler's BpmnError, a called
   * process that ended in an error): an error boundary event on it with that code catches it.
   */
  fail(executionId: string, error: { code: string; message: string }): void {
    const api = findActivityApi(this.executionApi(), executionId);
    if (!api || !this.journal.waits.has(executionId))
      throw new EngineError('CONFLICT', `activity execution ${executionId} is not waiting`);
    api.sendApiMessage('error', { message: error.message, code: error.code });
    this.throwIfFailed();
  }

  /** Starts a process-level event sub-process by its message or signal start event. */
  triggerEventSubProcess(trigger: {
    subProcessId: string;
    startEventId: string;
    payload: Record<string, unknown>;
    interrupting: boolean;
  }): void {
    runEventSubProcess(this.executionApi(), trigger);
    this.throwIfFailed();
  }

  /** Whether an activity (by element id) runs at any depth, e.g. an event sub-process. */
  isActive(activityId: string): boolean {
    return isActivityActive(this.executionApi(), activityId);
  }

  /** BPMN errors thrown since the last call that no error event of the instance caught. */
  takeUncaughtErrors(): UncaughtError[] {
    return this.uncaught.takeErrors();
  }

  /** Escalations thrown since the last call that nothing in the instance caught, in order. */
  takeUncaughtEscalations(): UncaughtEscalation[] {
    return this.uncaught.takeEscalations();
  }

  /**
   * Hands an escalation from a called process to the escalation boundary event on its call
   * activity; false when that boundary event is not waiting (its activity ended meanwhile).
   */
  escalate(target: EscalationAtBoundary): boolean {
    const caught = escalateAtBoundary(this.executionApi(), target);
    this.throwIfFailed();
    return caught;
  }

  /** Fires a captured timer; false when that timer is no longer pending. */
  fireTimer(executionId: string): boolean {
    const timer = this.timers.find(executionId);
    if (!timer) return false;
    this.timers.clearTimeout(timer);
    timer.callback(...timer.args);
    this.throwIfFailed();
    return true;
  }

  /** Publishes a message or signal by its BPMN element id (messageRef / signalRef). */
  deliver(referenceId: string, payload?: Record<string, unknown>): void {
    this.execution().signal({ id: referenceId, ...(payload ?? {}) });
    this.throwIfFailed();
  }

  /**
   * The state without bpmn-engine's copy of the definition: recovering from that copy would
   * rebuild the elements with bpmn-engine's defaults instead of ours (timers that fire by
   * themselves), and it is most of the state's size. The compiled definition is passed instead.
   */
  async serialize(): Promise<string> {
    const state = (await this.engine.getState()) as { definitions?: { source?: unknown }[] };
    for (const definition of state.definitions ?? []) delete definition.source;
    return JSON.stringify(state);
  }

  stop(): void {
    this.engine.stop();
  }

  private executionApi(): Parameters<typeof allActivityApis>[0] {
    return this.engine.execution as unknown as Parameters<typeof allActivityApis>[0];
  }

  private execution(): { signal(message: Record<string, unknown>): void } {
    const execution = this.engine.execution as unknown as {
      signal(message: Record<string, unknown>): void;
    } | null;
    if (!execution) throw new EngineError('CONFLICT', 'the process is not running');
    return execution;
  }

  private throwIfFailed(): void {
    const failure = this.journal.failure;
    if (failure)
      throw new EngineError('HANDLER_FAILED', `process failed: ${failure.message}`, undefined, {
        cause: failure,
      });
  }
}

function silentLogger() {
  const noop = () => undefined;
  return { debug: noop, error: noop, warn: noop };
}
