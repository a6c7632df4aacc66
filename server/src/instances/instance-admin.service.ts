import { Inject, Injectable } from '@nestjs/common';
import { type ActivityMove, isEngineError, type UnmappedActivity } from '../../../engine/src';
import type { Caller } from '../auth/caller';
import { AppError } from '../common/errors/app-error';
import { WORKFLOW_PLATFORM } from '../platform/platform.tokens';
import { WorkflowAccess } from '../platform/workflow-access';
import type { WorkflowPlatform } from '../workflow';
import type { MigrateInstanceDto } from './instance.dto';
import type { InstanceSummary } from './instance.view';
import { InstancesService } from './instances.service';

export interface MigrationOutcome {
  dryRun: boolean;
  /** True when the instance moved (never on a dry run). */
  migrated: boolean;
  fromVersion: number;
  toVersion: number;
  /** Where each waiting activity goes (or went). */
  activities: ActivityMove[];
  /** Waiting activities that do not map; the instance stays where it is while there are any. */
  unmapped: UnmappedActivity[];
  /** Why the engine refused to move it (ended, busy…). */
  failure?: { code: string; message: string };
}

/** The administrator's actions on one instance (the routes carry @DistrictAdminOnly). */
@Injectable()
export class InstanceAdminService {
  constructor(
    @Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform,
    @Inject(WorkflowAccess) private readonly access: WorkflowAccess,
    @Inject(InstancesService) private readonly instances: InstancesService,
  ) {}

  cancel(caller: Caller, id: string, reason: string): Promise<InstanceSummary> {
    return this.act(caller, id, () =>
      this.platform.engine.cancelInstance(id, reason, caller.userId),
    );
  }

  suspend(caller: Caller, id: string): Promise<InstanceSummary> {
    return this.act(caller, id, () => this.platform.engine.suspendInstance(id, caller.userId));
  }

  resume(caller: Caller, id: string): Promise<InstanceSummary> {
    return this.act(caller, id, () => this.platform.engine.resumeInstance(id, caller.userId));
  }

  /** Retries the failed service task of an instance in incident (409 when there is none). */
  retry(caller: Caller, id: string): Promise<InstanceSummary> {
    return this.act(caller, id, () => this.platform.engine.retryIncident(id));
  }

  async migrate(caller: Caller, id: string, body: MigrateInstanceDto): Promise<MigrationOutcome> {
    const instance = await this.access.visibleInstance(caller, id);
    const mapping = body.mapping ?? {};
    const problems = Object.entries(mapping)
      .filter(([, to]) => typeof to !== 'string' || to === '')
      .map(([from]) => ({ path: `mapping.${from}`, message: '必须是新版本中的环节 id' }));
    if (problems.length > 0) throw AppError.validation(problems);
    const request = {
      district: caller.district,
      processKey: instance.processKey,
      fromVersion: instance.version,
      toVersion: body.targetVersion,
      mapping,
    };
    const base = { fromVersion: instance.version, toVersion: body.targetVersion };
    if (body.dryRun) {
      const plan = await this.platform.engine.migration.plan(request).catch(versionNotFound);
      return {
        ...base,
        dryRun: true,
        migrated: false,
        activities: plan.instances.find((entry) => entry.instanceId === id)?.activities ?? [],
        unmapped: plan.unmapped.filter((entry) => entry.instanceId === id),
      };
    }
    const result = await this.platform.engine.migration
      .migrate({ ...request, instanceIds: [id], userId: caller.userId })
      .catch(versionNotFound);
    const moved = result.migrated.find((entry) => entry.instanceId === id);
    const failure = result.failed.find((entry) => entry.instanceId === id);
    return {
      ...base,
      dryRun: false,
      migrated: moved !== undefined,
      activities: moved?.activities ?? [],
      unmapped: result.unmapped.filter((entry) => entry.instanceId === id),
      ...(failure && {
        failure: { code: failure.code, message: `流程实例未迁移（${failure.code}）` },
      }),
    };
  }

  private async act(
    caller: Caller,
    id: string,
    action: () => Promise<void>,
  ): Promise<InstanceSummary> {
    await this.access.visibleInstance(caller, id);
    await action();
    return this.instances.summary(await this.access.visibleInstance(caller, id));
  }
}

function versionNotFound(error: unknown): never {
  if (isEngineError(error, 'NOT_FOUND')) throw AppError.field('targetVersion', '该流程版本不存在');
  throw error;
}
