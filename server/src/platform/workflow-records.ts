import { Inject, Injectable } from '@nestjs/common';
import type { DeploymentDoc, HistoryDoc, InstanceDoc, TaskDoc } from '../../../engine/src';
import { DistrictScopedCollection } from '../common/database/district-scoped-collection';
import type { WorkflowPlatform } from '../workflow';
import { WORKFLOW_PLATFORM } from './platform.tokens';

/**
 * Read access to the engine's instances and tasks for the HTTP modules, always through
 * `.in(district)`: another district's ids match nothing. Writes go through the engine's API
 * (steps, task service), never here.
 */
export interface InstanceLabels {
  processName: string;
  stepName(activityId: string): string;
}

@Injectable()
export class WorkflowRecords {
  readonly instances: DistrictScopedCollection<InstanceDoc>;
  readonly tasks: DistrictScopedCollection<TaskDoc>;
  readonly deployments: DistrictScopedCollection<DeploymentDoc>;
  readonly history: DistrictScopedCollection<HistoryDoc>;
  /** Process names by deployment id; deployments are immutable but for `active`. */
  private readonly names = new Map<string, Promise<string>>();

  private readonly engine: WorkflowPlatform['engine'];

  constructor(@Inject(WORKFLOW_PLATFORM) platform: WorkflowPlatform) {
    this.engine = platform.engine;
    this.instances = new DistrictScopedCollection(platform.engine.store.instances);
    this.tasks = new DistrictScopedCollection(platform.engine.store.tasks);
    this.deployments = new DistrictScopedCollection(platform.engine.store.deployments);
    this.history = new DistrictScopedCollection(platform.engine.store.history);
  }

  /**
   * What a person reads for an instance: its process's name and its steps' names (an element
   * without a name keeps its id). Compiled definitions are cached by the engine.
   */
  async labels(
    instance: Pick<InstanceDoc, 'district' | 'definitionId' | 'processKey'>,
  ): Promise<InstanceLabels> {
    const [processName, names] = await Promise.all([
      this.processName(instance),
      this.engine.definitions
        .load(instance.definitionId)
        .then((loaded) => loaded.model.names)
        .catch(() => new Map<string, string>()),
    ]);
    return { processName, stepName: (id) => names.get(id) || id };
  }

  /** The process's display name (the deployment's name, else its key). */
  processName(
    instance: Pick<InstanceDoc, 'district' | 'definitionId' | 'processKey'>,
  ): Promise<string> {
    let name = this.names.get(instance.definitionId);
    if (!name) {
      name = this.deployments
        .in(instance.district)
        .findOne({ _id: instance.definitionId }, { projection: { name: 1 } })
        .then((doc) => doc?.name || instance.processKey);
      name.catch(() => this.names.delete(instance.definitionId));
      this.names.set(instance.definitionId, name);
      if (this.names.size > 1000) this.names.delete(this.names.keys().next().value as string);
    }
    return name;
  }
}
