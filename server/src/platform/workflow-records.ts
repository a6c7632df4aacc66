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
@Injectable()
export class WorkflowRecords {
  readonly instances: DistrictScopedCollection<InstanceDoc>;
  readonly tasks: DistrictScopedCollection<TaskDoc>;
  readonly deployments: DistrictScopedCollection<DeploymentDoc>;
  readonly history: DistrictScopedCollection<HistoryDoc>;
  /** Process names by deployment id; deployments are immutable but for `active`. */
  private readonly names = new Map<string, Promise<string>>();

  constructor(@Inject(WORKFLOW_PLATFORM) platform: WorkflowPlatform) {
    this.instances = new DistrictScopedCollection(platform.engine.store.instances);
    this.tasks = new DistrictScopedCollection(platform.engine.store.tasks);
    this.deployments = new DistrictScopedCollection(platform.engine.store.deployments);
    this.history = new DistrictScopedCollection(platform.engine.store.history);
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
