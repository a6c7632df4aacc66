import { clockFunctions } from '../expressions';
import { cloneData } from '../clone-data';
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
import {
  deserializeEffects,
  type Effect,
  fromDatedJson,
  serializeEffects,
  toDatedJson,
} from './effects';
import type { ProcessModel } from './process-model';
import type { HistoryDraft, StepContext } from './step-context';
import type { StepHook, StepOutcome } from './step-hooks';
import type { RebuildRequest } from './rebuild-request';
import { buildTask } from './task-factory';
import type { AmendContext } from './amend-context';
import { taskDueJob } from '../tasks/task-due';
import { stampTaskRevisions } from '../tasks/task-writes';
import { writeIfNewer } from '../storage/newer-write';
import { isTransientStorageError, retryTransient } from '../storage/transient-retry';

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
  /** Capabilities that add their own effects to every step (subscriptions, called processes...). */
  hooks?: readonly StepHook[];
}

export interface StartRequest {
  definitionId: string;
  district: string;
  variables: Record<string, unknown>;
  businessKey?: string;
  starter?: string;
  parent?: InstanceDoc['parent'];
  /**
   * A deterministic id makes the start idempotent: starting it again (a job re-run after a crash)
   * returns the instance the first start created. Default: a random id.
   */
  instanceId?: string;
  /** The process-level start event to start by (message, signal, timer); default: the none start. */
  startEventId?: string;
}

const MAX_ATTEMPTS = 25;
/**
 * A step whose load is older than this does not commit (it reloads and runs again), and a claim
 * older than this is not written back (readers roll it forward). Revision pruning relies on it:
 * it deletes only claims much older than this, which no step still running can try to claim again.
 */
export const MAX_STEP_MS = 60_000;
const SERVICE_JOB = 'service-task';
export const TIMER_JOB = 'timer';

/**
 * Runs one step of one instance: recover bpmn-engine from the stored state, let the action
 * signal it, derive tasks, jobs and history from what the process now waits for, and commit the
 * new state together with those effects (the outbox) by claiming revision rev+1 with a unique
 * insert. A lost race reloads and runs the action again; the effects are applied once the claim
 * is won, before the instance document is written.
 */
export class InstanceRunner {
  /** Instances whose committed step this process could not finish writing (see `finishing`). */
  private readonly unfinished = new Set<string>();

  constructor(private readonly deps: RunnerDeps) {}

