import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AssignmentResolvers } from '../assignment';
import { nextTimerDue, type WorkingCalendar } from '../calendar';
import type { Clock } from '../clock';
import { EngineError } from '../engine.error';
import { type EngineStore, isDuplicateKey } from '../storage/engine-store';
import type {
  DeploymentDoc,
  HistoryDoc,
  InstanceDoc,
  InstanceStatus,
  TimerRecord,
  WaitRecord,
} from '../storage/documents';
import { BpmnSession } from './bpmn-session';
import type { CompiledDefinition } from './compiled-definition';
import type { TimerService } from './durable-timer-event-definition';
import type { EffectApplier } from './effect-applier';
import { type Effect, fromDatedJson, serializeEffects, toDatedJson } from './effects';
import type { ProcessModel } from './process-model';
import type { HistoryDraft, StepContext } from './step-context';
import { buildTask } from './task-factory';

export interface LoadedDefinition {
  deployment: DeploymentDoc;
  compiled: CompiledDefinition;
  model: ProcessModel;
}

export interface RunnerDeps {
  store: EngineStore;
  applier: EffectApplier;
  clock: Clock;
  resolvers: AssignmentResolvers;
  calendar(district: string): Promise<WorkingCalendar>;
  definition(definitionId: string): Promise<LoadedDefinition>;
}

export interface StartRequest {
  definitionId: string;
  district: string;
  variables: Record<string, unknown>;
  businessKey?: string;
  starter?: string;
  parent?: InstanceDoc['parent'];
}

const MAX_ATTEMPTS = 25;
const SERVICE_JOB = 'service-task';
export const TIMER_JOB = 'timer';

/**
 * Runs one step of one instance: recover bpmn-engine from the stored state, let the action
 * signal it, derive tasks, jobs and history from what the process now waits for, and commit the
 * new state together with those effects (the outbox) by claiming revision rev+1 with a unique
 * insert. A lost race reloads and runs the action again; only after the commit are the effects
 * applied.
 */
export class InstanceRunner {
  constructor(private readonly deps: RunnerDeps) {}

  async start(request: StartRequest, action?: (ctx: StepContext) => void): Promise<InstanceDoc> {
    const loaded = await this.deps.definition(request.definitionId);
    const now = this.deps.clock.now();
    const instance: InstanceDoc = {
      _id: randomUUID(),
      definitionId: request.definitionId,
      processKey: loaded.deployment.key,
      version: loaded.deployment.version,
      district: request.district,
      ...(request.businessKey !== undefined && { businessKey: request.businessKey }),
      ...(request.starter !== undefined && { starter: request.starter }),
      ...(request.parent && { parent: request.parent }),
      status: 'running',
      state: '',
      rev: 0,
      variables: request.variables,
      activeActivityIds: [],
      waits: [],
      timers: [],
      outbox: null,
      startedAt: now,
      updatedAt: now,
    };
    const calendar = await this.deps.calendar(instance.district);
    const variables = structuredClone(request.variables);
    const session = BpmnSession.create({
      definition: loaded.compiled,
      variables,
      timers: this.timerService(calendar),
    });
    await session.start();
    const ctx = this.context(instance, session, variables, now);
    ctx.history.push({
      type: 'instance.started',
      userId: request.starter,
      data: { businessKey: request.businessKey },
    });
    action?.(ctx);
    const next = await this.finish(ctx, loaded, calendar);
    await this.claim(next);
    await this.deps.store.instances.insertOne(next);
    await this.deps.applier.applyOutbox(next._id, next.outbox!);
    return { ...next, outbox: null };
  }

