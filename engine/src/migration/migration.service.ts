import { EngineError, isEngineError } from '../engine.error';
import type { TimerService } from '../runtime/durable-timer-event-definition';
import type { FlowGraph, FlowGraphCache } from '../runtime/flow-graph';
import type { InstanceRunner } from '../runtime/instance-runner';
import type { LoadedDefinition } from '../runtime/loaded-definition';
import type { StepContext } from '../runtime/step-context';
import type { DeploymentDoc, InstanceDoc, WaitRecord } from '../storage/documents';
import type { EngineStore } from '../storage/engine-store';
import { mapInstance, type InstanceMapping } from './activity-mapping';
import { assertSameKind, entries, movedLoops } from './loop-positions';
import type {
  ActivityMove,
  MigrateRequest,
  MigrationPlan,
  MigrationRequest,
  MigrationResult,
  UnmappedActivity,
} from './migration.types';

export interface MigrationDeps {
  store: EngineStore;
  runner: InstanceRunner;
  definition(definitionId: string): Promise<LoadedDefinition>;
  graphs: FlowGraphCache;
}

/** Versions a migration moves between, with their flow graphs. */
interface VersionPair {
  from: DeploymentDoc;
  to: DeploymentDoc;
  fromGraph: FlowGraph;
  toGraph: FlowGraph;
}

const MIGRATABLE = ['running', 'suspended'] as const;

/**
 * Moves running and suspended instances from one deployment version to another (Camunda's
 * process instance migration). plan() is a dry run; migrate() rebuilds each mappable instance's
 * state on the new version with its tokens in the mapped activities (InstanceRunner.rebuild,
 * BpmnSession.startAt) as one instance step: open tasks are moved along (same task, new
 * definition, activity and pinned form version; assignee, claim and draft kept), timer jobs are
 * rescheduled at their old due times, variables stay; a multi-instance body resumes at its old
 * position (loop-positions.ts). Instances that do not map are left alone.
 */
export class MigrationService {
  constructor(private readonly deps: MigrationDeps) {}

  async plan(request: MigrationRequest): Promise<MigrationPlan> {
    return this.planFor(await this.versions(request), request);
  }

  async migrate(request: MigrateRequest): Promise<MigrationResult> {
    const versions = await this.versions(request);
    const plan = await this.planFor(versions, request);
    const wanted = request.instanceIds && new Set(request.instanceIds);
    const result: MigrationResult = {
      migrated: [],
      unmapped: plan.unmapped.filter((u) => !wanted || wanted.has(u.instanceId)),
      failed: [],
    };
    for (const candidate of plan.instances) {
      if (wanted && !wanted.has(candidate.instanceId)) continue;
      try {
        const activities = await this.migrateOne(versions, candidate.instanceId, request);
        result.migrated.push({ ...candidate, activities });
      } catch (error) {
        if (isEngineError(error, 'CONFLICT') && Array.isArray(error.details))
          result.unmapped.push(...(error.details as UnmappedActivity[]));
        else if (isEngineError(error))
          result.failed.push({
            instanceId: candidate.instanceId,
            code: error.code,
            message: error.message,
          });
        else throw error;
      }
    }
    return result;
  }

  private async planFor(versions: VersionPair, request: MigrationRequest): Promise<MigrationPlan> {
    const plan: MigrationPlan = {
      processKey: request.processKey,
      fromVersion: request.fromVersion,
      toVersion: request.toVersion,
      instances: [],
      unmapped: [],
    };
    const instances = await this.deps.store.instances
      .find({
        district: request.district,
        processKey: request.processKey,
        version: request.fromVersion,
        status: { $in: [...MIGRATABLE] },
      })
      .sort({ startedAt: 1 })
      .toArray();
    for (const instance of instances) {
      const mapped = this.map(versions, instance, request);
      if (mapped.unmapped.length > 0) plan.unmapped.push(...unmappedOf(instance._id, mapped));
      else
        plan.instances.push({
          instanceId: instance._id,
          status: instance.status,
          activities: mapped.activities,
        });
    }
    return plan;
  }