  async start(request: StartRequest, action?: (ctx: StepContext) => void): Promise<InstanceDoc> {
    const loaded = await this.deps.definition(request.definitionId);
    const now = this.deps.clock.now();
    const instance: InstanceDoc = {
      _id: request.instanceId ?? randomUUID(),
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
    const variables = cloneData(request.variables);
    const session = BpmnSession.create({
      definition: loaded.compiled,
      variables,
      timers: this.timerService(calendar),
      startEventId: request.startEventId,
      functions: clockFunctions(now, calendar),
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
    session.stop();
    if (!(await this.claim(next))) return this.alreadyStarted(next._id);
    const effects = deserializeEffects(next.outbox!); // as in commit()
    await this.finishing(next._id, async () => {
      await retryTransient(() => this.deps.applier.apply(effects));
      await retryTransient(() => this.insertStarted({ ...next, outbox: null }));
    });
    return { ...next, outbox: null };
  }

  /** A start with a deterministic id ran before: the first one's instance, written if a crash kept it. */
  private async alreadyStarted(instanceId: string): Promise<InstanceDoc> {
    const claimed = await this.deps.store.revisions.findOne({ _id: `${instanceId}:1` });
    if (claimed) await this.insertStarted(fromDatedJson(claimed.doc) as InstanceDoc);
    return this.load(instanceId);
  }

  private async insertStarted(doc: InstanceDoc): Promise<void> {
    try {
      await this.deps.store.instances.insertOne(doc);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** Runs `action` as one step of the instance, retrying on a lost compare-and-set. */
  async step<T>(
    instanceId: string,
    action: (ctx: StepContext) => T | Promise<T>,
    allowed: InstanceStatus[] = ['running'],
  ): Promise<T> {
    let rollForward = false; // the first try skips the claim lookup, see load()
    for (let attempt = 1; ; attempt++) {
      const doc = await this.load(instanceId, { rollForward });
      const loaded = await this.deps.definition(doc.definitionId);
      const calendar = await this.deps.calendar(doc.district);
      const variables = cloneData(doc.variables);
      const session = BpmnSession.create({
        definition: loaded.compiled,
        variables,
        timers: this.timerService(calendar),
        functions: clockFunctions(this.deps.clock.now(), calendar),
      });
      let result: T;
      let next: InstanceDoc;
      try {
        if (!allowed.includes(doc.status)) {
          throw new EngineError('INSTANCE_NOT_RUNNING', `instance ${instanceId} is ${doc.status}`, {
            status: doc.status,
          });
        }
        if (doc.status !== 'completed' && doc.status !== 'cancelled')
          await session.recover(doc.state);
        session.takeEvents(); // replayed waits are not news
        const ctx = this.context(doc, session, variables, this.deps.clock.now());
        result = await action(ctx);
        next = await this.finish(ctx, loaded, calendar);
      } catch (error) {
        if (!rollForward && (await this.hasNewerClaim(doc))) {
          rollForward = true; // it decided on a revision that is not the latest: decide again
          continue;
        }
        throw error;
      } finally {
        session.stop();
      }
      rollForward = true;
      if (await this.commit(next)) return result;
      if (attempt >= MAX_ATTEMPTS)
        throw new EngineError('CONFLICT', `instance ${instanceId} is too busy; try again`);
      await sleep(Math.random() * 5 * attempt);
    }
  }

  /**
   * One step that moves the instance to another deployment (a migration): instead of recovering
   * the stored state, a new session on that deployment is built by the request, which puts the
   * tokens and names the waits the new executions take over; the rest is an ordinary step
   * (effects derived, revision claimed, lost races retried).
   */
  async rebuild<T>(instanceId: string, request: RebuildRequest<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const doc = await this.load(instanceId);
      if (!request.allowed.includes(doc.status)) {
        throw new EngineError('INSTANCE_NOT_RUNNING', `instance ${instanceId} is ${doc.status}`, {
          status: doc.status,
        });
      }
      const target = await this.deps.definition(request.definitionId);
      const calendar = await this.deps.calendar(doc.district);
      const variables = cloneData(doc.variables);
      const timers = this.timerService(calendar);
      const session = BpmnSession.create({
        definition: target.compiled,
        variables,
        timers: request.timers?.(timers) ?? timers,
        functions: clockFunctions(this.deps.clock.now(), calendar),
      });
      let result: T;
      let next: InstanceDoc;
      try {
        const ctx = this.context(doc, session, variables, this.deps.clock.now());
        const built = await request.build(ctx, target);
        result = built.result;
        const moved: InstanceDoc = {
          ...doc,
          definitionId: target.deployment._id,
          processKey: target.deployment.key,
          version: target.deployment.version,
          waits: built.waits,
        };
        next = await this.finish({ ...ctx, instance: moved }, target, calendar);
        if (next.status === 'suspended') next = { ...next, outbox: parkNewJobs(next.outbox!) };
      } finally {
        session.stop();
      }
      if (await this.commit(next)) return result;
      if (attempt >= MAX_ATTEMPTS)
        throw new EngineError('CONFLICT', `instance ${instanceId} is too busy; try again`);
      await sleep(Math.random() * 5 * attempt);
    }
  }

  /**
   * Records events that change no process state (comments, reminders...) in the instance's
   * history order: they claim an instance revision like any step, so they interleave
   * correctly with the steps around them.
   */
  async appendHistory(instanceId: string, drafts: HistoryDraft[]): Promise<void> {
    await this.amend(instanceId, (ctx) => void ctx.history.push(...drafts));
  }

  /**
   * A revision that leaves the process where it is but records history and changes tasks (claim,
   * delegate, copy, draft…): the action decides from the instance as loaded — every earlier
   * revision's effects applied — and a lost race runs it again on the newer revision. An action
   * that adds nothing commits nothing.
   */
  async amend<T>(
    instanceId: string,
    action: (ctx: AmendContext) => T | Promise<T>,
    allowed?: readonly InstanceStatus[],
  ): Promise<T> {
    let rollForward = false; // the first try skips the claim lookup, see load()
    for (let attempt = 1; ; attempt++) {
      const doc = await this.load(instanceId, { rollForward });
      const now = this.deps.clock.now();
      const ctx: AmendContext = { instance: doc, now, rev: doc.rev + 1, effects: [], history: [] };
      let result: T;
      try {
        if (allowed && !allowed.includes(doc.status))
          throw new EngineError('INSTANCE_NOT_RUNNING', `instance ${instanceId} is ${doc.status}`, {
            status: doc.status,
          });
        result = await action(ctx);
      } catch (error) {
        if (!rollForward && (await this.hasNewerClaim(doc))) {
          rollForward = true;
          continue;
        }
        throw error;
      }
      rollForward = true;
      if (ctx.effects.length === 0 && ctx.history.length === 0) return result;
      const effects: Effect[] = [
        ...ctx.effects,
        { type: 'history', events: this.historyDocs(doc, ctx.rev, now, ctx.history) },
      ];
      stampTaskRevisions(effects, ctx.rev);
      const outbox = serializeEffects(effects);
      if (await this.commit({ ...doc, rev: ctx.rev, outbox, updatedAt: now })) return result;
      if (attempt >= MAX_ATTEMPTS)
        throw new EngineError('CONFLICT', `instance ${instanceId} is too busy; try again`);
      await sleep(Math.random() * 5 * attempt);
    }
  }

  /**
   * Claims revision next.rev by inserting it (first insert wins; the claim holds the document with
   * its outbox), applies the outbox, then writes the instance without it. So an instance document
   * is only ever written once its effects are applied — which keeps task writes ordered (see
   * tasks/task-writes.ts) — and a step writes it once. A crash before the write leaves the claim,
   * which the next load (or reconcile) rolls forward, applying the effects again (idempotent).
   */
  private async commit(next: InstanceDoc): Promise<boolean> {
    if (this.tooOld(next)) return false; // loaded too long ago: run again on a fresh load
    if (!(await this.claim(next))) return false;
    // The step is committed now: a transient error must not report it as failed, so these
    // idempotent writes are retried.
    const effects = next.outbox ? deserializeEffects(next.outbox) : [];
    await this.finishing(next._id, async () => {
      if (effects.length > 0) await retryTransient(() => this.deps.applier.apply(effects));
      if (!this.tooOld(next)) await retryTransient(() => this.write({ ...next, outbox: null }));
    });
    return true;
  }

  /**
   * The writes after a won claim. Should they fail (the database went away mid-step), the step
   * stays committed in its claim, and the instance is remembered so that finishCommittedSteps
   * rolls it forward as soon as the database answers — not at the next start-up, nor only when
   * someone acts on that instance again.
   */
  private async finishing(instanceId: string, writes: () => Promise<void>): Promise<void> {
    try {
      await writes();
    } catch (error) {
      this.unfinished.add(instanceId);
      throw error;
    }
  }

  /** Rolls forward the steps this process committed but could not finish; returns how many it did. */
  async finishCommittedSteps(): Promise<number> {
    let finished = 0;
    for (const instanceId of [...this.unfinished]) {
      try {
        await this.load(instanceId);
        this.unfinished.delete(instanceId);
        finished++;
      } catch {
        // still unreachable: the next round tries again
      }
    }
    return finished;
  }

  /** `updatedAt` is the step's start, right after its load. */
  private tooOld(next: InstanceDoc): boolean {
    return this.deps.clock.now().getTime() - next.updatedAt.getTime() > MAX_STEP_MS;
  }

  private async claim(next: InstanceDoc): Promise<boolean> {
    const claim = {
      _id: `${next._id}:${next.rev}`,
      instanceId: next._id,
      rev: next.rev,
      doc: toDatedJson(next),
      claimedAt: this.deps.clock.now(),
    };
    let retried = false;
    try {
      await retryTransient(async () => {
        try {
          await this.deps.store.revisions.insertOne(claim);
        } catch (error) {
          retried ||= isTransientStorageError(error);
          throw error;
        }
      });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      if (!retried) return false;
      // a retried insert may have landed the first time: then the claim holds this document
      const existing = await this.deps.store.revisions.findOne(
        { _id: claim._id },
        { projection: { doc: 1 } },
      );
      return existing?.doc === claim.doc;
    }
  }

  /** Writes a claimed revision; never moves the document back to an older one. */
  private async write(next: InstanceDoc): Promise<void> {
    const { _id, ...fields } = next;
    await writeIfNewer({
      collection: this.deps.store.instances,
      id: _id,
      field: 'rev',
      rev: next.rev,
      update: { $set: fields },
    });
  }

  /**
   * Loads an instance: rolls forward revisions that were claimed but not written (a crash
   * between the two), then applies effects a crashed step left in its outbox.
   */
  async load(instanceId: string, options: { rollForward?: boolean } = {}): Promise<InstanceDoc> {
    let doc = await this.deps.store.instances.findOne({ _id: instanceId });
    if (!doc) doc = await this.startedButNotWritten(instanceId);
    // A step may skip looking for a newer claim (on FerretDB a lookup reads the whole claims
    // collection): had one been made, the step's own claim fails, and it runs again rolling forward.
    for (; options.rollForward !== false;) {
      const claimed = await this.deps.store.revisions.findOne({
        _id: `${instanceId}:${doc.rev + 1}`,
      });
      if (!claimed) break;
      const rolled = fromDatedJson(claimed.doc) as InstanceDoc;
      if (rolled.outbox) await this.deps.applier.apply(deserializeEffects(rolled.outbox));
      doc = { ...rolled, outbox: null };
      await this.write(doc);
    }
    if (doc.outbox) {
      await this.deps.applier.applyOutbox(doc._id, doc.outbox);
      return { ...doc, outbox: null };
    }
    return doc;
  }

  /** An instance whose start was claimed (and its effects maybe applied) but not yet inserted. */
  private async startedButNotWritten(instanceId: string): Promise<InstanceDoc> {
    const claimed = await this.deps.store.revisions.findOne({ _id: `${instanceId}:1` });
    if (!claimed) throw new EngineError('NOT_FOUND', `instance ${instanceId} not found`);
    const started = fromDatedJson(claimed.doc) as InstanceDoc;
    if (started.outbox) await this.deps.applier.apply(deserializeEffects(started.outbox));
    await this.insertStarted({ ...started, outbox: null });
    return (await this.deps.store.instances.findOne({ _id: instanceId }))!;
  }

  /** Whether a revision after `doc` has been claimed (a decision on `doc` may be out of date). */
  private async hasNewerClaim(doc: InstanceDoc): Promise<boolean> {
    const claim = await this.deps.store.revisions.findOne(
      { _id: `${doc._id}:${doc.rev + 1}` },
      { projection: { _id: 1 } },
    );
    return claim !== null;
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

    const sessionEvents = session.takeEvents();
    for (const event of sessionEvents) {
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
        Object.assign(task, ctx.taskPatches?.get(wait.executionId));
        effects.push({ type: 'task.create', task });
        const dueJob = taskDueJob(task);
        if (dueJob) effects.push({ type: 'job.schedule', job: dueJob });
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
          ...(dueJob && { dueJobId: dueJob.id }),
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
      if (gone.dueJobId) effects.push({ type: 'job.cancel', jobId: gone.dueJobId });
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
    const fields: StepOutcome['fields'] = {};
    const known = new Set(instance.waits.map((w) => w.executionId));
    for (const hook of this.deps.hooks ?? [])
      await hook.afterStep({
        ctx,
        loaded,
        rev,
        status,
        waits: waitRecords,
        appeared: waits.filter((w) => !known.has(w.executionId)),
        gone: [...previousWaits.values()],
        events: sessionEvents,
        effects,
        history,
        fields,
      });
    effects.push({ type: 'history', events: this.historyDocs(instance, rev, now, history) });
    stampTaskRevisions(effects, rev);

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

/** A suspended instance's jobs wait until it resumes (as suspendInstance parks them). */
function parkNewJobs(outbox: string): string {
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
