import type { WorkingCalendar } from './calendar';
import type { Clock } from './clock';
import type { JobHandler, JobRepository } from './jobs';
import {
  MessageCorrelator,
  SIGNAL_BROADCAST_JOB,
  SIGNAL_DELIVERY_JOB,
  SIGNAL_START_JOB,
  SignalBroadcaster,
  signalThrowHook,
  StartEventFinder,
  subscriptionHook,
} from './messages';
import type { InstanceRunner } from './runtime/instance-runner';
import type { LoadedDefinition } from './runtime/loaded-definition';
import type { StepHook } from './runtime/step-hooks';
import type { EngineStore } from './storage/engine-store';
import {
  CALL_CANCEL_JOB,
  CALL_ERROR_JOB,
  CALL_ESCALATION_JOB,
  CALL_INCIDENT_JOB,
  CALL_RESUME_JOB,
  CALL_START_JOB,
  callActivityHook,
  CallActivityJobs,
} from './subprocesses';
import { TIMER_START_JOB, TimerStartSchedule } from './timer-start';

export interface CrossInstanceEventsDeps {
  store: EngineStore;
  jobs: JobRepository;
  runner: InstanceRunner;
  clock: Clock;
  definition(definitionId: string): Promise<LoadedDefinition>;
  calendar(district: string): Promise<WorkingCalendar>;
}

/**
 * What reaches an instance from outside it, or leaves it for another: messages, signals, called
 * processes, timer starts. Composed here so the facade only wires three things: the step hooks
 * (given to the instance runner), the job handlers (given to the scheduler), and the services.
 */
export class CrossInstanceEvents {
  readonly messages: MessageCorrelator;
  readonly signals: SignalBroadcaster;
  readonly timerStarts: TimerStartSchedule;
  private readonly calls: CallActivityJobs;

  constructor(deps: CrossInstanceEventsDeps) {
    const starts = new StartEventFinder(deps.store, deps.definition);
    this.messages = new MessageCorrelator(deps.store, deps.runner, starts);
    this.signals = new SignalBroadcaster(deps.store, deps.jobs, deps.runner, starts, deps.clock);
    this.calls = new CallActivityJobs(deps);
    this.timerStarts = new TimerStartSchedule(deps);
  }

  /** In this order: subscriptions close before a thrown signal is broadcast to them. */
  get hooks(): StepHook[] {
    return [subscriptionHook, signalThrowHook(this.signals), callActivityHook];
  }

  jobHandlers(): [string, JobHandler][] {
    return [
      [SIGNAL_BROADCAST_JOB, this.signals.fanOut],
      [SIGNAL_DELIVERY_JOB, this.signals.deliver],
      [SIGNAL_START_JOB, this.signals.start],
      [CALL_START_JOB, this.calls.start],
      [CALL_RESUME_JOB, this.calls.resume],
      [CALL_CANCEL_JOB, this.calls.cancel],
      [CALL_ERROR_JOB, this.calls.error],
      [CALL_ESCALATION_JOB, this.calls.escalation],
      [CALL_INCIDENT_JOB, this.calls.incident],
      [TIMER_START_JOB, this.timerStarts.fire],
    ];
  }
}
