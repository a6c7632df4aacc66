import { TimerEventDefinition } from 'bpmn-elements';

/** The timer event asking for its expiry. */
export interface TimerElement {
  activityId: string;
  /**
   * When the occurrence that just fired was due, for the next occurrence of a cycle: it counts
   * from there, not from the moment the job happened to run.
   */
  previousDueAt?: Date;
}

/** What the session provides to timers through the bpmn environment's services. */
export interface TimerService {
  /** Expiry of a timer value on the engine's clock (working days, cycles and all). */
  expireAt(
    kind: 'timeDuration' | 'timeDate' | 'timeCycle',
    value: string,
    /** The timer event asking (a migration keeps the due times of the timers it moves). */
    element?: TimerElement,
  ): { expireAt: Date; repeat?: number };
  now(): Date;
}
export const TIMER_SERVICE = 'engine.timers';

interface TimerMessage {
  content: { inbound?: { repeat?: unknown }[] };
}

type TimerProto = {
  activity: { id: string };
  environment: { getServiceByName(name: string): unknown };
  parse(kind: string, value: string): { expireAt?: Date; repeat?: number; delay?: number };
  _getTimers(message: TimerMessage): { timeout?: number; expireAt?: Date };
  /** Our own bookkeeping on the definition object, which lives as long as its activity. */
  engineDueAt?: Date;
  engineRepeatOf?: Date;
};

/**
 * bpmn-elements computes timer expiry with the wall clock and its own ISO parser; ours must use
 * the injectable clock and understand working days. It must also never fire a timer by itself:
 * firing is the scheduler's job, so the timeout handed to the (captured) timers is kept positive.
 */
export function DurableTimerEventDefinition(this: unknown, ...args: unknown[]): unknown {
  return (TimerEventDefinition as unknown as (...a: unknown[]) => unknown).apply(this, args);
}
const base = (TimerEventDefinition as unknown as { prototype: TimerProto }).prototype;
DurableTimerEventDefinition.prototype = Object.create(base) as TimerProto;

const proto = DurableTimerEventDefinition.prototype as TimerProto;
proto.parse = function parse(kind, value) {
  const service = this.environment.getServiceByName(TIMER_SERVICE) as TimerService;
  const { expireAt, repeat } = service.expireAt(kind as 'timeDuration', value, {
    activityId: this.activity.id,
    ...(this.engineRepeatOf && { previousDueAt: this.engineRepeatOf }),
  });
  return { expireAt, repeat, delay: expireAt.getTime() - service.now().getTime() };
};
proto._getTimers = function getTimers(message) {
  // A cycle re-arms a non-interrupting boundary event with a new run whose inbound message
  // carries the repetitions left; this definition object is the same one that just fired (the
  // re-arm happens in the firing step), so it still knows the due time that fired.
  const repeating = message.content.inbound?.[0]?.repeat !== undefined;
  this.engineRepeatOf = repeating ? this.engineDueAt : undefined;
  const result = base._getTimers.call(this, message);
  this.engineDueAt = result.expireAt;
  if (result.timeout !== undefined) result.timeout = Math.max(1, result.timeout);
  return result;
};
