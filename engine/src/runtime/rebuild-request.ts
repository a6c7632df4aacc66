import type { InstanceStatus, WaitRecord } from '../storage/documents';
import type { TimerService } from './durable-timer-event-definition';
import type { LoadedDefinition } from './loaded-definition';
import type { StepContext } from './step-context';

/** How InstanceRunner.rebuild moves an instance onto another deployment. */
export interface RebuildRequest<T> {
  /** The deployment the instance moves to. */
  definitionId: string;
  /** Statuses the instance may be in; any other is refused with INSTANCE_NOT_RUNNING. */
  allowed: InstanceStatus[];
  /** Wraps the new session's timer service, e.g. to keep the due times of moved timers. */
  timers?(service: TimerService): TimerService;
  /**
   * Puts tokens into the new, empty session (ctx.session.startAt) and returns the wait records
   * the step starts from: a record whose execution the session holds is taken over as it is (its
   * task stays), every other one is closed as in any step (task cancelled, job cancelled). The
   * stored timers are always diffed as they are: the old timer jobs are cancelled and the new
   * session's timers scheduled.
   */
  build(ctx: StepContext, target: LoadedDefinition): Promise<{ waits: WaitRecord[]; result: T }>;
}
