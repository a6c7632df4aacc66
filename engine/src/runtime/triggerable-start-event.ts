import { StartEvent } from 'bpmn-elements';

/** Which process-level start event a new session starts by; none: the none start event. */
export interface StartEventChoice {
  startEventId?: string;
}
export const START_EVENT_SERVICE = 'engine.startEvent';

interface StartEventDef {
  id: string;
  parent?: { type?: string };
  behaviour?: { eventDefinitions?: unknown[] };
}

interface ContextLike {
  environment: { getServiceByName(name: string): unknown };
}

/**
 * bpmn-elements runs every start event of a process when it starts: a process with a none start
 * and a message start would also wait for the message, and a timer start would arm a timer, in
 * every instance. An instance starts by exactly one start event: the one the session names (a
 * correlated message, a broadcast signal, a timer-start job), otherwise the none start event.
 * Start events inside sub-processes keep their usual behaviour.
 */
export function TriggerableStartEvent(activityDef: StartEventDef, context: ContextLike): unknown {
  const activity = (StartEvent as unknown as (d: unknown, c: unknown) => { isStart: boolean })(
    activityDef,
    context,
  );
  if (activityDef.parent?.type !== 'bpmn:Process') return activity;
  const startsOnItsOwn = activity.isStart;
  const byEvent = (activityDef.behaviour?.eventDefinitions?.length ?? 0) > 0;
  Object.defineProperty(activity, 'isStart', {
    get() {
      const choice = context.environment.getServiceByName(START_EVENT_SERVICE) as
        StartEventChoice | undefined;
      if (choice?.startEventId) return activityDef.id === choice.startEventId;
      return startsOnItsOwn && !byEvent;
    },
  });
  return activity;
}
