import { EngineError, isEngineError } from '../engine.error';
import type { Job } from '../jobs';
import type { UncaughtError } from '../runtime/bpmn-session';
import { catchesError, eventCatalogOf } from '../runtime/event-catalog';
import type { InstanceRunner } from '../runtime/instance-runner';
import type { LoadedDefinition } from '../runtime/loaded-definition';
import type { DeploymentDoc, InstanceDoc } from '../storage/documents';
import type { EngineStore } from '../storage/engine-store';
import type { CallStartPayload } from './call-activity.hook';
import { CallEscalations } from './call-escalations';
import { isWaiting, type ParentLink, waitingParent } from './parent-link';
import { collectIterationOutput, mapVariables } from './variable-mapping';

export interface CallActivityJobDeps {
  store: EngineStore;
  runner: InstanceRunner;
  definition(definitionId: string): Promise<LoadedDefinition>;
}

/** The job handlers behind call activities (see call-activity.hook.ts for when each is scheduled). */
export class CallActivityJobs {
  private readonly escalations: CallEscalations;

  constructor(private readonly deps: CallActivityJobDeps) {
    this.escalations = new CallEscalations(deps);
  }

  /** Starts the called process as the child instance, unless the parent no longer waits for it. */
  readonly start = async (job: Job): Promise<void> => {
    const call = job.payload as unknown as CallStartPayload;
    const parent = await this.deps.runner.load(call.parentId);
    if (!isWaiting(parent, call.executionId)) return;
    let deployment: DeploymentDoc;
    try {
      if (call.mappingError) throw new EngineError('INVALID_ARGUMENT', call.mappingError);
      deployment = await this.calledDeployment(parent.district, call);
    } catch (error) {
      // the scheduler counts the attempt when it leases the job: on the last one the calling
      // instance shows the incident (retryIncident retries this job)
      if (job.attempts >= job.maxAttempts)
        await this.raiseIncident(parent._id, call.activityId, message(error));
      throw error;
    }
    await this.deps.runner.start({
      definitionId: deployment._id,
      district: parent.district,
      variables: call.variables,
      businessKey: parent.businessKey,
      starter: parent.starter,
      parent: {
        instanceId: parent._id,
        executionId: call.executionId,
        activityId: call.activityId,
      },
      instanceId: call.childId,
    });
    // The parent may have moved on while the child started (its cancel job found no child yet).
    const now = await this.deps.runner.load(call.parentId);
    if (!isWaiting(now, call.executionId)) {
      await this.cancelChild(call.childId, 'the calling activity ended');
      return;
    }
    if (now.status === 'incident' && now.incident?.activityId === call.activityId)
      await this.clearIncident(now._id, call.activityId);
  };

  /**
   * The child ended: the parent leaves the call activity with the out-mapping, or by its error.
   * Escalations the child threw go first, whatever order the jobs run in: one that interrupts
   * takes the parent out of the call activity, and the call then has nothing left to resume.
   */
  readonly resume = async (job: Job): Promise<void> => {
    const child = await this.deps.runner.load(String(job.payload.childId));
    if (child.status !== 'completed' && child.status !== 'cancelled') return;
    await this.escalations.deliver(child);
    const link = await waitingParent(this.deps.runner, child);
    if (!link) return;
    if (child.status === 'cancelled') {
      await this.raiseIncident(
        link.instanceId,
        link.activityId,
        `called instance ${child._id} was cancelled`,
        child._id,
      );
      return;
    }
    const error = child.uncaughtError;
    if (error?.code && (await this.parentCatches(link, error.code))) {
      await this.throwAtCall(link, child, error);
      return;
    }
    const spec = await this.callSpec(link);
    const output = mapVariables(spec?.outputs ?? [], child.variables);
    await this.deps.runner.step(
      link.instanceId,
      (ctx) => {
        const wait = ctx.session.waiting().find((w) => w.executionId === link.executionId);
        if (!wait) return;
        if (spec?.multiInstance) {
          const element = spec.elementVariable ? wait.content[spec.elementVariable] : undefined;
          collectIterationOutput(
            ctx.variables,
            link.activityId,
            { element, index: wait.index },
            output,
          );
        } else {
          Object.assign(ctx.variables, output);
        }
        if (ctx.instance.incident?.childInstanceId === child._id) {
          ctx.status = 'running';
          ctx.patch.incident = undefined;
        }
        ctx.history.push({
          type: 'call.completed',
          activityId: link.activityId,
          data: { childInstanceId: child._id },
        });
        ctx.session.signal(link.executionId, output);
      },
      ['running', 'incident'],
    );
  };

  /** The call activity was left early: the child (and so its own children) is cancelled. */
  readonly cancel = async (job: Job): Promise<void> => {
    await this.cancelChild(String(job.payload.childId), 'the calling activity ended');
  };

  /** The child threw escalations it does not catch: the call activity may catch them. */
  readonly escalation = async (job: Job): Promise<void> => {
    await this.escalations.deliver(await this.deps.runner.load(String(job.payload.childId)));
  };

