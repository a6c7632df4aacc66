import type { AssignmentResolvers } from '../assignment';
import type { WorkingCalendar } from '../calendar';
import type { HistoryDoc, InstanceDoc, TimerRecord, WaitRecord } from '../storage/documents';
import type { PendingTimer, SessionEvent, WaitState } from './bpmn-session';
import { deserializeEffects, type Effect, serializeEffects } from './effects';
import type { LoadedDefinition } from './loaded-definition';
import type { HistoryDraft, StepContext } from './step-context';
import type { StepHook, StepOutcome } from './step-hooks';
import { stampTaskRevisions, taskDueJob } from './task-effects';
import { buildTask } from './task-factory';

export const SERVICE_JOB = 'service-task';
export const TIMER_JOB = 'timer';

export interface DerivationDeps {
  resolvers: AssignmentResolvers;
  hooks?: readonly StepHook[];
}

/** Where the step leaves the instance, and what it has to write for that (in order). */
interface Derived {
  effects: Effect[];
  history: HistoryDraft[];
}

/**
 * After a step has signalled bpmn-engine: what the process now waits for becomes tasks, service
 * jobs and timer jobs (new waits) or their cancellation (waits gone), with history for each; the
 * capabilities' hooks add theirs; the result is the next instance document (rev + 1) holding all
 * of it as its outbox.
 */
export async function deriveRevision(
  ctx: StepContext,
  loaded: LoadedDefinition,
  calendar: WorkingCalendar,
  deps: DerivationDeps,
): Promise<InstanceDoc> {
  const { instance, session, now } = ctx;
  const rev = instance.rev + 1;
  const out: Derived = { effects: [...ctx.effects], history: [...ctx.history] };

  const sessionEvents = session.takeEvents();
  out.history.push(...historyOfSession(sessionEvents));

  const completed = session.completed;
  const ended = completed || ctx.status === 'cancelled';
  const waits = ended ? [] : session.waiting();
  const { records: waitRecords, gone } = await deriveWaits(ctx, loaded, calendar, deps, waits, out);
  const timerRecords = deriveTimers(ctx, ended ? [] : session.pendingTimers(), out);

  for (const change of variableChanges(instance.variables, ctx.variables))
    out.history.push({ type: 'variable.changed', data: change });

  let status = ctx.status ?? instance.status;
  if (completed && status === 'running') {
    status = 'completed';
    out.history.push({ type: 'instance.completed' });
  }
  const endedAt =
    status === 'completed' || status === 'cancelled'
      ? (ctx.patch.endedAt ?? instance.endedAt ?? now)
      : undefined;
  const fields: StepOutcome['fields'] = {};
  const known = new Set(instance.waits.map((w) => w.executionId));
  for (const hook of deps.hooks ?? [])
    await hook.afterStep({
      ctx,
      loaded,
      rev,
      status,
      waits: waitRecords,
      appeared: waits.filter((w) => !known.has(w.executionId)),
      gone,
      events: sessionEvents,
      effects: out.effects,
      history: out.history,
      fields,
    });
  out.effects.push({ type: 'history', events: historyDocs(instance, rev, now, out.history) });
  stampTaskRevisions(out.effects, rev);

  return {
    ...instance,
    ...fields,
    ...ctx.patch,
    status,
    state: await session.serialize(),
    rev,
    variables: ctx.variables,
    waits: waitRecords,
    timers: timerRecords,
    activeActivityIds: [
      ...new Set([
        ...waitRecords.map((w) => w.activityId),
        ...timerRecords.map((t) => t.activityId),
      ]),
    ],
    outbox: serializeEffects(out.effects),
    updatedAt: now,
    ...(endedAt && { endedAt }),
  };
}

const SESSION_HISTORY: Record<SessionEvent['kind'], string> = {
  'activity.start': 'activity.entered',
  'activity.end': 'activity.left',
  'activity.discard': 'activity.cancelled',
  'activity.timeout': 'timer.fired',
  'process.end': '',
};

function historyOfSession(events: SessionEvent[]): HistoryDraft[] {
  return events
    .filter((event) => SESSION_HISTORY[event.kind] && event.type !== 'bpmn:Process')
    .map((event) => ({
      type: SESSION_HISTORY[event.kind],
      activityId: event.activityId,
      data: { executionId: event.executionId, elementType: event.type },
    }));
}

/**
 * Waits the instance knew stay as they were; a new user task wait opens a task (and its due-date
 * job), a new service task wait schedules its job; a wait that is gone closes its task and
 * cancels its jobs. Returns the wait records of the next revision and the waits that went.
 */
