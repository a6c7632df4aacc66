import { deterministicId } from '../runtime/deterministic-id';
import { eventCatalogOf } from '../runtime/event-catalog';
import type { StepHook } from '../runtime/step-hooks';
import type { SignalBroadcaster } from './signal-broadcaster';

/**
 * A signal intermediate throw or end event broadcasts its signal to the whole district, as in
 * Camunda (bpmn-elements alone would deliver it inside the throwing instance only). The broadcast
 * job is committed with the step that threw it, its id derived from the throwing execution.
 */
export function signalThrowHook(broadcaster: SignalBroadcaster): StepHook {
  return {
    async afterStep(outcome) {
      const catalog = await eventCatalogOf(outcome.loaded.deployment);
      if (catalog.signalThrows.size === 0) return;
      const instance = outcome.ctx.instance;
      for (const event of outcome.events) {
        const name = event.kind === 'activity.end' && catalog.signalThrows.get(event.activityId);
        if (!name) continue;
        const job = broadcaster.broadcastJob(deterministicId(instance._id, event.executionId), {
          district: instance.district,
          name,
        });
        outcome.effects.push({
          type: 'job.schedule',
          job: {
            ...job,
            instanceId: instance._id,
            district: instance.district,
            payload: job.payload ?? {},
          },
        });
        outcome.history.push({
          type: 'signal.thrown',
          activityId: event.activityId,
          data: { name },
        });
      }
    },
  };
}