  /** The child threw a BPMN error it does not catch and goes on: the call activity may catch it. */
  readonly error = async (job: Job): Promise<void> => {
    const child = await this.deps.runner.load(String(job.payload.childId));
    const error = job.payload.error as UncaughtError;
    const link = await waitingParent(this.deps.runner, child);
    if (!link || !error.code || !(await this.parentCatches(link, error.code))) return;
    await this.throwAtCall(link, child, error);
  };

  /** The child raised or cleared an incident: its call activity shows it, or no longer does. */
  readonly incident = async (job: Job): Promise<void> => {
    const child = await this.deps.runner.load(String(job.payload.childId));
    const link = await waitingParent(this.deps.runner, child);
    if (!link) return;
    const parent = await this.deps.runner.load(link.instanceId);
    if (child.status === 'incident' && parent.status === 'running') {
      await this.raiseIncident(
        link.instanceId,
        link.activityId,
        `called instance ${child._id}: ${child.incident?.message ?? 'incident'}`,
        child._id,
      );
    } else if (child.status !== 'incident' && parent.incident?.childInstanceId === child._id) {
      await this.clearIncident(link.instanceId, link.activityId);
    }
  };

  private async calledDeployment(district: string, call: CallStartPayload): Promise<DeploymentDoc> {
    const key = call.calledElement;
    const versionWanted = call.binding === 'version' ? call.version : undefined;
    const doc = await this.deps.store.deployments
      .find({
        district,
        key,
        ...(versionWanted !== undefined ? { version: versionWanted } : { active: true }),
      })
      .sort({ version: -1 })
      .limit(1)
      .next();
    if (!doc)
      throw new EngineError(
        'NOT_FOUND',
        versionWanted !== undefined
          ? `called process '${key}' version ${versionWanted} is not deployed in district ${district}`
          : `called process '${key}' is not deployed (or not active) in district ${district}`,
      );
    return doc;
  }

  private async callSpec(link: ParentLink) {
    const parent = await this.deps.runner.load(link.instanceId);
    const loaded = await this.deps.definition(parent.definitionId);
    return (await eventCatalogOf(loaded.deployment)).callActivities.get(link.activityId);
  }

  private async parentCatches(link: ParentLink, code: string): Promise<boolean> {
    const parent = await this.deps.runner.load(link.instanceId);
    const loaded = await this.deps.definition(parent.definitionId);
    return catchesError(await eventCatalogOf(loaded.deployment), link.activityId, code);
  }

  /** The called process's error is thrown at the call activity, where an error boundary catches it. */
  private async throwAtCall(link: ParentLink, child: InstanceDoc, error: UncaughtError) {
    await this.deps.runner.step(
      link.instanceId,
      (ctx) => {
        if (!ctx.session.waiting().some((w) => w.executionId === link.executionId)) return;
        if (ctx.instance.incident?.childInstanceId === child._id) {
          ctx.status = 'running';
          ctx.patch.incident = undefined;
        }
        ctx.history.push({
          type: 'call.error',
          activityId: link.activityId,
          data: { childInstanceId: child._id, code: error.code, name: error.name ?? null },
        });
        ctx.session.fail(link.executionId, {
          code: error.code!,
          message: error.name ?? `BPMN error ${error.code}`,
        });
      },
      ['running', 'incident'],
    );
  }

  private async cancelChild(childId: string, reason: string): Promise<void> {
    try {
      await this.deps.runner.step(
        childId,
        (ctx) => {
          ctx.status = 'cancelled';
          ctx.patch.cancelReason = reason;
          ctx.history.push({ type: 'instance.cancelled', data: { reason } });
        },
        ['running', 'suspended', 'incident'],
      );
    } catch (error) {
      // not started (its start job will see the parent moved on) or ended already
      if (isEngineError(error, 'NOT_FOUND') || isEngineError(error, 'INSTANCE_NOT_RUNNING')) return;
      throw error;
    }
  }

  private async raiseIncident(
    instanceId: string,
    activityId: string,
    text: string,
    childInstanceId?: string,
  ): Promise<void> {
    await this.deps.runner.step(
      instanceId,
      (ctx) => {
        if (ctx.instance.status === 'incident') return; // the first incident stays the one shown
        ctx.status = 'incident';
        ctx.patch.incident = {
          message: text,
          activityId,
          at: ctx.now,
          ...(childInstanceId && { childInstanceId }),
        };
        ctx.history.push({
          type: 'incident.raised',
          activityId,
          data: { message: text, ...(childInstanceId && { childInstanceId }) },
        });
      },
      ['running', 'incident'],
    );
  }

  private async clearIncident(instanceId: string, activityId: string): Promise<void> {
    await this.deps.runner.step(
      instanceId,
      (ctx) => {
        if (ctx.instance.incident?.activityId !== activityId) return;
        ctx.status = 'running';
        ctx.patch.incident = undefined;
        ctx.history.push({ type: 'incident.resolved', activityId });
      },
      ['incident'],
    );
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
