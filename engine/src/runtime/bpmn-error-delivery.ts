import type { BpmnError } from '../bpmn-error';
import { catchesError, eventCatalogOf } from './event-catalog';
import type { InstanceRunner } from './instance-runner';
import type { LoadedDefinition } from './loaded-definition';

/**
 * Throws a service handler's BpmnError at its waiting service task, when an error boundary event
 * there catches the code; false (nothing done) when none does.
 */
export async function deliverBpmnError(
  runner: InstanceRunner,
  load: (definitionId: string) => Promise<LoadedDefinition>,
  target: { instanceId: string; executionId: string; activityId: string },
  error: BpmnError,
): Promise<boolean> {
  const instance = await runner.load(target.instanceId);
  const { deployment } = await load(instance.definitionId);
  if (!catchesError(await eventCatalogOf(deployment), target.activityId, error.code)) return false;
  await runner.step(
    target.instanceId,
    (ctx) => {
      if (!ctx.session.waiting().some((w) => w.executionId === target.executionId)) return;
      Object.assign(ctx.variables, error.variables ?? {});
      if (ctx.instance.status === 'incident') {
        ctx.status = 'running';
        ctx.patch.incident = undefined;
      }
      ctx.history.push({
        type: 'error.thrown',
        activityId: target.activityId,
        data: { code: error.code, message: error.message },
      });
      ctx.session.fail(target.executionId, { code: error.code, message: error.message });
    },
    ['running', 'incident'],
  );
  return true;
}
