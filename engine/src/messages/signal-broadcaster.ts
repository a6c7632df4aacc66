import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { EngineError, isEngineError } from '../engine.error';
import type { Job, JobRepository, NewJob } from '../jobs';
import { deterministicId } from '../runtime/deterministic-id';
import type { InstanceRunner } from '../runtime/instance-runner';
import type { EngineStore } from '../storage/engine-store';
import { deliverToSubscription, type FoundSubscription } from './event-delivery';
import { startByEvent, type StartEventFinder } from './start-events';

export interface BroadcastSignalRequest {
  district: string;
  /** The bpmn:signal name, as the catching elements reference it. */
  name: string;
  /** Become process variables of every receiving (or started) instance. */
  variables?: Record<string, unknown>;
}

export interface SignalBroadcast {
  broadcastId: string;
}

export const SIGNAL_BROADCAST_JOB = 'signal-broadcast';
export const SIGNAL_DELIVERY_JOB = 'signal-delivery';
export const SIGNAL_START_JOB = 'signal-start';

interface BroadcastPayload {
  broadcastId: string;
  district: string;
  name: string;
  variables: Record<string, unknown>;
  /** Subscriptions opened after this instant do not receive the signal. */
  at: string;
}

/**
 * Signals reach every element waiting for them in the district, and start an instance at every
 * signal start event of the latest process versions. Durable in three hops, each a job:
 * the broadcast (one job) lists the receivers and schedules one delivery job per receiver, with
 * ids derived from the broadcast and the receiver — a crash part-way re-runs the listing and
 * schedules only what is missing — and each delivery runs, retries and fails on its own, so one
 * failing instance keeps no other from getting the signal.
 */
export class SignalBroadcaster {
  constructor(
    private readonly store: EngineStore,
    private readonly jobs: JobRepository,
    private readonly runner: InstanceRunner,
    private readonly starts: StartEventFinder,
    private readonly clock: Clock,
  ) {}

  /** Records the broadcast; the scheduler delivers it (runDueJobs in tests and scripts). */
  async broadcast(request: BroadcastSignalRequest): Promise<SignalBroadcast> {
    if (!request.district || !request.name?.trim())
      throw new EngineError('INVALID_ARGUMENT', 'a signal needs a district and a name');
    const broadcastId = randomUUID();
    await this.jobs.schedule(this.broadcastJob(broadcastId, request));
    return { broadcastId };
  }

  /** The job that broadcasts a signal; an instance's signal throw event schedules one too. */
  broadcastJob(broadcastId: string, request: BroadcastSignalRequest): NewJob {
    const now = this.clock.now();
    const payload: BroadcastPayload = {
      broadcastId,
      district: request.district,
      name: request.name,
      variables: request.variables ?? {},
      at: now.toISOString(),
    };
    return {
      id: `signal:${broadcastId}`,
      kind: SIGNAL_BROADCAST_JOB,
      district: request.district,
      dueAt: now,
      payload: { ...payload },
    };
  }

  /** Fans a broadcast out into one delivery job per receiver and one start job per start event. */
  readonly fanOut = async (job: Job): Promise<void> => {
    const payload = job.payload as unknown as BroadcastPayload;
    const subscriptions = await this.store.subscriptions
      .find({
        district: payload.district,
        kind: 'signal',
        name: payload.name,
        open: true,
        openedAt: { $lte: new Date(payload.at) },
      })
      .toArray();
    const deliveries: NewJob[] = subscriptions.map(({ _id, ...subscription }) => ({
      id: `signal:${payload.broadcastId}:${_id}`,
      kind: SIGNAL_DELIVERY_JOB,
      instanceId: subscription.instanceId,
      district: payload.district,
      dueAt: this.clock.now(),
      payload: {
        subscription: { ...subscription, id: _id },
        variables: payload.variables,
      },
    }));
    const starts = await this.starts.find(payload.district, 'signal', payload.name);
    const startJobs: NewJob[] = starts.map(({ loaded, start }) => ({
      id: `signal:${payload.broadcastId}:start:${loaded.deployment._id}:${start.elementId}`,
      kind: SIGNAL_START_JOB,
      district: payload.district,
      dueAt: this.clock.now(),
      payload: {
        definitionId: loaded.deployment._id,
        startEventId: start.elementId,
        variables: payload.variables,
      },
    }));
    await this.jobs.scheduleMany([...deliveries, ...startJobs]);
  };

  /** One receiver; an instance that ended, is suspended or moved on receives nothing. */
  readonly deliver = async (job: Job): Promise<void> => {
    const { subscription, variables } = job.payload as {
      subscription: FoundSubscription;
      variables: Record<string, unknown>;
    };
    try {
      await deliverToSubscription(this.runner, subscription, variables);
    } catch (error) {
      if (isEngineError(error, 'INSTANCE_NOT_RUNNING') || isEngineError(error, 'NOT_FOUND')) return;
      throw error;
    }
  };

  /** One signal start event: the instance id comes from the job, so a re-run starts nothing new. */
  readonly start = async (job: Job): Promise<void> => {
    const { definitionId, startEventId, variables } = job.payload as {
      definitionId: string;
      startEventId: string;
      variables: Record<string, unknown>;
    };
    await startByEvent(this.runner, await this.starts.get(definitionId, startEventId), {
      variables,
      instanceId: deterministicId(job.id),
    });
  };
}
