import type { WaitState } from '../runtime/bpmn-session';
import { deterministicId } from '../runtime/deterministic-id';
import type { ScheduledJob } from '../runtime/effects';
import { eventCatalogOf, type CallActivitySpec, type EventCatalog } from '../runtime/event-catalog';
import type { StepHook, StepOutcome } from '../runtime/step-hooks';
import type { EscalationRecord } from '../storage/documents';
import { calledKey, mapVariables } from './variable-mapping';

export const CALL_START_JOB = 'call-activity.start';
export const CALL_RESUME_JOB = 'call-activity.resume';
export const CALL_CANCEL_JOB = 'call-activity.cancel';
export const CALL_ERROR_JOB = 'call-activity.error';
export const CALL_ESCALATION_JOB = 'call-activity.escalation';
export const CALL_INCIDENT_JOB = 'call-activity.incident';

/** The called instance of one call activity execution: the same id however often it is asked for. */
export function childInstanceId(parentInstanceId: string, executionId: string): string {
  return deterministicId('call', parentInstanceId, executionId);
}

export interface CallStartPayload {
  parentId: string;
  executionId: string;
  activityId: string;
  childId: string;
  calledElement?: string;
  binding: CallActivitySpec['binding'];
  version?: number;
  variables: Record<string, unknown>;
  /** camunda:in or calledElement could not be evaluated: the start fails with this message. */
  mappingError?: string;
}

/**
 * Call activities across definitions. bpmn-engine only waits in a call activity; around that wait:
 * - a call activity entered schedules the start of the called process as a job (in-mappings
 *   evaluated now, as Camunda does), whose child id derives from the call's execution;
 * - a call activity left early (cancelled instance, interrupting boundary, completion condition)
 *   schedules the cancellation of its child, which cascades down the same way;
 * - a called instance that ends schedules the resumption of its parent; one that raises or clears
 *   an incident, or throws a BPMN error or an escalation it does not catch, tells its parent by a
 *   job too.
 * Every job id is deterministic, and each job rereads the instances before acting, so running one
 * twice (after a crash) does nothing twice.
 */
export const callActivityHook: StepHook = {
  async afterStep(outcome) {
    const catalog = await eventCatalogOf(outcome.loaded.deployment);
    for (const wait of outcome.appeared) {
      const spec = catalog.callActivities.get(wait.activityId);
      if (spec) enterCall(outcome, spec, wait);
    }
    for (const gone of outcome.gone) {
      if (gone.kind !== 'callActivity') continue;
      const childId = childInstanceId(outcome.ctx.instance._id, gone.executionId);
      outcome.effects.push(job(outcome, `call-cancel:${childId}`, CALL_CANCEL_JOB, { childId }));
    }
    if (outcome.ctx.instance.status === 'suspended' && outcome.status !== 'suspended')
      recheckChildren(outcome);
    if (outcome.ctx.instance.parent) reportToParent(outcome, catalog);
  },
};

function enterCall(outcome: StepOutcome, spec: CallActivitySpec, wait: WaitState): void {
  const { ctx } = outcome;
  const childId = childInstanceId(ctx.instance._id, wait.executionId);
  const scope: Record<string, unknown> = { ...ctx.variables };
  if (spec.multiInstance) {
    if (spec.elementVariable) scope[spec.elementVariable] = wait.content[spec.elementVariable];
    scope.loopCounter = wait.index;
  }
  const payload: CallStartPayload = {
    parentId: ctx.instance._id,
    executionId: wait.executionId,
    activityId: wait.activityId,
    childId,
    calledElement: spec.calledElement,
    binding: spec.binding,
    ...(spec.version !== undefined && { version: spec.version }),
    variables: {},
  };
  try {
    payload.calledElement = calledKey(spec.calledElement, scope);
    payload.variables = mapVariables(spec.inputs, scope);
  } catch (error) {
    // an expression that fails must not fail the step that reached the call: the call fails
    payload.mappingError = error instanceof Error ? error.message : String(error);
  }
  outcome.effects.push(
    job(outcome, `call-start:${childId}`, CALL_START_JOB, { ...payload } as Record<
      string,
      unknown
    >),
  );
  outcome.history.push({
    type: 'call.started',
    activityId: wait.activityId,
    data: { childInstanceId: childId, calledElement: payload.calledElement ?? null },
  });
}

