import { EngineError } from '../engine.error';
import type { InstanceRunner } from '../runtime/instance-runner';
import type { InstanceDoc, InstanceStatus } from '../storage/documents';
import type { EngineStore } from '../storage/engine-store';
import { deliverToSubscription, type FoundSubscription } from './event-delivery';
import { startByEvent, type StartEventFinder } from './start-events';

export interface CorrelateMessageRequest {
  district: string;
  /** The bpmn:message name, as the catching elements reference it. */
  name: string;
  /** Only instances with this business key. */
  businessKey?: string;
  /** Only this instance (then message start events are not considered). */
  instanceId?: string;
  /** Become process variables of the receiving (or started) instance. */
  variables?: Record<string, unknown>;
}

export interface CorrelationResult {
  instanceId: string;
  /** true: a message start event started a new instance; false: a waiting element received it. */
  started: boolean;
  activityId: string;
}

const DELIVERABLE: readonly InstanceStatus[] = ['running', 'incident'];
// a receiver that moves on between lookup and delivery is looked up again, a few times
const MAX_ROUNDS = 5;

/**
 * Message correlation with Camunda's rules: a message goes to the one element waiting for it
 * (an intermediate catch event, a receive task, a boundary event, an event sub-process start) in
 * the instances that match; when none waits, to the one message start event of the latest process
 * versions of the district. None: NOT_FOUND; several: CONFLICT (Camunda's
 * MismatchingMessageCorrelationException) — correlateAll delivers to every one instead.
 */
export class MessageCorrelator {
  constructor(
    private readonly store: EngineStore,
    private readonly runner: InstanceRunner,
    private readonly starts: StartEventFinder,
  ) {}

  async correlate(request: CorrelateMessageRequest): Promise<CorrelationResult> {
    checkRequest(request);
    for (let round = 1; ; round++) {
      const receivers = await this.receivers(request);
      if (receivers.length > 1) {
        throw new EngineError(
          'CONFLICT',
          `message '${request.name}' matches ${receivers.length} waiting elements; narrow it with a business key or instance id, or correlate it to all`,
          receivers.map((r) => ({ instanceId: r.instanceId, activityId: r.activityId })),
        );
      }
      if (receivers.length === 1) {
        const [receiver] = receivers;
        if (await this.deliver(receiver, request)) return received(receiver);
        if (round < MAX_ROUNDS) continue;
        throw new EngineError('CONFLICT', `message '${request.name}' lost the race; try again`);
      }
      if (request.instanceId !== undefined) throw this.nothingWaits(request);
      const starts = await this.starts.find(request.district, 'message', request.name);
      if (starts.length > 1) {
        throw new EngineError(
          'CONFLICT',
          `message '${request.name}' starts ${starts.length} processes; it must start one`,
          starts.map((s) => ({
            processKey: s.loaded.deployment.key,
            activityId: s.start.elementId,
          })),
        );
      }
      if (starts.length === 0) throw this.nothingWaits(request);
      const instance = await startByEvent(this.runner, starts[0], {
        variables: request.variables ?? {},
        businessKey: request.businessKey,
      });
      return { instanceId: instance._id, started: true, activityId: starts[0].start.elementId };
    }
  }

  /**
   * Delivers to every element waiting for the message, and (unless an instance id narrows it)
   * starts an instance at every matching message start event. Elements that receive it stop
   * waiting, so calling it again after a failure part-way reaches only the ones left.
   */
  async correlateAll(request: CorrelateMessageRequest): Promise<CorrelationResult[]> {
    checkRequest(request);
    const results: CorrelationResult[] = [];
    for (const receiver of await this.receivers(request)) {
      if (await this.deliver(receiver, request)) results.push(received(receiver));
    }
    if (request.instanceId === undefined) {
      for (const start of await this.starts.find(request.district, 'message', request.name)) {
        const instance = await startByEvent(this.runner, start, {
          variables: request.variables ?? {},
          businessKey: request.businessKey,
        });
        results.push({
          instanceId: instance._id,
          started: true,
          activityId: start.start.elementId,
        });
      }
    }
    return results;
  }

  private async deliver(
    receiver: FoundSubscription,
    request: CorrelateMessageRequest,
  ): Promise<boolean> {
    try {
      return await deliverToSubscription(this.runner, receiver, request.variables ?? {});
    } catch (error) {
      // ended or suspended meanwhile: for correlation it simply no longer waits
      if (error instanceof EngineError && error.code === 'INSTANCE_NOT_RUNNING') return false;
      throw error;
    }
  }

  /**
   * Open subscriptions for the message, each checked against its instance: the instance document
   * lists the subscriptions its current revision holds, so a copy its outbox has not closed yet is
   * not mistaken for a receiver. Suspended instances receive nothing.
   */
  private async receivers(request: CorrelateMessageRequest): Promise<FoundSubscription[]> {
    const found = await this.store.subscriptions
      .find({
        district: request.district,
        kind: 'message',
        name: request.name,
        open: true,
        ...(request.businessKey !== undefined && { businessKey: request.businessKey }),
        ...(request.instanceId !== undefined && { instanceId: request.instanceId }),
      })
      .toArray();
    if (found.length === 0) return [];
    const instances = new Map(
      (
        await this.store.instances
          .find({ _id: { $in: [...new Set(found.map((s) => s.instanceId))] } })
          .toArray()
      ).map((doc) => [doc._id, doc]),
    );
    const suspended = found.filter((s) => instances.get(s.instanceId)?.status === 'suspended');
    const live = found.filter((s) => holds(instances.get(s.instanceId), s._id));
    if (live.length === 0 && suspended.length > 0 && request.instanceId !== undefined)
      throw new EngineError('INSTANCE_NOT_RUNNING', `instance ${request.instanceId} is suspended`, {
        status: 'suspended',
      });
    return live.map(({ _id, ...rest }) => ({ ...rest, id: _id }));
  }

  private nothingWaits(request: CorrelateMessageRequest): EngineError {
    if (request.instanceId !== undefined)
      return new EngineError(
        'NOT_FOUND',
        `nothing in instance ${request.instanceId} waits for message '${request.name}'`,
      );
    const scope =
      request.businessKey !== undefined ? ` with business key '${request.businessKey}'` : '';
    return new EngineError(
      'NOT_FOUND',
      `nothing waits for message '${request.name}'${scope}, and no process starts by it`,
    );
  }
}

function holds(instance: InstanceDoc | undefined, subscriptionId: string): boolean {
  return (
    instance !== undefined &&
    DELIVERABLE.includes(instance.status) &&
    (instance.subscriptions ?? []).some((s) => s.id === subscriptionId)
  );
}

function received(receiver: FoundSubscription): CorrelationResult {
  return { instanceId: receiver.instanceId, started: false, activityId: receiver.activityId };
}

function checkRequest(request: CorrelateMessageRequest): void {
  if (!request.district || !request.name?.trim())
    throw new EngineError('INVALID_ARGUMENT', 'a message needs a district and a name');
}
