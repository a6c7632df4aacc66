import { EngineError } from '../engine.error';
import type { InstanceRunner } from '../runtime/instance-runner';
import type { SubscriptionRecord } from '../storage/documents';

/** A subscription as found in engine_subscriptions: the record plus whose it is. */
export interface FoundSubscription extends SubscriptionRecord {
  instanceId: string;
}

/**
 * Delivers a message or signal to one subscription, as one step of its instance: the variables
 * become process variables and the waiting element completes (or the event sub-process starts).
 * Returns false when the instance no longer holds the subscription — someone else was faster.
 */
export async function deliverToSubscription(
  runner: InstanceRunner,
  subscription: FoundSubscription,
  variables: Record<string, unknown>,
): Promise<boolean> {
  return runner.step(
    subscription.instanceId,
    (ctx) => {
      if (!(ctx.instance.subscriptions ?? []).some((s) => s.id === subscription.id)) return false;
      Object.assign(ctx.variables, variables);
      ctx.history.push({
        type: `${subscription.kind}.received`,
        activityId: subscription.activityId,
        data: { name: subscription.name },
      });
      if (subscription.eventSubProcess) {
        ctx.session.triggerEventSubProcess({
          subProcessId: subscription.eventSubProcess.subProcessId,
          startEventId: subscription.activityId,
          payload: variables,
          interrupting: subscription.eventSubProcess.interrupting,
        });
      } else if (subscription.executionId) {
        ctx.session.signal(subscription.executionId, variables);
      } else {
        throw new EngineError(
          'CONFLICT',
          `subscription ${subscription.id} has nothing to deliver to`,
        );
      }
      return true;
    },
    ['running', 'incident'],
  );
}
