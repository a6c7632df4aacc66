import { Inject, Injectable } from '@nestjs/common';
import type { Filter } from 'mongodb';
import {
  type InstanceDoc,
  isEngineError,
  type TaskFilter,
  type TaskQuery,
  type TaskSort,
} from '../../../engine/src';
import type { Caller } from '../auth/caller';
import { searchPattern } from '../common/database/search-pattern';
import { AppError, type FieldProblem } from '../common/errors/app-error';
import type { Page } from '../common/pagination/pagination';
import { toInstanceSummary, type InstanceSummary } from '../instances/instance.view';
import { type DueWindow, DueWindows } from '../platform/due-window';
import { WORKFLOW_PLATFORM } from '../platform/platform.tokens';
import { pageByTime } from '../platform/time-keyset';
import { WorkflowRecords } from '../platform/workflow-records';
import type { WorkflowPlatform } from '../workflow';
import type { InboxView, TaskListQueryDto } from './inbox.dto';
import { toTaskSummary, type TaskSummary } from './task.view';

export interface InboxCounts {
  mine: number;
  claimable: number;
  completed: number;
  cc: number;
  started: number;
  /** Of mine and claimable. */
  overdue: number;
  dueSoon: number;
}

type TaskView = Exclude<InboxView, 'started'>;

/** The inbox lists (`GET /tasks`) and their counts, over the engine's task queries. */
@Injectable()
export class InboxService {
  constructor(
    @Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform,
    @Inject(WorkflowRecords) private readonly records: WorkflowRecords,
    @Inject(DueWindows) private readonly due: DueWindows,
  ) {}

  list(caller: Caller, query: TaskListQueryDto): Promise<Page<TaskSummary | InstanceSummary>> {
    const view = query.view ?? 'mine';
    return view === 'started' ? this.started(caller, query) : this.tasks(caller, view, query);
  }

  async counts(caller: Caller): Promise<InboxCounts> {
    const due = await this.due.of(caller.district);
    const count = (filter: TaskFilter) => this.platform.engine.tasks.count(filter);
    const mine = viewFilter(caller, 'mine');
    const claimable = viewFilter(caller, 'claimable');
    const overdue = { dueBefore: due.now };
    const soon = { dueAfter: due.now, dueBefore: due.soonUntil };
    const [m, c, done, cc, started, mineLate, poolLate, mineSoon, poolSoon] = await Promise.all([
      count(mine),
      count(claimable),
      count(viewFilter(caller, 'completed')),
      count(viewFilter(caller, 'cc')),
      this.records.instances.in(caller.district).count({ starter: caller.userId }),
      count({ ...mine, ...overdue }),
      count({ ...claimable, ...overdue }),
      count({ ...mine, ...soon }),
      count({ ...claimable, ...soon }),
    ]);
    return {
      mine: m,
      claimable: c,
      completed: done,
      cc,
      started,
      overdue: mineLate + poolLate,
      dueSoon: mineSoon + poolSoon,
    };
  }

  private async tasks(
    caller: Caller,
    view: TaskView,
    query: TaskListQueryDto,
  ): Promise<Page<TaskSummary>> {
    const due = await this.due.of(caller.district);
    const request: TaskQuery = {
      ...viewFilter(caller, view),
      ...(query.processKey !== undefined && { processKey: query.processKey }),
      ...(query.priority !== undefined && { priority: { min: query.priority } }),
      ...(query.q !== undefined && { text: query.q }),
      ...dueFilter(query.due, due),
      sort: query.sort ?? (view === 'mine' || view === 'claimable' ? 'due' : '-created'),
      ...(query.cursor !== undefined && { cursor: query.cursor }),
      limit: query.limit,
    };
    try {
      const page = await this.platform.engine.tasks.query(request);
      return {
        items: page.items.map((task) => toTaskSummary(task, due)),
        ...(page.nextCursor && { nextCursor: page.nextCursor }),
      };
    } catch (error) {
      if (isEngineError(error, 'INVALID_ARGUMENT') && query.cursor !== undefined)
        throw AppError.field('cursor', '分页游标无效，请从第一页重新加载');
      throw error;
    }
  }

  /** Instances the caller started: newest first (`sort=created` for oldest first). */
  private async started(caller: Caller, query: TaskListQueryDto): Promise<Page<InstanceSummary>> {
    const problems: FieldProblem[] = [];
    const only = '“我发起的”列表不支持此条件';
    if (query.due !== undefined) problems.push({ path: 'due', message: only });
    if (query.priority !== undefined) problems.push({ path: 'priority', message: only });
    if (query.sort !== undefined && !isCreatedSort(query.sort))
      problems.push({ path: 'sort', message: only });
    if (problems.length > 0) throw AppError.validation(problems);
    const filter: Filter<InstanceDoc> = {
      starter: caller.userId,
      ...(query.processKey !== undefined && { processKey: query.processKey }),
      ...(query.q?.trim() && {
        $or: [{ businessKey: searchPattern(query.q) }, { processKey: searchPattern(query.q) }],
      }),
    };
    return pageByTime(
      this.records.instances.in(caller.district),
      filter,
      { field: 'startedAt', direction: query.sort === 'created' ? 1 : -1 },
      query,
      async (doc) => toInstanceSummary(doc, await this.records.labels(doc)),
    );
  }
}

/** Which tasks a view holds (docs/api.md "Inbox"). */
export function viewFilter(caller: Caller, view: TaskView): TaskFilter {
  const district = caller.district;
  const me = caller.userId;
  switch (view) {
    case 'mine':
      return { district, assignee: me, status: 'open' };
    case 'claimable':
      return {
        district,
        candidateUser: me,
        ...(caller.roles.length > 0 && { candidateGroups: caller.roles }),
        status: 'open',
      };
    case 'completed':
      // what the caller finished: completed it, or sent it back (退回)
      return { district, completedBy: me, status: ['completed', 'returned'] };
    case 'cc':
      return { district, viewer: me };
  }
}

/** `due` looks at open tasks only: overdue = due before now, soon = due within the window. */
function dueFilter(due: 'overdue' | 'soon' | undefined, window: DueWindow): Partial<TaskFilter> {
  if (due === 'overdue') return { status: 'open', dueBefore: window.now };
  if (due === 'soon') return { status: 'open', dueAfter: window.now, dueBefore: window.soonUntil };
  return {};
}

function isCreatedSort(sort: TaskSort): boolean {
  return sort === 'created' || sort === '-created';
}
