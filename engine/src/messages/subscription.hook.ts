import { eventCatalogOf, type EventCatalog } from '../runtime/event-catalog';
import type { StepHook, StepOutcome } from '../runtime/step-hooks';
import type { InstanceDoc, SubscriptionRecord } from '../storage/documents';

/**
 * Keeps an instance's message and signal subscriptions in step with what it waits for: a catch
 * event, receive task or boundary event that waits opens one for its execution; a process-level
 * event sub-process with a message or signal start holds one while the process runs and the
 * sub-process does not. The list is committed with the state; the queryable copies in
 * engine_subscriptions follow through the outbox.
 */
export const subscriptionHook: StepHook = {
  async afterStep(outcome) {
    const catalog = await eventCatalogOf(outcome.loaded.deployment);
    const instance = outcome.ctx.instance;
    const before = instance.subscriptions ?? [];
    const after = currentSubscriptions(outcome, catalog, before);
    const afterIds = new Set(after.map((s) => s.id));
    const beforeIds = new Set(before.map((s) => s.id));
    for (const gone of before) {
      if (!afterIds.has(gone.id))
        outcome.effects.push({
          type: 'subscription.close',
          subscriptionId: gone.id,
          at: outcome.ctx.now,
        });
    }
    for (const opened of after) {
      if (!beforeIds.has(opened.id))
        outcome.effects.push({
          type: 'subscription.open',
          subscription: subscriptionDoc(instance, opened, outcome.ctx.now),
        });
    }
    if (after.length > 0 || before.length > 0) outcome.fields.subscriptions = after;
  },
};

function currentSubscriptions(
  outcome: StepOutcome,
  catalog: EventCatalog,
  before: SubscriptionRecord[],
): SubscriptionRecord[] {
  if (outcome.status === 'completed' || outcome.status === 'cancelled') return [];
  const instanceId = outcome.ctx.instance._id;
  const subscriptions: SubscriptionRecord[] = [];
  for (const wait of outcome.waits) {
    const trigger = catalog.catches.get(wait.activityId);
    if (!trigger) continue;
    subscriptions.push({
      id: `${instanceId}:${wait.executionId}`,
      ...trigger,
      activityId: wait.activityId,
      executionId: wait.executionId,
    });
  }
  for (const start of catalog.eventSubProcesses) {
    // bpmn-elements runs one execution of an event sub-process at a time
    if (outcome.ctx.session.isActive(start.subProcessId)) continue;
    const held = before.find((s) => s.activityId === start.startEventId && s.eventSubProcess);
    subscriptions.push(
      held ?? {
        // the revision makes each opening its own subscription: a closed one is never reopened
        id: `${instanceId}:${start.startEventId}:${outcome.rev}`,
        kind: start.kind,
        name: start.name,
        activityId: start.startEventId,
        eventSubProcess: { subProcessId: start.subProcessId, interrupting: start.interrupting },
      },
    );
  }
  return subscriptions;
}

function subscriptionDoc(instance: Readonly<InstanceDoc>, record: SubscriptionRecord, at: Date) {
  const { id, ...fields } = record;
  return {
    _id: id,
    ...fields,
    district: instance.district,
    instanceId: instance._id,
    processKey: instance.processKey,
    ...(instance.businessKey !== undefined && { businessKey: instance.businessKey }),
    open: true,
    openedAt: at,
  };
}
