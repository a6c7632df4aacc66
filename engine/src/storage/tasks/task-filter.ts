import type { Document } from 'mongodb';
import { EngineError } from '../../engine.error';
import type { SortPhase } from '../keyset-page';
import { andFilter } from '../pushdown-filter';
import {
  DEFAULT_TASK_PAGE,
  MAX_TASK_PAGE,
  TASK_SORTS,
  type TaskFilter,
  type TaskSort,
} from './task-query';

/** The MongoDB filter of a task filter; refuses what would be a silent mistake (no district, bad dates). */
export function taskFilterToQuery(filter: TaskFilter): Document {
  if (typeof filter.district !== 'string' || filter.district === '')
    throw new EngineError('INVALID_ARGUMENT', 'a task query needs a district');
  const and: Document[] = [{ district: filter.district }];
  const equal = (field: string, value: string | undefined) => {
    if (value !== undefined) and.push({ [field]: value });
  };
  equal('assignee', filter.assignee);
  equal('completedBy', filter.completedBy);
  equal('viewers', filter.viewer);
  equal('processKey', filter.processKey);
  equal('instanceId', filter.instanceId);
  equal('businessKey', filter.businessKey);

  const candidates: Document[] = [];
  if (filter.candidateUser !== undefined) candidates.push({ candidateUsers: filter.candidateUser });
  if (filter.candidateGroups !== undefined)
    candidates.push(
      // one group as an equality: the embedded database answers it from an index, $in it scans
      filter.candidateGroups.length === 1
        ? { candidateGroups: filter.candidateGroups[0] }
        : { candidateGroups: { $in: [...filter.candidateGroups] } },
    );
  if (candidates.length > 0)
    and.push(
      { assignee: { $exists: false } },
      candidates.length === 1 ? candidates[0] : { $or: candidates },
    );

  if (filter.status !== undefined)
    and.push({
      status: typeof filter.status === 'string' ? filter.status : { $in: [...filter.status] },
    });

  const due: Document = {};
  if (filter.dueBefore !== undefined) due.$lt = validDate(filter.dueBefore, 'dueBefore');
  if (filter.dueAfter !== undefined) due.$gte = validDate(filter.dueAfter, 'dueAfter');
  if (Object.keys(due).length > 0) and.push({ dueAt: due });

  if (typeof filter.priority === 'number') and.push({ priority: filter.priority });
  else if (filter.priority) {
    const range: Document = {};
    if (filter.priority.min !== undefined) range.$gte = filter.priority.min;
    if (filter.priority.max !== undefined) range.$lte = filter.priority.max;
    if (Object.keys(range).length > 0) and.push({ priority: range });
  }

  const text = filter.text?.trim();
  if (text) {
    const pattern = { $regex: escapeRegex(text), $options: 'i' };
    and.push({
      $or: [{ name: pattern }, { processName: pattern }, { businessKey: pattern }],
    });
  }
  return andFilter(and);
}

/** The phases of each inbox order; `_id` last makes every order total (see keyset-page.ts). */
export function taskOrder(sort: TaskSort = 'created'): { name: TaskSort; phases: SortPhase[] } {
  if (!TASK_SORTS.includes(sort))
    throw new EngineError('INVALID_ARGUMENT', `unknown task order '${String(sort)}'`);
  const asc = 1 as const;
  const desc = -1 as const;
  const dated = { dueAt: { $exists: true } };
  const undated = { dueAt: { $exists: false } };
  const phases: Record<TaskSort, SortPhase[]> = {
    created: [{ match: {}, keys: [key('createdAt', asc), key('_id', asc)] }],
    '-created': [{ match: {}, keys: [key('createdAt', desc), key('_id', desc)] }],
    due: [
      { match: dated, keys: [key('dueAt', asc), key('_id', asc)] },
      { match: undated, keys: [key('createdAt', asc), key('_id', asc)] },
    ],
    '-due': [
      { match: dated, keys: [key('dueAt', desc), key('_id', desc)] },
      { match: undated, keys: [key('createdAt', desc), key('_id', desc)] },
    ],
    priority: [
      { match: {}, keys: [key('priority', desc), key('createdAt', asc), key('_id', asc)] },
    ],
  };
  return { name: sort, phases: phases[sort] };
}

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_TASK_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TASK_PAGE)
    throw new EngineError(
      'INVALID_ARGUMENT',
      `limit must be an integer from 1 to ${MAX_TASK_PAGE}`,
    );
  return limit;
}

/** User text is matched literally: every regex metacharacter is escaped. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function validDate(value: Date, name: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime()))
    throw new EngineError('INVALID_ARGUMENT', `${name} must be a valid date`);
  return value;
}

function key(field: string, direction: 1 | -1) {
  return { field, direction };
}
