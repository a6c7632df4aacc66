import { EngineError } from '../engine.error';
import { eventCatalogOf, type StartEventInfo } from '../runtime/event-catalog';
import type { InstanceRunner } from '../runtime/instance-runner';
import type { LoadedDefinition } from '../runtime/loaded-definition';
import type { EngineStore } from '../storage/engine-store';
import type { InstanceDoc } from '../storage/documents';

export interface EventStart {
  loaded: LoadedDefinition;
  start: StartEventInfo;
}

export interface StartByEventRequest {
  variables: Record<string, unknown>;
  businessKey?: string;
  /** Deterministic when a job starts it, so that a re-run finds the first run's instance. */
  instanceId?: string;
}

/**
 * Start events of the latest active version of every process in a district. Deployments are few
 * and loaded definitions are cached, so this reads the deployment headers of one district and
 * compiles nothing twice.
 */
export class StartEventFinder {
  constructor(
    private readonly store: EngineStore,
    private readonly definition: (definitionId: string) => Promise<LoadedDefinition>,
  ) {}

  async find(
    district: string,
    trigger: 'message' | 'signal' | 'timer',
    name?: string,
  ): Promise<EventStart[]> {
    const found: EventStart[] = [];
    for (const definitionId of await this.latestActive(district)) {
      const loaded = await this.definition(definitionId);
      const catalog = await eventCatalogOf(loaded.deployment);
      for (const start of catalog.starts) {
        if (start.trigger === trigger && (name === undefined || start.name === name))
          found.push({ loaded, start });
      }
    }
    return found;
  }

  /** One start event of one deployment, as a job recorded it. */
  async get(definitionId: string, startEventId: string): Promise<EventStart> {
    const loaded = await this.definition(definitionId);
    const catalog = await eventCatalogOf(loaded.deployment);
    const start = catalog.starts.find((s) => s.elementId === startEventId);
    if (!start)
      throw new EngineError(
        'NOT_FOUND',
        `deployment ${definitionId} has no start event ${startEventId}`,
      );
    return { loaded, start };
  }

  /** The latest active deployment of each process key in the district. */
  private async latestActive(district: string): Promise<string[]> {
    const headers = await this.store.deployments
      .find({ district, active: true }, { projection: { _id: 1, key: 1, version: 1 } })
      .toArray();
    const latest = new Map<string, { _id: string; version: number }>();
    for (const header of headers) {
      const known = latest.get(header.key);
      if (!known || known.version < header.version) latest.set(header.key, header);
    }
    return [...latest.values()].map((h) => h._id);
  }
}

/**
 * Starts an instance by one of its event start events: the instance starts with that start event
 * alone (no none start runs beside it), which then receives the message or signal, or fires.
 */
export function startByEvent(
  runner: InstanceRunner,
  { loaded, start }: EventStart,
  request: StartByEventRequest,
): Promise<InstanceDoc> {
  return runner.start(
    {
      definitionId: loaded.deployment._id,
      district: loaded.deployment.district,
      variables: request.variables,
      businessKey: request.businessKey,
      instanceId: request.instanceId,
      startEventId: start.elementId,
    },
    (ctx) => {
      ctx.history.push({
        type: 'instance.triggered',
        activityId: start.elementId,
        data: { trigger: start.trigger, ...(start.name !== undefined && { name: start.name }) },
      });
      if (start.trigger === 'timer') {
        const timer = ctx.session.pendingTimers().find((t) => t.activityId === start.elementId);
        if (!timer || !ctx.session.fireTimer(timer.executionId))
          throw new EngineError('CONFLICT', `timer start event ${start.elementId} did not arm`);
        return;
      }
      const wait = ctx.session.waiting().find((w) => w.activityId === start.elementId);
      if (!wait) throw new EngineError('CONFLICT', `start event ${start.elementId} is not waiting`);
      ctx.session.signal(wait.executionId, request.variables);
    },
  );
}
