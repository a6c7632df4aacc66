import { Inject, Injectable } from '@nestjs/common';
import type { Filter } from 'mongodb';
import { type InstanceDoc, isEngineError } from '../../../engine/src';
import type { Caller } from '../auth/caller';
import { AppError } from '../common/errors/app-error';
import type { Page } from '../common/pagination/pagination';
import { DefinitionsService } from '../definitions-http/definitions.service';
import { toTaskSummary, type TaskSummary } from '../inbox/task.view';
import { DueWindows } from '../platform/due-window';
import { WORKFLOW_PLATFORM } from '../platform/platform.tokens';
import { pageByTime } from '../platform/time-keyset';
import { WorkflowAccess } from '../platform/workflow-access';
import { WorkflowRecords } from '../platform/workflow-records';
import type { WorkflowPlatform } from '../workflow';
import type { InstanceListQueryDto, StartInstanceDto } from './instance.dto';
import {
  type HistoryEntry,
  type InstanceSummary,
  toHistoryEntry,
  toInstanceSummary,
} from './instance.view';

export interface DocumentSummaryView {
  id: string;
  key: string;
  title: string;
  number?: string;
  createdAt: Date;
}

export interface InstanceDetail {
  instance: InstanceSummary;
  variables: Record<string, unknown>;
  tasks: TaskSummary[];
  history: HistoryEntry[];
  documents: DocumentSummaryView[];
  diagram: { xml: string; completed: string[]; active: string[] };
}

/** Starting instances, the instance list and the instance page; who sees what: WorkflowAccess. */
@Injectable()
export class InstancesService {
  constructor(
    @Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform,
    @Inject(WorkflowRecords) private readonly records: WorkflowRecords,
    @Inject(WorkflowAccess) private readonly access: WorkflowAccess,
    @Inject(DueWindows) private readonly due: DueWindows,
    @Inject(DefinitionsService) private readonly definitions: DefinitionsService,
  ) {}

  /**
   * Starts the latest active version for a caller among its candidate starters (403 otherwise);
   * the data is checked by its start form.
   */
  async start(caller: Caller, body: StartInstanceDto): Promise<InstanceSummary> {
    try {
      await this.definitions.assertMayStart(caller, body.processKey);
      const doc = await this.platform.startInstance(
        caller.district,
        body.processKey,
        caller.userId,
        body.data,
        body.businessKey === undefined ? {} : { businessKey: body.businessKey },
      );
      return this.summary(doc);
    } catch (error) {
      if (
        isEngineError(error, 'NOT_FOUND') ||
        (error instanceof AppError && error.code === 'NOT_FOUND')
      )
        throw AppError.field('processKey', '流程不存在或未启用');
      throw error;
    }
  }

  /** Newest first; supervisors see the district's instances, everyone else their own. */
  async list(caller: Caller, query: InstanceListQueryDto): Promise<Page<InstanceSummary>> {
    const conditions: Filter<InstanceDoc>[] = [await this.access.instanceFilter(caller)];
    for (const field of ['processKey', 'status', 'businessKey', 'starter'] as const)
      if (query[field] !== undefined) conditions.push({ [field]: query[field] });
    if (query.from !== undefined || query.to !== undefined)
      conditions.push({
        startedAt: {
          ...(query.from !== undefined && { $gte: new Date(query.from) }),
          ...(query.to !== undefined && { $lt: new Date(query.to) }),
        },
      });
    const filter = conditions.filter((condition) => Object.keys(condition).length > 0);
    return pageByTime(
      this.records.instances.in(caller.district),
      filter.length === 0 ? {} : { $and: filter },
      { field: 'startedAt', direction: -1 },
      query,
      (doc) => this.summary(doc),
    );
  }

  async detail(caller: Caller, instanceId: string): Promise<InstanceDetail> {
    const instance = await this.access.visibleInstance(caller, instanceId);
    const district = caller.district;
    const [tasks, history, documents, deployment, due, summary] = await Promise.all([
      this.records.tasks
        .in(district)
        .find({ instanceId }, { sort: { instanceRev: 1, createdAt: 1, _id: 1 } })
        .toArray(),
      this.records.history
        .in(district)
        .find({ instanceId }, { sort: { rev: 1, seq: 1 } })
        .toArray(),
      this.documents(caller, instanceId, instance),
      this.records.deployments.in(district).findById(instance.definitionId),
      this.due.of(district),
      this.summary(instance),
    ]);
    const completed = new Set(
      history.filter((event) => event.type === 'activity.left').map((event) => event.activityId!),
    );
    return {
      instance: summary,
      variables: instance.variables,
      tasks: tasks.map((task) => toTaskSummary(task, due)),
      history: history.map(toHistoryEntry),
      documents,
      diagram: {
        xml: deployment?.xml ?? '',
        completed: [...completed].filter(Boolean),
        active: instance.activeActivityIds,
      },
    };
  }

  /** The instance's rendered documents, oldest first. */
  async documents(
    caller: Caller,
    instanceId: string,
    visible?: InstanceDoc,
  ): Promise<DocumentSummaryView[]> {
    const instance = visible ?? (await this.access.visibleInstance(caller, instanceId));
    const documents = await this.platform.documents.listByInstance(instance._id);
    return documents
      .filter((doc) => doc.district === caller.district)
      .map((doc) => ({
        id: doc._id,
        key: doc.key,
        title: doc.title,
        ...(doc.number !== undefined && { number: doc.number }),
        createdAt: doc.createdAt,
      }));
  }

  async summary(doc: InstanceDoc): Promise<InstanceSummary> {
    return toInstanceSummary(doc, await this.records.labels(doc));
  }
}