  /** Runs `action` as one step of the instance, retrying on a lost compare-and-set. */
  async step<T>(
    instanceId: string,
    action: (ctx: StepContext) => T | Promise<T>,
    allowed: InstanceStatus[] = ['running'],
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const doc = await this.load(instanceId);
      if (!allowed.includes(doc.status)) {
        throw new EngineError('INSTANCE_NOT_RUNNING', `instance ${instanceId} is ${doc.status}`, {
          status: doc.status,
        });
      }
      const loaded = await this.deps.definition(doc.definitionId);
      const calendar = await this.deps.calendar(doc.district);
      const variables = structuredClone(doc.variables);
      const session = BpmnSession.create({
        definition: loaded.compiled,
        variables,
        timers: this.timerService(calendar),
      });
      let result: T;
      let next: InstanceDoc;
      try {
        if (doc.status !== 'completed' && doc.status !== 'cancelled')
          await session.recover(doc.state);
        session.takeEvents(); // replayed waits are not news
        const ctx = this.context(doc, session, variables, this.deps.clock.now());
        result = await action(ctx);
        next = await this.finish(ctx, loaded, calendar);
      } finally {
        session.stop();
      }
      if (await this.commit(next)) {
        await this.deps.applier.applyOutbox(next._id, next.outbox!);
        return result;
      }
      if (attempt >= MAX_ATTEMPTS)
        throw new EngineError('CONFLICT', `instance ${instanceId} is too busy; try again`);
      await sleep(Math.random() * 5 * attempt);
    }
  }

  /**
   * Records events that change no process state (claims, comments, reminders...) in the instance's
   * history order: they claim an instance revision like any step, so they interleave
   * correctly with the steps around them.
   */
  async appendHistory(instanceId: string, drafts: HistoryDraft[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const doc = await this.load(instanceId);
      const rev = doc.rev + 1;
      const now = this.deps.clock.now();
      const outbox = serializeEffects([
        { type: 'history', events: this.historyDocs(doc, rev, now, drafts) },
      ]);
      if (await this.commit({ ...doc, rev, outbox, updatedAt: now })) {
        await this.deps.applier.applyOutbox(instanceId, outbox);
        return;
      }
      if (attempt >= MAX_ATTEMPTS)
        throw new EngineError('CONFLICT', `instance ${instanceId} is too busy; try again`);
      await sleep(Math.random() * 5 * attempt);
    }
  }

  /** Claims revision next.rev by inserting it (first insert wins), then writes the instance. */
  private async commit(next: InstanceDoc): Promise<boolean> {
    if (!(await this.claim(next))) return false;
    await this.write(next);
    return true;
  }

  private async claim(next: InstanceDoc): Promise<boolean> {
    try {
      await this.deps.store.revisions.insertOne({
        _id: `${next._id}:${next.rev}`,
        instanceId: next._id,
        rev: next.rev,
        doc: toDatedJson(next),
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Writes a claimed revision; never moves the document back to an older one. */
  private async write(next: InstanceDoc): Promise<void> {
    const { _id, ...fields } = next;
    await this.deps.store.instances.updateOne({ _id, rev: { $lt: next.rev } }, { $set: fields });
  }

  /**
   * Loads an instance: rolls forward revisions that were claimed but not written (a crash
   * between the two), then applies effects a crashed step left in its outbox.
   */
  async load(instanceId: string): Promise<InstanceDoc> {
    let doc = await this.deps.store.instances.findOne({ _id: instanceId });
    if (!doc) throw new EngineError('NOT_FOUND', `instance ${instanceId} not found`);
    for (;;) {
      const claimed = await this.deps.store.revisions.findOne({
        _id: `${instanceId}:${doc.rev + 1}`,
      });
      if (!claimed) break;
      doc = fromDatedJson(claimed.doc) as InstanceDoc;
      await this.write(doc);
    }
    if (doc.outbox) {
      await this.deps.applier.applyOutbox(doc._id, doc.outbox);
      return { ...doc, outbox: null };
    }
    return doc;
  }

  timerService(calendar: WorkingCalendar): TimerService {
    const clock = this.deps.clock;
    return {
      now: () => clock.now(),
      expireAt: (kind, value) => {
        const next = nextTimerDue({ kind, value }, { now: clock.now(), calendar });
        if (!next) return { expireAt: new Date(8.64e15) };
        const repeat =
          kind === 'timeCycle' ? (next.remaining === 'infinite' ? -1 : next.remaining) : undefined;
        return { expireAt: next.dueAt, repeat };
      },
    };
  }

  private context(
    instance: InstanceDoc,
    session: BpmnSession,
    variables: Record<string, unknown>,
    now: Date,
  ): StepContext {
    return {
      instance,
      session,
      variables,
      now,
      effects: [],
      history: [],
      closedTaskIds: new Set(),
      patch: {},
    };
  }

  /** Derives the effects of what changed, and the next instance document (rev + 1, with outbox). */
  private async finish(
    ctx: StepContext,
    loaded: LoadedDefinition,
    calendar: WorkingCalendar,
  ): Promise<InstanceDoc> {
    const { instance, session, now } = ctx;
    const rev = instance.rev + 1;
    const effects: Effect[] = [...ctx.effects];
    const history: HistoryDraft[] = [...ctx.history];

    for (const event of session.takeEvents()) {
      const type = {
        'activity.start': 'activity.entered',
        'activity.end': 'activity.left',
        'activity.discard': 'activity.cancelled',
        'activity.timeout': 'timer.fired',
        'process.end': '',
      }[event.kind];
      if (type && event.type !== 'bpmn:Process')
        history.push({
          type,
          activityId: event.activityId,
          data: { executionId: event.executionId, elementType: event.type },
        });
    }

    const completed = session.completed;
    const ended = completed || ctx.status === 'cancelled';
    const waits = ended ? [] : session.waiting();
    const waitRecords: WaitRecord[] = [];
    const previousWaits = new Map(instance.waits.map((w) => [w.executionId, w]));
    for (const wait of waits) {
      const known = previousWaits.get(wait.executionId);
      if (known) {
        waitRecords.push(known);
        previousWaits.delete(wait.executionId);
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
          this.deps.resolvers,
        );
        effects.push({ type: 'task.create', task });
        history.push({
          type: 'task.created',
          activityId: wait.activityId,
          taskId: task._id,
          data: {
            assignee: task.assignee,
            candidateGroups: task.candidateGroups,
            candidateUsers: task.candidateUsers,
          },
        });
        waitRecords.push({
          executionId: wait.executionId,
          activityId: wait.activityId,
          kind: 'userTask',
          taskId: task._id,
        });
      } else if (serviceTask) {
        const jobId = `svc:${instance._id}:${wait.executionId}`;
        effects.push({
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
        waitRecords.push({
          executionId: wait.executionId,
          activityId: wait.activityId,
          kind: 'serviceTask',
          jobId,
        });
      } else {
        waitRecords.push({
          executionId: wait.executionId,
          activityId: wait.activityId,
          kind: wait.type === 'bpmn:CallActivity' ? 'callActivity' : 'other',
        });
      }
    }
    for (const gone of previousWaits.values()) {
      if (gone.taskId && !ctx.closedTaskIds.has(gone.taskId)) {
        effects.push({ type: 'task.close', taskId: gone.taskId, status: 'cancelled', at: now });
        history.push({ type: 'task.cancelled', activityId: gone.activityId, taskId: gone.taskId });
      }
      if (gone.jobId) effects.push({ type: 'job.cancel', jobId: gone.jobId });
    }

    const timers = ended ? [] : session.pendingTimers();
    const timerRecords: TimerRecord[] = [];
    const previousTimers = new Map(instance.timers.map((t) => [t.executionId, t]));
    for (const timer of timers) {
      const known = previousTimers.get(timer.executionId);
      const dueAt = timer.expireAt ?? now;
      if (known && known.dueAt.getTime() === dueAt.getTime()) {
        timerRecords.push(known);
        previousTimers.delete(timer.executionId);
        continue;
      }
      // A new timer, or a cycle that re-armed itself after firing: a new job for the new due time.
      const firedCount = known ? known.firedCount + 1 : 0;
      const jobId = `timer:${instance._id}:${timer.executionId}:${firedCount}`;
      if (known) previousTimers.delete(timer.executionId);
      effects.push({
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
      history.push({
        type: 'timer.scheduled',
        activityId: timer.activityId,
        data: { dueAt: dueAt.toISOString() },
      });
      timerRecords.push({
        executionId: timer.executionId,
        activityId: timer.activityId,
        jobId,
        dueAt,
        firedCount,
      });
    }
    for (const gone of previousTimers.values())
      effects.push({ type: 'job.cancel', jobId: gone.jobId });

    for (const change of variableChanges(instance.variables, ctx.variables))
      history.push({ type: 'variable.changed', data: change });

    let status = ctx.status ?? instance.status;
    if (completed && status === 'running') {
      status = 'completed';
      history.push({ type: 'instance.completed' });
    }
    const endedAt =
      status === 'completed' || status === 'cancelled'
        ? (ctx.patch.endedAt ?? instance.endedAt ?? now)
        : undefined;
    effects.push({ type: 'history', events: this.historyDocs(instance, rev, now, history) });

    return {
      ...instance,
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
      outbox: serializeEffects(effects),
      updatedAt: now,
      ...(endedAt && { endedAt }),
    };
  }

  private historyDocs(
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