/**
 * A suspended instance takes nothing from its children (their jobs see it suspended and let it
 * be); once resumed, it asks again whether each child ended or holds an incident meanwhile.
 */
function recheckChildren(outcome: StepOutcome): void {
  for (const wait of outcome.waits) {
    if (wait.kind !== 'callActivity') continue;
    const childId = childInstanceId(outcome.ctx.instance._id, wait.executionId);
    const rev = outcome.rev;
    outcome.effects.push(
      job(outcome, `call-resume:${childId}:${rev}`, CALL_RESUME_JOB, { childId }),
      job(outcome, `call-incident:${childId}:${rev}`, CALL_INCIDENT_JOB, { childId }),
      job(outcome, `call-escalation:${childId}:resumed:${rev}`, CALL_ESCALATION_JOB, { childId }),
    );
  }
}

/** This instance was started by a call activity: tell the caller what concerns it. */
function reportToParent(outcome: StepOutcome, catalog: EventCatalog): void {
  const { ctx, status, rev } = outcome;
  reportEscalations(outcome, catalog);
  const childId = ctx.instance._id;
  const ended = (s: string) => s === 'completed' || s === 'cancelled';
  const endsNow = ended(status) && !ended(ctx.instance.status);
  const uncaught = ctx.session.takeUncaughtErrors().at(-1);
  if (uncaught && endsNow && status === 'completed') {
    // the resumption reads it from the ended instance and routes it at the call activity
    outcome.fields.uncaughtError = uncaught;
  } else if (uncaught && !ended(status)) {
    outcome.effects.push(
      job(outcome, `call-error:${childId}:${rev}`, CALL_ERROR_JOB, { childId, error: uncaught }),
    );
  }
  if (endsNow) {
    outcome.effects.push(job(outcome, `call-resume:${childId}`, CALL_RESUME_JOB, { childId }));
  } else if ((status === 'incident') !== (ctx.instance.status === 'incident')) {
    outcome.effects.push(
      job(outcome, `call-incident:${childId}:${rev}`, CALL_INCIDENT_JOB, { childId }),
    );
  }
}

/**
 * Escalations nothing in this instance caught join its list (committed with the step), and a job
 * tells the caller; it delivers whatever the caller has not taken yet (call-escalations.ts).
 */
function reportEscalations(outcome: StepOutcome, catalog: EventCatalog): void {
  const { ctx, rev } = outcome;
  const thrown = ctx.session.takeUncaughtEscalations();
  if (thrown.length === 0) return;
  const records: EscalationRecord[] = thrown.map((escalation, n) => {
    const code = escalation.escalationRef && catalog.escalationCodes.get(escalation.escalationRef);
    return {
      key: `${rev}:${n}`,
      activityId: escalation.activityId,
      ...(code && { code }),
      ...(escalation.name !== undefined && { name: escalation.name }),
    };
  });
  outcome.fields.uncaughtEscalations = [...(ctx.instance.uncaughtEscalations ?? []), ...records];
  const childId = ctx.instance._id;
  outcome.effects.push(
    job(outcome, `call-escalation:${childId}:${rev}`, CALL_ESCALATION_JOB, { childId }),
  );
}

function job(
  outcome: StepOutcome,
  id: string,
  kind: string,
  payload: Record<string, unknown>,
): { type: 'job.schedule'; job: ScheduledJob } {
  const instance = outcome.ctx.instance;
  return {
    type: 'job.schedule',
    job: {
      id,
      kind,
      instanceId: instance._id,
      district: instance.district,
      dueAt: outcome.ctx.now,
      payload,
    },
  };
}
