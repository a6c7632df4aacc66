import { Inject, Injectable } from '@nestjs/common';
import type { Filter } from 'mongodb';
import type { InstanceDoc, TaskDoc } from '../../../engine/src';
import type { Caller } from '../auth/caller';
import { AppError } from '../common/errors/app-error';
import { DefinitionCatalog } from '../definitions-http/definition-catalog';
import { DIRECTORY } from '../directory/directory.token';
import { WORKFLOW_PLATFORM } from '../platform/platform.tokens';
import { WorkflowRecords } from '../platform/workflow-records';
import type { Directory, WorkflowPlatform } from '../workflow';
import { figurePaths, PROCESS_FIGURES } from './process-figures';
import { type Statistics, StatisticsTally } from './statistics-tally';

/** Who sees the district's statistics besides its administrators (role keys). */
export const STATISTICS_ROLES: readonly string[] = [
  'office',
  'deputyAffairs',
  'committee',
  'council',
  'leader',
];

export interface StatisticsQuery {
  processKey?: string;
  from?: string;
  to?: string;
}

/**
 * `GET /statistics`: streams a projection of the district's instances (status and the few
 * variables of process-figures.ts) and of its completed tasks with a due date, and counts them in
 * StatisticsTally — FerretDB has neither $facet nor $lookup, and one pass keeps memory flat.
 */
@Injectable()
export class StatisticsService {
  private readonly definitions: DefinitionCatalog;

  constructor(
    @Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform,
    @Inject(DIRECTORY) private readonly directory: Directory,
    @Inject(WorkflowRecords) private readonly records: WorkflowRecords,
  ) {
    this.definitions = new DefinitionCatalog(records.deployments);
  }

  async compute(caller: Caller, query: StatisticsQuery): Promise<Statistics> {
    const mayRead =
      caller.isDistrictAdmin ||
      caller.isPlatformAdmin ||
      caller.roles.some((role) => STATISTICS_ROLES.includes(role));
    if (!mayRead) throw AppError.forbidden();
    const { district } = caller;
    const range = timeRange(query);
    const tally = new StatisticsTally();

    const instanceFilter: Filter<InstanceDoc> = {
      ...(query.processKey && { processKey: query.processKey }),
      ...(range && { startedAt: range }),
    };
    const projection: Record<string, 1> = { processKey: 1, status: 1 };
    for (const path of figurePaths(query.processKey)) projection[path] = 1;
    for await (const row of this.records.instances
      .in(district)
      .find(instanceFilter, { projection }))
      tally.addInstance(row as InstanceDoc);

    const taskFilter: Filter<TaskDoc> = {
      status: 'completed',
      dueAt: { $exists: true },
      ...(query.processKey && { processKey: query.processKey }),
      ...(range && { createdAt: range }),
    };
    const taskProjection = { projection: { dueAt: 1, completedAt: 1 } };
    for await (const row of this.records.tasks.in(district).find(taskFilter, taskProjection))
      tally.addTask(row as TaskDoc);

    return tally.result(await this.names(district, tally.unitIds()));
  }

  private async names(district: string, unitIds: string[]) {
    const processNames = new Map(
      (await this.definitions.latestPerKey(district)).map((d) => [d.key, d.name]),
    );
    const unitNames = new Map<string, string>();
    for (const id of unitIds) {
      const unit = await this.directory.unit(district, id);
      if (unit) unitNames.set(id, unit.name);
    }
    const codeLabels = await this.replyCodeLabels(district);
    return {
      process: (key: string) => processNames.get(key),
      unit: (id: string) => unitNames.get(id),
      replyCode: (code: string) => codeLabels.get(code),
    };
  }

  /** Reply-code labels from the district's code-list parameters named in process-figures.ts. */
  private async replyCodeLabels(district: string): Promise<Map<string, string>> {
    const params = (await this.platform.parameters.get(district)) as Record<string, unknown>;
    const labels = new Map<string, string>();
    for (const figures of Object.values(PROCESS_FIGURES)) {
      const list = figures.replyCodeLabels ? params[figures.replyCodeLabels] : undefined;
      if (!Array.isArray(list)) continue;
      for (const item of list as { code?: unknown; label?: unknown }[])
        if (typeof item.code === 'string' && typeof item.label === 'string')
          labels.set(item.code, item.label);
    }
    return labels;
  }
}

/** `from` inclusive, `to` exclusive; a date alone is the start of that day in Beijing time. */
function timeRange(query: StatisticsQuery): { $gte?: Date; $lt?: Date } | undefined {
  const at = (text: string) =>
    new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00+08:00` : text);
  const from = query.from === undefined ? undefined : at(query.from);
  const to = query.to === undefined ? undefined : at(query.to);
  if (from && to && from.getTime() >= to.getTime())
    throw AppError.field('to', '结束时间必须晚于开始时间');
  if (!from && !to) return undefined;
  return { ...(from && { $gte: from }), ...(to && { $lt: to }) };
}