  /** One instance, as one step: re-checked on the state the step runs on, since it may have moved. */
  private migrateOne(
    versions: VersionPair,
    instanceId: string,
    request: MigrateRequest,
  ): Promise<ActivityMove[]> {
    const keptDueTimes = new Map<string, Date>();
    let timerService: TimerService | undefined;
    return this.deps.runner.rebuild(instanceId, {
      definitionId: versions.to._id,
      allowed: [...MIGRATABLE],
      timers: (service) => {
        timerService = service;
        return keepingDueTimes(service, keptDueTimes);
      },
      build: async (ctx, target) => {
        if (ctx.instance.definitionId !== versions.from._id)
          throw new EngineError(
            'CONFLICT',
            `instance ${instanceId} is no longer on version ${request.fromVersion}`,
          );
        const mapped = this.map(versions, ctx.instance, request);
        if (mapped.unmapped.length > 0)
          throw new EngineError(
            'CONFLICT',
            `instance ${instanceId} does not map`,
            unmappedOf(instanceId, mapped),
          );
        for (const [id, dueAt] of mapped.keptDueTimes) keptDueTimes.set(id, dueAt);
        const loops = await movedLoops(
          await this.deps.definition(versions.from._id),
          ctx.instance,
          timerService!,
          mapped.activities
            .filter((a) => versions.fromGraph.node(a.activityId)?.multiInstance)
            .map((a) => a.activityId),
        );
        await ctx.session.startAt(entries(mapped.activities, loops));
        assertSameKind(loops, mapped.activities, (id) => ctx.session.loopPosition(id).isSequential);
        ctx.session.takeEvents(); // the new executions are the old ones moved, not news
        const waits = takeOverTasks(ctx, target, mapped.activities, loops.indexOf);
        ctx.history.push({
          type: 'instance.migrated',
          userId: request.userId,
          data: {
            fromVersion: request.fromVersion,
            toVersion: request.toVersion,
            definitionId: target.deployment._id,
            activities: mapped.activities,
          },
        });
        return { waits, result: mapped.activities };
      },
    });
  }

  private map(
    versions: VersionPair,
    instance: Pick<InstanceDoc, 'waits' | 'timers'>,
    request: MigrationRequest,
  ): InstanceMapping {
    return mapInstance({
      from: versions.fromGraph,
      to: versions.toGraph,
      toVersion: request.toVersion,
      instance,
      mapping: request.mapping,
    });
  }

  private async versions(request: MigrationRequest): Promise<VersionPair> {
    if (request.fromVersion === request.toVersion)
      throw new EngineError('INVALID_ARGUMENT', 'a migration needs two different versions');
    const [from, to] = await Promise.all([
      this.deployment(request, request.fromVersion),
      this.deployment(request, request.toVersion),
    ]);
    const [fromGraph, toGraph] = await Promise.all([
      this.deps.graphs.get(from),
      this.deps.graphs.get(to),
    ]);
    return { from, to, fromGraph, toGraph };
  }

  private async deployment(request: MigrationRequest, version: number): Promise<DeploymentDoc> {
    const { district, processKey: key } = request;
    const doc = await this.deps.store.deployments.findOne({ district, key, version });
    if (!doc) throw new EngineError('NOT_FOUND', `process '${key}' has no version ${version}`);
    return doc;
  }
}

/**
 * The waits the new state starts from: each open task is taken over by the new execution of its
 * mapped activity (task.update: same task, new definition; an element's task by the element of
 * the same loop index), every other old wait is left for the step to close (its job cancelled;
 * the new execution gets its own).
 */
function takeOverTasks(
  ctx: StepContext,
  target: LoadedDefinition,
  activities: ActivityMove[],
  indexOf: ReadonlyMap<string, number>,
): WaitRecord[] {
  const targetOf = new Map(activities.map((a) => [a.activityId, a.targetActivityId]));
  const entered = ctx.session.waiting();
  return ctx.instance.waits.map((old) => {
    const activityId = targetOf.get(old.activityId);
    const index = indexOf.get(old.executionId); // an element's task goes to the same element
    const wait = entered.find(
      (w) => w.activityId === activityId && (index === undefined || w.index === index),
    );
    const model = activityId ? target.model.userTasks.get(activityId) : undefined;
    if (old.kind !== 'userTask' || !old.taskId || !wait || !model) return old;
    ctx.effects.push({
      type: 'task.update',
      taskId: old.taskId,
      set: {
        definitionId: target.deployment._id,
        version: target.deployment.version,
        activityId: wait.activityId,
        executionId: wait.executionId,
        name: model.name ?? model.id,
        ...(model.formKey && {
          formKey: model.formKey,
          formVersion: target.deployment.formBindings.find((b) => b.formKey === model.formKey)
            ?.version,
        }),
      },
    });
    return { ...old, executionId: wait.executionId, activityId: wait.activityId };
  });
}

/**
 * Moved timers keep their due time — unless the new version's timer falls due earlier: a
 * recovered timer takes the earlier of its stored and its recomputed due time, so a later kept
 * time would not stay put.
 */
function keepingDueTimes(service: TimerService, kept: ReadonlyMap<string, Date>): TimerService {
  return {
    now: () => service.now(),
    expireAt(kind, value, element) {
      const computed = service.expireAt(kind, value, element);
      const dueAt = element && kept.get(element.activityId);
      return dueAt && dueAt < computed.expireAt ? { ...computed, expireAt: dueAt } : computed;
    },
  };
}

function unmappedOf(instanceId: string, mapped: InstanceMapping): UnmappedActivity[] {
  return mapped.unmapped.map((u) => ({ instanceId, ...u }));
}
