import { isBpmnError } from '../bpmn-error';
import { EngineError, isEngineError } from '../engine.error';
import { evaluateExpression, isExpression } from '../expressions';
import type { HandlerRegistry } from '../handlers';
import type { Job } from '../jobs';
import { deliverBpmnError } from './bpmn-error-delivery';
import type { InstanceRunner } from './instance-runner';
import type { LoadedDefinition } from './loaded-definition';

/**
 * Fires a durable timer: recover the instance and call the captured timer. Idempotent: a timer
 * that already fired (or whose activity ended) is simply no longer pending.
 */
export function timerJobHandler(runner: InstanceRunner) {
  return async (job: Job): Promise<void> => {
    const { instanceId, executionId } = job.payload as { instanceId: string; executionId: string };
    try {
      await runner.step(
        instanceId,
        // the session records 'timer.fired' from bpmn-engine's own timeout event
        (ctx) => void ctx.session.fireTimer(executionId),
        ['running', 'incident'],
      );
    } catch (error) {
      // Finished, cancelled or suspended instances fire nothing; resume() re-arms suspended timers.
      if (isEngineError(error, 'INSTANCE_NOT_RUNNING')) return;
      throw error;
    }
  };
}

/**
 * Runs a service task's handler outside any instance step (it may be slow), then signals the
 * activity with the result. A throw fails the job: the scheduler retries with backoff, then
 * raises an incident.
 */
export function serviceJobHandler(
  runner: InstanceRunner,
  handlers: HandlerRegistry,
  load: (definitionId: string) => Promise<LoadedDefinition>,
) {
  return async (job: Job): Promise<void> => {
    const { instanceId, executionId, activityId, topic } = job.payload as {
      instanceId: string;
      executionId: string;
      activityId: string;
      topic: string;
    };
    const instance = await runner.load(instanceId);
    if (!instance.waits.some((w) => w.executionId === executionId)) return; // already done
    if (instance.status === 'completed' || instance.status === 'cancelled') return;
    // resume() moves this job back to now; until then, failing keeps it (retried later)
    if (instance.status === 'suspended')
      throw new EngineError('INSTANCE_NOT_RUNNING', `instance ${instanceId} is suspended`);
    const handler = handlers.get(topic);
    if (!handler) throw new EngineError('HANDLER_FAILED', `no service handler '${topic}'`);
    const { model } = await load(instance.definitionId);
    const raw = model.serviceTasks.get(activityId)?.parameters ?? {};
    const parameters = Object.fromEntries(
      Object.entries(raw).map(([name, text]) => [
        name,
        isExpression(text) ? evaluateExpression(text, instance.variables) : text,
      ]),
    );
    let output: Record<string, unknown>;
    try {
      output =
        (await handler.execute({
          parameters,
          variables: instance.variables,
          instance: {
            id: instance._id,
            district: instance.district,
            businessKey: instance.businessKey,
            processKey: instance.processKey,
            ...(instance.starter && { starter: instance.starter }),
          },
          activityId,
          executionId,
        })) ?? {};
    } catch (error) {
      // A business error goes to the error boundary event that catches it, if any.
      if (
        isBpmnError(error) &&
        (await deliverBpmnError(runner, load, { instanceId, executionId, activityId }, error))
      )
        return;
      // The scheduler counts the attempt when it leases the job; on the last one the instance
      // shows the incident before the job is marked failed.
      if (job.attempts >= job.maxAttempts) await raiseIncident(runner, job, error);
      throw error;
    }

    await runner.step(
      instanceId,
      (ctx) => {
        if (!ctx.session.waiting().some((w) => w.executionId === executionId)) return;
        Object.assign(ctx.variables, output);
        if (ctx.instance.status === 'incident') {
          ctx.status = 'running';
          ctx.patch.incident = undefined;
        }
        ctx.history.push({ type: 'service.completed', activityId, data: { topic } });
        ctx.session.signal(executionId, output);
      },
      ['running', 'incident'],
    );
  };
}

async function raiseIncident(runner: InstanceRunner, job: Job, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const activityId = String(job.payload.activityId ?? '');
  await runner.step(job.instanceId!, (ctx) => {
    ctx.status = 'incident';
    ctx.patch.incident = { message, activityId, at: ctx.now };
    ctx.history.push({ type: 'incident.raised', activityId, data: { message, jobId: job.id } });
  });
}
