import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AssignmentResolvers } from '../assignment';
import { nextTimerDue, type WorkingCalendar } from '../calendar';
import { cloneData } from '../clone-data';
import type { Clock } from '../clock';
import { EngineError } from '../engine.error';
import { clockFunctions } from '../expressions';
import type { InstanceDoc, InstanceStatus } from '../storage/documents';
import type { EngineStore } from '../storage/engine-store';
import type { AmendContext } from './amend-context';
import { BpmnSession } from './bpmn-session';
import type { TimerService } from './durable-timer-event-definition';
import type { EffectApplier } from './effect-applier';
import { type Effect, serializeEffects } from './effects';
import type { LoadedDefinition } from './loaded-definition';
import type { RebuildRequest } from './rebuild-request';
import { RevisionLog } from './revision-log';
import type { HistoryDraft, StepContext } from './step-context';
import { deriveRevision, historyDocs, parkNewJobs } from './step-derivation';
import type { StepHook } from './step-hooks';
import { stampTaskRevisions } from './task-effects';

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
 * Runs one step of one instance: recover bpmn-engine from the stored state, let the action
 * signal it, derive tasks, jobs and history from what the process now waits for, and commit the
 * new state together with those effects (the outbox) by claiming revision rev+1 with a unique
 * insert. A lost race reloads and runs the action again; the effects are applied once the claim
 * is won, before the instance document is written.
 */
export class InstanceRunner {
  private readonly revisions: RevisionLog;

  constructor(private readonly deps: RunnerDeps) {
    this.revisions = new RevisionLog(deps);
  }

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
    return this.revisions.commitStart(next);
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
        if (!rollForward && (await this.revisions.hasNewerClaim(doc))) {
          rollForward = true; // it decided on a revision that is not the latest: decide again
          continue;
        }
        throw error;
      } finally {
        session.stop();
      }
      rollForward = true;
      if (await this.revisions.commit(next)) return result;
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
      if (await this.revisions.commit(next)) return result;
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
        if (!rollForward && (await this.revisions.hasNewerClaim(doc))) {
          rollForward = true;
          continue;
        }
        throw error;
      }
      rollForward = true;
      if (ctx.effects.length === 0 && ctx.history.length === 0) return result;
      const effects: Effect[] = [
        ...ctx.effects,
        { type: 'history', events: historyDocs(doc, ctx.rev, now, ctx.history) },
      ];
      stampTaskRevisions(effects, ctx.rev);
      const outbox = serializeEffects(effects);
      if (await this.revisions.commit({ ...doc, rev: ctx.rev, outbox, updatedAt: now }))
        return result;
      if (attempt >= MAX_ATTEMPTS)
        throw new EngineError('CONFLICT', `instance ${instanceId} is too busy; try again`);
      await sleep(Math.random() * 5 * attempt);
    }
  }

  /** Rolls forward the steps this process committed but could not finish; returns how many it did. */
  finishCommittedSteps(): Promise<number> {
    return this.revisions.finishCommittedSteps();
  }

  /**
   * Loads an instance, rolling forward a revision that was claimed but not written and applying
   * effects a crashed step left behind (runtime/revision-log.ts).
   */
  load(instanceId: string, options: { rollForward?: boolean } = {}): Promise<InstanceDoc> {
    return this.revisions.load(instanceId, options);
  }

  timerService(calendar: WorkingCalendar): TimerService {
    const clock = this.deps.clock;
    return {
      now: () => clock.now(),
      expireAt: (kind, value, element) => {
        const next = nextTimerDue(
          { kind, value },
          { now: clock.now(), calendar, previousDueAt: element?.previousDueAt },
        );
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
  private finish(
    ctx: StepContext,
    loaded: LoadedDefinition,
    calendar: WorkingCalendar,
  ): Promise<InstanceDoc> {
    return deriveRevision(ctx, loaded, calendar, this.deps);
  }
}
