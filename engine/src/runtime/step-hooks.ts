import type { InstanceDoc, InstanceStatus, WaitRecord } from '../storage/documents';
import type { SessionEvent, WaitState } from './bpmn-session';
import type { Effect } from './effects';
import type { LoadedDefinition } from './loaded-definition';
import type { HistoryDraft, StepContext } from './step-context';

/** What one instance step changed, as the runner derived it, before it is committed. */
export interface StepOutcome {
  readonly ctx: StepContext;
  readonly loaded: LoadedDefinition;
  readonly rev: number;
  /** The status after this step; ctx.instance.status is the one before. */
  readonly status: InstanceStatus;
  /** Every wait after this step. */
  readonly waits: readonly WaitRecord[];
  /** Waits this step opened. */
  readonly appeared: readonly WaitState[];
  /** Waits that ended in this step: completed, interrupted, cancelled. */
  readonly gone: readonly WaitRecord[];
  /** What happened in bpmn-engine during this step, in order. */
  readonly events: readonly SessionEvent[];
  /** Committed with the state and applied afterwards, like everything the runner derives. */
  readonly effects: Effect[];
  readonly history: HistoryDraft[];
  /** Fields of the next instance document in which hooks keep their own bookkeeping. */
  readonly fields: Partial<
    Pick<InstanceDoc, 'subscriptions' | 'uncaughtError' | 'uncaughtEscalations'>
  >;
}

/**
 * A capability that follows every step of every instance and adds its own effects: message and
 * signal subscriptions, called processes, signals thrown to other instances. Hooks run inside the
 * step, so what they add is committed atomically with the state (the outbox) and never lost.
 */
export interface StepHook {
  afterStep(outcome: StepOutcome): void | Promise<void>;
}