async function deriveWaits(
  ctx: StepContext,
  loaded: LoadedDefinition,
  calendar: WorkingCalendar,
  deps: DerivationDeps,
  waits: WaitState[],
  out: Derived,
): Promise<{ records: WaitRecord[]; gone: WaitRecord[] }> {
  const { instance, now } = ctx;
  const rev = instance.rev + 1;
  const records: WaitRecord[] = [];
  const previous = new Map(instance.waits.map((w) => [w.executionId, w]));
  for (const wait of waits) {
    const known = previous.get(wait.executionId);
    if (known) {
      records.push(known);
      previous.delete(wait.executionId);
      continue;
    }
    const userTask = loaded.model.userTasks.get(wait.activityId);
    const serviceTask = loaded.model.serviceTasks.get(wait.activityId);
    if (userTask) {
      const task = await buildTask(
        {
          instance,
          deployment: loaded.deployment,
          wait,
          model: userTask,
          variables: ctx.variables,
          calendar,
          now,
          rev,
        },
        deps.resolvers,
      );
      Object.assign(task, ctx.taskPatches?.get(wait.executionId));
      out.effects.push({ type: 'task.create', task });
      const dueJob = taskDueJob(task);
      if (dueJob) out.effects.push({ type: 'job.schedule', job: dueJob });
      out.history.push({
        type: 'task.created',
        activityId: wait.activityId,
        taskId: task._id,
        data: {
          assignee: task.assignee,
          candidateGroups: task.candidateGroups,
          candidateUsers: task.candidateUsers,
        },
      });
      records.push({
        executionId: wait.executionId,
        activityId: wait.activityId,
        kind: 'userTask',
        taskId: task._id,
        ...(dueJob && { dueJobId: dueJob.id }),
      });
    } else if (serviceTask) {
      const jobId = `svc:${instance._id}:${wait.executionId}`;
      out.effects.push({
        type: 'job.schedule',
        job: {
          id: jobId,
          kind: SERVICE_JOB,
          instanceId: instance._id,
          district: instance.district,
          dueAt: now,
          payload: {
            instanceId: instance._id,
            executionId: wait.executionId,
            activityId: wait.activityId,
            topic: serviceTask.topic,
          },
        },
      });
      records.push({
        executionId: wait.executionId,
        activityId: wait.activityId,
        kind: 'serviceTask',
        jobId,
      });
    } else {
      records.push({
        executionId: wait.executionId,
        activityId: wait.activityId,
        kind: wait.type === 'bpmn:CallActivity' ? 'callActivity' : 'other',
      });
    }
  }
  for (const gone of previous.values()) {
    if (gone.taskId && !ctx.closedTaskIds.has(gone.taskId)) {
      out.effects.push({ type: 'task.close', taskId: gone.taskId, status: 'cancelled', at: now });
      out.history.push({
        type: 'task.cancelled',
        activityId: gone.activityId,
        taskId: gone.taskId,
      });
    }
    if (gone.jobId) out.effects.push({ type: 'job.cancel', jobId: gone.jobId });
    if (gone.dueJobId) out.effects.push({ type: 'job.cancel', jobId: gone.dueJobId });
  }
  return { records, gone: [...previous.values()] };
}

/**
 * A timer the instance knew with the same due time stays; a new timer — or a cycle that re-armed
 * itself after firing — gets a job for its due time; a timer that is gone cancels its job.
 */
function deriveTimers(ctx: StepContext, timers: PendingTimer[], out: Derived): TimerRecord[] {
  const { instance, now } = ctx;
  const records: TimerRecord[] = [];
  const previous = new Map(instance.timers.map((t) => [t.executionId, t]));
  for (const timer of timers) {
    const known = previous.get(timer.executionId);
    const dueAt = timer.expireAt ?? now;
    if (known && known.dueAt.getTime() === dueAt.getTime()) {
      records.push(known);
      previous.delete(timer.executionId);
      continue;
    }
    const firedCount = known ? known.firedCount + 1 : 0;
    const jobId = `timer:${instance._id}:${timer.executionId}:${firedCount}`;
    if (known) previous.delete(timer.executionId);
    out.effects.push({
      type: 'job.schedule',
      job: {
        id: jobId,
        kind: TIMER_JOB,
        instanceId: instance._id,
        district: instance.district,
        dueAt,
        payload: {
          instanceId: instance._id,
          executionId: timer.executionId,
          activityId: timer.activityId,
        },
      },
    });
    out.history.push({
      type: 'timer.scheduled',
      activityId: timer.activityId,
      data: { dueAt: dueAt.toISOString() },
    });
    records.push({
      executionId: timer.executionId,
      activityId: timer.activityId,
      jobId,
      dueAt,
      firedCount,
    });
  }
  for (const gone of previous.values()) out.effects.push({ type: 'job.cancel', jobId: gone.jobId });
  return records;
}

/** A revision's history drafts as documents, ordered by revision and position. */
export function historyDocs(
  instance: InstanceDoc,
  rev: number,
  at: Date,
  drafts: HistoryDraft[],
): HistoryDoc[] {
  return drafts.map((draft, seq) => ({
    _id: `${instance._id}:${rev}:${seq}`,
    instanceId: instance._id,
    district: instance.district,
    rev,
    seq,
    at,
    type: draft.type,
    ...(draft.activityId && { activityId: draft.activityId }),
    ...(draft.taskId && { taskId: draft.taskId }),
    ...(draft.userId && { userId: draft.userId }),
    ...(draft.data && { data: JSON.stringify(draft.data) }),
  }));
}

/** A suspended instance's jobs wait until it resumes (as suspendInstance parks them). */
export function parkNewJobs(outbox: string): string {
  const parked = new Date('9999-01-01T00:00:00Z');
  return serializeEffects(
    deserializeEffects(outbox).map((effect) =>
      effect.type === 'job.schedule'
        ? { ...effect, job: { ...effect.job, dueAt: parked } }
        : effect,
    ),
  );
}

/** Top-level variable changes with old and new values, for history. */
function variableChanges(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changes: { name: string; old: unknown; new: unknown }[] = [];
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[name]) !== JSON.stringify(after[name]))
      changes.push({ name, old: before[name] ?? null, new: after[name] ?? null });
  }
  return changes;
}
